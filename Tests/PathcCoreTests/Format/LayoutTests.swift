import XCTest
@testable import PathcCore

/// Two spaces per level, block collections, `key: value` and `- item`; flow collections only
/// where they are short and simple.
final class LayoutTests: XCTestCase {
    func testIndentationAndSpacingAreNormalised() {
        assertFormats("""
            kind:    competency
            levels:
                -   level: 1
                    name:   One
                    behaviors:
                    - Writes it down
                    -    Says it out loud
            """, """
            kind: competency
            levels:
              - level: 1
                name: One
                behaviors:
                  - Writes it down
                  - Says it out loud
            """)
    }

    func testNestedSequencesAndEmptyValues() {
        assertFormats("""
            matrix:
            -   - a
                - b
            -
            - - - deep
            empty:
            """, """
            matrix:
              - - a
                - b
              -
              - - - deep
            empty:
            """)
    }

    func testAShortFlowCollectionOfScalarsStaysFlow() {
        assertFormats("""
            roles: [ account-executive,sales-manager ]
            checkin: {date: 2026-07-17,   value: 39}
            grid: [[1, 2], [3, 4]]
            none: [ ]
            nothing: { }
            """, """
            roles: [account-executive, sales-manager]
            checkin: {date: 2026-07-17, value: 39}
            grid: [[1, 2], [3, 4]]
            none: []
            nothing: {}
            """)
    }

    func testAFlowCollectionThatDoesNotFitIsWrittenAsABlock() {
        assertFormats("""
            reviewers: [chief-operating-officer, engineering-directors, product-directors, head-of-support]
            """, """
            reviewers:
              - chief-operating-officer
              - engineering-directors
              - product-directors
              - head-of-support
            """, width: 60)
    }

    func testAFlowCollectionOverSeveralLinesThatFitsIsJoined() {
        assertFormats("""
            roles: [
              account-executive,
              sales-manager
              ]
            """, """
            roles: [account-executive, sales-manager]
            """)
    }

    func testFlowCollectionsNestedDeeperOrHoldingPairsAreWrittenAsBlocks() {
        assertFormats("""
            deep: [[[1]]]
            pairs: [a: 1, b]
            mixed: {a: [1, {b: 2}]}
            empty: {a: }
            """, """
            deep:
              - [[1]]
            pairs:
              - a: 1
              - b
            mixed:
              a: [1, {b: 2}]
            empty:
              a:
            """)
    }

    func testAFlowCollectionWithASuppressionCommentStaysOnItsLine() {
        let roles = (1...12).map { "role-number-\($0)" }.joined(separator: ", ")
        assertUnchanged("roles: [\(roles)]  # pathc: ignore[unknown-reference] agreed")
    }

    func testAnEmptyKeyIsWrittenNull() {
        // The parser reads `:` right before a closing bracket as an entry with an empty key
        // (found by fuzz/run format); YAML reads `null` as the same key.
        assertFormats("""
            a: [x, :]
            b: {:}
            """, """
            a:
              - x
              - null:
            b:
              null:
            """)
    }

    func testABlockCollectionNeverBecomesFlow() {
        assertUnchanged("""
            roles:
              - a
              - b
            """)
    }

    func testOneEmptyLineAtMostIsKeptBetweenEntries() {
        assertFormats("""


            kind: competency



            id: coaching
            levels:

              - level: 1

              - level: 2
            """, """
            kind: competency

            id: coaching
            levels:
              - level: 1

              - level: 2
            """)
    }

    func testLineEndsMarkersAndByteOrderMarkAreNormalised() {
        assertFormatsExactly("\u{FEFF}---\r\nkind: okr\r\nid: x   \r\n...\r\n", "kind: okr\nid: x\n")
        assertFormatsExactly("a: 1", "a: 1\n")
        assertFormatsExactly("", "")
        assertFormatsExactly("# only a comment", "# only a comment\n")
    }

    func testTopLevelSequencesAndScalars() {
        assertFormats("""
            - a
            -   b: 1
                c: 2
            """, """
            - a
            - b: 1
              c: 2
            """)
        assertFormats("'plain text'", "plain text")
        assertFormats("[a, b]", "[a, b]")
    }

    func testAFileWithASyntaxErrorIsNotFormatted() {
        guard case .syntaxErrors(let diagnostics) = SourceFormatter.format(SourceFile(path: "bad.yaml", text: "a: [1, 2\nb: 3\n")) else {
            return XCTFail("expected syntax errors")
        }
        XCTAssertEqual(diagnostics.first?.code, SyntaxCode.unterminatedFlow)
    }

    func testOutputLargerThanTheLimitIsAbandoned() {
        // Each line's nested flow mappings become one line per level once written as blocks: the
        // printer stops at its limit (the parser's 16 MiB in `SourceFormatter`) instead of growing.
        let line = "- " + String(repeating: "{a: ", count: 90) + "1" + String(repeating: "}", count: 90) + "\n"
        let file = SourceFile(path: "deep.yaml", text: String(repeating: line, count: 50))
        var builder = LayoutBuilder(file: file, comments: [])
        var printer = LayoutPrinter(width: 100, limit: 10_000)
        printer.print(builder.build(SyntaxTree.parse(file).root))
        XCTAssertTrue(printer.overflow)
        XCTAssertLessThan(printer.out.count, 10_400)
    }
}
