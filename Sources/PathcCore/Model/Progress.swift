/// How many days a review cadence allows between check-ins.
func cadenceDays(_ cadence: String?) -> Int {
    switch cadence {
    case "weekly": return 7
    case "biweekly": return 14
    case "quarterly": return 92
    default: return 31
    }
}

/// A key result's latest value and its straight-line projection to the due date.
struct Progress {
    let baseline: Double
    let target: Double
    let latest: (date: CalendarDate, value: Double)?
    let start: CalendarDate
    let due: CalendarDate

    init?(_ result: KeyResult, cycle: Cycle) {
        guard let baseline = result.baseline, let target = result.target else { return nil }
        self.baseline = baseline.value
        self.target = target.value
        start = cycle.start
        due = result.due ?? cycle.end
        var latest: (CalendarDate, Double)?
        for checkin in result.checkins {
            guard let date = checkin.date, let value = checkin.value?.value else { continue }
            if latest == nil || date >= latest!.0 { latest = (date, value) }
        }
        self.latest = latest
    }

    /// Where the line from the baseline at the cycle's start through the latest check-in reaches by the due date.
    var projected: Double? {
        guard let latest, latest.date > start else { return nil }
        let slope = (latest.value - baseline) / Double(latest.date.dayNumber - start.dayNumber)
        return latest.value + slope * Double(due.dayNumber - latest.date.dayNumber)
    }

    /// Share of the way from baseline to target, 0-100 (not clamped above).
    var percent: Double? {
        guard let latest, target != baseline else { return nil }
        return max(0, (latest.value - baseline) / (target - baseline) * 100)
    }

    var done: Bool {
        guard let latest else { return false }
        return target >= baseline ? latest.value >= target : latest.value <= target
    }

    /// The projection misses the target in the key result's direction.
    var atRisk: Bool {
        guard !done, let projected else { return false }
        return target >= baseline ? projected < target : projected > target
    }
}
