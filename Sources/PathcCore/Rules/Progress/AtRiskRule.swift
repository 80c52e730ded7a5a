import Foundation

struct AtRiskRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW6002", name: "at-risk", severity: .info, axis: nil,
        summary: "a key result whose straight-line projection from baseline through its check-ins misses the target by the due date",
        why: "A projection is crude, but it flags early which targets need attention or a conversation about the plan.",
        fix: "discuss the key result at the next review: change the approach, or agree a new target",
        bad: [RuleExample(OKRExamples.with([("value: 22", "value: 29"), ("value: 17", "value: 28"), ("target: 8\n", "target: ↓8\n")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let cycle = okr.cycle else { return [] }
        return okr.keyResults.compactMap { result in
            guard let progress = Progress(result, cycle: cycle), progress.atRisk, let projected = progress.projected else { return nil }
            let target = result.target!
            // In the target's unit, and with the decimals it takes to differ from the target.
            var decimals = 1
            var shown = (projected * 10).rounded() / 10
            while decimals < 4, shown == target.value {
                decimals += 1
                let scale = pow(10, Double(decimals))
                shown = (projected * scale).rounded() / scale
            }
            let number = decimals == 1 && shown.rounded() == shown ? String(Int(shown)) : String(format: "%.\(decimals)f", shown)
            let unit = target.percent ? "%" : (result.node[.unit]?.string).map { " " + $0 } ?? ""
            return okr.finding(result.node[.target], result.pointer + "/target",
                               "key result '\(result.id)' is on course for \(number)\(unit) by \(progress.due), short of its target \(target.text)\(target.percent ? "" : unit)",
                               label: "projected to miss", help: "discuss it at the next review: change the approach, or agree a new target")
        }
    }
}
