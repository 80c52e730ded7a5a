import Foundation
import XCTest

/// What a pull request can put in a repository to hang, exhaust or misuse the CI that checks it:
/// schemas that cost exponential work, patterns that backtrack, floods of findings, folders that
/// lead outside the repository, control characters for the terminal, ids that collide with the
/// site's own pages. Each case ends with the right diagnostic and exit code, with bounded output.
/// The time each takes on the release build is measured by `bench/hostile`; here the bound is
/// only what a hang would break (the debug build is several times slower).
final class UntrustedRepositoryTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try CLI.copyOfRepository(self)
    }

    private func write(_ path: String, _ text: String) throws {
        try CLI.write(text, to: path, in: root)
    }

    private func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try read(path)
        let changed = change(text)
        XCTAssertNotEqual(text, changed, "the edit of \(path) changed nothing")
        try write(path, changed)
    }

    /// Runs pathc in the repository; fails when it takes longer than a hang would.
    private func pathc(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> CLIResult {
        let start = Date()
        let result = try CLI.run(arguments, in: root, environment: ["NO_COLOR": "1"])
        let seconds = Date().timeIntervalSince(start)
        XCTAssertLessThan(seconds, 60, "pathc \(arguments.joined(separator: " ")) took \(seconds) s", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr, file: file, line: line)
        return result
    }

    private func codes(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        findings(result.stdout, file: file, line: line).map(\.code)
    }

    /// An OKR file of the repository's own, for the cases that need a valid one to start from.
    private var okr: String { get throws { try read("pathways/okrs/strategic/customer-retention-2026.okr.yaml") } }

    // MARK: - Work

    func testASchemaThatAppliesItselfTwiceStopsWithAClearError() throws {
        try edit("schemas/okr.schema.yaml") { $0.replacingOccurrences(of: "additionalProperties: false\n",
                                                                      with: "additionalProperties: false\nallOf: [{$ref: '#'}, {$ref: '#'}]\n",
                                                                      options: [], range: $0.range(of: "additionalProperties: false\n")) }
        let result = try pathc(["check", "--format", "json"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(codes(result).contains("PW1009"), result.stdout.prefix(500).description)
        let validate = try pathc(["validate", "--schema", "schemas/okr.schema.yaml", "pathways/okrs/strategic/customer-retention-2026.okr.yaml"])
        XCTAssertEqual(validate.status, 1)
        XCTAssertTrue(validate.stdout.contains("stopped validating this file"), validate.stdout)
    }

    func testABacktrackingPatternGivesUpWithoutCallingTheValueWrong() throws {
        try edit("schemas/okr.schema.yaml") { $0.replacingOccurrences(of: "    pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'\n    maxLength: 64",
                                                                      with: "    pattern: '^(a*)*\\1b$|^[a-z0-9-]+$'\n    maxLength: 64") }
        for index in 0..<30 {
            try write("pathways/okrs/r\(index).okr.yaml", try okr.replacingOccurrences(of: "id: customer-retention-2026",
                                                                                  with: "id: " + String(repeating: "a", count: 60) + "\(index)"))
        }
        let result = try pathc(["check", "--format", "json"])
        XCTAssertEqual(result.status, 1)
        let all = findings(result.stdout)
        let onCrafted = all.filter { $0.file.contains("/r") && $0.file.hasSuffix(".okr.yaml") }
        XCTAssertTrue(onCrafted.contains { $0.code == "PW1009" }, "\(all.prefix(5))")
        // Never a false verdict: the values are not reported as breaking the pattern.
        XCTAssertFalse(onCrafted.contains { $0.code == "PW1005" }, "\(onCrafted.prefix(5))")
    }

    func testQuotedValuesFullOfEscapesAndFoldsParseInLinearTime() throws {
        let escapes = "\"" + String(repeating: "\\t", count: 400_000) + "\""
        let doubled = "'" + String(repeating: "''", count: 400_000) + "'"
        let folds = "'" + String(repeating: "a\n   ", count: 150_000) + "'"
        for (name, value) in [("escapes", escapes), ("doubled", doubled), ("folds", folds)] {
            try write("pathways/okrs/\(name).okr.yaml", "kind: okr\nid: \(name)\nnotes: \(value)\n")
        }
        let result = try pathc(["check", "--format", "json"])
        XCTAssertEqual(result.status, 1)
        for name in ["escapes", "doubled", "folds"] {
            XCTAssertTrue(findings(result.stdout).contains { $0.file.hasSuffix("\(name).okr.yaml") }, name)
        }
    }

    func testAVocabularyOfPhrasesSharingTheirFirstWordsStaysFast() throws {
        let phrases = (0..<5_000).map { "      - \"improve the thing\($0)\"\n" }.joined()
        try write("pathc.yaml", try read("pathc.yaml") + "\nvocabulary:\n  vague_terms:\n    add:\n" + phrases)
        let objective = String(repeating: "improve the thing ", count: 3_000)
        try write("pathways/okrs/vague.okr.yaml", try okr.replacingOccurrences(of: "id: customer-retention-2026", with: "id: vague")
            .replacingOccurrences(of: "objective: >\n  Resolve enterprise customer escalations within five working days to protect renewals",
                                  with: "objective: \(objective)"))
        let result = try pathc(["check", "--format", "json"])
        XCTAssertNotEqual(result.status, 2, result.stderr)
    }

    // MARK: - Output

    func testAFindingOnAVeryLongLineShowsAWindowOfIt() throws {
        try write("pathways/okrs/long.okr.yaml", "kind: okr\nid: long\nnotes: [" + String(repeating: "zz, ", count: 1_000_000) + "\n")
        let result = try pathc(["check", "pathways/okrs/long.okr.yaml"])
        XCTAssertEqual(result.status, 1)
        XCTAssertLessThan(result.stdout.utf8.count, 20_000, String(result.stdout.prefix(400)))
        XCTAssertTrue(result.stdout.contains("…"), String(result.stdout.prefix(400)))
    }

    func testAFloodOfFindingsIsCappedForTheRunInEveryFormat() throws {
        let bad = (0..<101).map { "bad\($0): 1\n" }.joined()
        for index in 0..<60 { try write("pathways/okrs/m\(index).okr.yaml", "kind: okr\nid: m\(index)\n" + bad) }
        for format in ["text", "json", "github", "sarif", "junit", "gitlab", "markdown"] {
            let result = try pathc(["check", "--format", format])
            XCTAssertEqual(result.status, 1, format)
            XCTAssertLessThan(result.stdout.utf8.count, 10 << 20, format)
            XCTAssertTrue(result.stdout.contains("PW0023"), "\(format): \(result.stdout.suffix(600))")
        }
        let json = try pathc(["check", "--format", "json"])
        let all = findings(json.stdout)
        XCTAssertEqual(all.count, 2_001)
        XCTAssertEqual(all.filter { $0.code == "PW0023" }.count, 1)
        let statistics = try pathc(["check", "--statistics", "--format", "json"])
        XCTAssertTrue(statistics.stdout.contains("PW1002"), statistics.stdout)
    }

    func testAHugeEnumIsLookedUpAndListedBriefly() throws {
        let values = (0..<20_000).map { "v\($0)" }.joined(separator: ", ")
        try edit("schemas/okr.schema.yaml") { $0.replacingOccurrences(of: "enum: [strategic, team, developmental]",
                                                                      with: "enum: [\(values), strategic, team, developmental]") }
        try write("pathways/okrs/bad-level.okr.yaml", try okr.replacingOccurrences(of: "id: customer-retention-2026", with: "id: bad-level")
            .replacingOccurrences(of: "level: strategic", with: "level: tactical"))
        let result = try pathc(["check", "pathways/okrs/bad-level.okr.yaml"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("(20003 in all; the schema lists them)"), result.stdout)
        XCTAssertLessThan(result.stdout.utf8.count, 5_000)
    }

    func testValidateCapsTheFindingsOfAFile() throws {
        try write("many.yaml", "kind: okr\nid: many\n" + (0..<500).map { "bad\($0): 1\n" }.joined())
        let result = try pathc(["validate", "--schema", "schemas/okr.schema.yaml", "many.yaml"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("more findings in this file are not shown"), String(result.stdout.suffix(400)))
        XCTAssertLessThan(result.stdout.components(separatedBy: "error[PW1002]").count, 102)
    }

    func testControlCharactersFromContentNeverReachTheTerminalRaw() throws {
        try write("pathways/okrs/ansi.okr.yaml", "kind: okr\nid: ansi\nlevel: \"\\e[2J\\e]8;;http://evil\\a\\u202e\"\nbogus\u{1B}[31m: 1\n")
        for format in ["text", "github"] {
            let result = try pathc(["check", "--format", format, "pathways/okrs/ansi.okr.yaml"])
            XCTAssertEqual(result.status, 1, format)
            for control in ["\u{1B}", "\u{07}", "\u{202E}"] {
                XCTAssertFalse(result.stdout.contains(control), "\(format) printed \(control.unicodeScalars.first!.value)")
            }
            if format == "text" { XCTAssertTrue(result.stdout.contains("\\u{1b}"), result.stdout) }
        }
    }

    func testMarkdownCannotMentionPeople() throws {
        try write("pathways/okrs/mention.okr.yaml", try okr.replacingOccurrences(of: "id: customer-retention-2026", with: "id: mention")
            .replacingOccurrences(of: "kind: okr", with: "kind: okr\n\"@everyone @org/team\": 1"))
        let result = try pathc(["check", "--format", "markdown"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("@&#8203;everyone"), result.stdout)
        XCTAssertFalse(result.stdout.contains("@everyone"), result.stdout)
        XCTAssertFalse(result.stdout.contains("@org"), result.stdout)
    }

    // MARK: - Confinement

    func testContentAndSchemasCannotLeadOutsideTheRepository() throws {
        let outside = try CLI.temporaryFolder(self)
        try Data("kind: okr\nid: SECRET-TOKEN-123\n".utf8).write(to: outside.appendingPathComponent("x.okr.yaml"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("linked"), withDestinationURL: outside)
        let original = try read("pathc.yaml")
        for (key, value) in [("content", "../\(outside.lastPathComponent)"), ("content", outside.path), ("content", "/"),
                             ("schemas", "linked"), ("content", "linked/deeper"), ("house_rules", "../x")] {
            try write("pathc.yaml", original.replacingOccurrences(of: "\n\(key): \(key == "content" ? "pathways" : key)", with: "") + "\n\(key): \(value)\n")
            let result = try pathc(["check"])
            XCTAssertEqual(result.status, 2, "\(key): \(value)")
            XCTAssertTrue(result.stdout.contains("PW1107") || result.stderr.contains("PW1107"), "\(key): \(value): \(result.stdout) \(result.stderr)")
            XCTAssertFalse((result.stdout + result.stderr).contains("SECRET-TOKEN"), "\(key): \(value)")
        }
    }

    func testOutputFromTheConfigStaysInsideAndReplacesOnlyItsOwnFolder() throws {
        let outside = try CLI.temporaryFolder(self)
        let original = try read("pathc.yaml").replacingOccurrences(of: "output: site\n", with: "")
        try write("pathc.yaml", original + "\noutput: ../\(outside.lastPathComponent)/site\n")
        let escaped = try pathc(["build"])
        XCTAssertEqual(escaped.status, 2, escaped.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: outside.appendingPathComponent("site").path))

        // An empty folder that pathc did not make is not swapped out.
        try write("pathc.yaml", original + "\noutput: public\n")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("public"), withIntermediateDirectories: false)
        let refused = try pathc(["build"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("not created by pathc"), refused.stderr)

        // The command line may name any folder, and is told.
        let elsewhere = outside.appendingPathComponent("published")
        let explicit = try pathc(["build", "--out", elsewhere.path])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        XCTAssertTrue(explicit.stderr.contains("outside the repository"), explicit.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("index.html").path))
    }

    func testAnUnsafeBaseURLIsRefusedEvenWhenTheSchemaAllowsIt() throws {
        try edit("schemas/config.schema.yaml") { $0.replacingOccurrences(of: "    format: uri\n    pattern: '^https?://[^ ]+$'\n", with: "") }
        try write("pathc.yaml", try read("pathc.yaml") + "\nbase_url: 'javascript:alert(1)//'\n")
        let result = try pathc(["build"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue((result.stdout + result.stderr).contains("PW1108"), result.stdout + result.stderr)
    }

    // MARK: - The site

    func testAnIDNamedLikeAGeneratedPageStillBuilds() throws {
        let role = try read("pathways/roles/engineering-team-lead.role.yaml")
        try write("pathways/roles/index.role.yaml", role.replacingOccurrences(of: "id: engineering-team-lead", with: "id: index"))
        let check = try pathc(["check"])
        XCTAssertEqual(check.status, 0, check.stdout)
        let build = try pathc(["build", "--out", "site"])
        XCTAssertEqual(build.status, 0, build.stderr)
        let list = try read("site/roles/index.html")
        XCTAssertTrue(list.contains("_index.html"), "the list page links the role")
        XCTAssertTrue(try read("site/roles/_index.html").contains("<h1"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/api/roles/_index.json").path))
    }

    func testALongAlignmentChainIsShownToABoundedDepth() throws {
        let base = try okr
        // A team that turns off the rule on aligning within a level can chain OKRs without end.
        try write("pathc.yaml", try read("pathc.yaml") + "\nrules:\n  PW4010: 'off'\n")
        for index in 0..<40 {
            var text = base.replacingOccurrences(of: "id: customer-retention-2026", with: "id: chain-\(index)")
            if index > 0 { text = text.replacingOccurrences(of: "kind: okr\n", with: "kind: okr\naligned_to: [chain-\(index - 1)]\n") }
            try write("pathways/okrs/chain-\(index).okr.yaml", text)
        }
        let build = try pathc(["build", "--out", "site"])
        XCTAssertEqual(build.status, 0, build.stderr + build.stdout)
        let page = try read("site/okrs/chain-39.html")
        XCTAssertTrue(page.contains("… and 29 more further up the chain."), "no bound on the chain shown")
        let api = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try read("site/api/okrs/chain-39.json").utf8)) as? [String: Any])
        let alignment = try XCTUnwrap(api["alignment"] as? [String: Any])
        XCTAssertEqual((alignment["parents"] as? [String])?.count, 10)
        XCTAssertEqual(alignment["moreParents"] as? Int, 29)
    }

    func testTwoBuildsOfOneFolderAtOnceBothSucceed() throws {
        for _ in 0..<3 {
            let processes = (0..<2).map { _ -> Process in
                let process = Process()
                process.executableURL = CLI.executable
                process.arguments = ["build", "--quiet", "--out", "site"]
                process.currentDirectoryURL = root
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for process in processes { try process.run() }
            for process in processes { process.waitUntilExit() }
            XCTAssertEqual(processes.map(\.terminationStatus), [0, 0])
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/index.html").path))
        }
    }

    // MARK: - Git

    func testAFolderCacheWithANULByteIsIgnoredWhole() throws {
        let repository = try GitRepository.make(self)
        try repository.write("pathways/okrs/untracked.okr.yaml", "kind: okr\nid: untracked\n")
        let first = try repository.run(CLI.executable, ["check", "--since", "HEAD", "--format", "json"])
        let cache = try repository.read(".git/pathc/folders")
        var lines = cache.components(separatedBy: "\n")
        XCTAssertGreaterThan(lines.count, 2, cache)
        lines.insert("pathways\u{0}x\t0\t0\t0\t1\t", at: 1)
        lines.insert("../../etc\t0\t0\t0\t1\t\u{1F}passwd.yaml", at: 1)
        try repository.write(".git/pathc/folders", lines.joined(separator: "\n"))
        let start = Date()
        let second = try repository.run(CLI.executable, ["check", "--since", "HEAD", "--format", "json"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
        XCTAssertEqual(second.status, first.status, second.stderr)
        XCTAssertEqual(findings(second.stdout).map(\.file), findings(first.stdout).map(\.file))
        XCTAssertTrue(findings(second.stdout).contains { $0.file.hasSuffix("untracked.okr.yaml") })
    }

    func testTheHookReadsTheStagedConfigurationNotTheWorkingTree() throws {
        let repository = try GitRepository.make(self, hook: true)
        try repository.write("pathways/okrs/broken.okr.yaml", "kind: okr\nid: broken\n")
        try repository.git(["add", "pathways/okrs/broken.okr.yaml"], expecting: 0)
        // An edit left unstaged would move the content folder out of the hook's sight.
        try repository.edit("pathc.yaml") { $0.replacingOccurrences(of: "content: pathways", with: "content: elsewhere") }
        let commit = try repository.git(["commit", "-q", "-m", "a broken OKR"])
        XCTAssertNotEqual(commit.status, 0, "the hook let a broken staged file through: \(commit.stderr)")
        XCTAssertTrue(commit.stdout.contains("broken.okr.yaml") || commit.stderr.contains("broken.okr.yaml"), commit.stdout + commit.stderr)
    }
}
