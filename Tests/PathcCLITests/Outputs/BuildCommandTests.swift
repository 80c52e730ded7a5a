import Foundation
import XCTest

/// `pathc build` as a user runs it: errors stop it before anything is written, it refuses
/// folders it did not make, and its output is the site the README promises.
final class BuildCommandTests: XCTestCase {
    private func repositoryCopy() throws -> URL {
        let folder = try CLI.temporaryFolder(self)
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    func testBuildWritesTheSiteAndSaysWhere() throws {
        let folder = try repositoryCopy()
        let result = try CLI.run(["build"], in: folder)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("built site/: "), result.stderr)
        for path in ["index.html", "okrs/consultative-selling-2026-q3.html", "api/site.json", "api/diagnostics.json", ".pathc-site"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/" + path).path), path)
        }
        let quiet = try CLI.run(["build", "--quiet"], in: folder)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stdout + quiet.stderr, "", "a quiet build prints nothing")
    }

    func testErrorsStopTheBuildBeforeAnythingIsWritten() throws {
        let folder = try repositoryCopy()
        XCTAssertEqual(try CLI.run(["build"], in: folder).status, 0)
        let index = folder.appendingPathComponent("site/index.html")
        let before = try Data(contentsOf: index)
        let file = folder.appendingPathComponent("pathways/roles/account-executive.role.yaml")
        try (try String(contentsOf: file, encoding: .utf8) + "extra: 1\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", "--out", "fresh"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("error[PW1002]"), result.stdout)
        XCTAssertTrue(result.stderr.contains("the site was not built"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("fresh").path))
        XCTAssertEqual(try CLI.run(["build"], in: folder).status, 1)
        XCTAssertEqual(try Data(contentsOf: index), before, "the previous site is untouched")
    }

    func testRefusesAFolderItDidNotCreate() throws {
        let folder = try repositoryCopy()
        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        try "mine".write(to: notes.appendingPathComponent("plan.md"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["build", "--out", "notes"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("error: refusing to write the site to"), result.stderr)
        XCTAssertTrue(result.stderr.contains("help: "), result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: notes.path), ["plan.md"])
        for target in ["pathways", ".", "/"] {
            XCTAssertEqual(try CLI.run(["build", "--out", target], in: folder).status, 2, target)
        }
    }

    func testOutputFromPathcYAML() throws {
        let folder = try repositoryCopy()
        let config = folder.appendingPathComponent("pathc.yaml")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "output: site", with: "output: public/people")
        try text.write(to: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["build", "--quiet"], in: folder.appendingPathComponent("pathways")).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("public/people/index.html").path))
    }
}
