/// PW3014: a behaviour defined by what does not happen ("Avoids siloing knowledge", "Does not
/// blame others"): an absence cannot be observed, only the behaviour that replaces it.
struct AbsenceRule: TextRule {
    var description: RuleDescription { Self.description }
    static let words = WordList("absence_words", "verbs that state a behaviour by its absence", inflected: true, [
        "avoid", "refrain", "abstain", "shy away from", "steer clear of", "stay away from",
    ])

    static let description = RuleDescription(
        code: "PW3014", name: "absence", severity: .warning, axis: .observable,
        summary: "a behaviour defined by what does not happen: avoids siloing, does not blame, never misses",
        why: """
            No one can watch something not happen: "Avoids siloing knowledge" is met by someone who shares \
            nothing and hoards nothing. State the behaviour that replaces it, which can be seen and counted.
            """,
        fix: "say what the person does instead: \"Writes up what they learn in the team's notes the same week\"",
        bad: [RuleExample("↓Avoids siloing knowledge", field: .behavior),
              RuleExample("↓Does not blame others for incidents", field: .behavior),
              RuleExample("↓Never misses a code review", field: .behavior)],
        good: [RuleExample("Writes up what they learn in the team's notes the same week", field: .behavior),
               RuleExample("Resolves tickets without escalation", field: .behavior)])
    let fields: Set<StatementField> = [.behavior, .descriptor, .criterion, .outcome]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        for predicate in analysis.predicates {
            if analysis.lists.contains(.absenceWords, token: predicate) {
                return [finding(statement, statement.range(predicate))]
            }
            // "does not blame", "never misses": a negated main verb.
            if let before = analysis.wordBefore(predicate), analysis.tags[before].tag == .negation {
                let start = analysis.wordBefore(before).flatMap { analysis.tags[$0].lemma == "do" ? $0 : nil } ?? before
                let range = analysis.tokens[start].range.lowerBound..<analysis.tokens[predicate].range.upperBound
                return [finding(statement, range)]
            }
        }
        for positions in analysis.lists.all(.absenceWords) where !analysis.isSubordinate(positions) {
            return [finding(statement, analysis.characters(positions))]
        }
        return []
    }

    private func finding(_ statement: Statement, _ range: Range<Int>) -> Finding {
        statement.finding(at: range, "'\(statement.substring(range))' states a behaviour by its absence", label: "absence",
                          help: "say what the person does instead, which someone could see")
    }
}
