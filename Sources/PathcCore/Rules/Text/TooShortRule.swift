struct TooShortRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3005", name: "too-short", severity: .warning, axis: .specific,
        summary: "an objective under 4 words (the limit is `thresholds.objective_min_words` in pathc.yaml)",
        why: """
            Two or three words ("Grow revenue", "Better onboarding") leave out who does what: such an \
            objective reads as a slogan and cannot guide anyone's work.
            """,
        fix: "say who does what, and the outcome it leads to",
        bad: [RuleExample("↓Grow revenue", field: .objective), RuleExample("↓Better onboarding", field: .objective)],
        good: [RuleExample("Support engineers resolve routine tickets without escalation", field: .objective)])
    let fields: Set<StatementField> = [.objective]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let limit = context.config.objectiveMinWords
        let count = statement.analysis.wordCount
        guard count < limit else { return [] }
        return [statement.finding(at: nil, "the objective has \(count) word\(count == 1 ? "" : "s"), under the minimum of \(limit)",
                                  label: "too short", help: "say who does what, and the outcome it leads to")]
    }
}
