/// PW3013: a behaviour or criterion whose standard is hedged away ("Mostly independently",
/// "Generally meets deadlines", "Perhaps with prompting"), so that any performance meets it.
struct HedgedStandardRule: TextRule {
    var description: RuleDescription { Self.description }
    static let hedges = WordList("behaviour_hedges", "words that loosen a behaviour's standard until anything meets it", [
        "mostly", "generally", "sometimes", "occasionally", "perhaps", "possibly", "partially", "partly", "somewhat",
        "largely", "mainly", "may", "might", "could", "maybe", "ideally", "hopefully", "at times", "in most cases",
        "in some cases", "where possible", "when possible", "if possible", "wherever possible", "whenever possible",
        "tries to", "try to", "attempts to", "attempt to", "begins to", "begin to", "starts to", "start to",
        "to some extent", "to an extent", "more or less", "where feasible", "if time permits", "as far as possible",
        "aims to", "aim to", "seeks to", "seek to", "looks to", "look to",
    ])

    static let description = RuleDescription(
        code: "PW3013", name: "hedged-standard", severity: .warning, axis: .specific,
        summary: "a behaviour hedged until anything meets it: mostly independently, generally, perhaps with prompting, tries to",
        why: """
            A level is told apart from the next by its standard. "Mostly works independently" and "Generally \
            meets deadlines" are met by almost anyone, so the behaviour no longer separates one level from \
            another. Frequency words ("regularly", "usually") are fine: they state a habit, not an excuse.
            """,
        fix: "state the standard without the hedge, or say exactly when help is expected: \"Delivers features of up to two weeks' work without help\"",
        bad: [RuleExample("↓Mostly works independently", field: .behavior),
              RuleExample("↓Generally meets their sprint commitments", field: .behavior),
              RuleExample("Writes unit tests, ↓perhaps with prompting", field: .behavior)],
        good: [RuleExample("Regularly pairs with a junior engineer on production incidents", field: .behavior),
               RuleExample("Usually reviews a pull request within one working day", field: .behavior),
               RuleExample("Delivers features of up to two weeks' work without help", field: .behavior)])
    /// Not rubric descriptors: their lower levels say "partly" and "with prompting" on purpose.
    let fields: Set<StatementField> = [.behavior, .criterion, .outcome]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        for index in analysis.words where analysis.lists.contains(.behaviourHedges, token: index) && !analysis.subordinate[index] {
            // "typically overrepresented", "partly automated tests": a hedge on a word that describes
            // something, not on the behaviour.
            if let next = analysis.wordAfter(index), analysis.tags[next].tag == .adjective
                || (analysis.tags[next].tag == .verb && analysis.tags[next].form == .past && !analysis.predicates.contains(next)) {
                continue
            }
            if analysis.tokens[index].text == "may", HedgedCommitmentRule.isMonth(analysis, index) { continue }
            return [finding(statement, statement.range(index))]
        }
        for positions in analysis.lists.all(.behaviourHedges) where !analysis.isSubordinate(positions) {
            return [finding(statement, analysis.characters(positions))]
        }
        // "Starts supporting the hiring process", "Begins reviewing ...": the behaviour has not happened yet.
        if let predicate = analysis.predicates.first, ["start", "begin"].contains(analysis.tags[predicate].lemma),
           let next = analysis.wordAfter(predicate), analysis.tags[next].tag == .verb, analysis.tags[next].form == .ing {
            return [finding(statement, analysis.tokens[predicate].range.lowerBound..<analysis.tokens[next].range.upperBound)]
        }
        return []
    }

    private func finding(_ statement: Statement, _ range: Range<Int>) -> Finding {
        let words = statement.substring(range)
        return statement.finding(at: range, "'\(words)' hedges the standard until anything meets it", label: "hedge",
                                 help: "state the standard without '\(words)', or say exactly when help is expected")
    }
}
