import Foundation

/// The checks that need the whole repository: every reference resolves to an entity of the
/// right kind, and OKR alignment has no cycles. (Alignment levels and competency levels are
/// rules: unaligned-okr and level-out-of-range.)
struct ModelChecks: Sendable {
    let model: Model
    var diagnostics: [Diagnostic] = []
    /// When the model holds only part of the repository (`check --since`): the ids of a kind in
    /// the whole repository, for the suggestions of unknown references.
    var knownIDs: KnownIDs?
    /// The repository's alignment cycles, each from its smallest id (`RepositoryFacts`).
    let cycles: [[String]]
    /// Files with errors that kept them out of the model, by the kind and id they declare
    /// (`kind:id`): a reference to that id is not unknown, its file is broken.
    var brokenFiles: [String: SourceFile] = [:]
    /// When only some files' findings are wanted (the model holds the files they need as well):
    /// their paths as shown. The references of the other files are not checked.
    var reportsOn: Set<String>?

    init(model: Model, cycles: [[String]]) {
        self.model = model
        self.cycles = cycles
    }

    mutating func run() {
        // References entity by entity, on all cores; the results in the model's order.
        let frozen = self
        let reported = reportsOn.map { wanted in model.ordered.filter { wanted.contains($0.file.path) } } ?? model.ordered
        let found = parallelMap(reported) { entity -> [Diagnostic] in
            var checks = frozen
            checks.diagnostics = []
            checks.checkReferences(entity)
            return checks.diagnostics
        }
        for list in found { diagnostics += list }
        checkAlignmentCycles()
    }

    // MARK: - References

    private mutating func checkReferences(_ entity: Entity) {
        for annotation in entity.annotations {
            guard let kindName = annotation.referenceKind, let scalar = annotation.node.scalar,
                  case .string(let reference) = scalar.value else { continue }
            if kindName == "key-result" {
                checkKeyResultReference(reference, annotation, in: entity)
            } else if let kind = EntityKind(rawValue: kindName) {
                checkReference(reference, kind: kind, annotation, in: entity)
            }
        }
    }

    /// `written` is the reference as its value holds it, given the id: the id itself, or for a
    /// key result's OKR, `id/kr`.
    private mutating func checkReference(_ id: String, kind: EntityKind, _ annotation: SchemaAnnotation, in entity: Entity,
                                         written: (String) -> String = { $0 }) {
        if model.entity(kind, id) != nil { return }
        if let other = EntityKind.allCases.first(where: { $0 != kind && model.entity($0, id) != nil }) {
            diagnostics.append(Diagnostic(
                code: ModelCode.wrongKindReference, message: "'\(id)' is \(other.withArticle), not \(kind.withArticle)",
                file: entity.file, span: annotation.node.span, label: "expected \(kind.withArticle)",
                help: "refer to \(kind.withArticle) here", pointer: annotation.pointer))
            return
        }
        if let broken = brokenFiles["\(kind.rawValue):\(id)"] {
            diagnostics.append(Diagnostic(
                code: ModelCode.unknownReference, message: "\(kind.displayName) '\(id)' is defined in \(broken.path), which has errors",
                file: entity.file, span: annotation.node.span, label: "defined in a file with errors",
                help: "fix the errors in \(broken.path) first; this reference then resolves", pointer: annotation.pointer))
            return
        }
        let known = knownIDs.map { $0[kind] } ?? model.entities[kind].map { Array($0.keys) } ?? []
        let suggestion = Suggestion.closest(to: id, in: known)
        let fix = suggestion.flatMap { Suggestion.unambiguous(to: id, in: known) == $0 ? Fix.replacing(annotation.node, with: written($0), in: entity.file) : nil }
        diagnostics.append(Diagnostic(
            code: ModelCode.unknownReference, message: "unknown \(kind.displayName) '\(id)'",
            file: entity.file, span: annotation.node.span, label: "no \(kind.displayName) has this id",
            help: suggestion.map { "did you mean '\(written($0))'?" } ?? (known.isEmpty
                ? "add \(kind.withArticle) with this id under the content folder"
                : "use the id of an existing \(kind.displayName), or add one"),
            pointer: annotation.pointer, fixes: fix.map { [$0] } ?? []))
    }

    private mutating func checkKeyResultReference(_ reference: String, _ annotation: SchemaAnnotation, in entity: Entity) {
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        guard let okr = model.entity(.okr, parts[0]) else {
            checkReference(parts[0], kind: .okr, annotation, in: entity, written: { "\($0)/\(parts[1])" })
            return
        }
        let keyResults = okr.root[.keyResults]?.sequence ?? []
        let ids = keyResults.compactMap { $0[.id]?.scalar?.text }
        guard !ids.contains(parts[1]) else { return }
        let suggestion = Suggestion.closest(to: parts[1], in: ids)
        let fix = suggestion.flatMap {
            Suggestion.unambiguous(to: parts[1], in: ids) == $0 ? Fix.replacing(annotation.node, with: "\(parts[0])/\($0)", in: entity.file) : nil
        }
        diagnostics.append(Diagnostic(
            code: ModelCode.unknownReference, message: "OKR '\(parts[0])' has no key result '\(parts[1])'",
            file: entity.file, span: annotation.node.span, label: "no such key result",
            help: suggestion.map { "did you mean '\(parts[0])/\($0)'?" }
                ?? (ids.isEmpty ? "add the key result to the OKR" : "its key results are \(ids.joined(separator: ", "))"),
            pointer: annotation.pointer, fixes: fix.map { [$0] } ?? []))
    }

    // MARK: - Alignment

    /// A cycle of `aligned_to` links, reported once, at the OKR with the smallest id in it.
    private mutating func checkAlignmentCycles() {
        for ordered in cycles {
            guard let first = ordered.first, let okr = model.entity(.okr, first) else { continue }
            let targets = okr.root[.alignedTo]?.sequence ?? []
            let next = ordered.count > 1 ? ordered[1] : first
            let index = targets.firstIndex { $0.scalar?.text == next } ?? 0
            diagnostics.append(Diagnostic(
                code: ModelCode.alignmentCycle,
                message: "OKR alignment forms a cycle: \((ordered + [first]).joined(separator: " -> "))",
                file: okr.file, span: targets.indices.contains(index) ? targets[index].span : okr.idNode.span,
                label: "closes the cycle", help: "alignment must lead up to strategy: remove one of these links",
                pointer: "/aligned_to/\(index)"))
        }
    }
}

/// The ids of each kind in the whole repository when the model holds only part of it, worked
/// out on first use: only the suggestion for an unknown reference needs them, and most checks
/// have none.
final class KnownIDs: @unchecked Sendable {
    // The lock guards `computed`: the model's checks run on all cores.
    private let lock = NSLock()
    private var computed: [EntityKind: [String]]?
    private let compute: () -> [EntityKind: [String]]

    init(_ compute: @escaping () -> [EntityKind: [String]]) {
        self.compute = compute
    }

    subscript(kind: EntityKind) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if computed == nil { computed = compute() }
        return computed?[kind] ?? []
    }
}

extension ModelChecks {
    /// The kind and id a file declares on lines of its own (`kind: competency`, `id: x`), read
    /// from its text: for a file whose errors kept it from being parsed or validated.
    static func declaredIdentity(of file: SourceFile) -> String? {
        var kind: String?, id: String?
        for line in String(decoding: file.bytes.prefix(64 << 10), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            func value(after key: String) -> String? {
                guard line.hasPrefix(key) else { return nil }
                var text = line.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
                if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
                return text.trimmingCharacters(in: CharacterSet(charactersIn: "'\"\r "))
            }
            if kind == nil, let found = value(after: "kind:") { kind = found }
            if id == nil, let found = value(after: "id:") { id = found }
            if let kind, let id { return "\(kind):\(id)" }
        }
        return nil
    }
}
