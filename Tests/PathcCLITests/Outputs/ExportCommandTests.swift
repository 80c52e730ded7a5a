import Foundation
import XCTest

/// `pathc export` as a user runs it, its documents checked by the standards' own schemas (in
/// ../shared/conformance/, skipped with a message where it is missing), by pathc's validator and,
/// where it is installed, by check-jsonschema.
final class ExportCommandTests: XCTestCase {
    private var caseSchema: URL { CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/conformance/case/case-v1p1-cfpackage.schema.json") }
    private var badgeSchema: URL { CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/conformance/openbadges/ob-v3p0-achievementcredential.schema.json") }

    private func requireSchemas() throws {
        for schema in [caseSchema, badgeSchema] where !FileManager.default.fileExists(atPath: schema.path) {
            throw XCTSkip("\(schema.path) is missing: the standards' schemas come with ../shared beside the repository")
        }
    }

    /// check-jsonschema's verdict on a file, or nil when it is not installed.
    private func checkJSONSchema(_ schema: URL, _ file: URL) throws -> Bool? {
        let probe = try CLI.execute(URL(fileURLWithPath: "/usr/bin/env"), ["check-jsonschema", "--version"])
        guard probe.status == 0 else { return nil }
        return try CLI.execute(URL(fileURLWithPath: "/usr/bin/env"), ["check-jsonschema", "--schemafile", schema.path, file.path]).status == 0
    }

    /// The Open Badges schema with its root replaced by its Achievement definition: one
    /// achievement validates against it with any validator, no fragment needed.
    private func achievementSchema(in folder: URL) throws -> URL {
        var schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: badgeSchema)) as? [String: Any])
        for key in ["type", "properties", "required", "additionalProperties", "title", "description", "$comment", "allOf"] { schema[key] = nil }
        schema["$ref"] = "#/$defs/Achievement"
        schema["$id"] = "https://pathc.invalid/achievement.schema.json"
        let url = folder.appendingPathComponent("achievement.schema.json")
        try JSONSerialization.data(withJSONObject: schema, options: [.sortedKeys]).write(to: url)
        return url
    }

    private func export(_ arguments: [String], in root: URL) throws -> String {
        let result = try CLI.run(["export"] + arguments, in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    private func validate(_ schema: String, _ file: URL, expecting status: Int32, file source: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try CLI.run(["validate", "--schema", schema, file.path])
        XCTAssertEqual(result.status, status, result.stdout + result.stderr, file: source, line: line)
        return result.stdout + result.stderr
    }

    func testTheCASEPackagePassesTheOfficialSchemaAndABrokenOneGetsPreciseErrors() throws {
        try requireSchemas()
        let root = try CLI.copyOfRepository(self)
        let folder = try CLI.temporaryFolder(self)
        let package = folder.appendingPathComponent("case.json")
        let text = try export(["case"], in: root)
        try text.write(to: package, atomically: true, encoding: .utf8)
        _ = try validate(caseSchema.path, package, expecting: 0)
        XCTAssertEqual(try checkJSONSchema(caseSchema, package) ?? true, true, "check-jsonschema agrees")
        XCTAssertEqual(try export(["case"], in: root), text, "the same bytes twice")

        var broken = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var document = try XCTUnwrap(broken["CFDocument"] as? [String: Any])
        document["creator"] = nil
        document["identifier"] = "not-a-uuid"
        broken["CFDocument"] = document
        let brokenFile = folder.appendingPathComponent("broken-case.json")
        try JSONSerialization.data(withJSONObject: broken, options: [.sortedKeys]).write(to: brokenFile)
        let errors = try validate(caseSchema.path, brokenFile, expecting: 1)
        XCTAssertTrue(errors.contains("creator"), errors)
        XCTAssertTrue(errors.contains("uuid"), errors)
        XCTAssertEqual(try checkJSONSchema(caseSchema, brokenFile) ?? false, false, "check-jsonschema agrees")
    }

    func testEveryAchievementPassesTheOpenBadgesDefinition() throws {
        try requireSchemas()
        let root = try CLI.copyOfRepository(self)
        let folder = try CLI.temporaryFolder(self)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try export(["badges"], in: root).utf8)) as? [String: Any])
        let achievements = try XCTUnwrap(document["achievements"] as? [[String: Any]])
        // A level of each of the six competencies' levels, and the pathways' milestones.
        XCTAssertGreaterThan(achievements.count, 20)
        XCTAssertTrue(achievements.contains { ($0["achievementType"] as? String) == "Achievement" }, "milestones are there")
        let schema = try achievementSchema(in: folder)
        for (index, achievement) in achievements.enumerated() {
            let file = folder.appendingPathComponent("achievement-\(index).json")
            try JSONSerialization.data(withJSONObject: achievement, options: [.sortedKeys]).write(to: file)
            _ = try validate(badgeSchema.path + "#/$defs/Achievement", file, expecting: 0)
            if index < 3 { XCTAssertEqual(try checkJSONSchema(schema, file) ?? true, true, "check-jsonschema agrees on \(index)") }
        }
        var broken = achievements[0]
        broken["criteria"] = nil
        broken["type"] = 3
        let file = folder.appendingPathComponent("broken-achievement.json")
        try JSONSerialization.data(withJSONObject: broken, options: [.sortedKeys]).write(to: file)
        let errors = try validate(badgeSchema.path + "#/$defs/Achievement", file, expecting: 1)
        XCTAssertTrue(errors.contains("criteria"), errors)
        XCTAssertEqual(try checkJSONSchema(schema, file) ?? false, false, "check-jsonschema agrees")
    }

    /// The 1,000-OKR corpus of ../shared/bench/gen_corpus.py exports a valid package too.
    func testTheGeneratedCorpusExportsAValidPackage() throws {
        try requireSchemas()
        let generator = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")
        guard FileManager.default.fileExists(atPath: generator.path) else {
            throw XCTSkip("\(generator.path) is missing: the corpus generator comes with ../shared")
        }
        let corpus = try CLI.temporaryFolder(self).appendingPathComponent("corpus")
        let made = try CLI.execute(URL(fileURLWithPath: "/usr/bin/env"), ["python3", generator.path, corpus.path, "--okrs", "1000"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let package = try CLI.temporaryFolder(self).appendingPathComponent("case.json")
        let result = try CLI.run(["export", "case", "--out", package.path, "--root", corpus.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        _ = try validate(caseSchema.path, package, expecting: 0)
        XCTAssertEqual(try checkJSONSchema(caseSchema, package) ?? true, true, "check-jsonschema agrees")
    }

    func testCSVTablesAndTheirErrors() throws {
        let root = try CLI.copyOfRepository(self)
        let matrix = try export(["csv", "matrix"], in: root)
        XCTAssertTrue(matrix.hasPrefix("\u{FEFF}Competency,Competency id,Enterprise account executive,"), matrix)
        let tracker = try export(["csv", "tracker", "--role", "account-executive"], in: root)
        XCTAssertEqual(tracker.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 5, tracker)
        let okrs = try export(["csv", "okrs"], in: root)
        XCTAssertTrue(okrs.contains(",two-touch-resolution,Raise the share of objections resolved within two interactions to 75%,"), okrs)

        // A behaviour that a spreadsheet would run is inert in the file.
        try CLI.write("""
            kind: competency
            id: formula-test
            name: Formula test
            levels:
              - level: 1
                name: Basic
                behaviors:
                  - "=HYPERLINK(\\"https://example.invalid\\") writes the weekly status report by Friday noon"
            """, to: "pathways/competencies/formula-test.competency.yaml", in: root)
        try CLI.write("""
            kind: role
            id: formula-role
            title: Formula role
            competencies:
              - competency: formula-test
                level: 1
            """, to: "pathways/roles/formula-role.role.yaml", in: root)
        let defused = try export(["csv", "tracker", "--role", "formula-role"], in: root)
        XCTAssertTrue(defused.contains(",\"'=HYPERLINK(\"\"https://example.invalid\"\") writes the weekly status report by Friday noon\","), defused)

        let unknown = try CLI.run(["export", "csv", "tracker", "--role", "acount-executive"], in: root)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'account-executive'?"), unknown.stderr)
        let table = try CLI.run(["export", "csv", "roles"], in: root)
        XCTAssertEqual(table.status, 2)
        XCTAssertTrue(table.stderr.contains("unknown table 'roles'"), table.stderr)

        // --out writes the file and nothing to standard output.
        let out = try CLI.temporaryFolder(self).appendingPathComponent("okrs.csv")
        let written = try CLI.run(["export", "csv", "okrs", "--out", out.path], in: root)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stdout, "")
        XCTAssertEqual(try Data(contentsOf: out), Data(okrs.utf8))
    }

    func testNothingIsExportedFromARepositoryWithErrors() throws {
        let root = try CLI.copyOfRepository(self)
        try CLI.write("kind: role\nid: broken\ntitle: Broken\ncompetencies:\n  - competency: nowhere\n    level: 1\n",
                      to: "pathways/roles/broken.role.yaml", in: root)
        let result = try CLI.run(["export", "case"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.contains("\"CFDocument\""), false)
        XCTAssertTrue(result.stderr.contains("nothing was exported"), result.stderr)
    }
}
