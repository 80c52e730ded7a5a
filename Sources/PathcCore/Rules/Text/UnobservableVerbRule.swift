struct UnobservableVerbRule: TextRule, DeclaresWords {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3001", name: "unobservable-verb", severity: .error, axis: .observable,
        summary: "the statement's action is a state of mind that no one can watch",
        why: """
            Understanding, knowing or appreciating happens inside someone's head: no reviewer, coach or \
            assessor can see it, so no one can tell whether it happened. Learning objectives name the \
            behaviour that shows the understanding, so that it can be observed and assessed.
            """,
        fix: "name what people will do that shows it: explain, present, demonstrate, resolve, diagnose, write, negotiate",
        bad: [RuleExample("Participants will ↓understand the pricing model", field: .objective),
              RuleExample("↓Learn the escalation process", field: .objective),
              RuleExample("↓Be aware of the data protection policy when handling tickets", field: .task),
              RuleExample("↓Gain a deep understanding of customer needs", field: .objective)],
        good: [RuleExample("Participants will explain the pricing model to a customer in under five minutes", field: .objective),
               RuleExample("Account executives resolve customer objections within two interactions", field: .objective)])
    let fields = allStatementFields

    static let knowledgeNouns: Set<String> = ["understanding", "knowledge", "awareness", "appreciation", "insight", "insights",
                                              "familiarity", "comprehension"]
    static let knowledgeModifiers: Set<String> = ["a", "an", "the", "their", "our", "your", "deep", "deeper", "better", "solid",
                                                  "strong", "stronger", "full", "fuller", "basic", "working", "thorough", "clear",
                                                  "clearer", "greater", "more", "broad", "broader", "shared", "common", "good", "real"]
    static let acquireVerbs: Set<String> = ["gain", "develop", "build", "deepen", "improve", "increase", "enhance", "broaden",
                                            "expand", "acquire", "get", "have", "grow", "strengthen", "raise"]
    static let lexiconWords = [WordMark(.knowledgeNoun, knowledgeNouns), WordMark(.knowledgeModifier, knowledgeModifiers),
                               WordMark(.acquireVerb, acquireVerbs, inflected: true)]

    static let thoughtProcesses = WordList("thought_processes", "thought processes no one can watch", inflected: true, [
        "balance", "consider", "contemplate", "ponder", "reflect", "think", "weigh", "weigh up", "bear in mind", "keep in mind",
        "make tradeoffs", "make trade-offs", "make a tradeoff", "make a trade-off", "make decisions about",
        "make judgements", "make judgments", "make a judgement", "make a judgment", "make sense of", "take into account",
        "take into consideration", "be mindful of", "be aware of", "be conscious of", "have an awareness of",
        "have an understanding of", "have a good understanding of", "have a deep understanding of", "have knowledge of",
        "have a working knowledge of", "have a good knowledge of", "have a sound knowledge of", "be familiar with",
    ])

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        // "75% of team members are confident they ...": a key result may measure a state of mind by a survey.
        if statement.field == .keyResult, analysis.hasPercentage { return [] }
        // A thought process as the main verb: "Considers the impact ...", "Reflects on ...". (Not a
        // passive: "a ticket is considered resolved when ..." defines a term.)
        for predicate in analysis.predicates where analysis.lists.contains(.thoughtProcesses, token: predicate) {
            if analysis.tags[predicate].form == .past, let before = analysis.wordBefore(predicate), analysis.tags[before].lemma == "be" { continue }
            return [finding(statement, statement.range(predicate), word: statement.word(predicate), base: analysis.tags[predicate].lemma)]
        }
        for positions in analysis.lists.all(.thoughtProcesses) where !analysis.isSubordinate(positions) {
            let range = analysis.characters(positions)
            return [finding(statement, range, word: statement.substring(range), base: statement.substring(range).lowercased())]
        }
        if let verb = analysis.mainVerb, verb.kind == .unobservable {
            // "Realize $1.2M in savings" is achieving, not understanding.
            let realizesAmount = (verb.base == "realize" || verb.base == "realise")
                && analysis.tokens.dropFirst(verb.index + 1).prefix(4).contains { $0.kind == .number }
            if !realizesAmount {
                return [finding(statement, statement.range(verb.index), word: statement.word(verb.index), base: verb.base)]
            }
        }
        if let (phrase, found) = context.vocabulary.unobservablePhrases.first(in: analysis), !analysis.isSubordinate(found) {
            return [finding(statement, analysis.characters(found), word: statement.substring(analysis.characters(found)), base: phrase.text)]
        }
        // "Gain a deep understanding of ...": acquiring knowledge is not a behaviour either.
        for position in analysis.words.indices where analysis.flags(atWord: position).contains(.knowledgeNoun) {
            // "gain a deep understanding", not "grow brand awareness": only articles and adjectives of degree in between.
            var verbPosition = position - 1
            while verbPosition >= 0, analysis.flags(atWord: verbPosition).contains(.knowledgeModifier) { verbPosition -= 1 }
            if verbPosition >= 0, analysis.flags(atWord: verbPosition).contains(.acquireVerb) {
                let word = analysis.tokens[analysis.words[position]].text
                let range = analysis.characters(verbPosition..<(position + 1))
                return [finding(statement, range, word: statement.substring(range), base: word)]
            }
        }
        return []
    }

    private func finding(_ statement: Statement, _ range: Range<Int>, word: String, base: String) -> Finding {
        let suggestions: String
        switch base {
        case "know", "be aware of", "recognize", "recognise", "remember": suggestions = "state, identify, list or apply"
        case "learn", "grasp", "internalize", "internalise", "master": suggestions = "demonstrate, apply, perform or produce"
        case "appreciate", "value", "believe", "care": suggestions = "choose, recommend, justify or advocate"
        default: suggestions = "explain, present, demonstrate, resolve or diagnose"
        }
        return statement.finding(
            at: range, "'\(word)' is a state of mind that no one can watch", label: "not observable",
            help: "name the behaviour that shows it, with a verb such as \(suggestions)")
    }
}
