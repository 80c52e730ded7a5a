/// The kinds of content a pathway repository holds (model.md). Each file is one entity.
public enum EntityKind: String, Sendable, CaseIterable, Comparable {
    case competency, role, rubric, pathway, okr

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// One bit per kind, for rules that read several.
    var bit: UInt8 { 1 << UInt8(EntityKind.allCases.firstIndex(of: self)!) }

    /// The kind's schema file in `schemas/`.
    public var schemaFileName: String { "\(rawValue).schema.yaml" }

    /// "a competency", "an OKR", for messages.
    public var withArticle: String {
        switch self {
        case .okr: return "an OKR"
        default: return "a \(rawValue)"
        }
    }

    public var displayName: String { self == .okr ? "OKR" : rawValue }

    /// "competencies", "okrs": the kind's folder in the site and the API.
    public var plural: String {
        switch self {
        case .competency: return "competencies"
        case .role: return "roles"
        case .rubric: return "rubrics"
        case .pathway: return "pathways"
        case .okr: return "okrs"
        }
    }
}

/// One content file that parsed and named its kind and id: the unit the model, the rules and
/// the emitters work on. A class, since many stages share each one and it never changes.
public final class Entity: Sendable {
    public let kind: EntityKind
    public let id: String
    public let file: SourceFile
    public let root: Node
    /// The `id` value, for pointing at the entity.
    public let idNode: Node
    /// Values the schema marked with `x-ref` or `x-quality`.
    public let annotations: [SchemaAnnotation]
    /// For an OKR: its level, cycle and key results, parsed.
    public let level: String?
    public let cycle: Cycle?
    public let keyResults: [KeyResult]

    public init(kind: EntityKind, id: String, file: SourceFile, root: Node, idNode: Node, annotations: [SchemaAnnotation]) {
        self.kind = kind
        self.id = id
        self.file = file
        self.root = root
        self.idNode = idNode
        self.annotations = annotations
        if kind == .okr {
            level = root[.level]?.string
            cycle = root[.cycle]?.string.flatMap(Cycle.init)
            keyResults = (root[.keyResults]?.sequence ?? []).enumerated().map { KeyResult(node: $1, index: $0) }
        } else {
            level = nil
            cycle = nil
            keyResults = []
        }
    }

    /// A text field of the root mapping.
    public func text(_ field: FieldKey) -> String? {
        guard let scalar = root[field]?.scalar, case .string(let text) = scalar.value else { return nil }
        return text
    }
}

/// Every entity of a repository by kind and id, with the model's own checks (ids, references,
/// alignment, levels).
public struct Model: Sendable {
    public private(set) var entities: [EntityKind: [String: Entity]] = [:]
    /// Entities in a stable order: by kind, then id.
    public private(set) var ordered: [Entity] = []
    /// Entities whose id an earlier one already has (reported as duplicate-id), kept so that
    /// what depends on every file, such as `check --since`, still sees them.
    public private(set) var duplicates: [Entity] = []

    public init() {}

    public func entity(_ kind: EntityKind, _ id: String) -> Entity? {
        entities[kind]?[id]
    }

    /// Each kind's entities in model order.
    private var byKind: [EntityKind: [Entity]] = [:]

    public func all(_ kind: EntityKind) -> [Entity] {
        byKind[kind] ?? []
    }

    /// Adds entities, reporting ids used twice within a kind.
    mutating func add(_ list: [Entity], into diagnostics: inout [Diagnostic]) {
        for entity in parallelSorted(list, by: { ($0.kind, $0.id, $0.file.path) < ($1.kind, $1.id, $1.file.path) }) {
            if let first = entities[entity.kind]?[entity.id] {
                let position = first.file.position(of: first.idNode.span.start)
                diagnostics.append(Diagnostic(
                    code: ModelCode.duplicateID, message: "duplicate \(entity.kind.displayName) id '\(entity.id)'",
                    file: entity.file, span: entity.idNode.span, label: "already used",
                    secondary: [DiagnosticLabel(span: first.idNode.span, message: "first defined here", file: first.file)],
                    notes: ["first defined in \(first.file.path):\(position.line):\(position.column)"],
                    help: "give each \(entity.kind.displayName) its own id", pointer: "/id"))
                duplicates.append(entity)
                continue
            }
            entities[entity.kind, default: [:]][entity.id] = entity
            ordered.append(entity)
            byKind[entity.kind, default: []].append(entity)
        }
    }
}

/// Diagnostic codes of the model: ids and references (`PW2xxx`).
public enum ModelCode {
    public static let duplicateID = DiagnosticCode("PW2001", "duplicate-id")
    public static let unknownReference = DiagnosticCode("PW2002", "unknown-reference")
    public static let wrongKindReference = DiagnosticCode("PW2003", "wrong-kind-reference")
    public static let unknownKind = DiagnosticCode("PW2004", "unknown-kind")
    public static let missingKind = DiagnosticCode("PW2005", "missing-kind")
    public static let alignmentCycle = DiagnosticCode("PW2006", "alignment-cycle")
    public static let notAMapping = DiagnosticCode("PW2007", "not-a-mapping")

    public static let all = [duplicateID, unknownReference, wrongKindReference, unknownKind, missingKind, alignmentCycle, notAMapping]
}
