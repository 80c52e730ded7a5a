import Foundation
import XCTest
@testable import PathcCore

/// Runs the JSON Schema test suite (draft 2020-12) through pathc's validator: every file of a
/// keyword pathc implements must pass in full. Cases that need a document pathc does not fetch
/// (another file by URL, or a custom metaschema) are counted as skipped. `format.json` is left
/// out on purpose: it expects `format` to be an annotation only, while pathc asserts date,
/// date-time, email and uri; those four are checked with the suite's optional format files.
final class JSONSchemaConformanceTests: XCTestCase {
    static let excluded: [String: String] = [
        "dynamicRef.json": "$dynamicRef is not implemented",
        "format.json": "pathc asserts formats; see optional/format/*.json",
    ]
    static let optionalFiles = ["optional/format/date.json", "optional/format/date-time.json",
                                "optional/format/email.json", "optional/format/uri.json"]

    /// Cases skipped because they use $dynamicRef or $dynamicAnchor (not implemented).
    private var unimplemented = 0

    struct Tally {
        var passed = 0, failed = 0, skipped = 0
    }

    func testJSONSchemaTestSuite() throws {
        let suite = try TestPaths.sharedFolder("conformance/json-schema-test-suite/draft2020-12")
        let files = try FileManager.default.contentsOfDirectory(atPath: suite.path)
            .filter { $0.hasSuffix(".json") && Self.excluded[$0] == nil }.sorted() + Self.optionalFiles
        var total = Tally()
        var failures: [String] = []
        print("JSON Schema test suite (draft 2020-12): passed / failed / skipped per file")
        for name in files {
            let tally = try run(suite.appendingPathComponent(name), name: name, failures: &failures)
            print("  \(name): \(tally.passed) / \(tally.failed) / \(tally.skipped)")
            total.passed += tally.passed
            total.failed += tally.failed
            total.skipped += tally.skipped
        }
        for (name, reason) in Self.excluded.sorted(by: { $0.key < $1.key }) { print("  \(name): not run (\(reason))") }
        print("  total: \(total.passed) passed, \(total.failed) failed, \(total.skipped) skipped (\(unimplemented) of them use $dynamicRef, the rest need remote documents)")
        for failure in failures.prefix(60) { print("  FAILED \(failure)") }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(total.passed, 1000)
    }

    private func run(_ url: URL, name: String, failures: inout [String]) throws -> Tally {
        let file = try SourceFile.read(path: url.path)
        let tree = SyntaxTree.parse(file)
        guard let groups = tree.root?.sequence else {
            failures.append("\(name): cannot parse the file: \(tree.diagnostics.first?.message ?? "")")
            return Tally()
        }
        var tally = Tally()
        for group in groups {
            guard let schemaNode = group["schema"], let tests = group["tests"]?.sequence else { continue }
            let description = group["description"]?.scalar?.text ?? "?"
            let document = SchemaDocument.compile(schemaNode, file: file)
            let usesCustomMetaschema = schemaNode["$schema"].map { $0.scalar?.text != "https://json-schema.org/draft/2020-12/schema" } ?? false
            if !document.externalReferences.isEmpty || usesCustomMetaschema {
                tally.skipped += tests.count
                continue
            }
            if document.problems.contains(where: { $0.code == SchemaCode.unsupportedKeyword && $0.message.contains("$dynamic") }) {
                unimplemented += tests.count
                tally.skipped += tests.count
                continue
            }
            if let problem = document.problems.first {
                tally.failed += tests.count
                failures.append("\(name) / \(description): schema rejected: \(problem.message)")
                continue
            }
            let validator = SchemaValidator(document)
            for test in tests {
                guard let data = test["data"], case .bool(let expected)? = test["valid"]?.scalarValue else { continue }
                let result = validator.validate(data)
                if result.isValid == expected {
                    tally.passed += 1
                } else {
                    tally.failed += 1
                    failures.append("\(name) / \(description) / \(test["description"]?.scalar?.text ?? "?"): expected \(expected ? "valid" : "invalid")")
                }
            }
        }
        return tally
    }
}
