struct NoActionVerbRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3002", name: "no-action-verb", severity: .warning, axis: .observable,
        summary: "the statement has no action verb at all: it names a topic, not a behaviour",
        why: """
            A noun phrase such as "Leadership excellence" names an aspiration without saying what anyone \
            will do. Without an action there is nothing to practise, coach or assess.
            """,
        fix: "start from what people will do: \"Lead weekly design critiques with documented decisions\"",
        bad: [RuleExample("↓Leadership excellence", field: .objective),
              RuleExample("↓Customer-centric culture across every region", field: .objective)],
        good: [RuleExample("Lead weekly design critiques with the product team", field: .objective),
               RuleExample("Net revenue retention of at least 110% by the end of Q4", field: .keyResult)])
    let fields = allStatementFields

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        guard analysis.mainVerb == nil, analysis.predicates.isEmpty else { return [] }
        // A finite verb anywhere still names an action; participles ("recorded") do not.
        let finite = analysis.verbs.contains { verb in analysis.tags[verb.index].isFiniteVerb && analysis.tags[verb.index].form != .past }
        if finite || context.vocabulary.unobservablePhrases.contains(in: analysis) { return [] }
        // A key result may be a metric and its target: "Net revenue retention of 110%".
        if statement.field == .keyResult && analysis.hasQuantity { return [] }
        // "Transparent about mistakes": a trait, which trait-statement reports.
        if statement.field == .behavior || statement.field == .descriptor, let first = analysis.firstContentWord,
           analysis.tags[first].tag == .adjective { return [] }
        // A first word pathc does not know may be a verb it has never seen: say so, rather than that there is none.
        if let first = analysis.firstContentWord, !analysis.tags[first].known, analysis.tokens[first].kind == .word {
            let word = statement.word(first)
            return [statement.finding(
                at: statement.range(first), "'\(word)' is not a verb pathc knows, and the \(statement.field.words) has no other",
                label: "unknown word",
                help: "if '\(word)' is a verb, add it under 'vocabulary: observable_verbs: add:' in pathc.yaml; otherwise say what people will do")]
        }
        return [statement.finding(
            at: nil, "the \(statement.field.words) has no action verb", label: "names a topic, not a behaviour",
            help: "say what people will do, starting with an observable verb such as lead, resolve, present or deliver")]
    }
}
