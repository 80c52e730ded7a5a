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

/// The diagnostics of validating `instance` against `schema` (both YAML), as the check words them.
func schemaDiagnostics(schema: String, _ instance: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    let document = SchemaDocument.compile(SourceFile(path: "schema.yaml", text: schema))
    XCTAssertEqual(document.problems.map(\.message), [], file: file, line: line)
    let source = SourceFile(path: "file.yaml", text: instance)
    let tree = SyntaxTree.parse(source)
    XCTAssertEqual(tree.diagnostics.map(\.message), [], file: file, line: line)
    return SchemaValidator(document).validate(tree.root ?? .null(at: 0)).violations.map { SchemaMessages.diagnostic(for: $0, in: source) }
}

/// The codes of a text's diagnostics, in order.
func codes(_ text: String) -> [String] {
    parse(text).diagnostics.map(\.code.code)
}

extension XCTestCase {
    /// A fresh temporary folder, removed when the test ends.
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    /// A repository written by shared/bench/gen_corpus.py with `okrs` developmental OKRs, in a
    /// fresh temporary folder; a skip where shared/ or python3 is missing.
    func generatedCorpus(okrs: Int) throws -> URL {
        let generator = try TestPaths.sharedFolder("bench/gen_corpus.py")
        let folder = try temporaryFolder().appendingPathComponent("corpus")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, folder.path, "--okrs", String(okrs)]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try XCTSkipIf(process.terminationStatus != 0, "python3 could not run the corpus generator")
        return folder
    }

    /// A copy of this repository's content (pathways, schemas, pathc.yaml), to change on purpose.
    func copyOfRepository() throws -> URL {
        let folder = try temporaryFolder()
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: TestPaths.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    /// A repository of one competency whose first level has these behaviours, with a pathc.yaml
    /// and, by file name, house rules.
    func competencyRepository(config: String, behaviours: [String], houseRules: [String: String] = [:]) throws -> URL {
        let folder = try temporaryFolder()
        for sub in ["pathways", "house-rules"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try config.write(to: folder.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in houseRules {
            try text.write(to: folder.appendingPathComponent("house-rules/\(name)"), atomically: true, encoding: .utf8)
        }
        let items = behaviours.map { "      - \($0)" }.joined(separator: "\n")
        try """
            kind: competency
            id: testing
            name: Testing
            levels:
              - level: 1
                name: Foundation
                behaviors:
            \(items)
            """.write(to: folder.appendingPathComponent("pathways/testing.competency.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// Rewrites one file of a folder; fails the test when the edit changes nothing.
    func edit(_ folder: URL, _ path: String, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        XCTAssertNotEqual(changed, text, "the edit of \(path) changed nothing")
        try changed.write(to: url, atomically: true, encoding: .utf8)
    }
}
