import Foundation
import XCTest

final class CheckCommandTests: XCTestCase {
    private func repositoryCopy() throws -> URL {
        let folder = try CLI.temporaryFolder(self)
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    func testCheckOnThisRepositoryPasses() throws {
        let result = try CLI.run(["check"], in: CLI.repository)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("0 errors, 0 warnings in "), result.stdout)
    }

    func testErrorsExit1WithCompilerStyleTextAndSummary() throws {
        let folder = try repositoryCopy()
        let file = folder.appendingPathComponent("pathways/roles/account-executive.role.yaml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "competency: pipeline-forecasting", with: "competency: pipeline-forcasting")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check"], in: folder.appendingPathComponent("pathways"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("roles/account-executive.role.yaml:"), "paths are relative to the current folder: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("error[PW2002]: unknown competency 'pipeline-forcasting'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("= help: did you mean 'pipeline-forecasting'?"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("1 error, 0 warnings in 26 files\n"), result.stdout)
    }

    func testJSONFormatIsTheDocumentedContract() throws {
        let folder = try repositoryCopy()
        let file = folder.appendingPathComponent("pathways/roles/account-executive.role.yaml")
        try (try String(contentsOf: file, encoding: .utf8) + "extra: 1\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "json", "--root", folder.path])
        XCTAssertEqual(result.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? Int, 1)
        XCTAssertEqual((object["summary"] as? [String: Int])?["errors"], 1)
        let first = try XCTUnwrap((object["diagnostics"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(first.keys), ["file", "line", "column", "endLine", "endColumn", "severity", "code", "rule", "message", "help", "path"])
        XCTAssertEqual(first["code"] as? String, "PW1002")
        XCTAssertEqual(first["rule"] as? String, "unknown-field")
        XCTAssertEqual(first["path"] as? String, "/extra")
    }

    func testPathsLimitTheReportButNotTheReferences() throws {
        let folder = try repositoryCopy()
        let file = folder.appendingPathComponent("pathways/roles/account-executive.role.yaml")
        try (try String(contentsOf: file, encoding: .utf8) + "extra: 1\n").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", "pathways/okrs"], in: folder).status, 0)
        XCTAssertEqual(try CLI.run(["check", "pathways/roles"], in: folder).status, 1)
        XCTAssertEqual(try CLI.run(["check", "pathways/roles/account-executive.role.yaml"], in: folder).status, 1)
        let missing = try CLI.run(["check", "pathways/nope"], in: folder)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file or folder 'pathways/nope'"))
    }

    func testNoRepositoryOrBadConfigExits2() throws {
        let empty = try CLI.temporaryFolder(self)
        let none = try CLI.run(["check"], in: empty)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no pathway repository here"), none.stderr)
        let folder = try repositoryCopy()
        try "name: x\ncontnet: pathways\n".write(to: folder.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check"], in: folder)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stdout.contains("pathc.yaml:2:1: error[PW1002]: unknown field 'contnet'"), bad.stdout)
    }

    func testStrictFailsOnWarnings() throws {
        XCTAssertEqual(try CLI.run(["check", "--strict"], in: CLI.repository).status, 0)
    }

    func testValidateCommand() throws {
        let folder = try CLI.temporaryFolder(self)
        try "type: object\nrequired: [name]\nproperties:\n  name: {type: string}\n".write(to: folder.appendingPathComponent("schema.yaml"), atomically: true, encoding: .utf8)
        try #"{"name": "ok"}"#.write(to: folder.appendingPathComponent("good.json"), atomically: true, encoding: .utf8)
        try "name: 12\n".write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        try "type: object\nproperties: {a: {type: strin}}\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["validate", "--schema", "schema.yaml", "good.json"], in: folder).status, 0)
        let bad = try CLI.run(["validate", "--schema", "schema.yaml", "good.json", "bad.yaml"], in: folder)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("bad.yaml:1:7: error[PW1001]: 'name' should be text, found an integer"), bad.stdout)
        let broken = try CLI.run(["validate", "--schema", "broken.yaml", "good.json"], in: folder)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stdout.contains("did you mean 'string'?"), broken.stdout)
        XCTAssertEqual(try CLI.run(["validate", "good.json"], in: folder).status, 2)
    }

    func testInitWritesACleanRepositoryAndNeverOverwrites() throws {
        let folder = try CLI.temporaryFolder(self)
        let first = try CLI.run(["init", "starter"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        let starter = folder.appendingPathComponent("starter")
        for path in ["pathc.yaml", "schemas/okr.schema.yaml", ".githooks/pre-commit", "pathways/journeys/support-onboarding.pathway.yaml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: starter.appendingPathComponent(path).path), path)
        }
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: starter.appendingPathComponent(".githooks/pre-commit").path))
        XCTAssertEqual(try CLI.run(["check"], in: starter).status, 0)
        // Clean enough for CI that fails on warnings, on the day it is written.
        let strict = try CLI.run(["check", "--strict"], in: starter)
        XCTAssertEqual(strict.status, 0, strict.stdout)
        XCTAssertEqual(try String(contentsOf: starter.appendingPathComponent(".gitignore"), encoding: .utf8).contains("/site/"), true)
        // A second init never brings back what the team removed, unless asked to; then it keeps what is there.
        try "name: mine\n".write(to: starter.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        let rubric = starter.appendingPathComponent("pathways/rubrics/diagnosis-rubric.rubric.yaml")
        try FileManager.default.removeItem(at: rubric)
        let refused = try CLI.run(["init"], in: starter)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("is not empty"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: rubric.path))
        let forced = try CLI.run(["init", "--force"], in: starter)
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertTrue(forced.stdout.contains("skipped pathc.yaml (already there)"))
        XCTAssertEqual(try String(contentsOf: starter.appendingPathComponent("pathc.yaml"), encoding: .utf8), "name: mine\n")
    }
}
