import Foundation
import XCTest

/// `pathc fmt`: the repository's content files, or those named, in canonical form; written only
/// when they change and only when they can be formatted safely; `--check` and `--diff` write nothing.
final class FormatCommandTests: XCTestCase {
    private let messy = """
        id: coaching
        kind:    competency
        name: "Coaching"
        description: Coaching people on their real work, with a steady cadence and scores on shared rubrics, so that practice turns into performance
        levels:
        -   level: 1   # the first
            name: Foundational
            behaviors: [Runs a weekly coaching session with each direct report]

        """

    private let tidy = """
        kind: competency
        id: coaching
        name: Coaching
        description: >-
          Coaching people on their real work, with a steady cadence and scores on shared rubrics, so that
          practice turns into performance
        levels:
          - level: 1  # the first
            name: Foundational
            behaviors: [Runs a weekly coaching session with each direct report]

        """

    private func bytes(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    func testTheRepositorysContentIsFormattedAndStaysClean() throws {
        let root = try CLI.copyOfRepository(self)
        let before = try CLI.run(["fmt", "--check"], in: root)
        let listed = before.stdout.split(separator: "\n")
        if !listed.isEmpty {
            XCTAssertEqual(before.status, 1, before.stderr)
            XCTAssertTrue(listed.allSatisfy { $0.hasPrefix("pathways/") && $0.hasSuffix(".yaml") }, before.stdout)
        }
        let formatted = try CLI.run(["fmt"], in: root)
        XCTAssertEqual(formatted.status, 0, formatted.stderr)
        XCTAssertTrue(formatted.stderr.contains("\(listed.count) of 26 files formatted"), formatted.stderr)
        let after = try CLI.run(["fmt", "--check"], in: root)
        XCTAssertEqual(after.status, 0, after.stdout + after.stderr)
        XCTAssertEqual(after.stdout, "")
        XCTAssertTrue(after.stderr.contains("26 files already formatted"), after.stderr)
        let check = try CLI.run(["check", "--quiet"], in: root)
        XCTAssertEqual(check.status, 0, check.stdout)
        XCTAssertEqual(check.stdout, "", "the formatted repository checks clean")
    }

    func testAFileIsWrittenCanonicallyKeepingItsMode() throws {
        let root = try CLI.copyOfRepository(self)
        try CLI.write(messy, to: "pathways/competencies/coaching.competency.yaml", in: root)
        let file = root.appendingPathComponent("pathways/competencies/coaching.competency.yaml")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let result = try CLI.run(["fmt", "pathways/competencies/coaching.competency.yaml"], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("formatted pathways/competencies/coaching.competency.yaml"), result.stderr)
        XCTAssertEqual(String(decoding: try bytes(file), as: UTF8.self), tidy)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary file left behind")
    }

    func testAFileAlreadyFormattedIsNotWritten() throws {
        let root = try CLI.copyOfRepository(self)
        try CLI.write(tidy, to: "pathways/competencies/coaching.competency.yaml", in: root)
        let path = root.appendingPathComponent("pathways/competencies/coaching.competency.yaml").path
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let result = try CLI.run(["fmt", path], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("0 of 1 file formatted"), result.stderr)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int, inode, "not replaced")
    }

    func testCheckAndDiffWriteNothing() throws {
        let root = try CLI.copyOfRepository(self)
        try CLI.write(messy, to: "pathways/competencies/coaching.competency.yaml", in: root)
        let file = root.appendingPathComponent("pathways/competencies/coaching.competency.yaml")
        let check = try CLI.run(["fmt", "--check", "pathways/competencies", "pathways/competencies/coaching.competency.yaml"], in: root)
        XCTAssertEqual(check.status, 1)
        XCTAssertEqual(check.stdout.components(separatedBy: "pathways/competencies/coaching.competency.yaml\n").count, 2,
                       "a file named twice is listed once: \(check.stdout)")
        XCTAssertTrue(check.stderr.contains("would be reformatted; run 'pathc fmt'"), check.stderr)
        let diff = try CLI.run(["fmt", "--diff", "pathways/competencies/coaching.competency.yaml"], in: root)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.hasPrefix("""
            --- a/pathways/competencies/coaching.competency.yaml
            +++ b/pathways/competencies/coaching.competency.yaml
            @@ -1,8 +1,10 @@
            +kind: competency
             id: coaching
            -kind:    competency
            -name: "Coaching"

            """), diff.stdout)
        let both = try CLI.run(["fmt", "--check", "--diff", "pathways/competencies/coaching.competency.yaml"], in: root)
        XCTAssertEqual(both.status, 1, "--check still decides the exit code")
        XCTAssertEqual(String(decoding: try bytes(file), as: UTF8.self), messy, "nothing written")
    }

    func testAFileWithASyntaxErrorIsReportedAndLeftUntouched() throws {
        let root = try CLI.copyOfRepository(self)
        let broken = "kind: competency\nid: broken\nlevels: [1, 2\nname: x\n"
        try CLI.write(broken, to: "pathways/competencies/broken.competency.yaml", in: root)
        try CLI.write(messy, to: "pathways/competencies/coaching.competency.yaml", in: root)
        let result = try CLI.run(["fmt", "pathways/competencies"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("pathways/competencies/broken.competency.yaml:3:9: error[PW0106]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("1 could not be formatted"), result.stderr)
        XCTAssertEqual(String(decoding: try bytes(root.appendingPathComponent("pathways/competencies/broken.competency.yaml")), as: UTF8.self), broken)
        XCTAssertEqual(String(decoding: try bytes(root.appendingPathComponent("pathways/competencies/coaching.competency.yaml")), as: UTF8.self), tidy,
                       "the other files are still formatted")
    }

    func testUsageErrors() throws {
        let root = try CLI.copyOfRepository(self)
        XCTAssertEqual(try CLI.run(["fmt", "no/such/file.yaml"], in: root).status, 2)
        XCTAssertEqual(try CLI.run(["fmt", "--width", "80"], in: root).status, 2)
        let empty = try CLI.temporaryFolder(self)
        let outside = try CLI.run(["fmt"], in: empty)
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.stderr.contains("no pathway repository here"), outside.stderr)
        XCTAssertTrue(try CLI.run(["--help"]).stdout.contains("fmt [PATH...]"))
    }

    func testTheRootOptionNamesTheRepository() throws {
        let root = try CLI.copyOfRepository(self)
        try CLI.write(messy, to: "pathways/competencies/coaching.competency.yaml", in: root)
        let elsewhere = try CLI.temporaryFolder(self)
        let result = try CLI.run(["fmt", "--check", "--root", root.path], in: elsewhere)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("coaching.competency.yaml"), result.stdout)
    }

    func testThePreCommitHookChecksTheFormattingOfStagedFilesWhenAskedTo() throws {
        let repository = try GitRepository.make(self, hook: true)
        let path = "pathways/competencies/pipeline-forecasting.competency.yaml"
        XCTAssertEqual(try repository.run(CLI.executable, ["fmt", path]).status, 0)
        try repository.git(["commit", "-q", "-a", "--no-verify", "-m", "formatted"], expecting: 0)
        try repository.edit(path) { $0.replacingOccurrences(of: "name: Pipeline forecasting", with: "name: 'Pipeline forecasting'") }
        try repository.git(["add", "--", path], expecting: 0)
        let unasked = try repository.git(["commit", "-m", "quotes"])
        XCTAssertEqual(unasked.status, 0, "off by default: " + unasked.stderr)

        try repository.git(["config", "pathc.fmtCheck", "true"], expecting: 0)
        try repository.edit(path) { $0.replacingOccurrences(of: "name: 'Pipeline forecasting'", with: "name:   Pipeline forecasting") }
        try repository.git(["add", "--", path], expecting: 0)
        let refused = try repository.git(["commit", "-m", "spaces"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains(path + "\n"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("run 'pathc fmt' on them and stage the result"), refused.stderr)

        // Formatted in the working tree only: the staged snapshot is what counts.
        XCTAssertEqual(try repository.run(CLI.executable, ["fmt", path]).status, 0)
        XCTAssertNotEqual(try repository.git(["commit", "-m", "spaces"]).status, 0)
        try repository.git(["add", "--", path], expecting: 0)
        let accepted = try repository.git(["commit", "-m", "formatted again"])
        XCTAssertEqual(accepted.status, 0, accepted.stderr)
    }
}
