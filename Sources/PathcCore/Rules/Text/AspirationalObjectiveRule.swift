/// PW3016: an objective that is a slogan or an aspiration with a real verb ("Earn our customers'
/// trust", "Lay the foundation for growth", "Solve big problems"): nothing in it can be checked
/// at the end of the cycle.
struct AspirationalObjectiveRule: TextRule {
    var description: RuleDescription { Self.description }
    static let phrases = WordList("aspirational_phrases", "slogans and metaphors that no one can check at the end of a cycle", inflected: true, [
        "a great place", "a place where", "be the best", "be the go-to", "become the go-to", "best in class", "best-in-class",
        "big problems", "build momentum", "delight customers", "delight our customers", "delight users", "earn trust",
        "earn the trust", "establish a motion", "go-to", "lay the foundation", "lay the foundations", "lay the groundwork",
        "move fast", "next level", "north star", "raise the bar", "set the standard", "set the bar", "set us up for",
        "set up for success", "the best", "the future of", "the go-to", "the heart of", "the home of", "thought leader",
        "thought leadership", "world class", "world-class", "win the market", "win hearts",
    ])
    static let verbs = WordList("aspirational_verbs", "verbs of objectives that name a hope rather than an outcome", inflected: true, [
        "aspire", "become", "delight", "democratise", "democratize", "dominate", "embrace", "empower", "envision", "excite",
        "inspire", "pioneer",
        "reimagine", "revolutionise", "revolutionize", "thrill", "transform", "unleash", "unlock", "wow",
    ])

    static let description = RuleDescription(
        code: "PW3016", name: "aspirational-objective", severity: .warning, axis: .specific,
        summary: "an objective that is a slogan or aspiration: earn trust, lay the foundation, solve big problems, be the best",
        why: """
            An objective may be qualitative, but someone must be able to say at the end of the cycle \
            whether it happened. "Lay the foundation for growth" and "Earn our users' trust" are hopes: \
            every outcome fits them, so they guide nobody's work and the key results end up carrying the \
            whole meaning.
            """,
        fix: "name the outcome the aspiration stands for: \"New customers reach their first report without contacting support\"",
        bad: [RuleExample("↓Earn the trust of our enterprise customers", field: .objective),
              RuleExample("↓Lay the foundation for international growth", field: .objective),
              RuleExample("↓Become the go-to platform for data teams", field: .objective),
              RuleExample("↓Unlock the potential of our community", field: .objective)],
        good: [RuleExample("Enterprise customers renew without a discount", field: .objective),
               RuleExample("Launch the product in Germany and France with local billing", field: .objective)])
    let fields: Set<StatementField> = [.objective]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        if let positions = analysis.lists.first(.aspirationalPhrases) {
            let range = analysis.characters(positions)
            return [finding(statement, range)]
        }
        for index in analysis.words where analysis.lists.contains(.aspirationalPhrases, token: index) {
            return [finding(statement, statement.range(index))]
        }
        if let predicate = analysis.predicates.first, analysis.lists.contains(.aspirationalVerbs, token: predicate) {
            return [finding(statement, statement.range(predicate))]
        }
        // "the easiest and most efficient way to ...", "the fastest platform": a superlative claim.
        for (position, index) in analysis.words.enumerated() where analysis.tokens[index].text == "the" && position + 1 < analysis.words.count {
            let next = analysis.words[position + 1]
            let word = analysis.tokens[next].text
            let superlative = (analysis.tags[next].form == .graded && word.hasSuffix("est") && word != "latest")
                || (word == "most" && position + 2 < analysis.words.count && analysis.tags[analysis.words[position + 2]].tag == .adjective)
            if superlative { return [finding(statement, analysis.characters(position..<(position + 2)))] }
        }
        // "Build a culture of ...", "Create an environment where ...": an abstract goal with no number.
        if !analysis.hasNumber, let predicate = analysis.predicates.first,
           analysis.lists.contains(.emptyUnlessConcrete, token: predicate) || analysis.lists.contains(.emptyVerbs, token: predicate),
           let object = analysis.object(after: predicate), EmptyVerbRule.isAbstract(object, analysis) {
            let range = analysis.tokens[predicate].range.lowerBound..<analysis.tokens[object.upperBound - 1].range.upperBound
            return [finding(statement, range)]
        }
        return []
    }

    private func finding(_ statement: Statement, _ range: Range<Int>) -> Finding {
        statement.finding(at: range, "'\(statement.substring(range))' is an aspiration that no one can check at the end of the cycle",
                          label: "aspiration",
                          help: "name the outcome it stands for: what will people see or do differently when it is true?")
    }
}
