import Foundation

/// Diagnostic codes about schemas themselves (the schema file is wrong, not the content).
public enum SchemaCode {
    public static let invalidSchema = DiagnosticCode("PW1100", "invalid-schema")
    public static let unsupportedKeyword = DiagnosticCode("PW1101", "unsupported-keyword")
    public static let unresolvedReference = DiagnosticCode("PW1102", "unresolved-schema-reference")
}

/// A schema file compiled for validation: its root schema and every schema resource and anchor
/// in it, with `$ref`s resolved. `problems` lists what is wrong with the schema itself; a
/// schema with problems must not be used (cli.md: exit 2).
public final class SchemaDocument: @unchecked Sendable {
    public let file: SourceFile
    public let root: Subschema
    public let problems: [Diagnostic]
    /// True when some schema uses `unevaluatedProperties` or `unevaluatedItems`, which need
    /// the validator to track what each schema evaluated.
    let tracksEvaluation: Bool
    /// `$ref`s that point outside this document (another file or URL), which pathc does not fetch.
    public let externalReferences: [String]
    /// Every schema of the document, which `$ref`s point to without owning them.
    private let schemas: [Subschema]

    init(file: SourceFile, root: Subschema, problems: [Diagnostic], tracksEvaluation: Bool, externalReferences: [String],
         schemas: [Subschema] = []) {
        self.file = file
        self.root = root
        self.schemas = schemas
        self.problems = problems
        self.tracksEvaluation = tracksEvaluation
        self.externalReferences = externalReferences
    }

    /// Parses and compiles a schema written in YAML or JSON.
    public static func compile(_ file: SourceFile, baseURI: String? = nil) -> SchemaDocument {
        let tree = SyntaxTree.parse(file)
        guard let rootNode = tree.root, tree.diagnostics.isEmpty else {
            let placeholder = Subschema(node: .null(at: 0), pointer: "")
            placeholder.boolean = true
            let problems = tree.diagnostics.isEmpty
                ? [Diagnostic(code: SchemaCode.invalidSchema, message: "the schema file is empty", file: file, span: .at(0),
                              help: "write a JSON Schema: a mapping with keywords such as 'type' and 'properties'")]
                : tree.diagnostics
            return SchemaDocument(file: file, root: placeholder, problems: problems, tracksEvaluation: false, externalReferences: [])
        }
        return compile(rootNode, file: file, baseURI: baseURI)
    }

    /// Compiles a schema already parsed (the JSON Schema test suite's schemas are nodes of a larger file).
    public static func compile(_ node: Node, file: SourceFile, baseURI: String? = nil) -> SchemaDocument {
        var compiler = SchemaCompiler(file: file)
        let base = URIReference(baseURI ?? "urn:pathc:schema:\(file.path)")
        let root = compiler.compileResource(node, base: base)
        compiler.resolveReferences()
        for schema in compiler.locations.values { schema.finish() }
        return SchemaDocument(file: file, root: root, problems: compiler.problems, tracksEvaluation: compiler.tracksEvaluation,
                              externalReferences: compiler.externalReferences, schemas: Array(compiler.locations.values))
    }
}

/// Turns schema nodes into `Subschema`s, checking every keyword's value. Each problem becomes a
/// diagnostic that points at the keyword or value in the schema file.
struct SchemaCompiler {
    let file: SourceFile
    var problems: [Diagnostic] = []
    var tracksEvaluation = false
    var externalReferences: [String] = []

    /// Schema resources by absolute URI (without fragment): their root node and base.
    private var resources: [String: (node: Node, schema: Subschema)] = [:]
    /// Compiled schemas by "resource-URI#pointer" and "resource-URI#anchor".
    private(set) var locations: [String: Subschema] = [:]
    private var anchors: [String: Subschema] = [:]
    private var pendingReferences: [(schema: Subschema, target: URIReference, node: Node, base: URIReference)] = []

    init(file: SourceFile) {
        self.file = file
    }

    /// Every keyword pathc reads, for did-you-mean suggestions.
    static let implementedKeywords = [
        "$id", "$schema", "$ref", "$defs", "$anchor", "$comment", "title", "description", "default", "examples",
        "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType", "contentSchema", "type", "enum",
        "const", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
        "pattern", "format", "items", "prefixItems", "contains", "minContains", "maxContains", "minItems", "maxItems",
        "uniqueItems", "properties", "patternProperties", "additionalProperties", "propertyNames", "required",
        "minProperties", "maxProperties", "dependentRequired", "dependentSchemas", "allOf", "anyOf", "oneOf", "not",
        "if", "then", "else", "unevaluatedProperties", "unevaluatedItems", "x-ref", "x-quality",
    ]
    static let supportedFormats: Set<String> = ["date", "date-time", "email", "uri"]

    mutating func compileResource(_ node: Node, base: URIReference) -> Subschema {
        compile(node, base: base, resource: base.text(withFragment: false), pointer: "")
    }

    private mutating func problem(_ message: String, at node: Node, code: DiagnosticCode = SchemaCode.invalidSchema, help: String? = nil) {
        problems.append(Diagnostic(code: code, message: message, file: file, span: node.span, label: "in the schema", help: help))
    }

    private static func escape(_ segment: String) -> String {
        segment.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private mutating func compile(_ node: Node, base inherited: URIReference, resource inheritedResource: String, pointer inheritedPointer: String) -> Subschema {
        var base = inherited
        var resource = inheritedResource
        var pointer = inheritedPointer
        if case .scalar(let scalar) = node.content, case .bool(let flag) = scalar.value {
            let schema = Subschema(node: node, pointer: pointer)
            schema.boolean = flag
            locations[resource + "#" + pointer] = schema
            return schema
        }
        guard let pairs = node.mapping else {
            problem("a schema must be a mapping of keywords or true/false, found \(node.kindDescription)", at: node)
            let schema = Subschema(node: node, pointer: pointer)
            schema.boolean = true
            return schema
        }
        // A `$id` starts a new schema resource with its own base URI.
        if let id = node["$id"] {
            if let text = id.scalar?.text, case .string = id.scalar!.value {
                let reference = URIReference(text)
                if let fragment = reference.fragment, !fragment.isEmpty {
                    problem("'$id' must not have a fragment ('#\(fragment)')", at: id, help: "use '$anchor' to name a location")
                } else {
                    base = reference.resolved(against: base)
                    base.fragment = nil
                    resource = base.text(withFragment: false)
                    pointer = ""
                }
            } else {
                problem("'$id' must be text (a URI)", at: id)
            }
        }
        let schema = Subschema(node: node, pointer: pointer)
        locations[resource + "#" + pointer] = schema
        if pointer.isEmpty, resources[resource] == nil { resources[resource] = (node, schema) }
        if inheritedPointer != pointer { locations[inheritedResource + "#" + inheritedPointer] = schema }

        for pair in pairs {
            let keyword = pair.keyText
            let value = pair.value
            let here = pointer + "/" + Self.escape(keyword)
            switch keyword {
            case "$id", "$schema", "$comment", "default", "examples", "readOnly", "writeOnly", "contentEncoding", "contentMediaType":
                continue
            case "title": schema.title = text(value, keyword)
            case "description": schema.description = text(value, keyword)
            case "deprecated": schema.deprecated = bool(value, keyword) ?? false
            case "$anchor":
                guard let name = text(value, keyword) else { continue }
                if name.isEmpty || !name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.".unicodeScalars.contains($0) })
                    || !(name.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "_" } ?? false) {
                    problem("'$anchor' must be a plain name (letters, digits, '-', '_', '.'), found '\(name)'", at: value)
                } else {
                    anchors[resource + "#" + name] = schema
                }
            case "$ref":
                guard let text = text(value, keyword) else { continue }
                pendingReferences.append((schema, URIReference(text).resolved(against: base), value, base))
            case "$defs":
                guard let definitions = value.mapping else {
                    problem("'$defs' must be a mapping of names to schemas", at: value)
                    continue
                }
                for definition in definitions {
                    _ = compile(definition.value, base: base, resource: resource, pointer: here + "/" + Self.escape(definition.keyText))
                }
            case "contentSchema":
                _ = compile(value, base: base, resource: resource, pointer: here)
            case "type":
                schema.types = types(value)
            case "enum":
                guard let items = value.sequence else {
                    problem("'enum' must be a list of allowed values", at: value)
                    continue
                }
                schema.enumValues = items
            case "const":
                schema.constValue = value
            case "minimum": schema.minimum = number(value, keyword)
            case "maximum": schema.maximum = number(value, keyword)
            case "exclusiveMinimum": schema.exclusiveMinimum = number(value, keyword)
            case "exclusiveMaximum": schema.exclusiveMaximum = number(value, keyword)
            case "multipleOf":
                if let divisor = number(value, keyword) {
                    if divisor > 0 { schema.multipleOf = divisor } else { problem("'multipleOf' must be greater than 0", at: value) }
                }
            case "minLength": schema.minLength = count(value, keyword)
            case "maxLength": schema.maxLength = count(value, keyword)
            case "minItems": schema.minItems = count(value, keyword)
            case "maxItems": schema.maxItems = count(value, keyword)
            case "minContains": schema.minContains = count(value, keyword)
            case "maxContains": schema.maxContains = count(value, keyword)
            case "minProperties": schema.minProperties = count(value, keyword)
            case "maxProperties": schema.maxProperties = count(value, keyword)
            case "uniqueItems": schema.uniqueItems = bool(value, keyword) ?? false
            case "pattern":
                guard let text = text(value, keyword) else { continue }
                schema.pattern = regex(text, at: value)
            case "format":
                guard let name = text(value, keyword) else { continue }
                if Self.supportedFormats.contains(name) {
                    schema.format = name
                } else {
                    problem("format '\(name)' is not supported", at: value, code: SchemaCode.unsupportedKeyword,
                            help: "pathc checks the formats date, date-time, email and uri; use 'pattern' for others")
                }
            case "items":
                schema.items = compile(value, base: base, resource: resource, pointer: here)
            case "prefixItems":
                schema.prefixItems = schemaList(value, keyword, base: base, resource: resource, pointer: here)
            case "contains":
                schema.contains = compile(value, base: base, resource: resource, pointer: here)
            case "properties":
                guard let entries = value.mapping else {
                    problem("'properties' must be a mapping of field names to schemas", at: value)
                    continue
                }
                for entry in entries {
                    let name = entry.keyText
                    schema.propertyIndex[name] = schema.properties.count
                    schema.properties.append((name, compile(entry.value, base: base, resource: resource, pointer: here + "/" + Self.escape(name))))
                }
            case "patternProperties":
                guard let entries = value.mapping else {
                    problem("'patternProperties' must be a mapping of patterns to schemas", at: value)
                    continue
                }
                for entry in entries {
                    let compiled = compile(entry.value, base: base, resource: resource, pointer: here + "/" + Self.escape(entry.keyText))
                    if let expression = regex(entry.keyText, at: entry.key) { schema.patternProperties.append((expression, compiled)) }
                }
            case "additionalProperties":
                schema.additionalProperties = compile(value, base: base, resource: resource, pointer: here)
            case "propertyNames":
                schema.propertyNames = compile(value, base: base, resource: resource, pointer: here)
            case "required":
                schema.required = textList(value, keyword) ?? []
            case "dependentRequired":
                guard let entries = value.mapping else {
                    problem("'dependentRequired' must be a mapping of field names to lists of fields", at: value)
                    continue
                }
                for entry in entries {
                    schema.dependentRequired.append((entry.keyText, textList(entry.value, keyword) ?? []))
                }
            case "dependentSchemas":
                guard let entries = value.mapping else {
                    problem("'dependentSchemas' must be a mapping of field names to schemas", at: value)
                    continue
                }
                for entry in entries {
                    schema.dependentSchemas.append((entry.keyText, compile(entry.value, base: base, resource: resource, pointer: here + "/" + Self.escape(entry.keyText))))
                }
            case "allOf": schema.allOf = schemaList(value, keyword, base: base, resource: resource, pointer: here, nonEmpty: true)
            case "anyOf": schema.anyOf = schemaList(value, keyword, base: base, resource: resource, pointer: here, nonEmpty: true)
            case "oneOf": schema.oneOf = schemaList(value, keyword, base: base, resource: resource, pointer: here, nonEmpty: true)
            case "not": schema.not = compile(value, base: base, resource: resource, pointer: here)
            case "if": schema.ifSchema = compile(value, base: base, resource: resource, pointer: here)
            case "then": schema.thenSchema = compile(value, base: base, resource: resource, pointer: here)
            case "else": schema.elseSchema = compile(value, base: base, resource: resource, pointer: here)
            case "unevaluatedProperties":
                tracksEvaluation = true
                schema.unevaluatedProperties = compile(value, base: base, resource: resource, pointer: here)
            case "unevaluatedItems":
                tracksEvaluation = true
                schema.unevaluatedItems = compile(value, base: base, resource: resource, pointer: here)
            case "x-ref":
                schema.referenceKind = text(value, keyword)
            case "x-quality":
                schema.qualityAxes = textList(value, keyword)
            default:
                let suggestion = Suggestion.closest(to: keyword, in: Self.implementedKeywords)
                problems.append(Diagnostic(
                    code: SchemaCode.unsupportedKeyword, message: "keyword '\(keyword)' is not supported",
                    file: file, span: pair.key.span, label: "unknown to pathc",
                    help: suggestion.map { "did you mean '\($0)'?" }
                        ?? "pathc implements the JSON Schema 2020-12 validation keywords and x-ref/x-quality; remove this keyword or see docs/schemas.md"))
            }
        }
        return schema
    }

    // MARK: - Keyword values

    private mutating func text(_ node: Node, _ keyword: String) -> String? {
        if let scalar = node.scalar, case .string(let text) = scalar.value { return text }
        problem("'\(keyword)' must be text, found \(node.kindDescription)", at: node)
        return nil
    }

    private mutating func bool(_ node: Node, _ keyword: String) -> Bool? {
        if case .bool(let flag) = node.scalarValue { return flag }
        problem("'\(keyword)' must be true or false, found \(node.kindDescription)", at: node)
        return nil
    }

    private mutating func number(_ node: Node, _ keyword: String) -> Double? {
        switch node.scalarValue {
        case .int(let value): return Double(value)
        case .float(let value) where value.isFinite: return value
        default:
            problem("'\(keyword)' must be a number, found \(node.kindDescription)", at: node)
            return nil
        }
    }

    private mutating func count(_ node: Node, _ keyword: String) -> Int? {
        switch node.scalarValue {
        case .int(let value) where value >= 0: return value
        case .float(let value) where value >= 0 && value.rounded() == value && value < 1e15: return Int(value)
        default:
            problem("'\(keyword)' must be a whole number of 0 or more, found \(node.kindDescription)", at: node)
            return nil
        }
    }

    private mutating func textList(_ node: Node, _ keyword: String) -> [String]? {
        guard let items = node.sequence else {
            problem("'\(keyword)' must be a list of text", at: node)
            return nil
        }
        return items.compactMap { text($0, keyword) }
    }

    private mutating func types(_ node: Node) -> JSONTypeSet? {
        let names = node.sequence ?? [node]
        var set: JSONTypeSet = []
        for name in names {
            guard let text = name.scalar?.text, let type = JSONTypeSet.names.first(where: { $0.0 == text })?.1 else {
                problem("'type' must be one of null, boolean, object, array, number, string, integer, or a list of them",
                        at: name, help: Suggestion.closest(to: name.scalar?.text ?? "", in: JSONTypeSet.names.map(\.0)).map { "did you mean '\($0)'?" })
                continue
            }
            set.insert(type)
        }
        return set
    }

    private mutating func regex(_ pattern: String, at node: Node) -> SchemaRegex? {
        do {
            return try SchemaRegex(pattern)
        } catch {
            problem("invalid regular expression '\(pattern)': \(error.message)", at: node,
                    help: "patterns are ECMA-262 regular expressions, as in JavaScript")
            return nil
        }
    }

    private mutating func schemaList(_ node: Node, _ keyword: String, base: URIReference, resource: String, pointer: String,
                                     nonEmpty: Bool = false) -> [Subschema] {
        guard let items = node.sequence, !(nonEmpty && items.isEmpty) else {
            problem("'\(keyword)' must be a\(nonEmpty ? " non-empty" : "") list of schemas", at: node)
            return []
        }
        return items.enumerated().map { compile($1, base: base, resource: resource, pointer: pointer + "/\($0)") }
    }

    // MARK: - References

    /// Resolves every `$ref` now that all resources and anchors are known. A pointer into a part
    /// of the document that was not compiled as a schema (inside an annotation, say) is compiled here.
    mutating func resolveReferences() {
        var index = 0
        while index < pendingReferences.count {
            let (schema, target, node, _) = pendingReferences[index]
            index += 1
            let resourceURI = target.text(withFragment: false)
            let fragment = target.fragment ?? ""
            if let resolved = lookup(resource: resourceURI, fragment: fragment) {
                schema.ref = resolved
                continue
            }
            if resources[resourceURI] == nil {
                externalReferences.append(target.text())
                problems.append(Diagnostic(
                    code: SchemaCode.unresolvedReference, message: "'$ref' points outside this schema file: '\(node.scalar?.text ?? "")'",
                    file: file, span: node.span, label: "not in this file",
                    help: "pathc resolves references within one schema file; copy the referenced schema into '$defs'"))
            } else {
                problems.append(Diagnostic(
                    code: SchemaCode.unresolvedReference, message: "'$ref' target '\(node.scalar?.text ?? "")' does not exist",
                    file: file, span: node.span, label: "no such location",
                    help: "point at an existing schema, such as '#/$defs/name'"))
            }
        }
    }

    private mutating func lookup(resource: String, fragment: String) -> Subschema? {
        if fragment.isEmpty || fragment.hasPrefix("/") {
            let pointer = Self.percentDecoded(fragment)
            if let found = locations[resource + "#" + pointer] { return found }
            // A location that was not compiled as a schema: walk the resource's nodes to it.
            guard let root = resources[resource] else { return nil }
            var node = root.node
            for token in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                if let child = node[key] {
                    node = child
                } else if let items = node.sequence, let position = Int(key), position >= 0, position < items.count {
                    node = items[position]
                } else {
                    return nil
                }
            }
            let base = URIReference(resource)
            let compiled = compile(node, base: base, resource: resource, pointer: pointer)
            return compiled
        }
        return anchors[resource + "#" + fragment]
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
