import XCTest
@testable import PathcCore

/// Every comment is kept, with the entry it belongs to, in order: above an entry, at the end of
/// its line, or under the last entry of a collection.
final class CommentTests: XCTestCase {
    func testCommentsBeforeTheFirstKeyAndAfterTheLastItem() {
        assertUnchanged("""
            # Team OKR: the delivery teams' quarter.

            # Second paragraph of the header.
            roles:
              - a
              - b
              # after the last item
            # at the end of the file
            """)
    }

    func testCommentsBetweenSequenceItems() {
        assertFormats("""
            behaviors:
            - Writes it down
              # about the second
            - Says it out loud
                # about the third, indented oddly
            - Checks
            """, """
            behaviors:
              - Writes it down
              # about the second
              - Says it out loud
              # about the third, indented oddly
              - Checks
            """)
    }

    func testEndOfLineComments() {
        assertFormats("""
            id: x # the id
            roles: [a, b]   # flow
            notes: |   # header of a block scalar
              text
            empty:  # nothing here
            list:
            - item # an item
            """, """
            id: x  # the id
            roles: [a, b]  # flow
            notes: |  # header of a block scalar
              text
            empty:  # nothing here
            list:
              - item  # an item
            """)
    }

    func testCommentsInNestedMappings() {
        assertFormats("""
            review:   # how we review
                # the cadence first
                cadence: weekly   # every week
                # then who
                reviewers:
                    - coo # chief operating officer
                # end of review
            # top level again
            other: 1
            """, """
            review:  # how we review
              # the cadence first
              cadence: weekly  # every week
              # then who
              reviewers:
                - coo  # chief operating officer
              # end of review
            # top level again
            other: 1
            """)
    }

    func testCommentsAroundTheDashOfAnItem() {
        assertFormats("""
            items:
              - # after the dash
                id: a
                name: A
              -
                # above the first key
                id: b
            """, """
            items:
              -  # after the dash
                id: a
                name: A
              # above the first key
              - id: b
            """)
    }

    func testCommentsInsideAFlowCollectionMakeItABlock() {
        assertFormats("""
            roles: [ # who
              a,  # first
              # before b
              b
              ] # after
            next: 1
            """, """
            roles:  # who
              - a  # first
              # before b
              - b
              # after
            next: 1
            """)
    }

    func testACommentBetweenAKeyAndItsValueOnTheNextLine() {
        assertFormats("""
            objective:
              # what we aim for
              Cut cycle time
            """, """
            # what we aim for
            objective: Cut cycle time
            """)
    }

    func testSeveralEndOfLineCommentsOfOneEntryStayInOrder() {
        assertFormats("""
            objective: # first
              Cut cycle time # second
            """, """
            # first
            objective: Cut cycle time  # second
            """)
    }

    func testHashesInsideScalarsAreNotComments() {
        let source = """
            a: 'quoted # not a comment'
            b: plain#text
            c: |
              # literal text
            d: "x # y" # real
            """
        let comments = SourceComments.scan(SourceFile(path: "t.yaml", text: source), root: parse(source).root)
        XCTAssertEqual(comments.map(\.text), ["# real"])
        assertFormats(source, """
            a: 'quoted # not a comment'
            b: plain#text
            c: |
              # literal text
            d: 'x # y'  # real
            """)
    }

    func testCommentTextIsKeptAsWritten() {
        assertFormats("#no space after the hash   \nkey: v  #tight", "#no space after the hash\nkey: v  #tight")
    }
}
