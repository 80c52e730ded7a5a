import XCTest
@testable import PathcCore

final class DiagnosticRendererTests: XCTestCase {
    func testDuplicateKeyRendersLikeTheSpec() throws {
        let text = """
            kind: okr
            key_results:
              - id: kr1
                metric: share
                baseline: 42%
                indicator: lagging
                source: survey
                checkins: []
                owner: sales
                unit: percent
                direction: increase
                target: 75%
                due: 2026-09-30
                target: 80%

            """
        let tree = SyntaxTree.parse(SourceFile(path: "pathways/okrs/sales.okr.yaml", text: text))
        let diagnostic = try XCTUnwrap(tree.diagnostics.first)
        let expected = """
            pathways/okrs/sales.okr.yaml:14:5: error[PW0102]: duplicate key 'target'
               |
            12 |     target: 75%
               |     ------ first defined here
            14 |     target: 80%
               |     ^^^^^^ duplicate key
               = help: remove one of the two keys

            """
        XCTAssertEqual(DiagnosticRenderer().render(diagnostic), expected)
    }

    func testCaretUnderTheConstructAndTabsExpanded() throws {
        let tree = parse("a:\t&anchor value\n")
        let rendered = DiagnosticRenderer().render(try XCTUnwrap(tree.diagnostics.first))
        XCTAssertEqual(rendered, """
            test.yaml:1:4: error[PW0201]: anchors are not supported: they make files hard to review and allow exponential expansion
              |
            1 | a:    &anchor value
              |       ^^^^^^^ anchor
              = help: remove the anchor and write the value out in full wherever it is needed

            """)
    }

    func testColorOnlyWhenAsked() throws {
        let diagnostic = try XCTUnwrap(parse("a: 1\na: 2\n").diagnostics.first)
        XCTAssertFalse(DiagnosticRenderer(useColor: false).render(diagnostic).contains("\u{1B}["))
        XCTAssertTrue(DiagnosticRenderer(useColor: true).render(diagnostic).contains("\u{1B}[1;31m"))
    }

    func testEmptySpanAtEndOfFileStillGetsACaret() throws {
        let diagnostic = try XCTUnwrap(parse("a: 'unterminated").diagnostics.first)
        let rendered = DiagnosticRenderer().render(diagnostic)
        XCTAssertTrue(rendered.contains("1 | a: 'unterminated\n  |    ^ string starts here"), rendered)
    }
}
