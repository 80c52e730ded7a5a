struct StaleCheckinRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW6001", name: "stale-checkin", severity: .warning, axis: nil,
        summary: "an OKR in its current cycle whose last check-in is older than its review cadence allows",
        why: "Check-ins are how a team notices a target slipping while there is still time; a silent key result is a surprise waiting for the end of the cycle.",
        fix: "add a check-in with today's value, or change the review cadence to the one the team keeps",
        bad: [RuleExample(OKRExamples.with([("{date: 2026-08-14, value: 17}", "↓{date: 2026-07-02, value: 17}"),
                                            ("{date: 2026-07-31, value: 22}", "{date: 2026-07-01, value: 22}")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let cycle = okr.cycle, cycle.contains(context.today) else { return [] }
        let allowed = cadenceDays(okr.root[.review]?[.cadence]?.string)
        var findings: [Finding] = []
        for result in okr.keyResults {
            var latest: (date: CalendarDate, index: Int)?
            for (index, checkin) in result.checkins.enumerated() {
                if let date = checkin.date, latest == nil || date > latest!.date { latest = (date, index) }
            }
            let hasDates = latest != nil
            let last = latest?.date ?? cycle.start
            let age = context.today.dayNumber - last.dayNumber
            guard age > allowed else { continue }
            // At the last check-in, where the next one goes; at the key result when there is none.
            let node = latest.map { result.checkins[$0.index].node } ?? result.node[.id] ?? result.node
            findings.append(okr.finding(
                node, result.pointer + (latest.map { "/checkins/\($0.index)" } ?? ""),
                !hasDates ? "key result '\(result.id)' has no check-in \(age) days into the cycle"
                    : "key result '\(result.id)' was last checked in \(age) days ago, on \(last)",
                label: "stale", help: "add a check-in with the current value; the review cadence allows \(allowed) days between check-ins"))
        }
        return findings
    }
}
