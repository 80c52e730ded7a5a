struct NoSuccessCriteriaRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5003", name: "no-success-criteria", severity: .error, axis: .measurable,
        summary: "a practice task with no success criteria",
        why: "Without criteria neither the learner nor the coach knows what good looks like, so practice cannot be corrected.",
        fix: "add 'success_criteria:' with at least one observable standard",
        bad: [RuleExample(PathwayExamples.with([("        success_criteria: [Resolves 18 of 20 tickets without escalation]\n", ""), ("task: Resolve 20", "task: ↓Resolve 20")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for stage in pathway.indexedStages {
            for (index, practice) in (stage.node[.practice]?.sequence ?? []).enumerated()
            where (practice[.successCriteria]?.sequence ?? []).isEmpty {
                findings.append(pathway.finding(practice[.task] ?? practice, "/stages/\(stage.index)/practice/\(index)",
                                                "practice task has no success criteria", label: "no 'success_criteria'",
                                                help: "add 'success_criteria:' with at least one observable standard"))
            }
        }
        return findings
    }
}
