import XCTest
@testable import PathcCore

/// Quotes only where YAML needs them: a string is plain unless plain text would read as another
/// type or another text; single quotes, double only where an escape is needed.
final class QuotingTests: XCTestCase {
    func testQuotesThatNothingNeedsAreDropped() {
        assertFormats("""
            title: 'Diagnosing escalations'
            summary: "Cut cycle time"
            owner: "it's mine"
            """, """
            title: Diagnosing escalations
            summary: Cut cycle time
            owner: it's mine
            """)
    }

    func testTextThatWouldReadAsAnotherTypeKeepsItsQuotes() {
        assertUnchanged("""
            a: '123'
            b: 'true'
            c: 'null'
            d: ''
            e: '1.5'
            f: '0x1F'
            g: '.inf'
            h: '~'
            """)
        assertFormats("""
            a: "123"
            b: "false"
            """, """
            a: '123'
            b: 'false'
            """)
    }

    func testTextThatYAML11ReadsAsABooleanOrNumberKeepsItsQuotes() {
        // YAML 1.2 reads these as strings, YAML 1.1 tools (PyYAML) as booleans, numbers or dates.
        assertFormats("""
            a: "yes"
            b: 'no'
            c: 'on'
            d: '1_000'
            e: '2026-07-17'
            f: '12:30'
            """, """
            a: 'yes'
            b: 'no'
            c: 'on'
            d: '1_000'
            e: '2026-07-17'
            f: '12:30'
            """)
        // Plain in the source, they stay plain: the formatter adds no quotes where the file reads the same.
        assertUnchanged("""
            answer: no
            due: 2026-07-17
            cycle: 2026-Q3
            """)
    }

    func testTextThatPlainWouldCutOrMisreadIsQuoted() {
        assertUnchanged("""
            a: 'key: value'
            b: 'one #two'
            c: ' leading space'
            d: 'trailing space '
            e: '@mention'
            f: '`code`'
            g: '--- marker'
            h: '[a]'
            i: '&anchor'
            j: '*alias'
            k: '!tag'
            l: '| pipe'
            m: '% percent'
            n: ':'
            o: '?'
            p: '-'
            """)
        assertFormats("""
            a: "#tag"
            b: "- item"
            """, """
            a: '#tag'
            b: '- item'
            """)
    }

    func testTextWithIndicatorsInsideStaysPlainWhereYAMLAllowsIt() {
        assertFormats("""
            a: "a:b"
            b: "a#b"
            c: "-dash"
            d: "https://example.com/a?b=c#d"
            e: "x, y [z]"
            """, """
            a: a:b
            b: a#b
            c: -dash
            d: https://example.com/a?b=c#d
            e: x, y [z]
            """)
    }

    func testDoubleQuotesOnlyForEscapesOrASingleQuoteThatStartsTheText() {
        assertFormats("""
            a: "line one\\nline two"
            b: "tab\\there"
            c: "bell\\a"
            d: "'quoted' first"
            e: 'say "hi"'
            """, """
            a: "line one\\nline two"
            b: "tab\\there"
            c: "bell\\a"
            d: "'quoted' first"
            e: say "hi"
            """)
    }

    func testPlainScalarsThatYAMLTypesStayAsWritten() {
        assertUnchanged("""
            a: 0x1F
            b: 0o17
            c: 1e3
            d: -.inf
            e: ~
            f: Null
            g: TRUE
            h: +12
            i:
            """)
    }

    func testKeysAreQuotedByTheSameRules() {
        assertFormats("""
            "plain key": 1
            'key: colon': 2
            "123": 3
            '<<': 4
            "": 5
            """, """
            plain key: 1
            'key: colon': 2
            '123': 3
            '<<': 4
            '': 5
            """)
    }

    func testInsideAFlowCollectionFlowIndicatorsNeedQuotes() {
        assertFormats("""
            a: ['x, y', "[z]", 'w:', plain]
            b: {'k,1': v, "k2": '{v}'}
            """, """
            a: ['x, y', '[z]', 'w:', plain]
            b: {'k,1': v, k2: '{v}'}
            """)
    }

    func testMultiLineScalarsThatFitAreJoinedOnOneLine() {
        assertFormats("""
            plain: one
              two
              three
            quoted: "one
              two"
            """, """
            plain: one two three
            quoted: one two
            """)
    }

    func testNonPrintableCharactersAreEscaped() {
        assertFormats("""
            a: "nel\\N ls\\L del\\x7F bom\\uFEFF"
            """, """
            a: "nel\\N ls\\L del\\x7F bom\\uFEFF"
            """)
    }
}
