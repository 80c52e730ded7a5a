import Foundation
import XCTest

final class CommandLineTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("pathc "), version.stdout)
        let help = try CLI.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("Usage: pathc <command>"))
        XCTAssertTrue(help.stdout.contains("dump FILE"))
        let commandHelp = try CLI.run(["help", "dump"])
        XCTAssertEqual(commandHelp.status, 0)
        XCTAssertTrue(commandHelp.stdout.contains("Usage: pathc dump FILE"))
        XCTAssertEqual(try CLI.run(["dump", "--help"]).stdout, commandHelp.stdout)
    }

    func testNoCommandShowsHelpAndExits2() throws {
        let result = try CLI.run([])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Usage: pathc"))
    }

    func testUnknownCommandSuggestsTheNearestOne() throws {
        let result = try CLI.run(["dmup", "x.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("error: unknown command 'dmup'"), result.stderr)
        XCTAssertTrue(result.stderr.contains("did you mean 'dump'?"), result.stderr)
    }

    func testUnknownOptionAndMissingArgumentExit2() throws {
        let unknown = try CLI.run(["dump", "--compcat", "x.yaml"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown option '--compcat'"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("did you mean '--compact'?"), unknown.stderr)
        let missing = try CLI.run(["dump"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("'pathc dump' needs a FILE"), missing.stderr)
        let badColor = try CLI.run(["dump", "x.yaml", "--color", "sometimes"])
        XCTAssertEqual(badColor.status, 2)
        XCTAssertTrue(badColor.stderr.contains("choose one of: auto, always, never"), badColor.stderr)
    }

    func testDumpPrintsTypedJSON() throws {
        let folder = try CLI.temporaryFolder(self)
        let file = folder.appendingPathComponent("okr.yaml")
        try "id: sales\ntarget: 75%\nbaseline: 42\nactive: true\nnote: ~\ntags: [a, 'b']\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["dump", "--compact", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, #"{"id":"sales","target":"75%","baseline":42,"active":true,"note":null,"tags":["a","b"]}"# + "\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testDumpSyntaxErrorExits1WithNothingOnStdout() throws {
        let folder = try CLI.temporaryFolder(self)
        let file = folder.appendingPathComponent("bad.yaml")
        try "a: &anchor 1\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["dump", "bad.yaml"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("bad.yaml:1:4: error[PW0201]: anchors are not supported"), result.stderr)
        XCTAssertTrue(result.stderr.contains("^^^^^^^ anchor"), result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}["), "no colour when not on a terminal")
        let colored = try CLI.run(["dump", "bad.yaml", "--color", "always"], in: folder)
        XCTAssertTrue(colored.stderr.contains("\u{1B}["))
    }

    func testDumpOfAMissingFileExits2() throws {
        let result = try CLI.run(["dump", "/nonexistent/file.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no such file '/nonexistent/file.yaml'"), result.stderr)
        let folder = try CLI.temporaryFolder(self)
        XCTAssertEqual(try CLI.run(["dump", folder.path]).status, 2)
    }
}
