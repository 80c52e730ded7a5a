import Foundation
import XCTest
@testable import PathcCore

/// The exports' parts: SHA-1 and name-based UUIDs against their published vectors, CSV as RFC 4180
/// and Python's csv module read it, identifiers that stay put, the same bytes twice.
final class ExportTests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined() }

    private func sha1(_ bytes: [UInt8]) -> String {
        var hasher = SHA1()
        hasher.add(bytes)
        return hex(hasher.finish())
    }

    func testSHA1MatchesRFC3174Vectors() {
        XCTAssertEqual(sha1([]), "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        XCTAssertEqual(sha1(Array("abc".utf8)), "a9993e364706816aba3e25717850c26c9cd0d89d")
        XCTAssertEqual(sha1(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        XCTAssertEqual(sha1([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)), "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    func testNameBasedUUIDsAreVersion5() throws {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        let dns = try XCTUnwrap(NameBasedUUID(parsing: "6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        XCTAssertEqual(NameBasedUUID(namespace: dns, name: "python.org").description, "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        XCTAssertEqual(NameBasedUUID(parsing: "886313E1-3B8A-5372-9B90-0C9AEE199E5D")?.description, "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        for bad in ["", "886313e1-3b8a-5372-9b90-0c9aee199e5", "886313e13b8a-5372-9b90-0c9aee199e5d0", "886313e1-3b8a-5372-9b90-0c9aee199e5g"] {
            XCTAssertNil(NameBasedUUID(parsing: bad), bad)
        }
    }

    func testTimestampsAreUTC() {
        XCTAssertEqual(FrameworkIdentity.timestamp(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(FrameworkIdentity.timestamp(1_796_556_031), "2026-12-06T11:20:31Z")
    }

    /// RFC 4180 as Python's csv module reads it back, formulas made inert, numbers left alone.
    func testCSVReadsBackWithPythonsCSVModule() throws {
        var table = CSVTable(header: ["Name", "Text", "Number"])
        let rows = [
            ["plain", "a, b", "42"],
            ["quotes", "say \"hi\"", "-3.5"],
            ["lines", "one\ntwo\r\nthree", "+7%"],
            ["formula", "=SUM(A1:A2)", "-12"],
            ["more", "+cmd|' /C calc'!A0", "@SUM(1)"],
            ["minus word", "-not a number", "1.2.3"],
            ["unicode", "Zoë · 3 · Advanced", ""],
        ]
        for row in rows { table.append(row) }
        let file = try temporaryFolder().appendingPathComponent("table.csv")
        try Data(table.bytes).write(to: file)
        let bytes = try Data(contentsOf: file)
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("Name,Text,Number\r\n"))
        let script = """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f))))
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        python.standardOutput = pipe
        do { try python.run() } catch { throw XCTSkip("python3 is not installed; the CSV read-back needs it") }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        let read = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [[String]])
        let expected = [["Name", "Text", "Number"]] + rows.map { row in
            row.map { cell in CSVTable.isPlainNumber(cell) || !["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? "") ? cell : "'" + cell }
        }
        XCTAssertEqual(read, expected)
        XCTAssertEqual(read[4], ["formula", "'=SUM(A1:A2)", "-12"])
        XCTAssertEqual(read[6], ["minus word", "'-not a number", "1.2.3"])
    }

    private func exporter(_ root: URL) -> Exporter {
        let result = Checker(root: root.path, currentDirectory: root.path).run()
        XCTAssertEqual(result.errorCount, 0, "\(result.diagnostics.map(\.message))")
        return Exporter(result: result, root: root.path)
    }

    func testExportsAreTheSameBytesTwice() throws {
        let root = try copyOfRepository()
        let first = exporter(root), second = exporter(root)
        XCTAssertEqual(JSONWriter().bytes(first.caseDocument()), JSONWriter().bytes(second.caseDocument()))
        XCTAssertEqual(JSONWriter().bytes(first.badgesDocument()), JSONWriter().bytes(second.badgesDocument()))
        for table in Exporter.Table.allCases {
            XCTAssertEqual(try first.table(table).get().bytes, try second.table(table).get().bytes, table.rawValue)
        }
    }

    /// A competency renamed with its `uuid` pinned keeps its CASE identifier, and so do its levels
    /// and behaviours; without the pin the identifier follows the id.
    func testAPinnedUUIDSurvivesARename() throws {
        let root = try copyOfRepository()
        try "name: Identity test\nuuid_namespace: 0f3c1b2a-7d4e-4f5a-9b6c-1d2e3f4a5b6c\n"
            .write(to: root.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        let path = root.appendingPathComponent("pathways/competencies/pipeline-forecasting.competency.yaml")
        let original = try String(contentsOf: path, encoding: .utf8)
        func identifiers() throws -> [String: String] {
            guard case .object(let members) = exporter(root).caseDocument(),
                  case .array(let items)? = members.first(where: { $0.key == "CFItems" })?.value else { return [:] }
            var found: [String: String] = [:]
            for case .object(let fields) in items {
                if case .string(let code)? = fields.first(where: { $0.key == "humanCodingScheme" })?.value,
                   case .string(let identifier)? = fields.first(where: { $0.key == "identifier" })?.value { found[code] = identifier }
            }
            return found
        }
        try original.replacingOccurrences(of: "id: pipeline-forecasting\n", with: "id: pipeline-forecasting\nuuid: 5a0c6e39-2f1b-4d8e-a7c3-9e4b1f2d6a80\n")
            .write(to: path, atomically: true, encoding: .utf8)
        let pinned = try identifiers()
        XCTAssertEqual(pinned["pipeline-forecasting"], "5a0c6e39-2f1b-4d8e-a7c3-9e4b1f2d6a80")
        // Renamed everywhere, the pin kept.
        for folder in ["pathways/competencies", "pathways/roles", "pathways/journeys", "pathways/okrs/developmental"] {
            for name in try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path) {
                let file = root.appendingPathComponent(folder).appendingPathComponent(name)
                let text = try String(contentsOf: file, encoding: .utf8)
                try text.replacingOccurrences(of: "pipeline-forecasting", with: "revenue-forecasting").write(to: file, atomically: true, encoding: .utf8)
            }
        }
        let renamed = try identifiers()
        XCTAssertEqual(renamed["revenue-forecasting"], pinned["pipeline-forecasting"])
        XCTAssertEqual(renamed["revenue-forecasting.2"], pinned["pipeline-forecasting.2"])
        XCTAssertEqual(renamed["revenue-forecasting.2.1"], pinned["pipeline-forecasting.2.1"])
        XCTAssertEqual(renamed["consultative-selling"], pinned["consultative-selling"], "the others are untouched")
        // Without the pin, a rename is a new identifier.
        let unpinned = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "uuid: 5a0c6e39-2f1b-4d8e-a7c3-9e4b1f2d6a80\n", with: "")
        try unpinned.write(to: path, atomically: true, encoding: .utf8)
        XCTAssertNotEqual(try identifiers()["revenue-forecasting"], pinned["pipeline-forecasting"])
    }

    /// The tracker lists the behaviours of each level a role needs, stamped with the version.
    func testTheTrackerListsARolesBehavioursWithItsVersion() throws {
        let root = try copyOfRepository()
        try "name: Tracker test\nversion: 2026.2\n".write(to: root.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        let table = try exporter(root).table(.tracker, role: "sales-manager").get()
        XCTAssertEqual(table.header, ["Role", "Competency", "Level", "Level name", "Behaviour", "Evidence", "Self rating", "Manager rating",
                                      "Framework version"])
        XCTAssertEqual(table.rows.count, 6)
        XCTAssertEqual(table.rows[0], ["Enterprise sales manager", "Consultative selling", "4", "Expert",
                                       "Negotiates multi-year enterprise agreements without discounting below the approved floor", "", "", "",
                                       "2026.2"])
        XCTAssertEqual(exporter(root).table(.tracker, role: "sales-manger").failure, .unknownRole("sales-manger", suggestion: "sales-manager"))
        let okrs = try exporter(root).table(.okrs).get()
        XCTAssertEqual(okrs.rows.count, exporter(root).model.all(.okr).reduce(0) { $0 + $1.keyResults.count })
        let matrix = try exporter(root).table(.matrix).get()
        XCTAssertEqual(matrix.rows.count, 6)
    }
}

private extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
