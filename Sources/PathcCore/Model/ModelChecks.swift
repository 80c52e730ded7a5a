/// The checks that need the whole repository: every reference resolves to an entity of the
/// right kind, OKRs align upwards without cycles, and competency levels exist.
struct ModelChecks {
    let model: Model
    var diagnostics: [Diagnostic] = []

    init(model: Model) {
        self.model = model
    }

    mutating func run() {
        for entity in model.ordered {
            checkReferences(entity)
            switch entity.kind {
            case .okr: checkAlignment(entity)
            case .role: checkRoleLevels(entity)
            case .pathway: checkPathwayLevels(entity)
            default: break
            }
        }
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

    private mutating func checkReference(_ id: String, kind: EntityKind, _ annotation: SchemaAnnotation, in entity: Entity) {
        if model.entity(kind, id) != nil { return }
        if let other = EntityKind.allCases.first(where: { $0 != kind && model.entity($0, id) != nil }) {
            diagnostics.append(Diagnostic(
                code: ModelCode.wrongKindReference, message: "'\(id)' is \(other.withArticle), not \(kind.withArticle)",
                file: entity.file, span: annotation.node.span, label: "expected \(kind.withArticle)",
                help: "refer to \(kind.withArticle) here", pointer: annotation.pointer))
            return
        }
        let known = model.entities[kind].map { Array($0.keys) } ?? []
        let suggestion = Suggestion.closest(to: id, in: known)
        diagnostics.append(Diagnostic(
            code: ModelCode.unknownReference, message: "unknown \(kind.displayName) '\(id)'",
            file: entity.file, span: annotation.node.span, label: "no \(kind.displayName) has this id",
            help: suggestion.map { "did you mean '\($0)'?" } ?? (known.isEmpty
                ? "add \(kind.withArticle) with this id under the content folder"
                : "use the id of an existing \(kind.displayName), or add one"),
            pointer: annotation.pointer))
    }

    private mutating func checkKeyResultReference(_ reference: String, _ annotation: SchemaAnnotation, in entity: Entity) {
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        guard let okr = model.entity(.okr, parts[0]) else {
            checkReference(parts[0], kind: .okr, annotation, in: entity)
            return
        }
        let keyResults = okr.root["key_results"]?.sequence ?? []
        let ids = keyResults.compactMap { $0["id"]?.scalar?.text }
        guard !ids.contains(parts[1]) else { return }
        let suggestion = Suggestion.closest(to: parts[1], in: ids)
        diagnostics.append(Diagnostic(
            code: ModelCode.unknownReference, message: "OKR '\(parts[0])' has no key result '\(parts[1])'",
            file: entity.file, span: annotation.node.span, label: "no such key result",
            help: suggestion.map { "did you mean '\(parts[0])/\($0)'?" }
                ?? (ids.isEmpty ? "add the key result to the OKR" : "its key results are \(ids.joined(separator: ", "))"),
            pointer: annotation.pointer))
    }

    // MARK: - Alignment

    static func rank(_ level: String?) -> Int? {
        switch level {
        case "strategic": return 0
        case "team": return 1
        case "developmental": return 2
        default: return nil
        }
    }

    private mutating func checkAlignment(_ okr: Entity) {
        guard let rank = Self.rank(okr.text("level")) else { return }
        let targets = okr.root["aligned_to"]?.sequence ?? []
        if rank > 0 && targets.isEmpty {
            let node = okr.root["aligned_to"] ?? okr.root["level"] ?? okr.idNode
            diagnostics.append(Diagnostic(
                code: ModelCode.unaligned, message: "\(okr.text("level") ?? "") OKR '\(okr.id)' is not aligned to any higher-level OKR",
                file: okr.file, span: node.span, label: "no 'aligned_to'",
                help: "add 'aligned_to: [OKR-ID]' naming the \(rank == 1 ? "strategic" : "team or strategic") OKR it serves",
                pointer: okr.root["aligned_to"] != nil ? "/aligned_to" : "/level"))
            return
        }
        for (index, target) in targets.enumerated() {
            guard let id = target.scalar?.text, let parent = model.entity(.okr, id), let parentRank = Self.rank(parent.text("level")) else { continue }
            if parentRank >= rank {
                diagnostics.append(Diagnostic(
                    code: ModelCode.unaligned,
                    message: "\(okr.text("level") ?? "") OKR '\(okr.id)' is aligned to '\(id)', \(parentRank == rank ? "an OKR of the same level" : "a lower-level OKR") (\(parent.text("level") ?? ""))",
                    file: okr.file, span: target.span, label: "must be a higher level",
                    help: rank == 0 ? "a strategic OKR aligns to nothing: remove 'aligned_to'" : "align it to \(rank == 1 ? "a strategic" : "a team or strategic") OKR",
                    pointer: "/aligned_to/\(index)"))
            }
        }
    }

    /// A cycle of `aligned_to` links, reported once, at the OKR with the smallest id in it.
    private mutating func checkAlignmentCycles() {
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var reported: Set<String> = []
        for okr in model.all(.okr) {
            var stack: [String] = []
            visit(okr.id, &state, &stack, &reported)
        }
    }

    private mutating func visit(_ id: String, _ state: inout [String: Int], _ stack: inout [String], _ reported: inout Set<String>) {
        if state[id] == 2 { return }
        if state[id] == 1 {
            guard let start = stack.firstIndex(of: id) else { return }
            let cycle = Array(stack[start...])
            let first = cycle.min()!
            guard !reported.contains(first), let okr = model.entity(.okr, first) else { return }
            reported.insert(first)
            let ordered = Array(cycle[cycle.firstIndex(of: first)!...] + cycle[..<cycle.firstIndex(of: first)!])
            let targets = okr.root["aligned_to"]?.sequence ?? []
            let next = ordered.count > 1 ? ordered[1] : first
            let index = targets.firstIndex { $0.scalar?.text == next } ?? 0
            diagnostics.append(Diagnostic(
                code: ModelCode.alignmentCycle,
                message: "OKR alignment forms a cycle: \((ordered + [first]).joined(separator: " -> "))",
                file: okr.file, span: targets.indices.contains(index) ? targets[index].span : okr.idNode.span,
                label: "closes the cycle", help: "alignment must lead up to strategy: remove one of these links",
                pointer: "/aligned_to/\(index)"))
            return
        }
        state[id] = 1
        stack.append(id)
        for target in model.entity(.okr, id)?.root["aligned_to"]?.sequence ?? [] {
            if let next = target.scalar?.text, model.entity(.okr, next) != nil { visit(next, &state, &stack, &reported) }
        }
        stack.removeLast()
        state[id] = 2
    }

    // MARK: - Competency levels

    private func definedLevels(_ competencyID: String) -> [Int]? {
        guard let competency = model.entity(.competency, competencyID) else { return nil }
        return (competency.root["levels"]?.sequence ?? []).compactMap {
            if case .int(let level)? = $0["level"]?.scalarValue { return level }
            return nil
        }
    }

    private mutating func checkLevel(_ node: Node?, of competency: String, levels: [Int], in entity: Entity, pointer: String) {
        guard let node, case .int(let level)? = node.scalarValue, !levels.contains(level) else { return }
        diagnostics.append(Diagnostic(
            code: ModelCode.levelOutOfRange, message: "competency '\(competency)' has no level \(level)",
            file: entity.file, span: node.span, label: "not a level of '\(competency)'",
            help: "use one of its levels: \(levels.sorted().map(String.init).joined(separator: ", "))", pointer: pointer))
    }

    private mutating func checkRoleLevels(_ role: Entity) {
        for (index, item) in (role.root["competencies"]?.sequence ?? []).enumerated() {
            guard let id = item["competency"]?.scalar?.text, let levels = definedLevels(id) else { continue }
            checkLevel(item["level"], of: id, levels: levels, in: role, pointer: "/competencies/\(index)/level")
        }
    }

    private mutating func checkPathwayLevels(_ pathway: Entity) {
        for (index, item) in (pathway.root["competencies"]?.sequence ?? []).enumerated() {
            guard let id = item["competency"]?.scalar?.text, let levels = definedLevels(id) else { continue }
            checkLevel(item["from"], of: id, levels: levels, in: pathway, pointer: "/competencies/\(index)/from")
            checkLevel(item["to"], of: id, levels: levels, in: pathway, pointer: "/competencies/\(index)/to")
            if case .int(let from)? = item["from"]?.scalarValue, case .int(let to)? = item["to"]?.scalarValue, from >= to,
               let node = item["to"] {
                diagnostics.append(Diagnostic(
                    code: ModelCode.levelOutOfRange, message: "the pathway takes '\(id)' from level \(from) to level \(to), which is no rise",
                    file: pathway.file, span: node.span, label: "must be above 'from' (\(from))",
                    help: "set 'to' to a level above \(from)", pointer: "/competencies/\(index)/to"))
            }
        }
    }
}
