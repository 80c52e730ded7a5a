struct DueOutsideCycleRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4005", name: "due-outside-cycle", severity: .error, axis: .measurable,
        summary: "a due date or check-in outside the OKR's cycle",
        why: "A key result belongs to its cycle: a date outside it is a typo, or a result that belongs to another OKR.",
        fix: "move the date inside the cycle, or the key result to the OKR of that cycle",
        // Out of the cycle, and so out of order with the check-in after it.
        bad: [RuleExample(OKRExamples.with([("{date: 2026-07-31, value: 22}", "{date: ↓2026-10-02, value: 22}"),
                                            ("{date: 2026-08-14, value: 17}", "{date: ↓2026-08-14, value: 17}")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let cycle = okr.cycle else { return [] }
        let cycleText = cycle.text
        var findings: [Finding] = []
        var range: String { "\(cycle.start) to \(cycle.end)" }
        for result in okr.keyResults {
            if let date = result.due, !cycle.contains(date), let due = result.node[.due] {
                findings.append(okr.finding(due, result.pointer + "/due", "key result '\(result.id)' is due \(date), outside the cycle \(cycleText)",
                                            label: "outside \(range)", help: "use a date from \(range)"))
            }
            var previous: CalendarDate?
            for (index, checkin) in result.checkins.enumerated() {
                guard let date = checkin.date else { continue }
                if !cycle.contains(date), let node = checkin.node[.date] {
                    findings.append(okr.finding(node, result.pointer + "/checkins/\(index)/date",
                                                "check-in of '\(result.id)' on \(date) is outside the cycle \(cycleText)",
                                                label: "outside \(range)", help: "use a date from \(range)"))
                } else if let previous, date < previous, let node = checkin.node[.date] {
                    findings.append(okr.finding(node, result.pointer + "/checkins/\(index)/date",
                                                "check-ins of '\(result.id)' are out of order: \(date) comes after \(previous)",
                                                label: "earlier than the check-in above", help: "list check-ins in date order"))
                }
                previous = max(previous ?? date, date)
            }
        }
        return findings
    }
}
