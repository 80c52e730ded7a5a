struct TargetEqualsBaselineRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4002", name: "target-equals-baseline", severity: .error, axis: .measurable,
        summary: "a key result whose target equals its baseline while its direction is increase or decrease",
        why: "A target that is already met asks for no change: the key result is done before the cycle starts.",
        fix: "set the target the cycle should reach, or make the direction maintain",
        bad: [RuleExample(OKRExamples.with([("target: 8\n", "target: ↓30\n    direction: decrease\n")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        okr.keyResults.compactMap { result in
            guard let baseline = result.baseline, let target = result.target, baseline == target,
                  let direction = result.direction, direction == "increase" || direction == "decrease" else { return nil }
            return okr.finding(result.node[.target], result.pointer + "/target",
                               "key result '\(result.id)' has target \(target.text) equal to its baseline, yet its direction is \(direction)",
                               label: "same as the baseline", help: "set the target the cycle should reach, or make the direction maintain")
        }
    }
}
