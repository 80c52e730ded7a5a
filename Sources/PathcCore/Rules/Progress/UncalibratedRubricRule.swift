import Foundation

struct UncalibratedRubricRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW6003", name: "uncalibrated-rubric", severity: .info, axis: nil,
        summary: "a rubric never calibrated among its assessors, or not in the last 12 months",
        why: "Assessors drift apart in how they read the same descriptors; a yearly calibration session keeps scores comparable.",
        fix: "hold a calibration session and record its date in 'calibrated:'",
        bad: [RuleExample(RubricGapRule.rubric.replacingOccurrences(of: "calibrated: 2026-06-01\n", with: "")
                                            .replacingOccurrences(of: "title: Ticket", with: "title: ↓Ticket"))],
        good: [RuleExample(RubricGapRule.rubric)])
    let kinds: Set<EntityKind> = [.rubric]

    func check(_ rubric: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let node = rubric.root[.calibrated] else {
            return [rubric.finding(rubric.root[.title], "/title", "rubric '\(rubric.id)' has never been calibrated",
                                   label: "no 'calibrated'", help: "hold a calibration session among the assessors and record its date in 'calibrated:'")]
        }
        guard let date = node.string.flatMap(CalendarDate.init), context.today.dayNumber - date.dayNumber > 365 else { return [] }
        return [rubric.finding(node, "/calibrated", "rubric '\(rubric.id)' was last calibrated on \(date), over a year ago",
                               label: "over 12 months", help: "hold a calibration session among the assessors and update 'calibrated:'")]
    }
}
