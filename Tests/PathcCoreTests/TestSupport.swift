import Foundation
import XCTest
@testable import PathcCore

/// Paths the tests need: this repository, and `shared/` beside it (conformance suites and the
/// corpus generator), which is not part of the repository and may be absent.
enum TestPaths {
    static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shared: URL? {
        let candidates = [ProcessInfo.processInfo.environment["PATHC_SHARED"].map { URL(fileURLWithPath: $0) },
                          repository.deletingLastPathComponent().appendingPathComponent("shared")]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// A folder under shared/, or a skip that says what is missing.
    static func sharedFolder(_ relative: String) throws -> URL {
        guard let shared, FileManager.default.fileExists(atPath: shared.appendingPathComponent(relative).path) else {
            throw XCTSkip("shared/\(relative) is not present beside the repository (set PATHC_SHARED to its folder); skipping")
        }
        return shared.appendingPathComponent(relative)
    }
}

/// Parses text given inline in a test.
func parse(_ text: String, path: String = "test.yaml") -> SyntaxTree {
    SyntaxTree.parse(SourceFile(path: path, text: text))
}

/// The JSON text of a document, compact, for short assertions.
func dumped(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
    let tree = parse(text)
    if !tree.diagnostics.isEmpty {
        XCTFail("unexpected diagnostics: \(tree.diagnostics.map { "\($0.code.code) \($0.message)" })", file: file, line: line)
        return nil
    }
    return JSONWriter(pretty: false).string(tree.root?.json ?? .null)
}

/// The codes of a text's diagnostics, in order.
func codes(_ text: String) -> [String] {
    parse(text).diagnostics.map(\.code.code)
}
