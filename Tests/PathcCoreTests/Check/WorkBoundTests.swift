import XCTest
@testable import PathcCore

/// The bounds that keep a run finite and its output readable whatever the input: the schema
/// evaluator's step limit, the regular-expression budget, the phrase trie, excerpt windows,
/// terminal-safe text and cache paths.
final class WorkBoundTests: XCTestCase {
    private func validation(schema: String, _ instance: String, budget: RunBudget? = nil) -> SchemaValidation {
        let document = SchemaDocument.compile(SourceFile(path: "schema.yaml", text: schema))
        XCTAssertEqual(document.problems.map(\.message), [])
        let tree = SyntaxTree.parse(SourceFile(path: "file.yaml", text: instance))
        return SchemaValidator(document).validate(tree.root ?? .null(at: 0), budget: budget)
    }

    func testASchemaThatDoublesItsWorkAtEveryLevelStopsAlone() {
        let schema = "type: object\nallOf: [{$ref: '#'}, {$ref: '#'}]\nadditionalProperties: {$ref: '#'}\n"
        let outcome = validation(schema: schema, "a: {b: {c: {d: {e: {f: {g: {h: {}}}}}}}}\n")
        XCTAssertEqual(outcome.violations.count, 1)
        guard case .tooCostly = outcome.violations.first?.problem else { return XCTFail("\(outcome.violations)") }
        // An ordinary recursive schema on the same document is well inside the limit.
        XCTAssertTrue(validation(schema: "type: object\nadditionalProperties: {$ref: '#'}\n", "a: {b: {c: {}}}\n").isValid)
    }

    func testMultipleOfAcceptsOnlyZeroAsAZeroMultiple() {
        XCTAssertFalse(Evaluator.isMultiple(Double.leastNonzeroMagnitude, of: 0.0001), "5e-324")
        XCTAssertFalse(Evaluator.isMultiple(0.00001, of: 0.0001))
        XCTAssertTrue(Evaluator.isMultiple(0, of: 0.0001))
        XCTAssertTrue(Evaluator.isMultiple(0.0003, of: 0.0001))
        XCTAssertTrue(Evaluator.isMultiple(4.2, of: 0.01))
        XCTAssertFalse(Evaluator.isMultiple(4.205, of: 0.01))
    }

    func testALongEnumIsLookedUpByValue() {
        let values = (0..<100).map(String.init).joined(separator: ", ")
        let schema = "type: object\nproperties:\n  n: {enum: [\(values), 'x', {a: 1}]}\n"
        XCTAssertTrue(validation(schema: schema, "n: 42\n").isValid)
        XCTAssertTrue(validation(schema: schema, "n: 42.0\n").isValid, "1 and 1.0 are one JSON number")
        XCTAssertTrue(validation(schema: schema, "n: {a: 1}\n").isValid)
        XCTAssertTrue(validation(schema: schema, "n: x\n").isValid)
        XCTAssertFalse(validation(schema: schema, "n: '42'\n").isValid, "a string is not a number")
        XCTAssertFalse(validation(schema: schema, "n: 100\n").isValid)
    }

    func testTheRegexEngineSaysWhenItGaveUp() throws {
        let regex = try SchemaRegex("^(a*)*\\1b$")
        let text = String(repeating: "a", count: 60) + "c"
        var steps = 1_000_000
        XCTAssertNil(regex.match(text, steps: &steps))
        XCTAssertEqual(steps, 0, "the search spends what it was given")
        var plenty = 1_000_000
        XCTAssertEqual(try SchemaRegex("^[a-z]+$").match("abc", steps: &plenty), true)
        XCTAssertGreaterThan(plenty, 999_000)
        var none = 0
        XCTAssertNil(try SchemaRegex("^(a|b)*c").match("abab", steps: &none), "no steps left: no verdict")
    }

    func testARunBudgetIsSharedByTheFilesOfARun() {
        let budget = RunBudget(steps: 100)
        XCTAssertEqual(budget.draw(upTo: 60), 60)
        XCTAssertEqual(budget.draw(upTo: 60), 40)
        XCTAssertEqual(budget.draw(upTo: 10), 0)
        budget.giveBack(25)
        XCTAssertEqual(budget.draw(upTo: 60), 25)
    }

    func testAPatternThatGivesUpIsNotAMismatch() {
        let schema = "type: object\nproperties:\n  id: {type: string, pattern: '^(a*)*\\1b$'}\n"
        let instance = "id: " + String(repeating: "a", count: 60) + "c\n"
        let outcome = validation(schema: schema, instance, budget: RunBudget(steps: 2_000_000))
        XCTAssertEqual(outcome.violations.count, 1)
        guard case .patternGaveUp = outcome.violations.first?.problem else { return XCTFail("\(outcome.violations)") }
    }

    func testThePhraseTrieFindsEveryPhraseFromAWordShortestFirst() {
        var trie = PhraseTrie<String>()
        trie.insert(firstForms: ["improve", "improves"], rest: ["the", "thing"], "improve the thing")
        trie.insert(firstForms: ["improve"], rest: ["the"], "improve the")
        for index in 0..<10_000 { trie.insert(firstForms: ["improve"], rest: ["the", "thing\(index)"], "other") }
        let words = ["improve", "the", "thing", "now"]
        var found: [(String, Int)] = []
        trie.matches(from: trie.start(words[0])!, next: { 1 + $0 < words.count ? words[1 + $0] : nil }) { found.append(($0, $1)) }
        XCTAssertEqual(found.map(\.0), ["improve the", "improve the thing"])
        XCTAssertEqual(found.map(\.1), [2, 3])
        XCTAssertNil(trie.start("the"))
        XCTAssertNotNil(trie.start("improves"))
    }

    func testAnExcerptOfALongLineIsAWindowAroundTheFinding() {
        let text = "notes: " + String(repeating: "x", count: 100_000) + "BAD" + String(repeating: "y", count: 100_000) + "\n"
        let file = SourceFile(path: "long.yaml", text: text)
        let start = 7 + 100_000
        let diagnostic = Diagnostic(code: SchemaViolationCode.invalidValue, message: "bad", file: file,
                                    span: Span(start: start, end: start + 3), label: "here")
        let rendered = DiagnosticRenderer().render(diagnostic)
        XCTAssertLessThan(rendered.utf8.count, 600, rendered)
        let lines = rendered.components(separatedBy: "\n")
        let shown = try? XCTUnwrap(lines.first { $0.contains("BAD") })
        let caret = try? XCTUnwrap(lines.first { $0.contains("^^^") })
        XCTAssertTrue(shown?.contains("…x") ?? false, rendered)
        XCTAssertTrue(shown?.hasSuffix("y…") ?? false, rendered)
        // The caret stands under the flagged text.
        if let shown, let caret {
            let column = shown.distance(from: shown.startIndex, to: shown.range(of: "BAD")!.lowerBound)
            XCTAssertEqual(caret.distance(from: caret.startIndex, to: caret.range(of: "^^^")!.lowerBound), column)
        }
    }

    func testControlCharactersAreShownAsEscapes() {
        XCTAssertEqual(TerminalSafe.line("a\u{1B}[2Jb\u{202E}c\u{9B}d\u{7F}"), "a\\u{1b}[2Jb\\u{202e}c\\u{9b}d\\u{7f}")
        XCTAssertEqual(TerminalSafe.line("two\nlines"), "two\\u{a}lines")
        XCTAssertEqual(TerminalSafe.line("plain – text with é and ✓\tand a tab"), "plain – text with é and ✓\tand a tab")
        let file = SourceFile(path: "a\u{1B}.yaml", text: "key: \u{1B}]8;;http://evil\u{07}x\n")
        let rendered = DiagnosticRenderer().render(Diagnostic(code: SyntaxCode.nonPrintable, message: "m\u{1B}", file: file,
                                                              span: Span(start: 5, end: 6), label: "l\u{1B}", help: "h\u{1B}"))
        XCTAssertFalse(rendered.contains("\u{1B}"), rendered)
        XCTAssertFalse(rendered.contains("\u{07}"), rendered)
    }

    func testCachePathsMustBePlainAndRelative() {
        for good in ["pathways", "pathways/okrs/a.okr.yaml", "a/.hidden", "a/...b", "x"] {
            XCTAssertTrue(Paths.isPlainRelative(good.utf8), good)
        }
        for bad in ["", "/etc", "../x", "a/../b", "a//b", "a/./b", ".", "..", "a/", "a\u{0}b", "a\tb", "a\u{7F}"] {
            XCTAssertFalse(Paths.isPlainRelative(bad.utf8), bad.debugDescription)
        }
    }
}
