import Foundation
import XCTest
@testable import PathcCore

/// pathc carries the default schemas and the pre-commit hook inside its binary: the copies must
/// equal the files in this repository (run scripts/generate-builtin-schemas after an edit).
final class BuiltinSchemaTests: XCTestCase {
    func testBuiltinSchemasEqualTheFiles() throws {
        let folder = TestPaths.repository.appendingPathComponent("schemas")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".schema.yaml") }.sorted()
        XCTAssertEqual(names, BuiltinSchemas.files.keys.sorted())
        for name in names {
            let onDisk = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            XCTAssertEqual(BuiltinSchemas.files[name].map { $0 + "\n" }, onDisk,
                           "\(name) differs from its built-in copy: run scripts/generate-builtin-schemas")
        }
    }

    func testHookEqualsTheRepositoryHook() throws {
        let onDisk = try String(contentsOf: TestPaths.repository.appendingPathComponent(".githooks/pre-commit"), encoding: .utf8)
        XCTAssertEqual(PreCommitHook.script + "\n", onDisk)
    }

    func testEveryBuiltinSchemaCompilesAndDescribesEveryField() throws {
        for name in BuiltinSchemas.files.keys.sorted() {
            let document = BuiltinSchemas.document(name)
            XCTAssertEqual(document.problems.map(\.message), [], name)
            var queue = [document.root]
            var seen: Set<ObjectIdentifier> = []
            while let schema = queue.popLast() {
                guard seen.insert(ObjectIdentifier(schema)).inserted else { continue }
                for (field, property) in schema.properties where property.boolean == nil {
                    let described = property.description != nil || property.ref?.description != nil
                    XCTAssertTrue(described, "\(name): field '\(field)' at \(schema.pointer) has no description")
                }
                queue += schema.children
            }
        }
    }

    func testSchemaSetRejectsAnUnknownReferenceKind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let role = BuiltinSchemas.files["role.schema.yaml"]!.replacingOccurrences(of: "x-ref: competency", with: "x-ref: competence")
        try role.write(to: folder.appendingPathComponent("role.schema.yaml"), atomically: true, encoding: .utf8)
        let set = SchemaSet.load(folder: folder.path, displayPath: { $0 })
        XCTAssertEqual(set.problems.map(\.message), ["'x-ref' names an unknown kind 'competence'"])
        XCTAssertEqual(set.problems.first?.help, "did you mean 'competency'?")
    }
}
