struct IncompleteTriadRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5002", name: "incomplete-triad", severity: .warning, axis: nil,
        summary: "a stage without practice, without coaching, or without an assessment",
        why: "Skills grow when practice on real work, coaching and assessment come together in every stage; a stage missing one of them leaves the learner guessing.",
        fix: "give the stage practice tasks, a coaching cadence and at least one assessment",
        bad: [RuleExample(PathwayExamples.with([("    coaching: {cadence: weekly, format: one-to-one}\n    assessments:\n      - {type: formative, method: observation}\n", ""), ("- id: shadow", "- id: ↓shadow")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        pathway.indexedStages.compactMap { stage in
            var missing: [String] = []
            if (stage.node[.practice]?.sequence ?? []).isEmpty { missing.append("practice") }
            if stage.node[.coaching]?.mapping == nil { missing.append("coaching") }
            if (stage.node[.assessments]?.sequence ?? []).isEmpty { missing.append("an assessment") }
            guard !missing.isEmpty else { return nil }
            let id = stage.node[.id]?.string ?? "#\(stage.index + 1)"
            return pathway.finding(stage.node[.id] ?? stage.node, "/stages/\(stage.index)",
                                   "stage '\(id)' has no \(missing.joined(separator: " and no "))", label: "incomplete stage",
                                   help: "give every stage practice tasks, a coaching cadence and at least one assessment")
        }
    }
}
