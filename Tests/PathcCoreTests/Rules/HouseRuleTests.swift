import XCTest
@testable import PathcCore

/// A team's own rules in house-rules/: each kind of rule, its examples as tests, problems in the
/// files, and the names that pathc.yaml and suppressions may use.
final class HouseRuleTests: XCTestCase {
    private func repository(rules: [String: String], config: String = "name: t\n", behaviours: [String]) throws -> URL {
        try competencyRepository(config: config, behaviours: behaviours, houseRules: rules)
    }

    private func findings(_ folder: URL) -> [String] {
        Checker(root: folder.path, currentDirectory: folder.path).run().diagnostics
            .filter { $0.code.code.hasPrefix("house:") || $0.code.code.hasPrefix("PW1") || $0.code.code.hasPrefix("PW0") }
            .map { "\($0.code.code) \($0.severity.rawValue) \($0.message)" }
    }

    static let noFullStop = """
        id: no-full-stop
        message: a behaviour does not end with a full stop
        fields: [behavior]
        forbid_pattern: '\\.$'
        examples:
          bad: [Writes unit tests for every change.]
          good: [Writes unit tests for every change]
        """

    func testEachKindOfRule() throws {
        let folder = try repository(rules: [
            "no-full-stop.yaml": Self.noFullStop,
            "capital.yaml": "id: capital\nmessage: starts with a capital\ncapitalization: upper\nexamples: {bad: [writes tests], good: [Writes tests]}\n",
            "ableism.yaml": "id: no-ableisms\nmessage: \"'{words}' is ableist\"\nseverity: error\nforbid: [sanity check, crazy]\nexamples: {bad: [Runs a sanity check], good: [Runs a quick check]}\n",
            "plain.yaml": "id: plain-words\nmessage: \"write '{preferred}', not '{words}'\"\nsubstitute: {utilise: use}\nexamples: {bad: [Utilise the runbook], good: [Use the runbook]}\n",
            "verb-first.yaml": "id: verb-first\nmessage: starts with a verb ending in s\nrequire_pattern: '^[A-Z][a-z]+s '\nexamples: {bad: [For every change, writes tests], good: [Writes tests]}\n",
        ], behaviours: ["Writes unit tests for every change.", "runs a sanity check before release", "Utilise the runbook during incidents"])
        XCTAssertEqual(findings(folder).sorted(), [
            "house:capital warning starts with a capital",
            "house:no-ableisms error 'sanity check' is ableist",
            "house:no-full-stop warning a behaviour does not end with a full stop",
            "house:plain-words warning write 'use', not 'Utilise'",
            "house:verb-first warning starts with a verb ending in s",
            "house:verb-first warning starts with a verb ending in s",
        ])
    }

    func testTheFindingPointsAtTheWords() throws {
        let folder = try repository(rules: ["no-full-stop.yaml": Self.noFullStop], behaviours: ["Writes unit tests for every change."])
        let diagnostic = try XCTUnwrap(Checker(root: folder.path, currentDirectory: folder.path).run().diagnostics.first { $0.code.code == "house:no-full-stop" })
        XCTAssertEqual(diagnostic.file.text(of: diagnostic.span), ".")
    }

    func testExamplesAreTests() throws {
        let folder = try repository(rules: [
            "wrong.yaml": "id: wrong\nmessage: m\nforbid: [foo]\nexamples: {bad: [no match here], good: [fine]}\n",
        ], behaviours: ["foo bar"])
        XCTAssertEqual(findings(folder), ["PW1106 error house rule 'wrong' does not flag its bad example"], "a rule whose examples fail is off")
    }

    func testProblemsInRuleFiles() throws {
        let folder = try repository(rules: [
            "a.yaml": "id: dup\nmessage: m\nforbid: [foo]\nexamples: {bad: [foo], good: [bar]}\n",
            "b.yaml": "id: dup\nmessage: m\nforbid: [foo]\nexamples: {bad: [foo], good: [bar]}\n",
            "c.yaml": "id: vague-term\nmessage: m\nforbid: [foo]\nexamples: {bad: [foo], good: [bar]}\n",
            "d.yaml": "id: bad-regex\nmessage: m\nforbid_pattern: '(unclosed'\nexamples: {bad: [foo], good: [bar]}\n",
            "e.yaml": "id: nothing\nmessage: m\nexamples: {bad: [foo], good: [bar]}\n",
        ], behaviours: ["Writes tests"])
        let found = findings(folder)
        XCTAssertTrue(found.contains("PW1105 error house rule 'dup' is declared twice"), "\(found)")
        XCTAssertTrue(found.contains("PW1105 error house rule 'vague-term' has the name of a built-in rule"), "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("PW1105 error 'forbid_pattern' is not a valid regular expression") }, "\(found)")
        XCTAssertTrue(found.contains { $0.hasPrefix("PW1008") || $0.hasPrefix("PW1003") } || found.contains { $0.contains("nothing") }, "\(found)")
    }

    func testPathcYAMLAndSuppressionsNameHouseRules() throws {
        var folder = try repository(rules: ["no-full-stop.yaml": Self.noFullStop], config: "rules: {no-full-stop: error}\n",
                                    behaviours: ["Writes unit tests for every change."])
        XCTAssertEqual(findings(folder), ["house:no-full-stop error a behaviour does not end with a full stop"])
        folder = try repository(rules: ["no-full-stop.yaml": Self.noFullStop], config: "rules: {no-full-stop: off}\n",
                                behaviours: ["Writes unit tests for every change."])
        XCTAssertEqual(findings(folder), [])
        folder = try repository(rules: ["no-full-stop.yaml": Self.noFullStop],
                                behaviours: ["Writes unit tests for every change.  # pathc: ignore[no-full-stop] quoted from the standard"])
        XCTAssertEqual(findings(folder), [])
        folder = try repository(rules: [:], config: "rules: {no-full-stop: off}\n", behaviours: ["Writes tests"])
        let result = Checker(root: folder.path, currentDirectory: folder.path).run()
        XCTAssertTrue(result.setupFailed, "a rule name that no rule has is an error")
    }
}
