import XCTest
@testable import PathcCore

/// The validator's verdicts and, above all, its messages: plain words, the right place, a fix.
final class SchemaValidatorTests: XCTestCase {
    private func diagnostics(schema: String, _ instance: String) -> [Diagnostic] {
        schemaDiagnostics(schema: schema, instance)
    }

    let okrLike = """
        type: object
        required: [id, owner, cadence]
        additionalProperties: false
        properties:
          id: {type: string, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: The identifier.}
          owner: {type: string, description: Who is accountable.}
          title: {type: string}
          cadence: {enum: [weekly, biweekly, monthly]}
          target: {anyOf: [{type: number}, {type: string, pattern: '^-?[0-9]+(\\.[0-9]+)?%$'}]}
          due: {type: string, format: date}
          tags: {type: array, uniqueItems: true, items: {type: string}}
        """

    func testUnknownFieldSuggestsTheNearestAndDoesNotAlsoReportItMissing() {
        let found = diagnostics(schema: okrLike, "id: a\nownr: me\ncadence: weekly\n")
        XCTAssertEqual(found.map(\.code.code), ["PW1002"])
        XCTAssertEqual(found.first?.message, "unknown field 'ownr'")
        XCTAssertEqual(found.first?.help, "did you mean 'owner'? It is a required field")
        XCTAssertEqual(found.first?.start.description, "2:1")
        XCTAssertEqual(found.first?.pointer, "/ownr")
    }

    func testMissingFieldPointsAtTheMapping() {
        let found = diagnostics(schema: okrLike, "id: a\ncadence: weekly\n")
        XCTAssertEqual(found.map(\.message), ["missing required field 'owner'"])
        XCTAssertEqual(found.first?.start.description, "1:1")
        XCTAssertEqual(found.first?.help, "add 'owner: ...'")
        XCTAssertEqual(found.first?.notes, ["'owner': Who is accountable"])
    }

    func testEnumSuggestsTheNearestValue() {
        let found = diagnostics(schema: okrLike, "id: a\nowner: me\ncadence: biweeky\n")
        XCTAssertEqual(found.map(\.message), ["'biweeky' is not an allowed value for 'cadence'"])
        XCTAssertEqual(found.first?.help, "did you mean 'biweekly'? The allowed values are 'weekly', 'biweekly', 'monthly'")
    }

    func testYAMLTypingGetsAQuoteItHint() {
        let found = diagnostics(schema: okrLike, "id: a\nowner: 2026\ncadence: weekly\ntitle: true\n")
        XCTAssertEqual(found.map(\.message), ["'owner' should be text, found an integer", "'title' should be text, found a boolean"])
        XCTAssertEqual(found.first?.help, "YAML reads 2026 as an integer; quote it to make it text: \"2026\"")
    }

    func testAnyOfReportsTheBranchThatFitsTheType() {
        let found = diagnostics(schema: okrLike, "id: a\nowner: me\ncadence: weekly\ntarget: 75 percent\n")
        XCTAssertEqual(found.map(\.message), ["'75 percent' is not a percentage"])
        let list = diagnostics(schema: okrLike, "id: a\nowner: me\ncadence: weekly\ntarget: [1]\n")
        XCTAssertEqual(list.map(\.message), ["'target' should be text or a number, found a list"])
    }

    func testPatternsAreDescribedInWords() {
        let found = diagnostics(schema: okrLike, "id: Sales Team 2026\nowner: me\ncadence: weekly\n")
        XCTAssertEqual(found.map(\.message), ["'Sales Team 2026' is not an id: lowercase letters and digits, words joined by '-'"])
        XCTAssertEqual(found.first?.help, "did you mean 'sales-team-2026'?")
    }

    func testFormatsAndDuplicates() {
        let found = diagnostics(schema: okrLike, "id: a\nowner: me\ncadence: weekly\ndue: 2026-02-30\ntags: [x, y, x]\n")
        XCTAssertEqual(found.map(\.message), ["'2026-02-30' is not a valid date", "'x' appears more than once in 'tags'"])
        XCTAssertEqual(found.last?.secondary.first?.message, "first here")
        XCTAssertEqual(found.last?.pointer, "/tags/2")
    }

    func testUnsupportedKeywordIsASchemaError() {
        let document = SchemaDocument.compile(SourceFile(path: "s.yaml", text: "type: object\nunevaluatedPropertys: false\n$recursiveRef: '#'\n"))
        XCTAssertEqual(document.problems.map(\.code.code), ["PW1101", "PW1101"])
        XCTAssertEqual(document.problems.first?.help, "did you mean 'unevaluatedProperties'?")
        XCTAssertEqual(document.problems.map(\.start.line), [2, 3])
    }

    func testReferencesAndAnchors() {
        let schema = "$defs:\n  slug: {$anchor: slug, type: string, minLength: 2}\nproperties:\n  a: {$ref: '#/$defs/slug'}\n  b: {$ref: '#slug'}\n"
        XCTAssertEqual(diagnostics(schema: schema, "a: xy\nb: yz\n").count, 0)
        XCTAssertEqual(diagnostics(schema: schema, "a: x\nb: 1\n").map(\.code.code), ["PW1006", "PW1001"])
        let broken = SchemaDocument.compile(SourceFile(path: "s.yaml", text: "$ref: '#/$defs/missing'\n"))
        XCTAssertEqual(broken.problems.map(\.code.code), ["PW1102"])
        let remote = SchemaDocument.compile(SourceFile(path: "s.yaml", text: "$ref: 'https://example.org/other.json'\n"))
        XCTAssertEqual(remote.externalReferences, ["https://example.org/other.json"])
    }

    func testExtensionKeywordsBecomeAnnotations() throws {
        let schema = "properties:\n  owner: {type: string, x-ref: role}\n  objective: {type: string, x-quality: [specific]}\n"
        let document = SchemaDocument.compile(SourceFile(path: "s.yaml", text: schema))
        let tree = parse("owner: sales\nobjective: Cut cycle time\n")
        let annotations = SchemaValidator(document).validate(try XCTUnwrap(tree.root)).annotations
        XCTAssertEqual(annotations.map(\.pointer), ["/owner", "/objective"])
        XCTAssertEqual(annotations.first?.referenceKind, "role")
        XCTAssertEqual(annotations.last?.qualityAxes, ["specific"])
    }
}
