struct CompoundStatementRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3007", name: "compound-statement", severity: .warning, axis: .specific,
        summary: "two behaviours joined by \"and\" or \"as well as\" in one objective, outcome or criterion",
        why: """
            One verb, one skill: when a statement asks for two behaviours, an assessor cannot say whether \
            it was met when only one was, and the practice and coaching lose their focus.
            """,
        fix: "split it into two statements, or make one the condition of the other (\"Resolve objections using the consultative method\")",
        bad: [RuleExample("Resolve customer objections ↓and negotiate renewals within two interactions", field: .objective),
              RuleExample("Diagnoses the root cause as well ↓as writes the runbook entry within a day", field: .outcome)],
        good: [RuleExample("Facilitate weekly problem-solving sessions with documented decisions and action plans", field: .objective),
               RuleExample("Records each decision with an owner and a due date", field: .criterion)])
    let fields: Set<StatementField> = [.objective, .keyResult, .outcome, .criterion, .behavior, .descriptor]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        // Several sentences (or parts between semicolons), each with a verb of its own.
        if analysis.sentencesWithVerbs >= 2 {
            return [statement.finding(
                at: nil, "\(analysis.sentencesWithVerbs) sentences in one \(statement.field.words): several behaviours to assess as one",
                label: "several sentences",
                help: "keep the one behaviour this \(statement.field.words) is about; give each other one a statement of its own")]
        }
        // Coordinated verbs of the main clause: "Writes ... and reviews ...", "Designs, builds and runs ...".
        var actions = analysis.predicates.filter { !["be", "have", "do"].contains(analysis.tags[$0].lemma) }
        // An objective may name one deliverable with two verbs that share it ("Design and implement
        // GraphSync"); a behaviour or a result may not ("Identifies and fixes bugs" is two things to assess).
        if statement.field == .objective, actions.count == 2, let joint = analysis.wordAfter(actions[0]), joint == actions[1] - 1,
           ["and", "&", "/"].contains(analysis.tokens[joint].text) {
            actions.removeLast()
        }
        // "X is live, and Y was 4.8+": two clauses, each with a subject, a verb and a result.
        if actions.count < 2, analysis.clauses >= 2, statement.field == .keyResult || statement.field == .objective {
            actions = analysis.predicates
        }
        guard actions.count >= 2 else { return [] }
        let first = actions[0], second = actions[1]
        let start = analysis.wordBefore(second).map { analysis.tokens[$0].kind == .word ? $0 : second } ?? second
        let range = analysis.tokens[start].range.lowerBound..<analysis.tokens[second].range.upperBound
        let others = actions.dropFirst().map { "'\(statement.word($0))'" }
        return [statement.finding(
            at: range, "\(actions.count) behaviours in one \(statement.field.words): '\(statement.word(first))' and \(others.joined(separator: ", "))",
            label: "another behaviour",
            help: "split it into one statement per behaviour, or make one the condition of the other (\"Resolves objections using the consultative method\")")]
    }
}
