struct TooLongRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3004", name: "too-long", severity: .warning, axis: .specific,
        summary: "an objective over 30 words (the limit is `thresholds.objective_max_words` in pathc.yaml)",
        why: """
            An objective is the one sentence people remember; past thirty words it turns into a plan, \
            and the behaviour it asks for gets lost. The detail belongs in the key results.
            """,
        fix: "keep the behaviour and the outcome in the objective; move conditions, methods and numbers into key results",
        bad: [RuleExample("↓Account executives in every region will resolve customer objections within two interactions using the consultative selling method taught in the spring programme, documenting each objection and its resolution in the CRM so that managers can review them", field: .objective)],
        good: [RuleExample("Account executives resolve customer objections within two interactions using consultative selling", field: .objective)])
    let fields: Set<StatementField> = [.objective]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let limit = context.config.objectiveMaxWords
        let count = statement.analysis.wordCount
        guard count > limit else { return [] }
        return [statement.finding(at: nil, "the objective has \(count) words, over the limit of \(limit)", label: "too long",
                                  help: "keep one behaviour and its outcome here; move the detail into key results")]
    }
}
