import XCTest
@testable import PathcCore

/// The formatted text of `source`, or a failure.
func formatted(_ source: String, width: Int = SourceFormatter.defaultWidth, file: StaticString = #filePath, line: UInt = #line) -> String? {
    switch SourceFormatter.format(SourceFile(path: "test.yaml", text: source), width: width) {
    case .formatted(let text): return text
    case let other:
        XCTFail("not formatted: \(other)", file: file, line: line)
        return nil
    }
}

/// Asserts that `source` formats to `expected` (both given without their final line feed, which
/// is added) and that the output meets the invariants.
func assertFormats(_ source: String, _ expected: String, width: Int = SourceFormatter.defaultWidth,
                   file: StaticString = #filePath, line: UInt = #line) {
    assertFormatsExactly(source + "\n", expected + "\n", width: width, file: file, line: line)
}

/// `assertFormats` for inputs and outputs given byte for byte.
func assertFormatsExactly(_ source: String, _ expected: String, width: Int = SourceFormatter.defaultWidth,
                          commentsMayMove: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
    guard let output = formatted(source, width: width, file: file, line: line) else { return }
    XCTAssertEqual(output, expected, file: file, line: line)
    XCTAssertEqual(FormatInvariants.problems(source: SourceFile(path: "test.yaml", text: source), output: output, width: width,
                                             commentsMayMove: commentsMayMove), [],
                   file: file, line: line)
}

/// Asserts that `source` is already in canonical form.
func assertUnchanged(_ source: String, file: StaticString = #filePath, line: UInt = #line) {
    assertFormats(source, source, file: file, line: line)
}
