/// Where a key result stands on the evaluation date (outputs.md).
enum KeyResultStatus: String, Sendable, CaseIterable {
    case done
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case stale
    case noData = "no-data"

    /// Words and a symbol, so that colour is never the only carrier of the status.
    var label: String {
        switch self {
        case .done: return "Done"
        case .onTrack: return "On track"
        case .atRisk: return "At risk"
        case .stale: return "Stale"
        case .noData: return "No data"
        }
    }

    var symbol: String {
        switch self {
        case .done: return "✓"
        case .onTrack: return "●"
        case .atRisk: return "▲"
        case .stale: return "◷"
        case .noData: return "–"
        }
    }
}

/// A key result's progress from baseline to target, its latest check-in and its status.
///
/// The status, first match wins: `done` when the latest value has reached the target; `no-data`
/// without a dated check-in; `stale` when the cycle is running and the last check-in is older
/// than the review cadence allows (the stale-checkin rule's test); `at-risk` when the straight
/// line from the baseline through the latest check-in misses the target by the due date (the
/// at-risk rule's test); otherwise `on-track`.
struct KeyResultProgress: Sendable {
    let keyResult: KeyResult
    let status: KeyResultStatus
    /// Share of the way from baseline to target, 0 to 100 (clamped), when there is a check-in.
    let percent: Double?
    let latest: (date: CalendarDate, value: Quantity)?
    /// Where the straight line reaches by the due date.
    let projected: Double?
    let start: CalendarDate?
    let due: CalendarDate?
    /// The date the status is evaluated on, which the chart marks.
    let today: CalendarDate

    init(_ result: KeyResult, cycle: Cycle?, cadence: String?, today: CalendarDate) {
        self.today = today
        keyResult = result
        var latest: (date: CalendarDate, value: Quantity)?
        for checkin in result.checkins {
            guard let date = checkin.date, let value = checkin.value else { continue }
            if latest == nil || date >= latest!.date { latest = (date, value) }
        }
        self.latest = latest
        start = cycle?.start
        due = result.due ?? cycle?.end
        let progress = cycle.flatMap { Progress(result, cycle: $0) }
        projected = progress?.projected
        percent = progress?.percent.map { min(100, $0) }
        if progress?.done == true {
            status = .done
        } else if latest == nil {
            status = .noData
        } else if let cycle, cycle.contains(today), today.dayNumber - latest!.date.dayNumber > cadenceDays(cadence) {
            status = .stale
        } else if progress?.atRisk == true {
            status = .atRisk
        } else {
            status = .onTrack
        }
    }
}
