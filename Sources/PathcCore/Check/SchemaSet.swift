import Foundation

/// The schemas content is checked against: the repository's own `schemas/` where it has one,
/// else the defaults built into pathc.
public struct SchemaSet: Sendable {
    public let validators: [EntityKind: SchemaValidator]
    public let config: SchemaDocument
    /// Problems in the schemas themselves; any of them stops the check (exit 2).
    public let problems: [Diagnostic]
    /// FNV-1a of the kinds' schema texts: what a file's facts (its references) depend on besides
    /// its own bytes, for the fact cache of `check --since`.
    public var fingerprint: String = ""
    /// The regular-expression steps the files checked with these schemas share.
    public let regexBudget = RunBudget.regexSteps()

    public static func load(folder: String?, displayPath: (String) -> String) -> SchemaSet {
        var validators: [EntityKind: SchemaValidator] = [:]
        var problems: [Diagnostic] = []
        var hash = FNV1a64()
        func document(named name: String) -> SchemaDocument {
            if let folder {
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path) {
                    do {
                        return SchemaDocument.compile(try SourceFile.read(path: path, displayPath: displayPath(path)))
                    } catch {
                        let file = SourceFile(path: displayPath(path), bytes: [])
                        problems.append(Diagnostic(code: CheckCode.unreadableFile, message: error.message, file: file, span: .at(0)))
                    }
                }
            }
            return BuiltinSchemas.document(name)
        }
        for kind in EntityKind.allCases {
            let compiled = document(named: kind.schemaFileName)
            hash.add(kind.rawValue)
            hash.add([0])
            hash.add(compiled.file.bytes)
            hash.add([0])
            problems += compiled.problems
            problems += extensionProblems(compiled)
            validators[kind] = SchemaValidator(compiled)
        }
        let config = document(named: "config.schema.yaml")
        problems += config.problems
        var set = SchemaSet(validators: validators, config: config, problems: problems)
        set.fingerprint = hash.hex
        return set
    }

    /// `x-ref` must name a kind (or `key-result`), and `x-quality` the quality axes.
    private static func extensionProblems(_ document: SchemaDocument) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: Set<ObjectIdentifier> = []
        var queue = [document.root]
        let kinds = EntityKind.allCases.map(\.rawValue) + ["key-result"]
        let axes = ["specific", "observable", "measurable"]
        while let schema = queue.popLast() {
            guard seen.insert(ObjectIdentifier(schema)).inserted else { continue }
            if let kind = schema.referenceKind, !kinds.contains(kind) {
                let node = schema.node["x-ref"] ?? schema.node
                problems.append(Diagnostic(
                    code: SchemaCode.invalidSchema, message: "'x-ref' names an unknown kind '\(kind)'", file: document.file,
                    span: node.span, label: "not a kind",
                    help: Suggestion.closest(to: kind, in: kinds).map { "did you mean '\($0)'?" } ?? "use one of \(kinds.joined(separator: ", "))"))
            }
            for axis in schema.qualityAxes ?? [] where !axes.contains(axis) {
                let node = schema.node["x-quality"] ?? schema.node
                problems.append(Diagnostic(
                    code: SchemaCode.invalidSchema, message: "'x-quality' names an unknown axis '\(axis)'", file: document.file,
                    span: node.span, label: "not a quality axis", help: "use specific, observable or measurable"))
            }
            queue += schema.children
        }
        return problems
    }
}

extension Subschema {
    /// Every schema this one contains or refers to.
    var children: [Subschema] {
        var list = prefixItems + allOf + anyOf + oneOf + properties.map(\.schema) + patternProperties.map(\.schema)
            + dependentSchemas.map(\.schema)
        for optional in [ref, items, contains, additionalProperties, propertyNames, not, ifSchema, thenSchema, elseSchema,
                         unevaluatedProperties, unevaluatedItems] {
            if let optional { list.append(optional) }
        }
        return list
    }
}
