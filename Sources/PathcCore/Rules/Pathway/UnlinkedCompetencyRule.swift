struct UnlinkedCompetencyRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5009", name: "unlinked-competency", severity: .info, axis: nil,
        summary: "a competency that supports no strategic OKR",
        why: "Competencies matter because they serve the strategy; one linked to no strategic OKR may be a nice-to-have.",
        fix: "add 'supports:' with the strategic OKRs the competency serves",
        bad: [RuleExample(LevelOutOfRangeRule.competency.replacingOccurrences(of: "name: Ticket diagnosis", with: "name: ↓Ticket diagnosis"))],
        good: [RuleExample(LevelOutOfRangeRule.competency + "\nsupports: [support-speed]\n---\n" + OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.competency]

    func check(_ competency: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let strategic = competency.items(.supports).contains { item in
            item.string.flatMap { context.model.entity(.okr, $0) }?.level == "strategic"
        }
        guard !strategic else { return [] }
        return [competency.finding(competency.root[.name], "/name", "competency '\(competency.id)' supports no strategic OKR",
                                   label: "not linked to strategy", help: "add 'supports:' with the strategic OKRs it serves")]
    }
}
