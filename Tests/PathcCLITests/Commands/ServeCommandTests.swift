import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `pathc serve` as a user runs it: the address it prints, the pages a browser gets, the
/// findings it prints when a file breaks, Ctrl-C, and the mistakes on its command line.
final class ServeCommandTests: XCTestCase {
    /// A running `pathc serve`, its output going to files read while it runs.
    private final class Running {
        let process = Process()
        let output: URL
        let errors: URL

        init(_ arguments: [String], in directory: URL, temporary: URL, scratch: URL) throws {
            output = scratch.appendingPathComponent("out")
            errors = scratch.appendingPathComponent("err")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.executableURL = CLI.executable
            process.arguments = ["serve"] + arguments
            process.currentDirectoryURL = directory
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary.path
            process.environment = environment
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var stdout: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOf: errors, encoding: .utf8)) ?? "" }

        /// The port of the `serving http://127.0.0.1:PORT/` line, once printed.
        var port: Int? {
            guard let range = stderr.range(of: #"serving http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else { return nil }
            return Int(stderr[range].dropFirst("serving http://127.0.0.1:".count).dropLast())
        }

        /// Sends SIGINT (Ctrl-C) and waits for the exit, at most `seconds`.
        func interrupt(seconds: Double = 20) -> Int32? {
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                process.terminate()
                return nil
            }
            return process.terminationStatus
        }
    }

    private func start(_ arguments: [String], root: URL) throws -> (Running, URL) {
        let temporary = try CLI.temporaryFolder(self)
        let running = try Running(arguments + ["--root", root.path], in: root, temporary: temporary, scratch: try CLI.temporaryFolder(self))
        addTeardownBlock { if running.process.isRunning { running.process.terminate() } }
        return (running, temporary)
    }

    /// Polls until `condition` holds; fails and throws after `seconds`.
    private func wait(_ what: String, seconds: Double = 30, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return }
            usleep(20_000)
        }
        XCTFail("timed out waiting for \(what)")
        throw NSError(domain: "ServeCommandTests", code: 1, userInfo: [NSLocalizedDescriptionKey: "timed out waiting for \(what)"])
    }

    /// A GET through URLSession, as any HTTP client sends it; nil when nothing answers.
    private func fetch(_ address: String) -> (status: Int, body: String)? {
        guard let url = URL(string: address) else { return nil }
        let done = DispatchSemaphore(value: 0)
        let result = LockedResult()
        let task = URLSession.shared.dataTask(with: url) { data, response, _ in
            if let response = response as? HTTPURLResponse {
                result.value = (response.statusCode, data.map { String(decoding: $0, as: UTF8.self) } ?? "")
            }
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + 10) == .success else { task.cancel(); return nil }
        return result.value
    }

    private final class LockedResult: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: (Int, String)?
        var value: (Int, String)? {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }

    func testServesRebuildsReportsAndStopsOnControlC() throws {
        let root = try CLI.copyOfRepository(self)
        let (running, temporary) = try start(["--port", "0"], root: root)
        try wait("the address") { running.port != nil }
        let port = try XCTUnwrap(running.port)
        try wait("the first build") { running.stderr.contains("built the site:") }
        let home = try XCTUnwrap(fetch("http://127.0.0.1:\(port)/"))
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.body.contains("/__pathc/reload.js"))
        XCTAssertEqual(fetch("http://localhost:\(port)/roles/index.html")?.status, 200)
        let folders = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        XCTAssertEqual(folders.filter { $0.hasPrefix("pathc-serve-") }.count, 1, "the site is built in a temporary folder: \(folders)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "never the repository's site/")

        // A broken file: its finding on stdout, as check prints it, and in the page.
        try CLI.write("kind: competency\nid: broken\n", to: "pathways/competencies/broken.competency.yaml", in: root)
        try wait("the failed build") { running.stderr.contains("the site was not rebuilt") }
        XCTAssertTrue(running.stdout.contains("broken.competency.yaml:"), running.stdout)
        XCTAssertTrue(running.stdout.contains("error[PW"), running.stdout)
        XCTAssertTrue(fetch("http://127.0.0.1:\(port)/")?.body.contains("class=\"pathc-preview\"") == true)

        XCTAssertEqual(running.interrupt(), 0, running.stderr)
        XCTAssertTrue(running.stderr.hasSuffix("stopping\n"), running.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("pathc-serve-") }, [],
                       "the temporary folder is removed")
        XCTAssertNil(fetch("http://127.0.0.1:\(port)/"), "the port is closed")
    }

    func testQuietPrintsNothingButStillServes() throws {
        let root = try CLI.copyOfRepository(self)
        // A port that was free a moment ago.
        let (probe, _) = try start(["--port", "0"], root: root)
        try wait("the probe's address") { probe.port != nil }
        let port = try XCTUnwrap(probe.port)
        XCTAssertEqual(probe.interrupt(), 0)
        let (running, _) = try start(["--port", String(port), "--quiet"], root: root)
        try wait("the quiet server to answer") { fetch("http://127.0.0.1:\(port)/")?.body.contains("Key results at a glance") == true }
        XCTAssertEqual(running.interrupt(), 0)
        XCTAssertEqual(running.stderr, "")
        XCTAssertEqual(running.stdout, "")
    }

    func testPortInUseAndBadPorts() throws {
        let root = try CLI.copyOfRepository(self)
        let (first, _) = try start(["--port", "0"], root: root)
        try wait("the address") { first.port != nil }
        let taken = try CLI.run(["serve", "--port", String(try XCTUnwrap(first.port)), "--root", root.path])
        XCTAssertEqual(taken.status, 2)
        XCTAssertTrue(taken.stderr.contains("is in use"), taken.stderr)
        XCTAssertTrue(taken.stderr.contains("--port 0"), taken.stderr)
        XCTAssertEqual(first.interrupt(), 0)
        for bad in ["abc", "65536", "-1", "80.5", ""] {
            let result = try CLI.run(["serve", "--port=\(bad)", "--root", root.path])
            XCTAssertEqual(result.status, 2, bad)
            XCTAssertTrue(result.stderr.contains("invalid port"), "\(bad): \(result.stderr)")
        }
        let help = try CLI.run(["help", "serve"])
        XCTAssertTrue(help.stdout.contains("--port N"))
        XCTAssertTrue(help.stdout.contains("127.0.0.1"))
        XCTAssertTrue(try CLI.run(["--help"]).stdout.contains("serve [--port N]"))
    }
}
