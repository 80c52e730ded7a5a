import Foundation
import XCTest
@testable import PathcCore

/// The whole check pipeline on real repositories: this one's own content, copies of it with
/// problems put in, and a generated corpus.
final class CheckerTests: XCTestCase {
    private func check(_ folder: URL) -> CheckResult {
        Checker(root: folder.path, currentDirectory: folder.path).run()
    }

    func testThisRepositoryIsClean() {
        let result = Checker(root: TestPaths.repository.path, currentDirectory: TestPaths.repository.path).run()
        XCTAssertFalse(result.setupFailed)
        XCTAssertEqual(result.diagnostics.map { "\($0.file.path):\($0.start) \($0.message)" }, [])
        XCTAssertGreaterThanOrEqual(result.model.all(.okr).count, 3)
        XCTAssertGreaterThanOrEqual(result.model.all(.competency).count, 5)
        XCTAssertGreaterThanOrEqual(result.model.all(.role).count, 3)
        XCTAssertGreaterThanOrEqual(result.model.all(.rubric).count, 2)
        XCTAssertGreaterThanOrEqual(result.model.all(.pathway).count, 3)
    }

    func testOnePreciseDiagnosticPerProblem() throws {
        let folder = try copyOfRepository()
        let path = "pathways/okrs/developmental/consultative-selling-2026-q3.okr.yaml"
        try edit(folder, path) { text in
            text.replacingOccurrences(of: "owner: sales-enablement\n", with: "ownr: sales-enablement\n")
                .replacingOccurrences(of: "cadence: biweekly", with: "cadence: biweeky")
                .replacingOccurrences(of: "aligned_to: [enterprise-revenue-2026]", with: "aligned_to: [enterprise-revenu-2026]")
                .replacingOccurrences(of: "    source: post-call survey export, weekly\n", with: "    source: 42\n")
                .replacingOccurrences(of: "cycle: 2026-Q3\n", with: "")
        }
        let result = check(folder)
        let found = result.diagnostics.map { "\($0.start.line):\($0.start.column) \($0.code.code) \($0.message) | \($0.help ?? "")" }
        XCTAssertEqual(found, [
            "3:1 PW1003 missing required field 'cycle' | add 'cycle: ...'",
            "6:1 PW1002 unknown field 'ownr' | did you mean 'owner'? It is a required field",
            "7:14 PW2002 unknown OKR 'enterprise-revenu-2026' | did you mean 'enterprise-revenue-2026'?",
            "13:19 PW1004 'biweeky' is not an allowed value for 'cadence' | did you mean 'biweekly'? The allowed values are 'weekly', 'biweekly', 'monthly', 'quarterly'",
            "21:13 PW1001 'source' should be text, found an integer | YAML reads 42 as an integer; quote it to make it text: \"42\"",
        ])
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.file.path == path })
    }

    func testModelChecks() throws {
        let folder = try copyOfRepository()
        // A role that names a rubric where a competency belongs, at a level the competency lacks.
        try edit(folder, "pathways/roles/account-executive.role.yaml") { text in
            text.replacingOccurrences(of: "  - competency: pipeline-forecasting\n    level: 2", with: "  - competency: facilitation-rubric\n    level: 2")
                .replacingOccurrences(of: "  - competency: consultative-selling\n    level: 3", with: "  - competency: consultative-selling\n    level: 9")
        }
        // A second competency with an id already taken.
        try edit(folder, "pathways/competencies/root-cause-diagnosis.competency.yaml") { text in
            text.replacingOccurrences(of: "id: root-cause-diagnosis", with: "id: performance-coaching")
        }
        // A team OKR aligned to another team OKR.
        try edit(folder, "pathways/okrs/team/product-delivery-2026-q3.okr.yaml") { text in
            let aligned = text.components(separatedBy: "\n").first { $0.hasPrefix("aligned_to:") }!
            return text.replacingOccurrences(of: aligned, with: "aligned_to: [enterprise-sales-2026-q3]")
        }
        let codes = Set(check(folder).diagnostics.map(\.code.code))
        XCTAssertTrue(codes.isSuperset(of: ["PW2003", "PW5007", "PW2001", "PW4010"]), "\(codes)")
        let messages = check(folder).diagnostics.map(\.message)
        XCTAssertTrue(messages.contains("'facilitation-rubric' is a rubric, not a competency"), "\(messages)")
        XCTAssertTrue(messages.contains("competency 'consultative-selling' has no level 9"), "\(messages)")
        XCTAssertTrue(messages.contains("duplicate competency id 'performance-coaching'"), "\(messages)")
    }

    func testAlignmentCycleIsReportedOnce() throws {
        let folder = try copyOfRepository()
        let okrs = folder.appendingPathComponent("pathways/okrs/strategic")
        for (id, parent) in [("loop-a", "loop-b"), ("loop-b", "loop-a")] {
            try """
                kind: okr
                id: \(id)
                level: team
                cycle: 2026-Q3
                owner: someone
                aligned_to: [\(parent)]
                objective: Resolve every escalation within two working days
                key_results:
                  - {id: a, result: Cut open escalations to 2, metric: open escalations, baseline: 9, target: 2, indicator: lagging, source: desk}
                """.write(to: okrs.appendingPathComponent("\(id).okr.yaml"), atomically: true, encoding: .utf8)
        }
        let cycles = check(folder).diagnostics.filter { $0.code == ModelCode.alignmentCycle }
        XCTAssertEqual(cycles.map(\.message), ["OKR alignment forms a cycle: loop-a -> loop-b -> loop-a"])
    }

    func testKindsAndFilesThatAreNotContent() throws {
        let folder = try copyOfRepository()
        let content = folder.appendingPathComponent("pathways")
        try "kind: okrs\nid: x\n".write(to: content.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "id: x\n".write(to: content.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "- a list\n".write(to: content.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        try "a: [unclosed\n".write(to: content.appendingPathComponent("d.yaml"), atomically: true, encoding: .utf8)
        try "not yaml at all: ".write(to: content.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let found = check(folder).diagnostics.map { "\($0.file.path) \($0.code.code)" }
        XCTAssertEqual(found, ["pathways/a.yaml PW2004", "pathways/b.yaml PW2005", "pathways/c.yml PW2007", "pathways/d.yaml PW0106"])
        XCTAssertEqual(check(folder).diagnostics.first?.help, "did you mean 'okr'?")
    }

    func testInvalidConfigAndSchemaStopTheCheck() throws {
        let folder = try copyOfRepository()
        try edit(folder, "pathc.yaml") { $0 + "rules: {vague-term: loud}\n" }
        let result = check(folder)
        XCTAssertTrue(result.setupFailed)
        XCTAssertEqual(result.diagnostics.map { "\($0.file.path) \($0.code.code)" }, ["pathc.yaml PW1004"])

        let other = try copyOfRepository()
        try edit(other, "schemas/role.schema.yaml") { $0 + "unevaluatedPropertys: false\n" }
        let broken = check(other)
        XCTAssertTrue(broken.setupFailed)
        XCTAssertEqual(broken.diagnostics.map { "\($0.file.path) \($0.code.code)" }, ["schemas/role.schema.yaml PW1101"])
    }

    func testARepositorySchemaIsUsedInsteadOfTheDefault() throws {
        let folder = try copyOfRepository()
        try edit(folder, "schemas/role.schema.yaml") { $0.replacingOccurrences(of: "required: [kind, id, title, competencies]", with: "required: [kind, id, title, competencies, owner]") }
        let found = check(folder).diagnostics
        XCTAssertEqual(Set(found.map(\.message)), ["missing required field 'owner'"])
        XCTAssertEqual(found.count, 4)
    }

    func testGeneratedCorpusHasNoErrors() throws {
        let generator = try TestPaths.sharedFolder("bench/gen_corpus.py")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-corpus-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, folder.path, "--okrs", "300"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try XCTSkipIf(process.terminationStatus != 0, "python3 could not run the corpus generator")
        let result = check(folder)
        XCTAssertGreaterThan(result.fileCount, 300)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map { "\($0.file.path):\($0.start) \($0.message)" }, [])
    }
}
