import Foundation
import XCTest

/// Inputs that people write by mistake or on purpose. Each ends in a clear diagnostic and the
/// exit code cli.md gives, in bounded time and memory, and nothing is changed on disk.
final class HostileInputTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try CLI.temporaryFolder(self)
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
    }

    private var content: URL { root.appendingPathComponent("pathways") }

    /// Runs `pathc check --format json`, timed; returns the exit code and the diagnostics.
    private func check(file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, diagnostics: [[String: Any]]) {
        let start = Date()
        let result = try CLI.run(["check", "--format", "json", "--root", root.path])
        let seconds = Date().timeIntervalSince(start)
        XCTAssertLessThan(seconds, 10, "check took \(seconds) s", file: file, line: line)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                   "not JSON: \(result.stdout.prefix(300)) \(result.stderr.prefix(300))", file: file, line: line)
        XCTAssertTrue(result.stderr.isEmpty || !result.stderr.contains("Fatal error"), result.stderr, file: file, line: line)
        return (result.status, object["diagnostics"] as? [[String: Any]] ?? [])
    }

    /// Asserts exit 1 and a diagnostic of `code` on `path` (relative to the root), whose message contains `words`.
    private func expect(_ code: String, in path: String, saying words: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let (status, diagnostics) = try check(file: file, line: line)
        XCTAssertEqual(status, 1, file: file, line: line)
        let matching = diagnostics.filter { ($0["code"] as? String) == code && (($0["file"] as? String) ?? "").hasSuffix(path) }
        XCTAssertFalse(matching.isEmpty, "no \(code) on \(path) in \(diagnostics.prefix(5))", file: file, line: line)
        if let words {
            XCTAssertTrue(matching.contains { (($0["message"] as? String) ?? "").contains(words) },
                          "no message with '\(words)' in \(matching.prefix(3))", file: file, line: line)
        }
        for diagnostic in diagnostics {
            XCTAssertFalse(((diagnostic["message"] as? String) ?? "").isEmpty, file: file, line: line)
        }
    }

    private func write(_ name: String, _ data: Data) throws {
        try data.write(to: content.appendingPathComponent(name))
    }

    func testNesting10000Deep() throws {
        try write("deep.yaml", Data(("kind: okr\nid: deep\nobjective: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n").utf8))
        try expect("PW0011", in: "pathways/deep.yaml", saying: "nest")
    }

    func testA100MBFile() throws {
        let line = Data("- a line of padding text to make the file very large indeed\n".utf8)
        var data = Data("kind: role\nid: huge\nnotes:\n".utf8)
        data.reserveCapacity(100 << 20)
        while data.count < 100 << 20 { data.append(line) }
        try write("huge.yaml", data)
        try expect("PW0010", in: "pathways/huge.yaml", saying: "larger than 16 MiB")
    }

    func testA10MBLine() throws {
        try write("long.yaml", Data(("kind: role\nid: long\ntitle: " + String(repeating: "a", count: 10 << 20) + "\n").utf8))
        try expect("PW0012", in: "pathways/long.yaml")
    }

    func testInvalidUTF8() throws {
        try write("latin1.yaml", Data("kind: role\nid: latin\ntitle: Caf".utf8) + Data([0xE9, 0xFF, 0x0A]))
        try expect("PW0001", in: "pathways/latin1.yaml")
    }

    func testNULBytes() throws {
        try write("nul.yaml", Data("kind: role\nid: nul\ntitle: a\u{0}b\n".utf8))
        try expect("PW0003", in: "pathways/nul.yaml")
    }

    func testABinaryFileWithAYAMLName() throws {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: 65_536)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        try write("image.yaml", Data(bytes))
        let (status, diagnostics) = try check()
        XCTAssertEqual(status, 1)
        XCTAssertTrue(diagnostics.contains { (($0["file"] as? String) ?? "").hasSuffix("image.yaml") && (($0["code"] as? String) ?? "").hasPrefix("PW0") },
                      "\(diagnostics.prefix(3))")
    }

    func testASymbolicLinkToItself() throws {
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("loop.yaml").path, withDestinationPath: "loop.yaml")
        try expect("PW0020", in: "pathways/loop.yaml", saying: "leads back to itself")
    }

    func testASymbolicLinkToAFolderOutsideTheRepository() throws {
        let outside = try CLI.temporaryFolder(self)
        try "kind: role\nid: smuggled\n".write(to: outside.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("elsewhere"), withDestinationURL: outside)
        try expect("PW0021", in: "pathways/elsewhere", saying: "folder")
        let (_, diagnostics) = try check()
        XCTAssertFalse(diagnostics.contains { (($0["file"] as? String) ?? "").contains("secret") }, "the link was followed")
    }

    func testASymbolicLinkToAFileOutsideTheRepository() throws {
        let outside = try CLI.temporaryFolder(self)
        try "password: hunter2 and: more\n".write(to: outside.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("secret.yaml"), withDestinationURL: outside.appendingPathComponent("secret.yaml"))
        try expect("PW0021", in: "pathways/secret.yaml", saying: "outside the repository")
        let result = try CLI.run(["check", "--root", root.path])
        XCTAssertFalse(result.stdout.contains("hunter2"), "a file outside the repository must never be shown")
    }

    func testASymbolicLinkToDevZero() throws {
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("zero.yaml").path, withDestinationPath: "/dev/zero")
        try expect("PW0021", in: "pathways/zero.yaml")
    }

    func testAPipeWithAYAMLName() throws {
        XCTAssertEqual(mkfifo(content.appendingPathComponent("pipe.yaml").path, 0o644), 0)
        try expect("PW0020", in: "pathways/pipe.yaml", saying: "not a regular file")
    }

    func testAnUnreadableFile() throws {
        try XCTSkipIf(geteuid() == 0, "running as root, which may read any file; the pipe and link cases cover unreadable files here")
        let file = content.appendingPathComponent("locked.yaml")
        try "kind: role\nid: locked\n".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(file.path, 0), 0)
        try expect("PW0020", in: "pathways/locked.yaml", saying: "cannot read")
    }

    func test10000FilesWithTheSameID() throws {
        let role = try Data(contentsOf: content.appendingPathComponent("roles/account-executive.role.yaml"))
        let folder = content.appendingPathComponent("copies")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<10_000 { try role.write(to: folder.appendingPathComponent("account-executive-\(index).yaml")) }
        let (status, diagnostics) = try check()
        XCTAssertEqual(status, 1)
        // A run shows 2,000 findings at most, and counts the rest in one more.
        XCTAssertEqual(diagnostics.filter { ($0["code"] as? String) == "PW2001" }.count, 2_000)
        let rest = try XCTUnwrap(diagnostics.first { ($0["code"] as? String) == "PW0023" })
        XCTAssertTrue(((rest["message"] as? String) ?? "").hasPrefix("8000 more findings (8000 errors)"), "\(rest)")
    }

    func testAFileWith100000ErrorsIsCappedWithACount() throws {
        var text = "kind: role\nid: noisy\ntitle: Noisy\ncompetencies:\n  - competency: consultative-selling\n    level: 1\n"
        for index in 0..<100_000 { text += "extra\(index): 1\n" }
        try write("noisy.yaml", Data(text.utf8))
        let (status, diagnostics) = try check()
        XCTAssertEqual(status, 1)
        let mine = diagnostics.filter { (($0["file"] as? String) ?? "").hasSuffix("noisy.yaml") }
        XCTAssertEqual(mine.count, 101)
        XCTAssertEqual(mine.last?["code"] as? String, "PW0022")
        XCTAssertEqual(mine.last?["message"] as? String, "99900 more findings in this file are not shown")
    }

    func testIDsThatTryToLeaveTheirFolder() throws {
        let role = try String(contentsOf: content.appendingPathComponent("roles/account-executive.role.yaml"), encoding: .utf8)
        for (index, id) in ["../../etc", "a/b", "%2e%2e", "ѕales-lead", "sales\u{200B}lead", "."].enumerated() {
            try role.replacingOccurrences(of: "id: account-executive", with: "id: \"\(id)\"")
                .write(to: content.appendingPathComponent("roles/bad-\(index).yaml"), atomically: true, encoding: .utf8)
        }
        let (status, diagnostics) = try check()
        XCTAssertEqual(status, 1)
        for index in 0..<6 {
            XCTAssertTrue(diagnostics.contains { (($0["file"] as? String) ?? "").hasSuffix("bad-\(index).yaml") && ($0["path"] as? String) == "/id"
                && (($0["code"] as? String) ?? "").hasPrefix("PW1") }, "bad-\(index)")
        }
        let build = try CLI.run(["build", "--root", root.path])
        XCTAssertEqual(build.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    func testAnOutputFolderThatWouldDestroySomething() throws {
        let config = root.appendingPathComponent("pathc.yaml")
        let original = try String(contentsOf: config, encoding: .utf8)
        for output in ["/", ".", "pathways", "pathways/okrs", "..", "schemas"] {
            try original.replacingOccurrences(of: "output: site", with: "output: \"\(output)\"").write(to: config, atomically: true, encoding: .utf8)
            let start = Date()
            let result = try CLI.run(["build", "--root", root.path])
            XCTAssertLessThan(Date().timeIntervalSince(start), 10)
            XCTAssertEqual(result.status, 2, output)
            // Outside the repository, pathc.yaml is refused before the build begins.
            let refused = result.stderr.contains("refusing to write the site to") || result.stdout.contains("PW1107")
            XCTAssertTrue(refused, "\(output): \(result.stderr) \(result.stdout)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("okrs").path).sorted(),
                       ["developmental", "strategic", "team"])
    }

    /// A snapshot of every file under the root: path, size, modification time and bytes.
    private func snapshot() throws -> [String: String] {
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])!
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            let data = values.isRegularFile == true ? try Data(contentsOf: url) : Data()
            found[url.path] = "\(values.contentModificationDate?.timeIntervalSince1970 ?? 0) \(data.count) \(data.hashValue)"
        }
        return found
    }

    func testCheckAndItsFormatsChangeNoFile() throws {
        try write("nul.yaml", Data("kind: role\nid: nul\ntitle: a\u{0}b\n".utf8))
        let before = try snapshot()
        for format in ["text", "json", "github", "sarif", "junit", "gitlab", "markdown"] {
            XCTAssertEqual(try CLI.run(["check", "--format", format, "--root", root.path]).status, 1, format)
        }
        XCTAssertEqual(try CLI.run(["check", "--statistics", "--root", root.path]).status, 1)
        XCTAssertEqual(try snapshot(), before)
    }

    /// Every child process of this test class stayed under 1 GB.
    override class func tearDown() {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        // ru_maxrss is in kilobytes on Linux: the largest child so far.
        XCTAssertLessThan(usage.ru_maxrss, 1 << 20, "a pathc process used over 1 GB")
    }
}
