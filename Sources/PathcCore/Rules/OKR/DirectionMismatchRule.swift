struct DirectionMismatchRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4003", name: "direction-mismatch", severity: .error, axis: .measurable,
        summary: "a key result whose direction contradicts its baseline and target (decrease with a target above the baseline)",
        why: "Either the direction or the numbers are wrong, and progress will be computed the wrong way round.",
        fix: "correct the direction, or swap the baseline and target if they were entered the wrong way",
        bad: [RuleExample(OKRExamples.with([("target: 8\n", "target: 8\n    direction: ↓increase\n")]))],
        good: [RuleExample(OKRExamples.with([("target: 8\n", "target: 8\n    direction: decrease\n")]))])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        okr.keyResults.compactMap { result in
            guard let direction = result.direction, let baseline = result.baseline, let target = result.target else { return nil }
            let contradicts = (direction == "increase" && target.value < baseline.value)
                || (direction == "decrease" && target.value > baseline.value)
                || (direction == "maintain" && target.value != baseline.value)
            guard contradicts else { return nil }
            let implied = target.value > baseline.value ? "increase" : target.value < baseline.value ? "decrease" : "maintain"
            return okr.finding(result.node[.direction], result.pointer + "/direction",
                               "key result '\(result.id)' says \(direction), but goes from \(baseline.text) to \(target.text)",
                               label: "contradicts baseline and target",
                               help: "write 'direction: \(implied)', or correct the baseline and target")
        }
    }
}
