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
        return [okr.finding(okr.root[.objective] ?? okr.idNode, okr.root[.objective] != nil ? "/objective" : "/id",
                            "strategic OKR '\(okr.id)' has nothing that develops people for it", label: "unsupported",
                            help: "align a developmental OKR to it, name its key results in a pathway's 'drives', or list it in a competency's 'supports'")]
    }
}
