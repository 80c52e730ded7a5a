import Foundation
import XCTest

/// Messages that once misled a new user, each pinned to the text that now tells them what happened.
final class MessageTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try CLI.copyOfRepository(self)
    }

    private func write(_ path: String, _ text: String) throws {
        try CLI.write(text, to: path, in: root)
    }

    private func check(_ arguments: [String] = []) throws -> CLIResult {
        try CLI.run(["check"] + arguments, in: root, environment: ["NO_COLOR": "1"])
    }

    func testAReferenceToAnEntityInABrokenFileSaysTheFileIsBroken() throws {
        let path = "pathways/competencies/root-cause-diagnosis.competency.yaml"
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        try write(path, text.replacingOccurrences(of: "name: ", with: "name: [unclosed ", options: [], range: text.range(of: "name: ")))
        let result = try check()
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("competency 'root-cause-diagnosis' is defined in \(path), which has errors"), result.stdout)
        XCTAssertTrue(result.stdout.contains("= help: fix the errors in \(path) first; this reference then resolves"), result.stdout)
        XCTAssertFalse(result.stdout.contains("unknown competency 'root-cause-diagnosis'"), result.stdout)
    }

    func testAColonInsideAListItemSaysToQuoteIt() throws {
        try write("pathways/competencies/coaching.competency.yaml", """
            kind: competency
            id: coaching
            name: Coaching
            description: Helps colleagues improve their work through regular feedback.
            levels:
              - level: 1
                name: Developing
                behaviors:
                  - Coaching: runs two peer reviews a month
            """ + "\n")
        let result = try check(["pathways/competencies/coaching.competency.yaml"])
        XCTAssertTrue(result.stdout.contains("""
            = help: the ': ' inside the text makes YAML read it as 'key: value'; put the whole text in quotes: "Coaching: runs two peer reviews a month"
            """), result.stdout)
    }

    func testAKeyWithoutASpaceAfterItsColonSaysSo() throws {
        try write("pathways/roles/spaceless.role.yaml", "kind: role\nid: spaceless\ntitle:Support engineer\n")
        let result = try check(["pathways/roles/spaceless.role.yaml"])
        XCTAssertTrue(result.stdout.contains("error[PW0108]: a space is missing after ':' in 'title:Support engineer'"), result.stdout)
        XCTAssertTrue(result.stdout.contains("= help: write 'title: Support engineer'"), result.stdout)
    }

    func testAProjectionShowsItsUnitAndTheDecimalsThatSetItApartFromTheTarget() throws {
        try write("pathways/okrs/team/risk-2026-q3.okr.yaml", try String(contentsOfFile: CLI.repository.path + "/Tests/PathcCLITests/Fixtures/risk-2026-q3.okr.yaml", encoding: .utf8))
        let result = try check(["pathways/okrs/team/risk-2026-q3.okr.yaml"])
        XCTAssertTrue(result.stdout.contains("key result 'resolved-in-five-days' is on course for 88.4% by 2026-09-30, short of its target 90%"), result.stdout)
        XCTAssertTrue(result.stdout.contains("key result 'reopened' is on course for 3.02 escalations by 2026-09-30, short of its target 3 escalations"), result.stdout)
    }

    func testAStaleCheckInIsShownAtTheLastCheckIn() throws {
        let text = try String(contentsOfFile: CLI.repository.path + "/Tests/PathcCLITests/Fixtures/risk-2026-q3.okr.yaml", encoding: .utf8)
        try write("pathways/okrs/team/risk-2026-q3.okr.yaml", text.replacingOccurrences(of: "      - {date: 2026-08-19, value: 75.3%}",
                                                                                      with: "      - {date: 2026-07-02, value: 61%}\n      - {date: 2026-07-20, value: 64%}"))
        let result = try check(["pathways/okrs/team/risk-2026-q3.okr.yaml"])
        XCTAssertTrue(result.stdout.contains("""
            warning[PW6001]: key result 'resolved-in-five-days' was last checked in 31 days ago, on 2026-07-20
               |
            19 |       - {date: 2026-07-20, value: 64%}
            """), result.stdout)
    }

    func testCountsAndSeverities() throws {
        try write("pathways/okrs/team/risk-2026-q3.okr.yaml", try String(contentsOfFile: CLI.repository.path + "/Tests/PathcCLITests/Fixtures/risk-2026-q3.okr.yaml", encoding: .utf8))
        let all = try check()
        XCTAssertTrue(all.stdout.contains(" info in "), all.stdout.suffix(200).description)
        XCTAssertFalse(all.stdout.contains("infos"), all.stdout.suffix(200).description)
        // With PATHs, the summary counts the files reported on, not the repository's.
        let team = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("pathways/okrs/team").path)
        let folder = try check(["pathways/okrs/team"])
        XCTAssertTrue(folder.stdout.hasSuffix(" in \(team.count) files\n"), folder.stdout.suffix(200).description)
        // The terminal shows errors last, right above the summary; markdown shows them first.
        try write("pathways/roles/broken-role.role.yaml", "kind: role\nid: broken-role\n")
        let mixed = try check()
        let error = try XCTUnwrap(mixed.stdout.range(of: "error[PW1003]")).lowerBound
        let note = try XCTUnwrap(mixed.stdout.range(of: "info[PW6002]")).lowerBound
        XCTAssertLessThan(note, error, mixed.stdout)
        let markdown = try check(["--format", "markdown"]).stdout
        XCTAssertLessThan(try XCTUnwrap(markdown.range(of: "PW1003 missing-field |")).lowerBound,
                          try XCTUnwrap(markdown.range(of: "PW6002 at-risk |")).lowerBound, markdown)
        try FileManager.default.removeItem(at: root.appendingPathComponent("pathways/roles/broken-role.role.yaml"))
        let warnings = try check(["--min-severity", "warning"])
        XCTAssertEqual(warnings.status, all.status)
        XCTAssertFalse(warnings.stdout.contains("info["), warnings.stdout)
    }

    /// Every code of docs/codes.md (the whole catalogue) is explained, by code and by name.
    func testExplainAnswersEveryCode() throws {
        let page = try String(contentsOf: CLI.repository.appendingPathComponent("docs/codes.md"), encoding: .utf8)
        let headings = page.split(separator: "\n").filter { $0.hasPrefix("### PW") }.map { $0.dropFirst(4).split(separator: " ") }
        XCTAssertGreaterThan(headings.count, 100)
        for heading in headings {
            let (code, name) = (String(heading[0]), String(heading[1]))
            let result = try CLI.run(["explain", code])
            XCTAssertEqual(result.status, 0, "\(code): \(result.stderr)")
            XCTAssertTrue(result.stdout.hasPrefix("\(code) \(name)"), "\(code): \(result.stdout.prefix(200))")
        }
        let byName = try CLI.run(["explain", "duplicate-key"])
        XCTAssertTrue(byName.stdout.contains("What to do"), byName.stdout)
        let unknown = try CLI.run(["explain", "PW2099"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown code or rule 'PW2099'"), unknown.stderr)
    }

    func testVersionIsAnOption() throws {
        let result = try CLI.run(["version"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("the version is an option: pathc --version"), result.stderr)
    }
}
