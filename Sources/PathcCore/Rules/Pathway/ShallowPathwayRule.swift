struct ShallowPathwayRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3010", name: "shallow-pathway", severity: .info, axis: nil,
        summary: "a pathway whose practice never rises above remembering and understanding (Bloom)",
        why: "Listing and describing prepare for the work but are not the work: a pathway should end in applying, analysing, evaluating or creating on real tasks.",
        fix: "add practice where learners apply the skill to real work: resolve, diagnose, present, design",
        bad: [RuleExample(PathwayExamples.with([("task: Resolve 20 routine tickets in the live queue", "task: Describe 20 routine tickets from the live queue"),
                                                 ("task: Reproduce 10 shadowed tickets by following the runbook", "task: List the 10 most common ticket types"),
                                                 ("  - id: shadow", "  ↓- id: shadow")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var levels: [BloomLevel] = []
        for stage in pathway.indexedStages {
            for practice in stage.node[.practice]?.sequence ?? [] {
                guard let task = practice[.task]?.string else { continue }
                let analysis = context.analyses[task] ?? TextAnalysis(task, vocabulary: context.vocabulary)
                if case .observable(let level)? = analysis.mainVerb?.kind { levels.append(level) }
                if case .unobservable? = analysis.mainVerb?.kind { levels.append(.understand) }
            }
        }
        guard let highest = levels.max(), highest <= .understand else { return [] }
        return [pathway.finding(pathway.root[.stages], "/stages",
                                "pathway '\(pathway.id)' never rises above \(highest.rawValue) in its practice",
                                label: "shallow practice", help: "add practice where learners apply the skill to real work: resolve, diagnose, present, design")]
    }
}
