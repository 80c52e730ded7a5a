import XCTest
@testable import PathcCore

/// The check `pathc fmt` makes before it writes: its output, read back, must hold the source's
/// data and comments, or the file is left as it is.
final class SafetyTests: XCTestCase {
    /// What the check says of `output` as the formatting of `source`.
    private func difference(_ source: String, _ output: String) -> String? {
        let file = SourceFile(path: "t.yaml", text: source)
        let tree = SyntaxTree.parse(file)
        let comments = SourceComments.scan(file, root: tree.root)
        var builder = LayoutBuilder(file: file, comments: comments)
        let document = builder.build(tree.root)
        return SourceFormatter.difference(between: file, comments: comments, document: document, output: Array(output.utf8),
                                          reordered: builder.reordered)
    }

    func testTheFormattedTextPasses() {
        XCTAssertNil(difference("a:   1  # one\nb: [x,y]\n", "a: 1  # one\nb: [x, y]\n"))
    }

    func testOtherDataIsRefused() {
        XCTAssertEqual(difference("a: 1\n", "a: 2\n"), "the formatted text holds other data")
        XCTAssertEqual(difference("a: '1'\n", "a: 1\n"), "the formatted text holds other data", "a string written as a number")
        XCTAssertEqual(difference("a: 0.0\n", "a: -0.0\n"), "the formatted text holds other data")
        XCTAssertEqual(difference("a: 1\nb: 2\n", "b: 2\na: 1\n"), "the formatted text holds other data", "keys moved without a schema")
        XCTAssertEqual(difference("a: [1]\n", "a: 1\n"), "the formatted text holds other data")
        XCTAssertNil(difference("a: .nan\n", "a: .NaN\n"), "NaN dumps as .nan either way")
    }

    func testALostOrMovedCommentIsRefused() {
        XCTAssertEqual(difference("a: 1  # one\n", "a: 1\n"), "the formatted text does not keep every comment in order")
        XCTAssertEqual(difference("# x\na: 1  # y\n", "# y\na: 1  # x\n"), "the formatted text does not keep every comment in order")
    }

    func testTextThatDoesNotParseIsRefused() {
        XCTAssertEqual(difference("a: 1\n", "a: [1\n"), "the formatted text does not parse: unterminated flow list: the closing ']' is missing at line 1")
    }
}
