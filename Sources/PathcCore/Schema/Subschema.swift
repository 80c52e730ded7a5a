/// The JSON types of JSON Schema's `type` keyword, as a small set.
public struct JSONTypeSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let null = JSONTypeSet(rawValue: 1 << 0)
    public static let boolean = JSONTypeSet(rawValue: 1 << 1)
    public static let object = JSONTypeSet(rawValue: 1 << 2)
    public static let array = JSONTypeSet(rawValue: 1 << 3)
    public static let number = JSONTypeSet(rawValue: 1 << 4)
    public static let string = JSONTypeSet(rawValue: 1 << 5)
    public static let integer = JSONTypeSet(rawValue: 1 << 6)

    static let names: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    /// The type of an instance node. An integral number is both `integer` and `number`.
    static func of(_ node: Node) -> JSONTypeSet {
        switch node.content {
        case .mapping: return .object
        case .sequence: return .array
        case .scalar(let scalar): return of(scalar.value)
        }
    }

    static func of(_ value: ScalarValue) -> JSONTypeSet {
        switch value {
        case .null: return .null
        case .bool: return .boolean
        case .int: return [.integer, .number]
        case .float(let number): return number.isFinite && number.rounded() == number ? [.integer, .number] : .number
        case .string: return .string
        }
    }

    /// In plain words, for messages: "text", "a number or text".
    public var words: String {
        var parts: [String] = []
        if contains(.string) { parts.append("text") }
        if contains(.integer) && !contains(.number) { parts.append("a whole number") }
        if contains(.number) { parts.append("a number") }
        if contains(.boolean) { parts.append("true or false") }
        if contains(.array) { parts.append("a list") }
        if contains(.object) { parts.append("a mapping") }
        if contains(.null) { parts.append("nothing (null)") }
        if parts.count <= 1 { return parts.first ?? "nothing" }
        return parts.dropLast().joined(separator: ", ") + " or " + parts.last!
    }
}

/// One compiled (sub)schema: its keywords, checked and converted once so that validation does
/// no parsing. Built by `SchemaCompiler`; immutable once compilation has resolved every `$ref`.
public final class Subschema: @unchecked Sendable {
    /// Where this schema is written, for messages about the schema itself.
    public let node: Node
    /// JSON Pointer from its resource's root, such as `/properties/key_results`.
    public let pointer: String

    /// For `true` and `false` schemas.
    var boolean: Bool?

    /// The schema a `$ref` resolves to. Not owned: references make cycles (`$ref: '#'`), so the
    /// document that compiled this schema owns every schema in it and outlives its validators.
    unowned(unsafe) var ref: Subschema?
    /// `$dynamicRef` (2020-12) or `$recursiveRef` (2019-09): the schema it resolves to statically.
    unowned(unsafe) var dynamicRef: Subschema?
    /// Set when the static target declares the dynamic anchor the reference names: then the
    /// outermost schema resource in the dynamic scope with that anchor wins. `$recursiveRef`
    /// and `$recursiveAnchor: true` use the empty name, which `$dynamicAnchor` cannot have.
    var dynamicAnchorName: String?
    /// This schema's own `$dynamicAnchor` name ("" for `$recursiveAnchor: true`).
    var ownDynamicAnchor: String?
    /// The root of the schema resource this schema belongs to (itself for a root).
    unowned(unsafe) var resource: Subschema?
    /// On a resource's root: the schemas in the resource with a dynamic anchor, by name.
    var dynamicAnchors: [String: SchemaLink] = [:]
    var types: JSONTypeSet?
    var enumValues: [Node]? {
        didSet { enumIndex = (enumValues?.count ?? 0) > 16 ? Set(enumValues!.map(JSONData.canonical)) : nil }
    }
    /// The canonical text of each allowed value, for a long `enum`: one look-up per value, not a scan.
    private var enumIndex: Set<String>?
    var constValue: Node?

    func enumContains(_ node: Node) -> Bool {
        if let enumIndex { return enumIndex.contains(JSONData.canonical(node)) }
        return enumValues?.contains { JSONData.equal($0, node) } ?? true
    }

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaRegex?
    var format: Format?

    var prefixItems: [Subschema] = []
    var items: Subschema?
    var contains: Subschema?
    /// 2020-12 counts the items `contains` matched as evaluated; 2019-09 does not.
    var containsMarksEvaluated = true
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    /// Properties in schema order, and their index by name.
    var properties: [(name: String, schema: Subschema)] = []
    var propertyIndex: [String: Int] = [:]
    var patternProperties: [(regex: SchemaRegex, schema: Subschema)] = []
    var additionalProperties: Subschema?
    var propertyNames: Subschema?
    var required: [String] = []
    var minProperties: Int?
    var maxProperties: Int?
    var dependentRequired: [(name: String, requires: [String])] = []
    var dependentSchemas: [(name: String, schema: Subschema)] = []

    var allOf: [Subschema] = []
    var anyOf: [Subschema] = []
    var oneOf: [Subschema] = []
    var not: Subschema?
    var ifSchema: Subschema?
    var thenSchema: Subschema?
    var elseSchema: Subschema?

    var unevaluatedProperties: Subschema?
    var unevaluatedItems: Subschema?

    /// `x-ref: KIND`: the value is the id of an entity of that kind.
    public internal(set) var referenceKind: String?
    /// `x-quality: [...]`: the quality rules that apply to this text.
    public internal(set) var qualityAxes: [String]?
    public internal(set) var title: String?
    public internal(set) var description: String?
    public internal(set) var deprecated = false

    /// Which groups of keywords this schema has, so that evaluation skips the rest without
    /// reading every keyword of every schema at every value. Every group until `finish()`.
    private(set) var groups: KeywordGroups = .all

    struct KeywordGroups: OptionSet {
        let rawValue: UInt8
        /// `$ref`.
        static let reference = KeywordGroups(rawValue: 1 << 0)
        /// `type`, `enum`, `const`.
        static let value = KeywordGroups(rawValue: 1 << 1)
        /// Numbers' and strings' keywords.
        static let scalar = KeywordGroups(rawValue: 1 << 2)
        static let array = KeywordGroups(rawValue: 1 << 3)
        static let object = KeywordGroups(rawValue: 1 << 4)
        /// `allOf`, `anyOf`, `oneOf`, `not`, `if`.
        static let applicators = KeywordGroups(rawValue: 1 << 5)
        /// `x-ref`, `x-quality`.
        static let annotates = KeywordGroups(rawValue: 1 << 6)
        static let all = KeywordGroups(rawValue: 0x7F)
    }

    init(node: Node, pointer: String) {
        self.node = node
        self.pointer = pointer
    }

    /// Records which keyword groups are present; called once the schema is compiled.
    func finish() {
        var groups: KeywordGroups = []
        if ref != nil || dynamicRef != nil { groups.insert(.reference) }
        if types != nil || enumValues != nil || constValue != nil { groups.insert(.value) }
        if minimum != nil || maximum != nil || exclusiveMinimum != nil || exclusiveMaximum != nil || multipleOf != nil
            || minLength != nil || maxLength != nil || pattern != nil || format != nil {
            groups.insert(.scalar)
        }
        if !prefixItems.isEmpty || items != nil || contains != nil || minItems != nil || maxItems != nil || uniqueItems {
            groups.insert(.array)
        }
        if !properties.isEmpty || !patternProperties.isEmpty || additionalProperties != nil || propertyNames != nil
            || !required.isEmpty || minProperties != nil || maxProperties != nil || !dependentRequired.isEmpty
            || !dependentSchemas.isEmpty {
            groups.insert(.object)
        }
        if !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil || ifSchema != nil { groups.insert(.applicators) }
        if referenceKind != nil || qualityAxes != nil { groups.insert(.annotates) }
        self.groups = groups
    }

    /// The schema a `$dynamicRef` or `$recursiveRef` applies, given the resources the evaluation
    /// passed through, outermost first.
    func dynamicTarget(in scope: [Subschema]) -> Subschema? {
        guard let target = dynamicRef else { return nil }
        guard let name = dynamicAnchorName else { return target }
        for resource in scope {
            if let link = resource.dynamicAnchors[name] { return link.schema }
        }
        return target
    }

    /// The property schemas' names, for did-you-mean suggestions.
    var knownPropertyNames: [String] { properties.map(\.name) }
}

/// A reference to a schema that the document owns: references between schemas make cycles.
struct SchemaLink {
    unowned(unsafe) let schema: Subschema
}
