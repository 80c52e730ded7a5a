import XCTest
@testable import PathcCore

/// docs/rules.md is made from the rules by scripts/generate-rules-doc.
final class RulesDocumentTests: XCTestCase {
    func testThePageDescribesTheRulesPathcRuns() throws {
        let page = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        XCTAssertTrue(page == RulesDocument.markdown, "docs/rules.md differs from the rules: run scripts/generate-rules-doc")
    }

    func testThePageShowsEveryRuleWithItsExamplesUnmarked() {
        let page = RulesDocument.markdown
        for rule in RuleRegistry.descriptions {
            XCTAssertTrue(page.contains("\n## \(rule.code.code) \(rule.name)\n"), rule.name)
            for example in rule.bad + rule.good { XCTAssertTrue(page.contains(example.text), "\(rule.name): \(example.text)") }
        }
        XCTAssertFalse(page.unicodeScalars.contains(RuleExample.marker))
    }
}
