import Foundation
import XCTest
@testable import PathcCore

/// The quality rules on the seeds' own examples, and the engine's configuration: severities,
/// ignore globs, suppression comments, vocabulary changes, verdicts.
final class QualityRuleTests: XCTestCase {
    private func textFindings(_ text: String, field: StatementField, vocabulary: Vocabulary = Vocabulary()) -> [String] {
        let statement = RuleExampleTests.statement(text, field: field, vocabulary)
        let context = RuleContext(model: Model(), vocabulary: vocabulary, config: ProjectConfig(), today: RuleExampleTests.today)
        return RuleRegistry.textRules.filter { $0.fields.contains(field) }.flatMap { rule in
            rule.check(statement, context).map { _ in rule.description.name }
        }
    }

    func testTheSeedsExamples() {
        XCTAssertTrue(textFindings("improve leadership skills", field: .objective).contains("vague-term"))
        XCTAssertEqual(textFindings("Leadership participants will facilitate weekly cross-functional problem-solving sessions with documented decisions and action plans, achieving at least a 15 percent reduction in cycle time for key projects", field: .objective), [])
        XCTAssertEqual(textFindings("resolve customer objections within two interactions, measured through post-call surveys", field: .keyResult), [])
        XCTAssertEqual(textFindings("Account executives resolve customer objections within two interactions", field: .objective), [])
    }

    func testSentenceShapes() {
        // A subject before the verb, modals, inflections, negation, numbers with units.
        XCTAssertEqual(textFindings("Account executives will resolve 90% of objections within 48 hours", field: .keyResult), [])
        XCTAssertEqual(textFindings("Each engineer resolved $2M of renewals without escalation", field: .keyResult), [])
        XCTAssertEqual(textFindings("Participants understood the pricing model", field: .objective), ["unobservable-verb"])
        XCTAssertEqual(textFindings("Managers are able to coach new hires within their first month", field: .objective), ["ability-wording"])
        XCTAssertEqual(textFindings("Presents the forecast with no errors", field: .criterion), [])
        XCTAssertTrue(textFindings("Presents the forecast to the board", field: .criterion).contains("missing-degree"))
    }

    func testCompletingCoursesIsActivityForALaggingResult() throws {
        let model = try RuleExampleTests.model([OKRExamples.with([("result: Cut median resolution time from 30 to 8 hours", "result: Complete three courses"),
                                                                  ("baseline: 30\n    target: 8", "baseline: 0\n    target: 3")])])
        let context = RuleContext(model: model, vocabulary: Vocabulary(), config: ProjectConfig(), today: RuleExampleTests.today)
        let findings = ActivityAsResultRule().check(model.ordered[0], context)
        XCTAssertEqual(findings.map(\.message), ["lagging key result 'resolution-time' counts activity ('complete'), not impact"])
    }

    // MARK: - The engine in a repository

    private func repository(_ files: [String: String], config: String = "today: 2026-08-20\n") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-rules-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pathways"), withIntermediateDirectories: true)
        try config.write(to: folder.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent("pathways/\(name)"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func check(_ folder: URL) -> CheckResult {
        Checker(root: folder.path, currentDirectory: folder.path).run()
    }

    private var vagueOKR: String {
        OKRExamples.clean.replacingOccurrences(of: "objective: Support engineers resolve priority tickets within one working day",
                                               with: "objective: Support engineers improve their triage skills")
    }

    func testSeverityOverridesAndOff() throws {
        let folder = try repository(["support-speed.okr.yaml": vagueOKR], config: "today: 2026-08-20\nrules: {vague-term: error, PW4011: off}\n")
        let result = check(folder)
        XCTAssertEqual(result.diagnostics.map { "\($0.code.name) \($0.severity)" }, ["vague-term error"])
    }

    func testIgnoreGlobs() throws {
        let folder = try repository(["legacy/support-speed.okr.yaml": "", "support-speed.okr.yaml": ""].isEmpty ? [:] : [:],
                                    config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\nignore:\n  - {paths: 'pathways/legacy/**', rules: [vague-term]}\n")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pathways/legacy"), withIntermediateDirectories: true)
        try vagueOKR.write(to: folder.appendingPathComponent("pathways/legacy/support-speed.okr.yaml"), atomically: true, encoding: .utf8)
        try vagueOKR.replacingOccurrences(of: "id: support-speed", with: "id: support-speed-2")
            .write(to: folder.appendingPathComponent("pathways/support-speed-2.okr.yaml"), atomically: true, encoding: .utf8)
        let found = check(folder).diagnostics.map { "\($0.file.path) \($0.code.name)" }
        XCTAssertEqual(found, ["pathways/support-speed-2.okr.yaml vague-term"])
    }

    func testSuppressionsNeedAReasonAndMustBeUsed() throws {
        let suppressed = vagueOKR.replacingOccurrences(
            of: "objective: Support engineers improve their triage skills",
            with: "# pathc: ignore[vague-term] the triage programme is defined in the key results\nobjective: Support engineers improve their triage skills")
            .replacingOccurrences(of: "owner: support-lead", with: "owner: support-lead # pathc: ignore[hedged-commitment] nothing to hedge")
        let folder = try repository(["support-speed.okr.yaml": suppressed], config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\n")
        XCTAssertEqual(check(folder).diagnostics.map { "\($0.start.line) \($0.code.name)" }, ["5 unused-suppression"])

        let noReason = vagueOKR.replacingOccurrences(of: "objective: Support engineers improve their triage skills",
                                                     with: "objective: Support engineers improve their triage skills # pathc: ignore[vague-term]")
        let other = try repository(["support-speed.okr.yaml": noReason], config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\n")
        XCTAssertEqual(check(other).diagnostics.map(\.message), ["'improve' says neither how much nor by when", "the suppression gives no reason"])
    }

    func testVocabularyInPathcYAMLChangesTheVerdict() throws {
        let okr = OKRExamples.clean.replacingOccurrences(of: "objective: Support engineers resolve priority tickets within one working day",
                                                         with: "objective: Support engineers triage priority tickets within one working day")
        let plain = try repository(["support-speed.okr.yaml": okr], config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\n")
        let before = check(plain)
        let objective = try XCTUnwrap(before.verdicts.first { $0.statement.field == .objective })
        XCTAssertTrue(objective.passes, "an unknown verb before a determiner reads as an imperative")
        let withVague = try repository(["support-speed.okr.yaml": okr],
                                       config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\nvocabulary:\n  vague_terms: {add: [triage]}\n")
        let after = check(withVague)
        XCTAssertEqual(after.diagnostics.map(\.code.name), ["vague-term"])
        XCTAssertEqual(after.verdicts.first { $0.statement.field == .objective }?.axes[.specific], ["PW3003"])
        let removed = try repository(["support-speed.okr.yaml": vagueOKR],
                                     config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\nvocabulary:\n  vague_terms: {remove: [improve, skills]}\n")
        XCTAssertEqual(check(removed).diagnostics.map(\.code.name), [])
    }

    func testVerdictsInTheJSONReport() throws {
        let folder = try repository(["support-speed.okr.yaml": vagueOKR], config: "today: 2026-08-20\nrules: {unsupported-strategy: off}\n")
        let result = check(folder)
        let objective = try XCTUnwrap(result.verdicts.first { $0.statement.field == .objective })
        XCTAssertFalse(objective.passes)
        XCTAssertEqual(objective.axes[.specific], ["PW3003"])
        XCTAssertEqual(objective.axes[.observable], [])
        let json = JSONWriter(pretty: false).string(objective.json)
        XCTAssertTrue(json.contains(#""specific":{"pass":false,"rules":["PW3003"]}"#), json)
        XCTAssertTrue(json.contains(#""field":"objective""#), json)
        let results = result.verdicts.filter { $0.statement.field == .keyResult }
        XCTAssertEqual(results.count, 2)
        XCTAssertTrue(results.allSatisfy(\.passes))
        XCTAssertEqual(results.first?.bloom, .apply)
    }

    func testUnknownRuleInConfigIsExit2() throws {
        let folder = try repository([:], config: "rules: {vage-term: off}\n")
        let result = check(folder)
        XCTAssertTrue(result.setupFailed)
        XCTAssertEqual(result.diagnostics.map(\.message), ["unknown rule 'vage-term'"])
        XCTAssertEqual(result.diagnostics.first?.help, "did you mean 'vague-term'? 'pathc rules' lists them")
    }
}
