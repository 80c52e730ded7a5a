import XCTest
@testable import PathcCore

/// Where the cursor is, in text as it is while being typed.
final class CursorPlaceTests: XCTestCase {
    /// The place at the `|` in `text`.
    private func place(_ text: String) throws -> CursorPlace? {
        let offset = try XCTUnwrap(text.utf8.firstIndex(of: UInt8(ascii: "|")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) })
        var bytes = Array(text.utf8)
        bytes.remove(at: offset)
        return CursorPlace.find(in: bytes, at: offset)
    }

    func testAKeyBeingTypedWithoutItsColon() throws {
        let found = try XCTUnwrap(place("kind: okr\nid: a\nlev|\nobjective: x\n"))
        XCTAssertEqual(found.path, [])
        XCTAssertEqual(found.role, .key(existingKeys: ["kind", "id", "objective"]))
        XCTAssertEqual(found.typed, Span(start: 16, end: 19))
    }

    func testAnEmptyLineInANestedMapping() throws {
        let found = try XCTUnwrap(place("kind: okr\nkey_results:\n  - id: a\n    |\n"))
        XCTAssertEqual(found.path, [.key("key_results"), .item(0)])
        XCTAssertEqual(found.role, .key(existingKeys: ["id"]))
    }

    func testAValueAfterItsKey() throws {
        XCTAssertEqual(try place("kind: okr\nlevel: |\n")?.path, [.key("level")])
        XCTAssertEqual(try place("kind: okr\nlevel: te|\n")?.role, .value)
        XCTAssertEqual(try place("kind: okr\nlevel: te|\n")?.typed, Span(start: 17, end: 19))
        XCTAssertEqual(try place("kind: okr\nlevel: 'te|'\n")?.typed, Span(start: 18, end: 20), "inside the quotes")
    }

    func testPastTheEndOfABlockCollection() throws {
        let found = try XCTUnwrap(place("kind: role\ncompetencies:\n  - competency: |\n"))
        XCTAssertEqual(found.path, [.key("competencies"), .item(0), .key("competency")])
        XCTAssertEqual(found.role, .value)
        XCTAssertEqual(try place("kind: role\ncompetencies:\n  - competency: a\n|\n")?.path, [], "a new key of the document")
        XCTAssertEqual(try place("kind: role\ncompetencies:\n  - competency: a\n    |\n")?.path, [.key("competencies"), .item(0)])
    }

    func testAnItemOfAFlowSequence() throws {
        XCTAssertEqual(try place("kind: okr\naligned_to: [a, b|]\n")?.path, [.key("aligned_to"), .item(1)])
        XCTAssertEqual(try place("kind: okr\naligned_to: [a, |]\n")?.path, [.key("aligned_to"), .item(1)])
    }

    func testNowhereToComplete() throws {
        XCTAssertEqual(try place("kind: okr\nobjective: >\n  text\n  more |text\n")?.path, [.key("objective")],
                       "in a block scalar's text: the field, for its description")
        XCTAssertNil(try place("kind: [okr\nlev|\n"), "the rest of the file does not parse")
    }

    func testTheOutlineAtAPlace() throws {
        let schemas = SchemaSet.load(folder: nil, displayPath: { $0 })
        let level = try XCTUnwrap(try place("kind: okr\nlevel: |\n")?.outline(in: schemas))
        XCTAssertEqual(Set(level.allowedValues), ["strategic", "team", "developmental"])
        let keyResult = try XCTUnwrap(try place("kind: okr\nkey_results:\n  - id: a\n    |\n")?.outline(in: schemas))
        XCTAssertTrue(keyResult.fields.contains { $0.name == "target" && $0.description != nil })
        let reference = try XCTUnwrap(try place("kind: role\ncompetencies:\n  - competency: |\n")?.outline(in: schemas))
        XCTAssertEqual(reference.referenceKind, "competency")
    }
}
