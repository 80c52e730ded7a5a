struct NoBaselineRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5001", name: "no-baseline", severity: .error, axis: .measurable,
        summary: "a pathway without a baseline assessment",
        why: "Without knowing where people start, no one can tell what the pathway changed, or tailor the stages to the gap.",
        fix: "add 'baseline:' with an assessment, ideally on the rubric the summative assessment uses",
        bad: [RuleExample(PathwayExamples.with([("baseline: {type: baseline, method: rubric, rubric: diagnosis-rubric}\n", ""), PathwayExamples.markTitle]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard pathway.root[.baseline]?.mapping == nil else { return [] }
        return [pathway.finding(pathway.root[.title], "/title", "pathway '\(pathway.id)' has no baseline assessment",
                                label: "no 'baseline'", help: "add 'baseline:' with an assessment of where people start")]
    }
}
