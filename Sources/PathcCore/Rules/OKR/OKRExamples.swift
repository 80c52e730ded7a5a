import Foundation

/// Shared example content for the OKR rules: a clean strategic OKR, and ways to break it.
enum OKRExamples {
    static let clean = """
        kind: okr
        id: support-speed
        level: strategic
        cycle: 2026-Q3
        owner: support-lead
        objective: Support engineers resolve priority tickets within one working day
        review: {cadence: monthly}
        key_results:
          - id: resolution-time
            result: Cut median resolution time from 30 to 8 hours
            metric: median hours from ticket opened to resolved
            baseline: 30
            target: 8
            indicator: lagging
            source: support desk report, weekly
            checkins:
              - {date: 2026-07-31, value: 22}
              - {date: 2026-08-14, value: 17}
          - id: pairing
            result: Each engineer pairs on 4 priority tickets a month
            metric: paired priority tickets per engineer per month
            baseline: 0
            target: 4
            indicator: leading
            source: pairing log, monthly
            checkins:
              - {date: 2026-07-31, value: 2}
              - {date: 2026-08-14, value: 3}
        """

    /// Marks the start of the key results, where a finding about all of them points.
    static let markKeyResults = ("  - id: resolution-time", "  ↓- id: resolution-time")

    /// The clean example with one piece of text replaced.
    static func with(_ replacements: [(String, String)]) -> String {
        replacements.reduce(clean) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}
