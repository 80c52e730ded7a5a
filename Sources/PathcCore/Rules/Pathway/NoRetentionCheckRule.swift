struct NoRetentionCheckRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5005", name: "no-retention-check", severity: .warning, axis: .measurable,
        summary: "a pathway with no assessment spaced after its last stage",
        why: "Skills fade without use: only an assessment weeks after the pathway ends shows whether the change lasted.",
        fix: "add 'retention:' with an assessment and 'after:' a duration such as 3m",
        bad: [RuleExample(PathwayExamples.with([("retention: {type: retention, method: rubric, rubric: diagnosis-rubric, after: 3m}", ""), PathwayExamples.markTitle]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard pathway.root[.retention]?.mapping == nil else { return [] }
        return [pathway.finding(pathway.root[.title], "/title", "pathway '\(pathway.id)' never checks that the skill was retained",
                                label: "no 'retention'", help: "add 'retention:' with an assessment and 'after:' a duration such as 3m")]
    }
}
