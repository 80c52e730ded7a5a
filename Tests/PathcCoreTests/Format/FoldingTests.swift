import XCTest
@testable import PathcCore

/// Long prose as a folded block scalar wrapped at word boundaries; folded scalars re-wrapped;
/// literal scalars kept line for line.
final class FoldingTests: XCTestCase {
    func testALineLongerThanTheWidthIsFolded() {
        assertFormats("""
            objective: Delivery teams resolve cross-team blockers on key projects within three working days
            """, """
            objective: >-
              Delivery teams resolve cross-team
              blockers on key projects within three
              working days
            """, width: 40)
    }

    func testALineThatFitsStaysPlain() {
        assertUnchanged("""
            objective: Delivery teams resolve blockers within three days
            """)
    }

    func testAFoldedScalarIsRewrapped() {
        assertFormats("""
            description: >
              Selling by finding the customer's
              business goal first
              and answering objections in terms of that goal.
            """, """
            description: >
              Selling by finding the customer's business goal first and answering objections in terms of that
              goal.
            """)
    }

    func testAFoldedScalarKeepsItsParagraphsAndIndentedLines() {
        assertFormats("""
            text: >
              first paragraph
              continues here

              second paragraph
                an indented line stays as it is
              back
            """, """
            text: >
              first paragraph continues here

              second paragraph
                an indented line stays as it is
              back
            """)
    }

    func testALiteralScalarIsKeptLineForLine() {
        assertFormats("""
            notes: |
                  one
                  two
                    indented
            keep: |-
              no final line break
            """, """
            notes: |
              one
              two
                indented
            keep: |-
              no final line break
            """)
    }

    func testALongTextWithLineBreaksBecomesALiteralWhenEachLineFits() {
        assertFormats("""
            steps: "First, open the dashboard and find the escalation.\\nThen, write the root cause in the note.\\nLast, publish it."
            """, """
            steps: |-
              First, open the dashboard and find the escalation.
              Then, write the root cause in the note.
              Last, publish it.
            """)
    }

    func testALiteralThatStartsWithSpacesGetsAnIndentationIndicator() {
        assertFormats("""
            code: |2
                indented first line
              second
            """, """
            code: |2
                indented first line
              second
            """)
    }

    func testTextABlockScalarCannotHoldExactlyIsQuoted() {
        // Trailing spaces (invisible, and removed by many editors) and final empty lines.
        assertFormats("""
            a: "trailing space \\nsecond"
            b: |+
              kept

            c: 1
            """, """
            a: "trailing space \\nsecond"
            b: "kept\\n\\n"

            c: 1
            """)
    }

    func testAWordLongerThanTheWidthIsNotFolded() {
        let url = "https://example.com/" + String(repeating: "a", count: 120)
        assertUnchanged("link: \(url)")
    }

    func testAValueWithASuppressionCommentIsNotFolded() {
        let long = "Improve collaboration across every team in the company through many small steps that nobody can see"
        assertUnchanged("""
            kind: okr
            # pathc: ignore[vague-term] agreed with the team
            objective: \(long)
            """)
        assertUnchanged("""
            kind: okr
            objective: \(long)  # pathc: ignore[vague-term] agreed
            """)
    }

    func testSequenceItemsAndRootScalarsFoldToo() {
        assertFormats("""
            behaviors:
              - Sends the customer a written acknowledgement of each priority escalation within four working hours
            """, """
            behaviors:
              - >-
                Sends the customer a written acknowledgement of each priority escalation within four working
                hours
            """)
        assertFormats("""
            A document that is a single long scalar, which folds like any other value on a line of its own
            """, """
            >-
              A document that is a single long scalar, which folds like any other value on a line of
              its own
            """, width: 90)
    }

    func testKeysAndFlowItemsAreNeverFolded() {
        let key = String(repeating: "word ", count: 25).trimmingCharacters(in: .whitespaces)
        assertUnchanged("\(key): 1")
    }
}
