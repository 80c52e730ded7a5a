import Foundation
import XCTest
@testable import PathcCore

/// No input may crash, hang or trap the parser: every file ends in a tree or in diagnostics with
/// positions inside the file. These tests truncate and mutate real YAML (the YAML test suite's
/// cases, or this repository's own files where the suite is absent) and feed hostile input.
final class ParserRobustnessTests: XCTestCase {
    /// A small deterministic generator, so that a failure can be replayed.
    struct Xorshift {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
    }

    static let interesting: [[UInt8]] = [
        "[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "#", " #", "'", "\"", "\\", "|", ">", "|+", ">-2", "&a ", "*a",
        "!t ", "%", "@", "`", "\t", "\n", "\r\n", "\r", "---\n", "...\n", "\u{FEFF}", "\"\\u12", "\\x", "é", "\n  ",
        "\n    - ", "\nkey: ", "<<: ", "~", "0x", ".inf",
    ].map { Array($0.utf8) } + [[0x00], [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xE2, 0x80]]

    private func samples() throws -> [[UInt8]] {
        var files: [[UInt8]] = []
        if let suite = try? TestPaths.sharedFolder("conformance/yaml-test-suite") {
            let enumerator = FileManager.default.enumerator(atPath: suite.path)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix("in.yaml"), let data = FileManager.default.contents(atPath: suite.appendingPathComponent(path).path) {
                    files.append([UInt8](data))
                }
            }
        }
        for folder in ["pathways", "schemas"] {
            let root = TestPaths.repository.appendingPathComponent(folder)
            let enumerator = FileManager.default.enumerator(atPath: root.path)
            while let path = enumerator?.nextObject() as? String {
                if path.hasSuffix(".yaml"), let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) {
                    files.append([UInt8](data))
                }
            }
        }
        files.append(Array("kind: okr\nid: a\nkey_results:\n  - {id: k, target: 75%}\n  - id: j\n    result: >\n      text\n".utf8))
        return files
    }

    /// The invariants of any parse: positions inside the file, a tree exactly when there are no
    /// errors, and diagnostics that render.
    private func check(_ bytes: [UInt8], _ context: @autoclosure () -> String) {
        let file = SourceFile(path: "fuzz.yaml", bytes: bytes)
        let tree = SyntaxTree.parse(file)
        XCTAssertEqual(tree.root == nil && !tree.diagnostics.isEmpty || tree.diagnostics.isEmpty, true, context())
        for diagnostic in tree.diagnostics {
            XCTAssertTrue(diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end
                          && diagnostic.span.end <= bytes.count, "span \(diagnostic.span) outside the file: \(context())")
            XCTAssertFalse(diagnostic.message.isEmpty)
            XCTAssertFalse(DiagnosticRenderer().render(diagnostic).isEmpty)
        }
        if let root = tree.root { _ = JSONWriter().string(root.json) }
    }

    func testTruncatedAndMutatedInputs() throws {
        let files = try samples()
        var random = Xorshift(state: 0x9E3779B97F4A7C15)
        var parses = 0
        for (fileIndex, original) in files.enumerated() {
            let cuts = min(original.count, 12)
            for cut in 0..<cuts {
                let end = original.count * cut / max(cuts, 1)
                check(Array(original[..<end]), "file \(fileIndex) truncated at \(end)")
                parses += 1
            }
            for round in 0..<30 {
                var bytes = original
                for _ in 0...random.below(3) {
                    let at = random.below(bytes.count + 1)
                    switch random.below(5) {
                    case 0: bytes.insert(contentsOf: Self.interesting[random.below(Self.interesting.count)], at: at)
                    case 1 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
                    case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(8)))
                    case 3:
                        let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                        let lineEnd = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count
                        bytes.insert(contentsOf: bytes[lineStart..<lineEnd] + [0x0A], at: lineStart)
                    default: bytes.insert(contentsOf: repeatElement(0x20, count: random.below(6)), at: at)
                    }
                }
                check(bytes, "file \(fileIndex) mutation \(round)")
                parses += 1
            }
        }
        print("parser robustness: \(parses) truncated or mutated inputs from \(files.count) files, no crash")
        XCTAssertGreaterThan(parses, 100)
    }

    func testHostileInputs() {
        let hostile: [(String, [UInt8], String?)] = [
            ("flow nesting 10,000 deep", Array(String(repeating: "[", count: 10_000).utf8), "PW0011"),
            ("mapping nesting 2,000 deep", Array((0..<2_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined().utf8), "PW0011"),
            ("list nesting 10,000 deep", Array(String(repeating: "- ", count: 10_000).utf8), "PW0011"),
            ("2 MB line", Array(("a: " + String(repeating: "x", count: 2 << 20)).utf8), "PW0012"),
            ("unterminated quote over many lines", Array(("a: \"" + String(repeating: "  line\n", count: 50_000)).utf8), "PW0105"),
            ("only blank lines", Array(String(repeating: "   \n", count: 100_000).utf8), nil),
            ("binary", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }, "PW0003"),
            ("many errors", Array((0..<20_000).map { "a\($0): 1\n   b: 2\n" }.joined().utf8), "PW0103"),
            ("NUL bytes", [0x61, 0x3A, 0x20, 0x00, 0x0A], "PW0003"),
            ("many keys", Array((0..<50_000).map { "key\($0): \($0)\n" }.joined().utf8), nil),
        ]
        for (name, bytes, expected) in hostile {
            let tree = SyntaxTree.parse(SourceFile(path: "hostile.yaml", bytes: bytes))
            XCTAssertEqual(tree.diagnostics.first?.code.code, expected, name)
            XCTAssertLessThanOrEqual(tree.diagnostics.count, ParserLimits.standard.maxErrors + 1, name)
        }
    }
}
