import Foundation
import XCTest
@testable import PathcCore

/// Replays what the fuzzers (`fuzz/`) found, through the same invariants they check: every
/// minimised input under `Fixtures/fuzz/parser/` goes through the parser, and every one under
/// `Fixtures/fuzz/check/` through the check pipeline and the site emitters.
final class FuzzRegressionTests: XCTestCase {
    private func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = TestPaths.repository.appendingPathComponent("Tests/PathcCoreTests/Fixtures/fuzz/\(target)")
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    func testParserFindings() throws {
        for (name, bytes) in try inputs("parser") {
            let tree = SyntaxTree.parse(SourceFile(path: "fuzz.yaml", bytes: bytes))
            XCTAssertEqual(tree.invariantViolations(), [], name)
        }
    }

    /// Found by the parser target: keys of different YAML types that are one key of the JSON data
    /// passed without a diagnostic, and the data kept only one of them.
    func testKeysEqualAsDataAreDuplicates() {
        for (text, first, second) in [("1: a\n'1': b\n", "1", "'1'"), ("true: a\n\"true\": b\n", "true", "\"true\""),
                                      (".nan: a\n.NaN: b\n", ".nan", ".NaN"), ("{0x1: a, 1: b}", "0x1", "1"),
                                      ("~: a\nnull: b\n", "~", "null")] {
            let tree = parse(text)
            XCTAssertEqual(tree.diagnostics.map(\.code.code), ["PW0102"], text)
            XCTAssertEqual(tree.diagnostics.first?.notes.first?.hasPrefix("'\(first)' and '\(second)' are the same key"), true, text)
        }
        // Different data keys stay apart; the same spelling gets no note.
        XCTAssertEqual(codes("1: a\n1.0: b\n'01': c\n"), [])
        XCTAssertEqual(parse("a: 1\na: 2\n").diagnostics.first?.notes, [])
    }

    /// Found by the check target: a finding that quoted a U+FEFF wrote a baseline pathc could not
    /// read back. JSON output escapes what YAML does not allow in a file.
    func testJSONEscapesWhatYAMLRejects() {
        let text = "a\u{FEFF}b\u{80}c\u{85}d\u{FFFE}e\u{7F}é€"
        let written = JSONWriter(pretty: false).string(.string(text))
        XCTAssertEqual(written, "\"a\\ufeffb\\u0080c\u{85}d\\ufffee\\u007fé€\"")
        let tree = parse(written)
        XCTAssertEqual(tree.diagnostics.map(\.message), [])
        XCTAssertEqual(tree.root?.scalar?.text, text)
    }

    func testCheckFindings() throws {
        for (name, bytes) in try inputs("check") {
            XCTAssertEqual(CheckInvariants.violations(checking: bytes).violations, [], name)
        }
    }

    /// The check target's main seed, `fuzz/seeds/starter-organisation.yaml`, is the organisation
    /// `pathc init` writes, its files joined by NUL bytes: it checks without errors, so the fuzzer
    /// starts from an input that reaches the site emitters.
    func testStarterSeedReachesTheSite() throws {
        let seed = try Data(contentsOf: TestPaths.repository.appendingPathComponent("fuzz/seeds/starter-organisation.yaml"))
        let expected = StarterFiles.examples.map { Array($0.1.utf8) }.joined(separator: [0]).map { $0 }
        XCTAssertTrue([UInt8](seed) == expected, "fuzz/seeds/starter-organisation.yaml differs from StarterFiles.examples; regenerate it")
        XCTAssertEqual(CheckInvariants.files(from: expected).count, StarterFiles.examples.count)
        let (violations, result) = CheckInvariants.violations(checking: expected)
        XCTAssertEqual(violations, [])
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message), [])
        XCTAssertEqual(result.model.ordered.count, StarterFiles.examples.count)
    }
}
