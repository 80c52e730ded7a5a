import Foundation
import XCTest
@testable import PathcCore

/// Runs the JSON Schema test suite (drafts 2020-12 and 2019-09, with their optional format files)
/// through pathc's validator, with the suite's `remotes/` served from memory as
/// http://localhost:1234/. Every case must come out right; the only cases skipped are those whose
/// schema refers to a document on the network that neither the suite nor pathc holds, each
/// listed with its reason.
///
/// `format.json` and `optional/format/unknown.json` test `format` as the drafts define it by
/// default, an annotation that never fails and accepts unknown names; they run with format
/// assertion off. Every other file runs as pathc validates: formats asserted.
final class JSONSchemaConformanceTests: XCTestCase {
    static let annotationOnlyFiles: Set<String> = ["format.json", "optional/format/unknown.json"]

    struct Tally {
        var passed = 0, failed = 0, skipped = 0
    }

    func testDraft2020_12() throws {
        try runDraft("draft2020-12", name: "2020-12")
    }

    func testDraft2019_09() throws {
        try runDraft("draft2019-09", name: "2019-09")
    }

    /// The suite's remote documents, by the URL the suite's schemas use for them.
    static func remotes(_ folder: URL) throws -> SchemaRegistry {
        var registry = SchemaRegistry.standard
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init()
        where url.pathExtension == "json" {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            registry.register(try SourceFile.read(path: url.path), as: "http://localhost:1234/" + relative)
        }
        return registry
    }

    private func runDraft(_ folder: String, name: String) throws {
        let suite = try TestPaths.sharedFolder("conformance/json-schema-test-suite/\(folder)")
        let registry = try Self.remotes(try TestPaths.sharedFolder("conformance/json-schema-test-suite/remotes"))
        let manager = FileManager.default
        let files = try manager.contentsOfDirectory(atPath: suite.path).filter { $0.hasSuffix(".json") }.sorted()
            + manager.contentsOfDirectory(atPath: suite.appendingPathComponent("optional/format").path)
                .filter { $0.hasSuffix(".json") }.sorted().map { "optional/format/" + $0 }
        var total = Tally()
        var failures: [String] = []
        var skips: [String] = []
        print("JSON Schema test suite (draft \(name)): passed / failed / skipped per file")
        for file in files {
            var options = SchemaDocument.Options(registry: registry)
            options.assertsFormats = !Self.annotationOnlyFiles.contains(file)
            let tally = try run(suite.appendingPathComponent(file), name: file, options: options, failures: &failures, skips: &skips)
            print("  \(file): \(tally.passed) / \(tally.failed) / \(tally.skipped)")
            total.passed += tally.passed
            total.failed += tally.failed
            total.skipped += tally.skipped
        }
        print("  total: \(total.passed) passed, \(total.failed) failed, \(total.skipped) skipped")
        for skip in skips { print("  SKIPPED \(skip)") }
        for failure in failures.prefix(80) { print("  FAILED \(failure)") }
        XCTAssertEqual(failures, [])
        XCTAssertGreaterThan(total.passed, 1000)
    }

    private func run(_ url: URL, name: String, options: SchemaDocument.Options, failures: inout [String],
                     skips: inout [String]) throws -> Tally {
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
            let document = SchemaDocument.compile(schemaNode, file: file, options: options)
            if !document.externalReferences.isEmpty {
                tally.skipped += tests.count
                skips.append("\(name) / \(description) (\(tests.count) cases): needs the network for \(document.externalReferences.joined(separator: ", "))")
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
