import Foundation

struct StaleCheckinRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW6001", name: "stale-checkin", severity: .warning, axis: nil,
        summary: "an OKR in its current cycle whose last check-in is older than its review cadence allows",
        why: "Check-ins are how a team notices a target slipping while there is still time; a silent key result is a surprise waiting for the end of the cycle.",
        fix: "add a check-in with today's value, or change the review cadence to the one the team keeps",
        bad: [RuleExample(OKRExamples.with([("{date: 2026-08-14, value: 17}", "{date: 2026-07-02, value: 17}"),
                                            ("{date: 2026-07-31, value: 22}", "{date: 2026-07-01, value: 22}")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let cycle = okr.cycle, cycle.contains(context.today) else { return [] }
        let allowed = cadenceDays(okr.root["review"]?["cadence"]?.string)
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
            let node = latest.map { result.checkins[$0.index].node } ?? result.node["id"] ?? result.node
            findings.append(okr.finding(
                node, result.pointer + (latest.map { "/checkins/\($0.index)" } ?? ""),
                !hasDates ? "key result '\(result.id)' has no check-in \(age) days into the cycle"
                    : "key result '\(result.id)' was last checked in \(age) days ago, on \(last)",
                label: "stale", help: "add a check-in with the current value; the review cadence allows \(allowed) days between check-ins"))
        }
        return findings
    }
}

struct AtRiskRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW6002", name: "at-risk", severity: .info, axis: nil,
        summary: "a key result whose straight-line projection from baseline through its check-ins misses the target by the due date",
        why: "A projection is crude, but it flags early which targets need attention or a conversation about the plan.",
        fix: "discuss the key result at the next review: change the approach, or agree a new target",
        bad: [RuleExample(OKRExamples.with([("value: 22", "value: 29"), ("value: 17", "value: 28")]))],
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
            let unit = target.percent ? "%" : (result.node["unit"]?.string).map { " " + $0 } ?? ""
            return okr.finding(result.node["target"], result.pointer + "/target",
                               "key result '\(result.id)' is on course for \(number)\(unit) by \(progress.due), short of its target \(target.text)\(target.percent ? "" : unit)",
                               label: "projected to miss", help: "discuss it at the next review: change the approach, or agree a new target")
        }
    }
}

struct UncalibratedRubricRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW6003", name: "uncalibrated-rubric", severity: .info, axis: nil,
        summary: "a rubric never calibrated among its assessors, or not in the last 12 months",
        why: "Assessors drift apart in how they read the same descriptors; a yearly calibration session keeps scores comparable.",
        fix: "hold a calibration session and record its date in 'calibrated:'",
        bad: [RuleExample(RubricGapRule.rubric.replacingOccurrences(of: "calibrated: 2026-06-01\n", with: ""))],
        good: [RuleExample(RubricGapRule.rubric)])
    let kinds: Set<EntityKind> = [.rubric]

    func check(_ rubric: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let node = rubric.root["calibrated"] else {
            return [rubric.finding(rubric.root["title"], "/title", "rubric '\(rubric.id)' has never been calibrated",
                                   label: "no 'calibrated'", help: "hold a calibration session among the assessors and record its date in 'calibrated:'")]
        }
        guard let date = node.string.flatMap(CalendarDate.init), context.today.dayNumber - date.dayNumber > 365 else { return [] }
        return [rubric.finding(node, "/calibrated", "rubric '\(rubric.id)' was last calibrated on \(date), over a year ago",
                               label: "over 12 months", help: "hold a calibration session among the assessors and update 'calibrated:'")]
    }
}

let progressRules: [any ModelRule] = [StaleCheckinRule(), AtRiskRule(), UncalibratedRubricRule()]
