import Foundation
import XCTest

/// A team adopting pathc as the README tells it: install, `pathc init` in a new git repository,
/// a clean check, the pre-commit hook blocking a staged error and letting the fix through, and
/// the site built. Runs the installed binary, found on the PATH as the hook finds it.
final class AdoptionTests: XCTestCase {
    func testFromInstallToTheSite() throws {
        let scratch = try CLI.temporaryFolder(self)
        let prefix = scratch.appendingPathComponent("prefix")
        let install = try CLI.execute(URL(fileURLWithPath: "/usr/bin/env"),
                                      ["bash", CLI.repository.appendingPathComponent("scripts/install").path,
                                       "--prefix", prefix.path, "--binary", CLI.executable.path])
        XCTAssertEqual(install.status, 0, install.stderr)
        XCTAssertTrue(install.stdout.contains("Installed pathc"), install.stdout)

        let team = scratch.appendingPathComponent("people-framework")
        try FileManager.default.createDirectory(at: team, withIntermediateDirectories: true)
        let environment = [
            "PATH": prefix.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
            "NO_COLOR": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "A team", "GIT_AUTHOR_EMAIL": "team@example.invalid",
            "GIT_COMMITTER_NAME": "A team", "GIT_COMMITTER_EMAIL": "team@example.invalid",
        ]
        func run(_ arguments: [String]) throws -> CLIResult {
            try CLI.execute(URL(fileURLWithPath: "/usr/bin/env"), arguments, in: team, environment: environment)
        }
        guard (try? run(["git", "init", "-q"]))?.status == 0 else { throw XCTSkip("git is not installed") }
        XCTAssertEqual(try run(["pathc", "init"]).status, 0)
        XCTAssertEqual(try run(["git", "config", "core.hooksPath", ".githooks"]).status, 0)
        let strict = try run(["pathc", "check", "--strict"])
        XCTAssertEqual(strict.status, 0, strict.stdout)
        XCTAssertEqual(try run(["git", "add", "-A"]).status, 0)
        let first = try run(["git", "commit", "-q", "-m", "Start from pathc init"])
        XCTAssertEqual(first.status, 0, first.stderr)

        // A staged error is blocked, with the finding and what to do.
        let okr = "pathways/okrs/team/team-goal.okr.yaml"
        try CLI.write("kind: okr\nid: team-goal\nlevel: team\ncycle: '2026'\nowner: a-team\nobjective: Be better\nkey_results: []\n", to: okr, in: team)
        XCTAssertEqual(try run(["git", "add", okr]).status, 0)
        let blocked = try run(["git", "commit", "-q", "-m", "A goal"])
        XCTAssertNotEqual(blocked.status, 0)
        XCTAssertTrue((blocked.stdout + blocked.stderr).contains("team-goal.okr.yaml:"), blocked.stdout + blocked.stderr)
        XCTAssertTrue(blocked.stderr.contains("fix them and stage the fix"), blocked.stderr)

        // The fix, staged, goes through.
        try FileManager.default.removeItem(at: team.appendingPathComponent(okr))
        XCTAssertEqual(try run(["git", "add", "-A"]).status, 0)
        let fixed = try run(["git", "commit", "-q", "--allow-empty", "-m", "No goal yet"])
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)

        // The site is built, and git leaves it alone.
        let build = try run(["pathc", "build"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: team.appendingPathComponent("site/index.html").path))
        XCTAssertEqual(try run(["git", "status", "--porcelain"]).stdout, "")
    }
}
