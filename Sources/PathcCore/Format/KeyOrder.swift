/// The order of a mapping's keys as the built-in schema of the file's kind declares them: the
/// order of `properties`, followed through `$ref`, `allOf`, `anyOf`, `oneOf` and `if`/`then`/
/// `else`, for the document and every object nested in it (key results, levels, stages...).
struct KeyOrder {
    /// The schemas that describe the value, all of which may declare properties.
    private let schemas: [Subschema]

    private init(_ schemas: [Subschema]) {
        self.schemas = schemas
    }

    /// The built-in schemas, compiled once. Their documents own every subschema they hold.
    private static let documents: [EntityKind: SchemaDocument] = {
        var documents: [EntityKind: SchemaDocument] = [:]
        for kind in EntityKind.allCases { documents[kind] = BuiltinSchemas.document(kind.schemaFileName) }
        return documents
    }()

    /// The order for a document: its kind's schema when its `kind:` names one, else none.
    static func forDocument(_ root: Node) -> KeyOrder? {
        guard case .string(let name)? = root["kind"]?.scalarValue, let kind = EntityKind(rawValue: name),
              let document = documents[kind] else { return nil }
        return KeyOrder([document.root])
    }

    private var applicable: [Subschema] { SchemaOutline(schemas).applicable }

    /// Each known key's position, and the schemas of its value.
    func properties() -> (index: [String: Int], schemas: [String: [Subschema]]) {
        var index: [String: Int] = [:]
        var schemas: [String: [Subschema]] = [:]
        for schema in applicable {
            for property in schema.properties {
                if index[property.name] == nil { index[property.name] = index.count }
                schemas[property.name, default: []].append(property.schema)
            }
        }
        return (index, schemas)
    }

    /// The order inside the value of a property, from the schemas `properties()` gave for it.
    static func of(_ schemas: [Subschema]?) -> KeyOrder? {
        guard let schemas, !schemas.isEmpty else { return nil }
        return KeyOrder(schemas)
    }

    /// The order inside the items of an array value.
    var items: KeyOrder? {
        var found: [Subschema] = []
        for schema in applicable {
            if let items = schema.items { found.append(items) }
            found += schema.prefixItems
        }
        return KeyOrder.of(found)
    }

    /// The positions of `keys` (a mapping's keys in source order) sorted: known keys in schema
    /// order, then the others in their source order.
    static func sorted(_ keys: [String], index: [String: Int]) -> [Int] {
        keys.indices.sorted { a, b in
            switch (index[keys[a]], index[keys[b]]) {
            case let (rankA?, rankB?): return rankA != rankB ? rankA < rankB : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
    }
}
