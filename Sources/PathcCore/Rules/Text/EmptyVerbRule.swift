/// PW3011: a behaviour whose verb names no act anyone could watch ("Fosters a culture of
/// learning", "Contributes to team goals", "Demonstrates strong leadership").
struct EmptyVerbRule: TextRule {
    var description: RuleDescription { Self.description }
    static let emptyVerbs = WordList("empty_verbs", "verbs that name no act anyone could watch, whatever follows them",
                                     inflected: true, [
        "advocate", "amplify", "bridge", "champion", "cultivate", "drive", "embrace", "empower", "encourage", "endeavour",
        "energise", "energize", "engage", "exemplify", "foster", "influence", "inspire", "instil", "instill", "interact",
        "motivate", "nurture", "orient", "orientate", "promote", "represent", "shape", "spearhead", "strive", "uphold",
    ])
    static let emptyUnlessConcrete = WordList("empty_unless_concrete",
                                              "verbs that name no act when their object is a quality, a value or a feeling (\"demonstrates leadership\") but do with a thing (\"demonstrates the prototype\")",
                                              inflected: true, [
        "bring", "build", "create", "demonstrate", "develop", "display", "enable", "ensure", "exhibit", "integrate",
        "maintain", "manage", "model", "provide", "set", "show", "support",
    ])
    static let emptyPhrases = WordList("empty_phrases", "phrases that say someone takes part, not what they do",
                                       inflected: true, [
        "be engaged in", "be involved in", "build relationships", "build relationship", "build strong relationships",
        "build trust", "do problem-solving", "facilitate growth", "focus on", "liaise with", "maintain relationships",
        "manage expectations", "manage relationships", "manage stakeholders", "partner with", "work alongside",
        "work closely with", "work with", "work within", "support the development of", "contribute in", "be part of", "contribute to", "contribute towards", "engage in", "engage with",
        "get involved in", "have an impact on", "have impact on", "help shape", "look for opportunities", "make an impact",
        "participate in", "play a part in", "play a role in", "play an active role", "take part in", "take an active role",
        "work towards", "work toward", "work to",
    ])
    static let abstractNouns = WordList("abstract_nouns",
                                        "qualities, values and feelings: what an empty verb's object is when the statement names no act",
                                        [
        "accountability", "adaptability", "agility", "alignment", "ambition", "autonomy", "awareness", "behaviour",
        "behaviours", "behavior", "behaviors", "best", "capability", "capabilities", "care", "clarity", "collaboration",
        "commitment", "compassion", "competence", "confidence", "consistency", "contribution", "contributions", "courage",
        "creativity", "credibility", "culture", "curiosity", "development", "direction", "health", "inclusiveness",
        "relationships", "relationship", "aspects", "visibility", "cohesion", "priorities", "burden", "complexity", "confusion", "dependency", "effort", "friction", "toil", "workload", "dedication", "determination", "diligence", "diversity", "empathy", "energy", "engagement",
        "enthusiasm", "environment", "excellence", "expertise", "flexibility", "focus", "growth", "honesty", "humility",
        "impact", "inclusion", "inclusivity", "influence", "initiative", "innovation", "integrity", "judgement", "judgment",
        "kindness", "knowledge", "leadership", "learning", "maturity", "mindset", "momentum", "motivation", "openness",
        "ownership", "passion", "patience", "persistence", "potential", "pride", "professionalism", "proficiency",
        "progress", "quality", "rapport", "resilience", "respect", "responsibility", "rigor", "rigour", "sense", "skill",
        "skills", "spirit", "success", "support", "teamwork", "tenacity", "thinking", "transparency", "trust",
        "understanding", "urgency", "value", "values", "vision", "willingness", "wellbeing", "well-being",
    ])

    static let description = RuleDescription(
        code: "PW3011", name: "empty-verb", severity: .warning, axis: .observable,
        summary: "a behaviour whose verb names no act anyone could watch: fosters, empowers, contributes to, demonstrates leadership",
        why: """
            "Fosters a culture of learning" could describe anyone: no one can say what they did this month \
            that fostered it. Verbs such as foster, empower, champion, drive, influence, contribute to and \
            participate in name an effect or a presence, not an act. A behaviour that a rubric can score names \
            what the person does, so that a manager and the person can agree whether it happened.
            """,
        fix: "name the act that has the effect: \"Runs a monthly learning review where the team picks one practice to change\"",
        bad: [RuleExample("↓Fosters a culture of continuous learning", field: .behavior),
              RuleExample("↓Contributes to the team's goals", field: .behavior),
              RuleExample("↓Demonstrates strong leadership", field: .behavior),
              RuleExample("↓Empowers others to make decisions", field: .behavior)],
        good: [RuleExample("Runs a monthly retrospective and records one change the team will try", field: .behavior),
               RuleExample("Demonstrates the new checkout flow to the support team before release", field: .behavior),
               RuleExample("Writes a decision record for each architectural choice", field: .behavior)])
    let fields: Set<StatementField> = [.behavior, .descriptor, .task, .criterion, .outcome]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        for predicate in analysis.predicates {
            let verb = statement.word(predicate)
            if analysis.lists.contains(.emptyVerbs, token: predicate) {
                return [finding(statement, range: statement.range(predicate), words: verb)]
            }
            // "Helps support the team", "Helps foster ...": help with an empty verb is empty too.
            if ["help", "assist"].contains(analysis.tags[predicate].lemma), let next = analysis.wordAfter(predicate),
               analysis.tags[next].tag == .verb, analysis.lists.contains(.emptyVerbs, token: next) || analysis.lists.contains(.emptyUnlessConcrete, token: next) {
                let range = analysis.tokens[predicate].range.lowerBound..<analysis.tokens[next].range.upperBound
                return [finding(statement, range: range, words: statement.substring(range))]
            }
            // "Enables others to ...", "Supports the team to ...": someone else does the act.
            if analysis.lists.contains(.emptyUnlessConcrete, token: predicate), let next = analysis.wordAfter(predicate),
               analysis.tags[next].tag == .pronoun || analysis.tags[next].field == .nounPerson || analysis.tags[next].field == .nounGroup,
               let after = analysis.wordAfter(next), analysis.tokens[after].text == "to" {
                let range = analysis.tokens[predicate].range.lowerBound..<analysis.tokens[next].range.upperBound
                return [finding(statement, range: range, words: statement.substring(range))]
            }
            if analysis.lists.contains(.emptyUnlessConcrete, token: predicate),
               let object = analysis.object(after: predicate), Self.isAbstract(object, analysis) {
                let range = analysis.tokens[predicate].range.lowerBound..<analysis.tokens[object.upperBound - 1].range.upperBound
                return [finding(statement, range: range, words: statement.substring(range))]
            }
        }
        for positions in analysis.lists.all(.emptyPhrases) where !analysis.isSubordinate(positions) {
            // "Works with the docs team to publish release notes": the act is the verb of the purpose.
            if Self.partnering.contains(analysis.tokens[analysis.words[positions.upperBound - 1]].text),
               let act = Self.purposeVerb(after: analysis.words[positions.upperBound - 1], analysis), Self.namesAnAct(act, analysis) {
                continue
            }
            let range = analysis.characters(positions)
            return [finding(statement, range: range, words: statement.substring(range))]
        }
        return []
    }

    /// The last words of the phrases that say who someone works with: the act may follow ("to ...").
    static let partnering: Set<String> = ["with", "alongside", "within"]

    /// The verb of the first purpose clause after a token: "... to publish release notes" -> "publish".
    static func purposeVerb(after index: Int, _ analysis: TextAnalysis) -> Int? {
        var position = index + 1
        while position + 1 < analysis.tokens.count {
            if analysis.tags[position].tag == .to, analysis.tags[position + 1].tag == .verb { return position + 1 }
            if analysis.tokens[position].kind == .punctuation && analysis.tokens[position].text != "," { return nil }
            position += 1
        }
        return nil
    }

    /// A verb that names something someone could be seen doing: not empty, vague or a state of mind.
    static func namesAnAct(_ verb: Int, _ analysis: TextAnalysis) -> Bool {
        if analysis.lists.contains(.emptyVerbs, token: verb) || analysis.lists.contains(.thoughtProcesses, token: verb) { return false }
        if analysis.lists.contains(.emptyUnlessConcrete, token: verb) { return false }
        if let kind = analysis.verbs.first(where: { $0.index == verb })?.kind, kind == .unobservable || kind == .vague { return false }
        return true
    }

    /// A noun phrase whose head is a quality, a value or a feeling.
    static func isAbstract(_ phrase: Range<Int>, _ analysis: TextAnalysis) -> Bool {
        let head = analysis.head(of: phrase)
        if analysis.lists.contains(.abstractNouns, token: head) { return true }
        guard analysis.tags[head].tag == .noun, let field = analysis.tags[head].field else { return false }
        return field == .nounAttribute || field == .nounFeeling || field == .nounMotive
    }

    private func finding(_ statement: Statement, range: Range<Int>, words: String) -> Finding {
        statement.finding(at: range, "'\(words)' names no act anyone could watch", label: "no visible act",
                          help: "say what the person does that has this effect, so that someone could see it happen")
    }
}
