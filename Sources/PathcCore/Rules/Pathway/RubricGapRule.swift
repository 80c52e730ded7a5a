import Foundation

struct RubricGapRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5010", name: "rubric-gap", severity: .error, axis: .measurable,
        summary: "a rubric criterion missing a descriptor for a scale level (or with more descriptors than levels)",
        why: "An assessor needs an observable descriptor at every level, or two assessors will score the same work differently.",
        fix: "write one descriptor per scale level, lowest first",
        bad: [RuleExample(Self.rubric.replacingOccurrences(of: "\n      - Names the cause with evidence and rules out two alternatives", with: "")
                                     .replacingOccurrences(of: "descriptors:\n      - ", with: "descriptors:\n      ↓- "))],
        good: [RuleExample(Self.rubric)])
    let kinds: Set<EntityKind> = [.rubric]

    static let rubric = """
        kind: rubric
        id: diagnosis-rubric
        title: Ticket diagnosis
        scale: [Emerging, Proficient, Exemplary]
        calibrated: 2026-06-01
        criteria:
          - id: cause
            name: Finding the cause
            descriptors:
              - Names a cause without evidence from the ticket
              - Names the cause with two pieces of evidence from the ticket
              - Names the cause with evidence and rules out two alternatives
        """

    func check(_ rubric: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let levels = rubric.items(.scale).count
        guard levels > 0 else { return [] }
        return rubric.items(.criteria).enumerated().compactMap { index, criterion in
            let count = (criterion[.descriptors]?.sequence ?? []).count
            guard count != levels else { return nil }
            let id = criterion[.id]?.string ?? "#\(index + 1)"
            return rubric.finding(criterion[.descriptors] ?? criterion, "/criteria/\(index)/descriptors",
                                  "criterion '\(id)' has \(count) descriptor\(count == 1 ? "" : "s") for a scale of \(levels) levels",
                                  label: count < levels ? "missing descriptors" : "too many descriptors",
                                  help: "write one descriptor per scale level, lowest first")
        }
    }
}
