import XCTest
@testable import PathcCore

/// Keys in the order the built-in schema of the file's kind declares them, at every level;
/// keys it does not know after, in their order.
final class KeyOrderTests: XCTestCase {
    func testTopLevelKeysFollowTheSchema() {
        assertFormats("""
            objective: Cut cycle time on key projects to 36 days
            id: delivery
            kind: okr
            cycle: 2026-Q3
            level: team
            owner: vp-engineering
            key_results: []
            """, """
            kind: okr
            id: delivery
            level: team
            cycle: 2026-Q3
            owner: vp-engineering
            objective: Cut cycle time on key projects to 36 days
            key_results: []
            """)
    }

    func testNestedObjectsFollowTheirOwnSchemasThroughReferences() {
        // Key results are `$ref: '#/$defs/keyResult'`; check-ins are items of an array inside them.
        assertFormats("""
            kind: okr
            review:
              reviewers: [coo]
              cadence: weekly
            key_results:
              - target: 36
                baseline: 40
                id: cycle
                result: Cut median cycle time to 36 days
                checkins:
                  - {value: 39, date: 2026-07-17}
                  - note: on track
                    value: 38
                    date: 2026-07-31
            """, """
            kind: okr
            review:
              cadence: weekly
              reviewers: [coo]
            key_results:
              - id: cycle
                result: Cut median cycle time to 36 days
                baseline: 40
                target: 36
                checkins:
                  - {date: 2026-07-17, value: 39}
                  - date: 2026-07-31
                    value: 38
                    note: on track
            """)
    }

    func testAllOfBranchesGiveTheirProperties() {
        // A pathway's baseline is `allOf: [$ref: assessment, {properties: {type}}]`.
        assertFormats("""
            kind: pathway
            baseline:
              evidence: Last two notes, scored
              rubric: root-cause-rubric
              method: rubric
              type: baseline
            """, """
            kind: pathway
            baseline:
              type: baseline
              method: rubric
              rubric: root-cause-rubric
              evidence: Last two notes, scored
            """)
    }

    func testUnknownKeysFollowTheKnownOnesInTheirOwnOrder() {
        assertFormats("""
            zeta: 1
            kind: competency
            alpha: 2
            id: coaching
            """, """
            kind: competency
            id: coaching
            zeta: 1
            alpha: 2
            """)
    }

    func testCommentsMoveWithTheirKeys() {
        assertFormatsExactly("""
            # The file's header stays at the top.
            id: coaching  # the id
            # The kind comes first.
            kind: competency

            """, """
            # The file's header stays at the top.
            # The kind comes first.
            kind: competency
            id: coaching  # the id

            """, commentsMayMove: true)
    }

    func testAFileWithoutAKnownKindKeepsItsOrder() {
        assertUnchanged("""
            zeta: 1
            kind: unknown
            alpha: 2
            """)
        assertUnchanged("""
            b: 1
            a: 2
            """)
    }
}
