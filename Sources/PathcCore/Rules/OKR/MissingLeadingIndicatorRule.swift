struct MissingLeadingIndicatorRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4006", name: "missing-leading-indicator", severity: .warning, axis: .measurable,
        summary: "an OKR with no leading key result, so nothing shows progress during the cycle",
        why: "Lagging results arrive at the end of the cycle; a leading indicator (practice done, behaviour observed) shows within weeks whether they will.",
        fix: "add a key result that moves during the cycle, with 'indicator: leading'",
        bad: [RuleExample(OKRExamples.with([("indicator: leading", "indicator: lagging"), OKRExamples.markKeyResults]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let results = okr.keyResults
        guard !results.isEmpty, !results.contains(where: { $0.indicator == "leading" }) else { return [] }
        return [okr.finding(okr.root[.keyResults], "/key_results", "OKR '\(okr.id)' has no leading key result",
                            label: "all lagging", help: "add a key result that moves during the cycle, with 'indicator: leading'")]
    }
}
