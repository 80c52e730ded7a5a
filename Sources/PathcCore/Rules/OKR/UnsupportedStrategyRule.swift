struct UnsupportedStrategyRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4011", name: "unsupported-strategy", severity: .info, axis: nil,
        summary: "a strategic OKR that no developmental OKR, pathway or competency supports",
        why: "Talent development serves the strategy: a strategic OKR nothing supports is a gap in the plan, or a sign the links are missing.",
        fix: "align a developmental OKR to it, name its key results in a pathway's drives, or list it in a competency's supports",
        bad: [RuleExample(OKRExamples.with([("objective: Support", "objective: ↓Support")]))],
        good: [RuleExample(OKRExamples.clean + """

            ---
            kind: competency
            id: ticket-triage
            name: Ticket triage
            supports: [support-speed]
            levels:
              - {level: 1, name: Guided, behaviors: [Sorts tickets by priority using the runbook]}
              - {level: 2, name: Independent, behaviors: [Sorts tickets by priority without assistance]}
            """)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard okr.level == "strategic", !context.supportedStrategies.contains(okr.id) else { return [] }
        return [okr.finding(okr.root["objective"] ?? okr.idNode, okr.root["objective"] != nil ? "/objective" : "/id",
                            "strategic OKR '\(okr.id)' has nothing that develops people for it", label: "unsupported",
                            help: "align a developmental OKR to it, name its key results in a pathway's 'drives', or list it in a competency's 'supports'")]
    }

    /// Strategic OKRs with support: from competencies, pathways (through the key results they
    /// drive) and developmental OKRs (through their alignment chain).
    static func supported(_ model: Model) -> Set<String> {
        var supported: Set<String> = []
        // Marks an OKR and everything above it; a marked OKR's chain is marked already.
        func markChain(_ id: String) {
            var pending = [id]
            while let next = pending.popLast() {
                guard supported.insert(next).inserted, let okr = model.entity(.okr, next) else { continue }
                for parent in okr.items("aligned_to") { if let parentID = parent.string { pending.append(parentID) } }
            }
        }
        for competency in model.all(.competency) {
            for item in competency.items("supports") { if let id = item.string { supported.insert(id) } }
        }
        for pathway in model.all(.pathway) {
            for item in pathway.items("drives") {
                guard let reference = item.string, let okrID = reference.split(separator: "/").first else { continue }
                markChain(String(okrID))
            }
        }
        // From developmental OKRs' parents: only strategic ids are ever asked about, so the (many)
        // developmental ids need not be hashed into the set; and they share a few parents.
        let parents: [String] = parallelDistinct(model.all(.okr)) { okr, parent in
            guard okr.level == "developmental" else { return }
            for item in okr.items("aligned_to") { if let id = item.string { parent(id) } }
        }
        for parentID in parents { markChain(parentID) }
        return supported
    }

}
