/// What the schemas say about one place in a document, for people writing it: the fields a
/// mapping there may have and what each is for, the values a scalar there may take, and the kind
/// of id it names. The schemas that apply to a value are followed through `$ref`, `allOf`,
/// `anyOf`, `oneOf` and `if`/`then`/`else`, and what they allow is put together: an outline
/// offers everything any of them allows, where validation asks that all of them hold.
struct SchemaOutline {
    /// The schemas that describe the value, as reached through properties and items.
    private let schemas: [Subschema]

    init(_ schemas: [Subschema]) {
        self.schemas = schemas
    }

    /// A field of a mapping, in the order the schema declares it.
    struct Field {
        let name: String
        let description: String?
        let isRequired: Bool
        let value: SchemaOutline
    }

    /// Every schema reachable from `schemas` without entering a property or an item: the ones
    /// whose keywords apply to this same value.
    var applicable: [Subschema] {
        var seen: Set<ObjectIdentifier> = []
        var found: [Subschema] = []
        var stack = Array(schemas.reversed())
        while let schema = stack.popLast() {
            guard seen.insert(ObjectIdentifier(schema)).inserted else { continue }
            found.append(schema)
            var next: [Subschema] = []
            if let ref = schema.ref { next.append(ref) }
            if let ref = schema.dynamicRef { next.append(ref) }
            next += schema.allOf + schema.anyOf + schema.oneOf
            for optional in [schema.thenSchema, schema.elseSchema] {
                if let optional { next.append(optional) }
            }
            stack += next.reversed()
        }
        return found
    }

    /// The fields a mapping here may have, each once, in schema order.
    var fields: [Field] {
        let applicable = self.applicable
        var order: [String] = []
        var values: [String: [Subschema]] = [:]
        var descriptions: [String: String] = [:]
        var required: Set<String> = []
        for schema in applicable {
            required.formUnion(schema.required)
            for property in schema.properties {
                if values[property.name] == nil { order.append(property.name) }
                values[property.name, default: []].append(property.schema)
                if descriptions[property.name] == nil, let text = SchemaOutline([property.schema]).description {
                    descriptions[property.name] = text
                }
            }
        }
        return order.map { Field(name: $0, description: descriptions[$0], isRequired: required.contains($0), value: SchemaOutline(values[$0]!)) }
    }

    /// The outline of a field's value; nil when no schema here declares the field.
    func field(_ name: String) -> SchemaOutline? {
        let found = applicable.flatMap { schema in schema.properties.filter { $0.name == name }.map(\.schema) }
        return found.isEmpty ? nil : SchemaOutline(found)
    }

    /// The outline of a sequence's items.
    var items: SchemaOutline? {
        var found: [Subschema] = []
        for schema in applicable {
            if let items = schema.items { found.append(items) }
            found += schema.prefixItems
        }
        return found.isEmpty ? nil : SchemaOutline(found)
    }

    /// The first description, then title, of the schemas here.
    var description: String? {
        let applicable = self.applicable
        return applicable.lazy.compactMap(\.description).first ?? applicable.lazy.compactMap(\.title).first
    }

    /// The texts of the scalar values allowed here by `enum` or `const`, each once, in order.
    var allowedValues: [String] {
        var seen: Set<String> = []
        var values: [String] = []
        for schema in applicable {
            for node in (schema.enumValues ?? []) + (schema.constValue.map { [$0] } ?? []) {
                guard let text = node.scalar?.text, seen.insert(text).inserted else { continue }
                values.append(text)
            }
        }
        return values
    }

    /// The kind of entity whose id goes here (`x-ref`), if any.
    var referenceKind: String? {
        applicable.lazy.compactMap(\.referenceKind).first
    }
}
