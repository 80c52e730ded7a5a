/// PW3012: a behaviour that states a trait, a value, a reputation or a responsibility instead of
/// something the person does ("Acts with integrity", "Is known for quality", "Accountable for
/// delivery", "Transparent about mistakes").
struct TraitStatementRule: TextRule {
    var description: RuleDescription { Self.description }
    static let traitPhrases = WordList("trait_phrases", "phrases that describe who someone is or what they answer for, not what they do",
                                       inflected: true, [
        "a role model", "act as a role model", "act with", "be a role model", "be accountable for", "be committed to",
        "be considered", "be known as", "be known for", "be passionate about", "be recognised as", "be recognized as",
        "be regarded as", "be respected", "be responsible for", "be seen as", "be trusted", "be viewed as", "be the go-to",
        "accountable for", "answerable for", "care about", "care deeply", "committed to", "dedicated to", "hold themselves accountable",
        "hold yourself accountable", "keep an open mind", "lead by example", "live the values", "live our values",
        "passionate about", "responsible for", "set an example", "set the example", "stay curious", "take ownership",
        "take pride", "take responsibility", "is someone who", "have a growth mindset", "have a passion",
        "have a track record", "have experience", "have a strong", "have strong", "have an eye for", "known for",
        "comfortable with", "open to", "willing to", "eager to", "act as", "serve as", "be an escalation point",
        "be a point of contact", "be the point of contact", "be a go-to", "go to expert", "go-to expert", "end to end responsibility",
        "end-to-end responsibility", "responsibility for", "willingness to", "willingness and ability", "visible internally",
        "widely visible", "owner of", "active owner", "transition to", "transitions to",
    ])
    static let traitVerbs = WordList("trait_verbs", "verbs of attitude and disposition", inflected: true, [
        "aspire", "care", "cherish", "embody", "enjoy", "exemplify", "love", "own", "personify", "remain", "stay", "thrive",
        "value", "welcome",
    ])

    static let description = RuleDescription(
        code: "PW3012", name: "trait-statement", severity: .warning, axis: .observable,
        summary: "a behaviour that states a trait, value, reputation or responsibility: acts with integrity, is known for, accountable for",
        why: """
            "Acts with integrity" and "Accountable for delivery" describe who someone is or what they answer \
            for. A rubric cannot score a character, and two people will disagree about it; they can agree \
            about what the person did. A responsibility ("owns the roadmap") says whose job something is, \
            not how it is done well.
            """,
        fix: "state the behaviour that shows it: \"Tells the team about a mistake the day it is found, with the fix\"",
        bad: [RuleExample("↓Acts with integrity", field: .behavior),
              RuleExample("↓Transparent about mistakes", field: .behavior),
              RuleExample("↓Is known for the quality of their code", field: .behavior),
              RuleExample("↓Accountable for the delivery of their team", field: .behavior),
              RuleExample("↓Owns the team's on-call metrics", field: .behavior)],
        good: [RuleExample("Reports their own mistakes in the team channel on the day they find them", field: .behavior),
               RuleExample("Reviews each pull request within one working day", field: .behavior)])
    /// Nouns of disposition: "adopts an inquisitive approach", "has a growth mindset".
    static let dispositions: Set<String> = ["approach", "attitude", "mindset", "stance", "outlook", "perspective", "disposition",
                                            "demeanour", "demeanor", "temperament", "manner"]

    /// Objectives get the phrases only: an objective may describe a state ("Every service is monitored").
    let fields: Set<StatementField> = [.behavior, .descriptor, .objective]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        if let positions = analysis.lists.first(.traitPhrases), !analysis.isSubordinate(positions) {
            let range = analysis.characters(positions)
            return [finding(statement, range, statement.substring(range))]
        }
        guard statement.field != .objective else { return [] }
        if let predicate = analysis.predicates.first {
            // "Adopts an inquisitive approach to data", "Has a growth mindset".
            if let object = analysis.object(after: predicate), Self.dispositions.contains(analysis.tokens[analysis.head(of: object)].text) {
                let range = analysis.tokens[predicate].range.lowerBound..<analysis.tokens[object.upperBound - 1].range.upperBound
                return [finding(statement, range, statement.substring(range))]
            }
            if analysis.lists.contains(.traitVerbs, token: predicate) {
                return [finding(statement, statement.range(predicate), statement.word(predicate))]
            }
            // "Is a trusted advisor", "Has a growth mindset": a state, not an act. ("Is able to" is
            // ability wording; "is reviewed" a passive.)
            if let copula = analysis.copula, copula == predicate, predicate == analysis.firstContentWord,
               let next = analysis.wordAfter(predicate), analysis.tokens[next].text != "able",
               !(analysis.tags[next].tag == .verb) {
                let end = analysis.object(after: predicate)?.upperBound ?? next + 1
                let range = analysis.tokens[predicate].range.lowerBound..<analysis.tokens[end - 1].range.upperBound
                return [finding(statement, range, statement.substring(range))]
            }
            return []
        }
        // No verb at all, and it opens with an adjective: "Transparent about mistakes", "Curious",
        // "Active owner of code" (a person described, not a behaviour).
        if let first = analysis.firstContentWord, analysis.tags[first].tag == .adjective, analysis.tokens[first].text != "able" {
            let next = analysis.wordAfter(first)
            let describesThing = next.map { analysis.tags[$0].tag == .noun && analysis.tags[$0].field != .nounPerson } ?? false
            // "Primary reviewer for at least 5 PRs": a role with a number is a requirement someone can check.
            if !describesThing && !(analysis.hasNumber && next.map { analysis.tags[$0].tag == .noun } ?? false) { return [finding(statement, statement.range(first), statement.word(first))] }
        }
        return []
    }

    private func finding(_ statement: Statement, _ range: Range<Int>, _ words: String) -> Finding {
        statement.finding(at: range, "'\(words)' describes a trait or a responsibility, not a behaviour", label: "trait",
                          help: "state what the person does that shows it, so that it can be seen in their work")
    }
}
