import Foundation
import XCTest

/// A real git repository in a temporary folder holding a copy of this repository's content, for
/// the tests of the pre-commit hook and `check --since`.
struct GitRepository {
    let folder: URL

    /// Skips the test when git is not installed.
    static func make(_ test: XCTestCase, hook: Bool = false) throws -> GitRepository {
        let folder = try CLI.temporaryFolder(test)
        for item in ["pathways", "schemas", "pathc.yaml"] + (hook ? [".githooks"] : []) {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        let repository = GitRepository(folder: folder)
        guard (try? repository.git(["init", "-q", "-b", "main"]))?.status == 0 else {
            throw XCTSkip("git is not installed; skipping the tests that need a git repository")
        }
        try repository.git(["config", "user.name", "pathc tests"])
        try repository.git(["config", "user.email", "tests@pathc.invalid"])
        try repository.git(["config", "commit.gpgsign", "false"])
        if hook { try repository.git(["config", "core.hooksPath", ".githooks"]) }
        try repository.git(["add", "-A"])
        try repository.git(["commit", "-q", "--no-verify", "-m", "content"], expecting: 0)
        return repository
    }

    /// Runs git here with pathc's hook pointed at the built executable.
    @discardableResult
    func git(_ arguments: [String], expecting status: Int32? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments)
        if let status { XCTAssertEqual(result.status, status, "git \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line) }
        return result
    }

    /// Runs a program in this folder with PATHC set to the built pathc, capturing its output.
    func run(_ executable: URL, _ arguments: [String]) throws -> CLIResult {
        // Never the developer's own git identity or configuration.
        try CLI.execute(executable, arguments, in: folder, environment: [
            "PATHC": CLI.executable.path, "NO_COLOR": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
        ])
    }

    func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try read(path)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changed nothing")
        try write(path, changed)
    }
}

/// The files and codes of a `check --format json` output.
func findings(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> [(file: String, code: String)] {
    guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
          let diagnostics = object["diagnostics"] as? [[String: Any]] else {
        XCTFail("not a check JSON report: \(json)", file: file, line: line)
        return []
    }
    return diagnostics.map { ($0["file"] as? String ?? "", $0["code"] as? String ?? "") }
}
