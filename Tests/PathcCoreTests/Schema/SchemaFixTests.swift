import XCTest
@testable import PathcCore

/// The fixes schema findings carry: each kind made where it is the one reading of the problem,
/// and the text it gives; none where the suggestion is a guess.
final class SchemaFixTests: XCTestCase {
    private let schema = """
        type: object
        required: [id, owner]
        additionalProperties: false
        properties:
          id: {type: string, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$'}
          owner: {type: string}
          title: {type: string}
          version: {type: string}
          code: {type: string}
          done: {type: string}
          level: {type: integer}
          levels: {type: array}
          cadence: {enum: [weekly, biweekly, monthly, daily, dally]}
          size: {enum: [1, 2, 3]}
          due: {type: string, format: date}
          cycle_start: {type: string, format: date}
          behaviours: {type: array, items: {type: string}}
          note: {type: string}
        """

    private func diagnostics(_ instance: String) -> [Diagnostic] {
        schemaDiagnostics(schema: schema, instance)
    }

    /// The text with the first fix of every finding made, and the fixes' titles.
    private func fixed(_ instance: String, file: StaticString = #filePath, line: UInt = #line) -> (text: String, titles: [String]) {
        let found = diagnostics(instance)
        let fixes = found.compactMap(\.fixes.first)
        let (bytes, applied) = Fix.apply(fixes, to: Array(instance.utf8))
        XCTAssertEqual(applied.count, fixes.count, "the fixes overlap", file: file, line: line)
        return (String(decoding: bytes, as: UTF8.self), fixes.map(\.title))
    }

    private let base = "id: a\nowner: me\n"

    func testAMistypedFieldIsRenamedKeepingItsQuotes() {
        XCTAssertEqual(fixed(base + "titel: Coach\n").text, base + "title: Coach\n")
        XCTAssertEqual(fixed(base + "titel: Coach\n").titles, ["replace 'titel' with 'title'"])
        XCTAssertEqual(fixed(base + "\"titel\": Coach\n").text, base + "\"title\": Coach\n")
        XCTAssertEqual(fixed(base + "'titel' : Coach\n").text, base + "'title' : Coach\n")
        XCTAssertEqual(fixed("{id: a, ownr: me}\n").text, "{id: a, owner: me}\n")
    }

    func testNoFieldFixWhenTheFieldIsThereAlreadyOrTheGuessIsOneOfSeveral() {
        let present = diagnostics(base + "title: Coach\ntitel: Coach\n")
        XCTAssertEqual(present.map(\.help), ["did you mean 'title'? This mapping has a 'title' already: keep one of the two"])
        XCTAssertEqual(present.flatMap(\.fixes), [])
        // 'cote' is one letter from 'code' and from 'note'.
        let tied = diagnostics(base + "cote: x\n")
        XCTAssertEqual(tied.map(\.help), ["did you mean 'code'?"])
        XCTAssertEqual(tied.flatMap(\.fixes), [])
    }

    func testAnEnumValueIsReplacedInItsStyle() {
        XCTAssertEqual(fixed(base + "cadence: weeky\n").text, base + "cadence: weekly\n")
        XCTAssertEqual(fixed(base + "cadence: 'Biweekly'\n").text, base + "cadence: 'biweekly'\n")
        XCTAssertEqual(fixed(base + "cadence: \"monthy\"\n").text, base + "cadence: \"monthly\"\n")
        XCTAssertEqual(fixed("{id: a, owner: me, cadence: weeky}\n").text, "{id: a, owner: me, cadence: weekly}\n")
    }

    func testNoEnumFixBetweenTwoAsCloseOrForANumber() {
        // 'dailly' is one edit from 'daily' and from 'dally'.
        let tied = diagnostics(base + "cadence: dailly\n")
        XCTAssertEqual(tied.count, 1)
        XCTAssertEqual(tied.flatMap(\.fixes), [])
        XCTAssertNotNil(tied.first?.help)
        // Only text replaces text: 4 is not 3 misspelt, and "3" in quotes would not be the number.
        XCTAssertEqual(diagnostics(base + "size: '3x'\n").flatMap(\.fixes), [])
        XCTAssertEqual(diagnostics(base + "size: 4\n").flatMap(\.fixes), [])
        // A block scalar is left to the writer.
        XCTAssertEqual(diagnostics(base + "cadence: |\n  weeky\n").flatMap(\.fixes), [])
    }

    func testAnIdIsMadeAnId() {
        XCTAssertEqual(fixed("id: Sales Q3\nowner: me\n").text, "id: sales-q3\nowner: me\n")
        XCTAssertEqual(fixed("id: \"Sales_Q3\"\nowner: me\n").text, "id: \"sales-q3\"\nowner: me\n")
        // Nothing to make an id of.
        XCTAssertEqual(diagnostics("id: '***'\nowner: me\n").flatMap(\.fixes), [])
    }

    func testAValueYAMLTypedIsQuotedAsWritten() {
        XCTAssertEqual(fixed(base + "version: 1.10\n").text, base + "version: \"1.10\"\n")
        XCTAssertEqual(fixed(base + "code: 0123\n").text, base + "code: \"0123\"\n")
        XCTAssertEqual(fixed(base + "done: true\n").text, base + "done: \"true\"\n")
        XCTAssertEqual(fixed(base + "title: null\n").text, base + "title: \"null\"\n")
        XCTAssertEqual(fixed(base + "title: null\n").titles, ["quote null to make it text"])
        XCTAssertEqual(diagnostics(base + "version: 1.10\n").first?.help, "YAML reads 1.10 as a number; quote it to make it text: \"1.10\"")
        XCTAssertEqual(fixed(base + "behaviours:\n  - Coaching: runs two peer reviews\n").text,
                       base + "behaviours:\n  - \"Coaching: runs two peer reviews\"\n")
        XCTAssertEqual(fixed(base + "behaviours:\n  - Coaching: runs two peer reviews\n").titles, ["put the whole text in quotes"])
        XCTAssertEqual(fixed(base + "behaviours:\n  - Coaching: runs \"two\" reviews\n").text,
                       base + "behaviours:\n  - 'Coaching: runs \"two\" reviews'\n")
    }

    func testNoQuotesForAnEmptyValueOrWhereTextIsNotWanted() {
        // Nothing written: nothing to quote.
        XCTAssertEqual(diagnostics(base + "title:\n").flatMap(\.fixes), [])
        XCTAssertEqual(diagnostics(base + "title: ~\n").flatMap(\.fixes), [])
        // A number where an integer is wanted is not made text.
        XCTAssertEqual(diagnostics(base + "level: 1.5\n").flatMap(\.fixes), [])
        // A value over two lines is not quoted as one.
        XCTAssertEqual(diagnostics(base + "note: 12\n  34\n").flatMap(\.fixes), [])
    }

    func testADateInAnotherFormIsWrittenAsYYYYMMDD() {
        for (written, date) in [("2026/12/01", "2026-12-01"), ("2026.12.01", "2026-12-01"), ("1 December 2026", "2026-12-01"),
                                ("December 1, 2026", "2026-12-01"), ("2026-1-5", "2026-01-05"), ("Dec 1st 2026", "2026-12-01"),
                                ("25/12/2026", "2026-12-25"), ("12/25/2026", "2026-12-25"), ("05/05/2026", "2026-05-05")] {
            XCTAssertEqual(fixed(base + "due: \(written)\n").text, base + "due: \(date)\n", written)
        }
        XCTAssertEqual(fixed(base + "due: '2026/12/01'\n").text, base + "due: '2026-12-01'\n")
        XCTAssertEqual(diagnostics(base + "due: 2026/12/01\n").first?.help, "write it as 2026-12-01: dates are YYYY-MM-DD")
    }

    func testAnAmbiguousDateSaysWhyAndIsNotFixed() {
        let found = diagnostics(base + "due: 01/02/2026\n")
        XCTAssertEqual(found.flatMap(\.fixes), [])
        XCTAssertEqual(found.first?.help, "it could be 1 February 2026 or 2 January 2026, as the day or the month comes first; "
            + "write it as 2026-02-01 or 2026-01-02: dates are YYYY-MM-DD")
        for unreadable in ["2026/02/30", "1/2/26", "next Monday", "2026-12-01T10:00:00Z", "Q3 2026"] {
            let found = diagnostics(base + "due: \(unreadable)\n")
            XCTAssertEqual(found.flatMap(\.fixes), [], unreadable)
            XCTAssertEqual(found.first?.help, "write dates as YYYY-MM-DD, such as 2026-07-15", unreadable)
        }
    }
}
