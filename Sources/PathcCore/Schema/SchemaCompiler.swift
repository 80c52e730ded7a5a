import Foundation

/// Diagnostic codes about schemas themselves (the schema file is wrong, not the content).
public enum SchemaCode {
    public static let invalidSchema = DiagnosticCode("PW1100", "invalid-schema")
    public static let unsupportedKeyword = DiagnosticCode("PW1101", "unsupported-keyword")
    public static let unresolvedReference = DiagnosticCode("PW1102", "unresolved-schema-reference")
    public static let unsupportedDialect = DiagnosticCode("PW1109", "unsupported-dialect")
}

/// A schema file compiled for validation: its root schema and every schema resource and anchor
/// in it, with `$ref`s resolved. `problems` lists what is wrong with the schema itself; a
/// schema with problems must not be used (cli.md: exit 2).
public final class SchemaDocument: @unchecked Sendable {
    public let file: SourceFile
    public let root: Subschema
    public let problems: [Diagnostic]
    /// The dialect of the root schema, from its `$schema` (2020-12 when it has none).
    public let dialect: Dialect
    /// True when some schema uses `unevaluatedProperties` or `unevaluatedItems`, which need
    /// the validator to track what each schema evaluated.
    let tracksEvaluation: Bool
    /// True when some `$dynamicRef` or `$recursiveRef` resolves by the dynamic scope, which the
    /// validator then tracks.
    let usesDynamicScope: Bool
    /// `$ref`s that point outside this document to a URI the registry does not hold.
    public let externalReferences: [String]
    /// Every schema of the document, which `$ref`s point to without owning them.
    private let schemas: [Subschema]

    init(file: SourceFile, root: Subschema, problems: [Diagnostic], dialect: Dialect = .draft2020_12, tracksEvaluation: Bool,
         usesDynamicScope: Bool = false, externalReferences: [String], schemas: [Subschema] = []) {
        self.file = file
        self.root = root
        self.schemas = schemas
        self.problems = problems
        self.dialect = dialect
        self.tracksEvaluation = tracksEvaluation
        self.usesDynamicScope = usesDynamicScope
        self.externalReferences = externalReferences
    }

    /// How to compile: which documents `$ref` and `$schema` may name, which schema of the file to
    /// validate against, and whether `format` asserts.
    public struct Options: Sendable {
        public var registry: SchemaRegistry
        /// A JSON Pointer into the file (`/$defs/Name`): validate against that schema, not the root.
        public var entryPointer: String?
        /// False makes `format` an annotation, as the drafts define it by default; unknown format
        /// names are then accepted. pathc asserts formats.
        public var assertsFormats: Bool

        public init(registry: SchemaRegistry = .standard, entryPointer: String? = nil, assertsFormats: Bool = true) {
            self.registry = registry
            self.entryPointer = entryPointer
            self.assertsFormats = assertsFormats
        }
    }

    /// Parses and compiles a schema written in YAML or JSON.
    public static func compile(_ file: SourceFile, baseURI: String? = nil, options: Options = Options()) -> SchemaDocument {
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
        return compile(rootNode, file: file, baseURI: baseURI, options: options)
    }

    /// Compiles a schema already parsed (the JSON Schema test suite's schemas are nodes of a larger file).
    public static func compile(_ node: Node, file: SourceFile, baseURI: String? = nil, options: Options = Options()) -> SchemaDocument {
        var compiler = SchemaCompiler(file: file, registry: options.registry, assertsFormats: options.assertsFormats)
        let base = URIReference(baseURI ?? "urn:pathc:schema:\(file.path)")
        var root = compiler.compileResource(node, base: base)
        let dialect = compiler.rootDialect
        if let pointer = options.entryPointer {
            if let entry = compiler.schema(at: pointer, in: root) {
                root = entry
            } else {
                compiler.problems.append(Diagnostic(
                    code: SchemaCode.unresolvedReference, message: "the schema file has no schema at '#\(pointer)'",
                    file: file, span: node.span, label: "no such location",
                    help: "give a JSON Pointer to a schema of the file, such as '#/$defs/Name'"))
            }
        }
        compiler.resolveReferences()
        for schema in compiler.locations.values { schema.finish() }
        return SchemaDocument(file: file, root: root, problems: compiler.problems, dialect: dialect,
                              tracksEvaluation: compiler.tracksEvaluation, usesDynamicScope: compiler.usesDynamicScope,
                              externalReferences: compiler.externalReferences, schemas: Array(compiler.locations.values))
    }
}

/// Turns schema nodes into `Subschema`s, checking every keyword's value. Each problem becomes a
/// diagnostic that points at the keyword or value in the schema file.
struct SchemaCompiler {
    /// The file being compiled: the schema's, or a registered document's that a `$ref` reached.
    private(set) var file: SourceFile
    let registry: SchemaRegistry
    let assertsFormats: Bool
    var problems: [Diagnostic] = []
    var tracksEvaluation = false
    var usesDynamicScope = false
    var externalReferences: [String] = []
    /// The dialect and vocabularies of the schema being compiled, set by the nearest `$schema`.
    private var dialect: Dialect = .draft2020_12
    private var vocabularies = Dialect.draft2020_12.vocabularies
    private(set) var rootDialect: Dialect = .draft2020_12

    /// Schema resources by absolute URI (without fragment): their root node and base.
    private var resources: [String: (node: Node, schema: Subschema)] = [:]
    /// Compiled schemas by "resource-URI#pointer" and "resource-URI#anchor".
    private(set) var locations: [String: Subschema] = [:]
    private var anchors: [String: Subschema] = [:]
    private var pendingReferences: [PendingReference] = []

    private struct PendingReference {
        let schema: Subschema
        let target: URIReference
        let node: Node
        let kind: ReferenceKind
        /// The file the reference is written in, for its diagnostic.
        let file: SourceFile
    }

    private enum ReferenceKind {
        case plain, dynamic, recursive
    }

    init(file: SourceFile, registry: SchemaRegistry = .standard, assertsFormats: Bool = true) {
        self.file = file
        self.registry = registry
        self.assertsFormats = assertsFormats
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
        "$vocabulary", "$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "additionalItems",
    ]

    /// Keywords of one draft only, with what the other draft uses instead.
    static let keywordsOf2019: [String: String] = [
        "$recursiveRef": "'$dynamicRef'", "$recursiveAnchor": "'$dynamicAnchor'", "additionalItems": "'items' after 'prefixItems'",
    ]
    static let keywordsOf2020: [String: String] = [
        "$dynamicRef": "'$recursiveRef'", "$dynamicAnchor": "'$recursiveAnchor'", "prefixItems": "'items' as a list",
    ]

    /// The vocabulary of each keyword that a metaschema may leave out; core keywords are always on.
    static let vocabularyOf: [String: Vocabularies] = {
        var table: [String: Vocabularies] = [:]
        for keyword in ["type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
                        "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
                        "maxProperties", "minProperties", "required", "dependentRequired"] {
            table[keyword] = .validation
        }
        for keyword in ["prefixItems", "items", "additionalItems", "contains", "properties", "patternProperties",
                        "additionalProperties", "propertyNames", "dependentSchemas", "allOf", "anyOf", "oneOf", "not", "if",
                        "then", "else"] {
            table[keyword] = .applicator
        }
        table["unevaluatedItems"] = .unevaluated
        table["unevaluatedProperties"] = .unevaluated
        table["format"] = .format
        return table
    }()

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
        let resourceRoot = resources[resource]?.schema ?? schema
        schema.resource = resourceRoot
        // `$schema` sets the dialect of its schema resource, and of nothing outside it.
        let outerDialect = dialect, outerVocabularies = vocabularies
        defer {
            dialect = outerDialect
            vocabularies = outerVocabularies
        }
        if let declared = node["$schema"] {
            readDialect(declared)
            // The first resource is the document's root.
            if pointer.isEmpty, resources.count == 1 { rootDialect = dialect }
        }
        schema.containsMarksEvaluated = dialect == .draft2020_12
        var itemsIsList = false
        var additionalItems: Subschema?

        for pair in pairs {
            let keyword = pair.keyText
            let value = pair.value
            let here = pointer + "/" + Self.escape(keyword)
            if let vocabulary = Self.vocabularyOf[keyword], !vocabularies.contains(vocabulary) { continue }
            if dialect == .draft2019_09 ? Self.keywordsOf2020[keyword] != nil : Self.keywordsOf2019[keyword] != nil {
                let instead = (dialect == .draft2019_09 ? Self.keywordsOf2020 : Self.keywordsOf2019)[keyword]!
                problems.append(Diagnostic(
                    code: SchemaCode.unsupportedKeyword, message: "keyword '\(keyword)' is not part of \(dialect.name)",
                    file: file, span: pair.key.span, label: "from another draft",
                    help: "use \(instead) in \(dialect.name), or declare the draft that has it with '$schema'"))
                continue
            }
            switch keyword {
            case "$id", "$schema", "$comment", "default", "examples", "readOnly", "writeOnly", "contentEncoding", "contentMediaType":
                continue
            case "$vocabulary":
                if value.mapping == nil { problem("'$vocabulary' must be a mapping of vocabulary URIs to true or false", at: value) }
            case "$dynamicAnchor", "$anchor":
                guard let name = text(value, keyword) else { continue }
                if name.isEmpty || !name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || "-_.:".unicodeScalars.contains($0) })
                    || !(name.unicodeScalars.first.map { $0.properties.isAlphabetic || $0 == "_" } ?? false) {
                    problem("'\(keyword)' must be a plain name (letters, digits, '-', '_', '.'), found '\(name)'", at: value)
                    continue
                }
                anchors[resource + "#" + name] = schema
                if keyword == "$dynamicAnchor" {
                    schema.ownDynamicAnchor = name
                    resourceRoot.dynamicAnchors[name] = SchemaLink(schema: schema)
                }
            case "$recursiveAnchor":
                if bool(value, keyword) == true {
                    schema.ownDynamicAnchor = ""
                    resourceRoot.dynamicAnchors[""] = SchemaLink(schema: schema)
                }
            case "$dynamicRef", "$recursiveRef":
                guard let text = text(value, keyword) else { continue }
                pendingReferences.append(PendingReference(schema: schema, target: URIReference(text).resolved(against: base), node: value,
                                                          kind: keyword == "$dynamicRef" ? .dynamic : .recursive, file: file))
            case "additionalItems":
                additionalItems = compile(value, base: base, resource: resource, pointer: here)
            case "title": schema.title = text(value, keyword)
            case "description": schema.description = text(value, keyword)
            case "deprecated": schema.deprecated = bool(value, keyword) ?? false
            case "$ref":
                guard let text = text(value, keyword) else { continue }
                pendingReferences.append(PendingReference(schema: schema, target: URIReference(text).resolved(against: base), node: value,
                                                          kind: .plain, file: file))
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
                guard let name = text(value, keyword), assertsFormats else { continue }
                if let format = Format(rawValue: name) {
                    schema.format = format
                } else {
                    problem("format '\(name)' is not supported", at: value, code: SchemaCode.unsupportedKeyword,
                            help: Suggestion.closest(to: name, in: Format.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                                ?? "pathc checks the formats of JSON Schema 2020-12 (docs/validator.md); use 'pattern' for others")
                }
            case "items":
                if dialect == .draft2019_09, value.sequence != nil {
                    // 2019-09's list form is 2020-12's prefixItems; additionalItems then plays items.
                    itemsIsList = true
                    schema.prefixItems = schemaList(value, keyword, base: base, resource: resource, pointer: here)
                } else {
                    schema.items = compile(value, base: base, resource: resource, pointer: here)
                }
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
                        ?? "pathc implements the keywords of JSON Schema 2020-12 and 2019-09 and x-ref/x-quality; remove this keyword or see docs/validator.md"))
            }
        }
        if itemsIsList { schema.items = additionalItems }
        return schema
    }

    /// Reads `$schema`: one of the two drafts, or a metaschema the registry holds whose
    /// `$vocabulary` pathc implements. Anything else stops compilation: reading a schema of an
    /// unknown dialect as 2020-12 would check something other than what its author meant.
    private mutating func readDialect(_ declared: Node) {
        guard let text = text(declared, "$schema") else { return }
        if let known = Dialect(metaschema: text) {
            dialect = known
            vocabularies = known.vocabularies
            return
        }
        let uri = URIReference(text).text(withFragment: false)
        guard let metaschemaFile = registry.file(for: uri), let metaschema = SyntaxTree.parse(metaschemaFile).root else {
            problems.append(Diagnostic(
                code: SchemaCode.unsupportedDialect, message: "unknown dialect '\(text)'", file: file, span: declared.span,
                label: "not a dialect pathc reads",
                help: "pathc reads JSON Schema 2020-12 and 2019-09: write '$schema: \(Dialect.draft2020_12.uri)' (or \(Dialect.draft2019_09.uri)), or leave '$schema' out for 2020-12"))
            return
        }
        // A custom metaschema names vocabularies of the draft its own `$schema` declares.
        let draft = metaschema["$schema"]?.scalar.flatMap { Dialect(metaschema: $0.text) } ?? .draft2020_12
        dialect = draft
        guard let declaredVocabularies = metaschema["$vocabulary"]?.mapping else {
            vocabularies = draft.vocabularies
            return
        }
        var enabled: Vocabularies = .core
        for entry in declaredVocabularies {
            if let vocabulary = draft.vocabulary(named: entry.keyText) {
                enabled.insert(vocabulary)
            } else if case .bool(true)? = entry.value.scalarValue {
                problems.append(Diagnostic(
                    code: SchemaCode.unsupportedDialect,
                    message: "the dialect '\(text)' requires the vocabulary '\(entry.keyText)', which pathc does not implement",
                    file: file, span: declared.span, label: "needs an unknown vocabulary",
                    help: "pathc implements the vocabularies of \(draft.name); use '$schema: \(draft.uri)', or mark the vocabulary false (optional) in the metaschema's '$vocabulary'"))
            }
        }
        // 2019-09 puts the unevaluated keywords in its applicator vocabulary.
        if draft == .draft2019_09, enabled.contains(.applicator) { enabled.insert(.unevaluated) }
        vocabularies = enabled
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
            let reference = pendingReferences[index]
            index += 1
            let resourceURI = reference.target.text(withFragment: false)
            let fragment = reference.target.fragment ?? ""
            if resources[resourceURI] == nil { compileRegistered(resourceURI) }
            if let resolved = lookup(resource: resourceURI, fragment: fragment) {
                link(reference, to: resolved, fragment: fragment)
                continue
            }
            let written = reference.node.scalar?.text ?? ""
            if resources[resourceURI] == nil {
                externalReferences.append(reference.target.text())
                problems.append(Diagnostic(
                    code: SchemaCode.unresolvedReference, message: "'$ref' points outside this schema file: '\(written)'",
                    file: reference.file, span: reference.node.span, label: "not in this file",
                    help: "pathc resolves references within one schema file and to the JSON Schema metaschemas; copy the referenced schema into '$defs'"))
            } else {
                problems.append(Diagnostic(
                    code: SchemaCode.unresolvedReference, message: "'$ref' target '\(written)' does not exist",
                    file: reference.file, span: reference.node.span, label: "no such location",
                    help: "point at an existing schema, such as '#/$defs/name'"))
            }
        }
    }

    private mutating func link(_ reference: PendingReference, to target: Subschema, fragment: String) {
        switch reference.kind {
        case .plain:
            reference.schema.ref = target
        case .dynamic:
            reference.schema.dynamicRef = target
            // Dynamic only when the static target declares the anchor the fragment names.
            if !fragment.isEmpty, !fragment.hasPrefix("/"), target.ownDynamicAnchor == fragment {
                reference.schema.dynamicAnchorName = fragment
                usesDynamicScope = true
            }
        case .recursive:
            reference.schema.dynamicRef = target
            if target.ownDynamicAnchor == "" {
                reference.schema.dynamicAnchorName = ""
                usesDynamicScope = true
            }
        }
    }

    /// Compiles the registry's document at `uri`, if it has one, as a resource of this document.
    private mutating func compileRegistered(_ uri: String) {
        guard let registered = registry.file(for: uri), let node = SyntaxTree.parse(registered).root else { return }
        let outerFile = file
        file = registered
        let root = compileResource(node, base: URIReference(uri))
        file = outerFile
        // A document whose `$id` differs from the URI it is registered at is found by both.
        if resources[uri] == nil { resources[uri] = (node, root) }
    }

    /// The schema at a JSON Pointer of the root's resource, compiled if it was not yet.
    mutating func schema(at pointer: String, in root: Subschema) -> Subschema? {
        guard let resource = resources.first(where: { $0.value.schema === root })?.key else { return nil }
        return lookup(resource: resource, fragment: pointer)
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
