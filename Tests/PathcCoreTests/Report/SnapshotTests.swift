import Foundation
import XCTest
@testable import PathcCore

/// What a reader sees, kept as files: the diagnostics of a broken copy of this repository as the
/// terminal shows them, and one page of each kind of this repository's site. A change to either
/// shows in review as a change to a file under Fixtures/snapshots; run the tests with
/// PATHC_UPDATE_SNAPSHOTS=1 to write the new ones, then read the diff before committing it.
final class SnapshotTests: XCTestCase {
    private static let folder = TestPaths.repository.appendingPathComponent("Tests/PathcCoreTests/Fixtures/snapshots")

    private func assertSnapshot(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = Self.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PATHC_UPDATE_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no snapshot \(name): run the tests with PATHC_UPDATE_SNAPSHOTS=1 to write it", file: file, line: line)
            return
        }
        guard expected != text else { return }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        XCTFail("""
            \(name) differs from its snapshot from line \(first + 1):
            - \(first < old.count ? String(old[first]) : "(end)")
            + \(first < new.count ? String(new[first]) : "(end)")
            If the change is meant, run the tests with PATHC_UPDATE_SNAPSHOTS=1 and review the diff.
            """, file: file, line: line)
    }

    /// A broken copy: a syntax error, an unknown field, a wrong reference, vague wording.
    func testDiagnosticsAsTheTerminalShowsThem() throws {
        let root = try copyOfRepository()
        let okr = root.appendingPathComponent("pathways/okrs/developmental/consultative-selling-2026-q3.okr.yaml")
        try String(contentsOf: okr, encoding: .utf8)
            .replacingOccurrences(of: "owner: sales-enablement\n", with: "ownr: sales-enablement\n")
            .replacingOccurrences(of: "aligned_to: [enterprise-revenue-2026]", with: "aligned_to: [enterprise-revenu-2026]")
            .write(to: okr, atomically: true, encoding: .utf8)
        let competency = root.appendingPathComponent("pathways/competencies/consultative-selling.competency.yaml")
        try String(contentsOf: competency, encoding: .utf8)
            .replacingOccurrences(of: "Asks open questions about the customer's business goals before presenting a product",
                                  with: "Fosters a culture of curiosity")
            .write(to: competency, atomically: true, encoding: .utf8)
        try "kind: role\nid: broken\ntitle: [unclosed\n".write(to: root.appendingPathComponent("pathways/roles/broken.role.yaml"),
                                                              atomically: true, encoding: .utf8)
        let result = Checker(root: root.path, currentDirectory: root.path).run()
        let text = DiagnosticRenderer(useColor: false).render(all: result.diagnostics) + "\n"
            + DiagnosticReport.summaryLine(result.diagnostics, files: result.fileCount) + "\n"
        try assertSnapshot(text, "diagnostics.txt")
    }

    /// One page of each kind, and the home page, as this repository builds them.
    func testOnePageOfEachKind() throws {
        let root = try copyOfRepository()
        var checker = Checker(root: root.path, currentDirectory: root.path)
        checker.computesVerdicts = true
        let result = checker.run()
        XCTAssertEqual(result.errorCount, 0)
        let pages = SitePages(site: SiteModel(result: result, root: root.path, currentDirectory: root.path))
        let model = result.model
        let chosen: [(String, [UInt8])] = [
            ("home.html", pages.homePage()),
            ("competency.html", pages.competencyPage(try XCTUnwrap(model.entity(.competency, "consultative-selling")))),
            ("role.html", pages.rolePage(try XCTUnwrap(model.entity(.role, "account-executive")))),
            ("rubric.html", pages.rubricPage(try XCTUnwrap(model.entity(.rubric, "root-cause-rubric")))),
            ("pathway.html", pages.pathwayPage(try XCTUnwrap(model.entity(.pathway, "escalation-diagnosis-journey")))),
            ("okr.html", pages.okrPage(try XCTUnwrap(model.entity(.okr, "escalation-handling-2026-q3")))),
            ("comparison.html", pages.comparisonPage(from: try XCTUnwrap(model.entity(.role, "account-executive")),
                                                     to: try XCTUnwrap(model.entity(.role, "sales-manager")))),
            ("checklist.html", pages.checklistPage(try XCTUnwrap(model.entity(.role, "sales-manager")))),
            ("okrs.html", pages.okrListPage()),
        ]
        for (name, bytes) in chosen { try assertSnapshot(String(decoding: bytes, as: UTF8.self), name) }
    }
}
