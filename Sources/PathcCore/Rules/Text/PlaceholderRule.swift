/// PW3015: a template value left in the text ("Increase activation to X%", "Ship N1 features",
/// "TBD").
struct PlaceholderRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3015", name: "placeholder", severity: .warning, axis: .measurable,
        summary: "a template value left in the text: X%, N1, TBD, ???",
        why: """
            A key result that reads "Raise activation to X%" passes every other check and commits to \
            nothing. Placeholders are fine in a draft, but not in a plan people are measured against.
            """,
        fix: "fill in the figure, or keep the statement out of the plan until it is known",
        bad: [RuleExample("Increase weekly active teams to ↓X%", field: .keyResult),
              RuleExample("Ship ↓N1 improvements to the onboarding flow", field: .keyResult),
              RuleExample("Reduce time to first response to ↓TBD hours", field: .keyResult)],
        good: [RuleExample("Increase weekly active teams from 40% to 55%", field: .keyResult),
               RuleExample("Cut the X-ray turnaround time from 6 to 3 hours", field: .keyResult)])
    let fields = allStatementFields

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        guard let range = analysis.placeholder else { return [] }
        return [statement.finding(at: range, "'\(statement.substring(range))' is a placeholder: the figure is not filled in",
                                 label: "placeholder", help: "fill in the value, or keep the statement out of the plan until it is known")]
    }
}
