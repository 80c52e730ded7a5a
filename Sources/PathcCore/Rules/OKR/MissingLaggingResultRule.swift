struct MissingLaggingResultRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4007", name: "missing-lagging-result", severity: .warning, axis: .measurable,
        summary: "an OKR with no lagging key result, so nothing measures the business impact",
        why: "Activity and behaviour matter because of what they change; without a lagging result no one checks that they did.",
        fix: "add the business result the OKR should change, with 'indicator: lagging'",
        bad: [RuleExample(OKRExamples.with([("indicator: lagging", "indicator: leading"), OKRExamples.markKeyResults]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let results = okr.keyResults
        guard !results.isEmpty, !results.contains(where: { $0.indicator == "lagging" }) else { return [] }
        return [okr.finding(okr.root[.keyResults], "/key_results", "OKR '\(okr.id)' has no lagging key result",
                            label: "all leading", help: "add the business result the OKR should change, with 'indicator: lagging'")]
    }
}
