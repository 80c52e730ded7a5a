struct UnitMismatchRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4004", name: "unit-mismatch", severity: .error, axis: .measurable,
        summary: "a key result whose baseline, target and check-ins mix percentages and plain numbers",
        why: "42% and 42 are different quantities: progress between them cannot be computed, and one of them is a typo.",
        fix: "write every value of the key result the same way: all with %, or none",
        bad: [RuleExample(OKRExamples.with([("baseline: 30\n", "baseline: ↓30%\n")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for result in okr.keyResults {
            guard let target = result.target else { continue }
            // Values are parsed already: look up nodes and build pointers only for a mismatch.
            var mismatch: (node: Node?, pointer: String, quantity: Quantity)?
            if let baseline = result.baseline, baseline.percent != target.percent {
                mismatch = (result.node[.baseline], result.pointer + "/baseline", baseline)
            } else if let index = result.checkins.firstIndex(where: { $0.value.map { $0.percent != target.percent } ?? false }) {
                mismatch = (result.checkins[index].node[.value], result.pointer + "/checkins/\(index)/value", result.checkins[index].value!)
            }
            guard let mismatch else { continue }
            findings.append(okr.finding(
                mismatch.node, mismatch.pointer,
                "key result '\(result.id)' mixes \(target.percent ? "a percentage target" : "a plain-number target") (\(target.text)) with \(mismatch.quantity.text)",
                label: target.percent ? "not a percentage" : "a percentage",
                help: "write every value of the key result the same way: all with %, or none"))
        }
        return findings
    }
}
