import XCTest
@testable import PathcCore

/// The field names code reads are the ones the built-in schemas declare: every case of `FieldKey`
/// is a property of some content schema, and every property has a case.
final class FieldKeyTests: XCTestCase {
    private func properties(of node: Node, into names: inout Set<String>) {
        if let sequence = node.sequence { for item in sequence { properties(of: item, into: &names) } }
        guard let pairs = node.mapping else { return }
        for pair in pairs {
            if pair.key.scalar?.text == "properties", let declared = pair.value.mapping {
                for property in declared { if let name = property.key.scalar?.text { names.insert(name) } }
            }
            properties(of: pair.value, into: &names)
        }
    }

    func testTheFieldNamesAreTheSchemasProperties() throws {
        var declared: Set<String> = []
        for kind in EntityKind.allCases {
            let text = try XCTUnwrap(BuiltinSchemas.files["\(kind.rawValue).schema.yaml"], kind.rawValue)
            let root = try XCTUnwrap(SyntaxTree.parse(SourceFile(path: kind.rawValue, text: text)).root)
            properties(of: root, into: &declared)
        }
        XCTAssertGreaterThan(declared.count, 50, "the schemas' properties were found")
        let cases = Set(FieldKey.allCases.map(\.rawValue))
        XCTAssertEqual(cases.subtracting(declared).sorted(), [], "cases no content schema declares")
        XCTAssertEqual(declared.subtracting(cases).sorted(), [], "properties FieldKey lacks")
    }
}
