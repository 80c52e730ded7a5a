struct VagueTermRule: TextRule, DeclaresWords {
    var description: RuleDescription { Self.description }
    /// Directions that name a measurable change by themselves.
    static let measurableDirections: Set<String> = ["cut", "reduce", "decrease", "lower", "shorten", "raise", "lift", "halve",
                                                    "double", "triple"]

    /// Words after which a noun ends its phrase.
    static let linkWords: Set<String> = ["of", "in", "on", "at", "for", "with", "across", "among", "between", "through", "to",
                                         "and", "or", "by", "from", "within", "into", "around", "as", "so", "that", "while"]
    static let lexiconWords = [WordMark(.linkWord, linkWords)]

    /// Comparatives that are not comparisons: "better", "easier", "more reliable", "the fastest",
    /// with no "than" after them.
    static let notComparisons: Set<String> = ["further", "later", "latest", "earlier", "earliest", "sooner", "longer", "other",
                                              "former", "latter", "upper", "inner", "outer", "elder", "eldest", "lesser",
                                              "latter", "over", "under", "next", "last", "least"]

    /// The first comparative with nothing to compare with ("make it easier", "more reliable"), as
    /// word positions; nil when the statement says "than". (A superlative picks one of a set, "the
    /// oldest thread"; as a claim, "the fastest way", it is aspirational-objective's.)
    static func unanchoredComparative(_ analysis: TextAnalysis) -> Range<Int>? {
        let words = analysis.words
        if words.contains(where: { analysis.tokens[$0].text == "than" || analysis.tokens[$0].text == "compared" }) { return nil }
        for (position, index) in words.enumerated() where !analysis.purpose[index] {
            let word = analysis.tokens[index].text
            let tag = analysis.tags[index]
            if tag.tag == .adjective || tag.tag == .adverb, tag.form == .graded, !notComparisons.contains(word),
               word != tag.lemma, word.hasSuffix("er") {
                return position..<(position + 1)
            }
            if ["better", "greater", "easier", "faster", "simpler", "smoother", "stronger", "higher", "deeper",
                "broader", "wider"].contains(word), position + 1 < words.count || word == "better" {
                return position..<(position + 1)
            }
            // "more reliable", "less manual", "more autonomy" (not "more than", "more tickets").
            if ["more", "less"].contains(word), position + 1 < words.count {
                let next = analysis.words[position + 1]
                if analysis.tags[next].tag == .adjective || analysis.tags[next].tag == .adverb
                    || analysis.lists.contains(.abstractNouns, token: next) { return position..<(position + 2) }
            }
        }
        return nil
    }

    static func isNounUse(_ analysis: TextAnalysis, _ position: Int) -> Bool {
        let texts = analysis.words.map { analysis.tokens[$0].text }
        let previous = position > 0 ? texts[position - 1] : ""
        let next = position + 1 < texts.count ? texts[position + 1] : ""
        return ["net", "financial", "operating", "gross", "debt", "the", "our", "its", "their"].contains(previous)
            || ["ratio", "ratios", "multiple"].contains(next)
    }

    static let description = RuleDescription(
        code: "PW3003", name: "vague-term", severity: .warning, axis: .specific,
        summary: "a word that cannot be measured: improve or increase with no number, various, robust, leverage, as needed",
        why: """
            "Improve leadership skills" can never be shown to have happened or failed: improve from what, \
            to what, by when? Weasel words and unmeasured directions let a weak objective pass review \
            and leave nothing to check at the end of the cycle.
            """,
        fix: "state how much and by when (\"Cut cycle time from 20 to 17 days\"), or name the specific behaviour",
        bad: [RuleExample("↓Improve leadership skills", field: .objective),
              RuleExample("↓Enhance collaboration across various teams", field: .objective),
              RuleExample("↓Work on customer satisfaction as needed", field: .keyResult)],
        good: [RuleExample("Cut the time to resolve priority escalations from 11 to 5 working days", field: .keyResult),
               RuleExample("Leadership participants will facilitate weekly cross-functional problem-solving sessions with documented decisions and action plans, achieving at least a 15 percent reduction in cycle time for key projects", field: .objective)])
    let fields = allStatementFields

    /// The vague words of behaviours and rubric descriptors: standards no one can check ("high
    /// quality", "appropriate", "effectively"), but not the frequency words that behaviours use
    /// to state a habit ("regularly", "usually").
    static let behaviourTerms = WordList("behaviour_vague_terms", "standards in a behaviour that no one can check, such as high quality or appropriately", [
        "a couple of", "a few", "a lot of", "a number of", "a variety of", "a wide range of", "accurate", "accurately",
        "adequate", "adequately", "and so on", "appropriate", "appropriately", "as appropriate", "as necessary", "as needed",
        "as required", "best in class", "best practice", "best practices", "best-in-class", "clean", "clear", "clearly",
        "compelling", "concise", "concisely", "constructive", "constructively", "effective", "effectively", "efficient",
        "efficiently", "etc", "excellent", "exceptional", "good", "great", "healthy", "high quality", "high-impact",
        "high-quality", "high standard", "high standards", "holistic", "impactful", "in a manner", "in a timely manner",
        "in a way that", "in a way others", "innovative", "leverage", "maintainable", "many", "meaningful", "meaningfully",
        "methodical", "methodically", "modern", "numerous", "optimal", "persuasive", "persuasively", "positively", "proper",
        "properly", "professional", "professionally", "promptly", "quickly", "reasonable", "relevant", "reliable", "right",
        "robust", "seamless", "several", "significant", "significantly", "solid", "sound", "strong", "sufficient",
        "sufficiently", "successfully", "sustained", "synergy", "thoughtful", "thoughtfully", "timely", "valuable", "various",
        "well", "well-designed", "well-structured", "well-tested", "well-written", "when appropriate", "when necessary",
        "when needed", "where appropriate", "where necessary", "where needed", "widely", "world class", "world-class",
    ])

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        let vocabulary = context.vocabulary
        let behaviourGenre = statement.field == .behavior || statement.field == .descriptor
        var found: [(Range<Int>, String, String)] = []  // characters, word, why
        if behaviourGenre {
            for index in analysis.words where analysis.lists.contains(.behaviourVagueTerms, token: index) && !analysis.purpose[index] {
                let word = analysis.tokens[index].text
                // "as well as" joins; "the right to" is an entitlement.
                if word == "well", let before = analysis.wordBefore(index), analysis.tokens[before].text == "as" { continue }
                if word == "right", let after = analysis.wordAfter(index), analysis.tokens[after].text == "to" || analysis.tokens[after].text == "of" { continue }
                found.append((statement.range(index), statement.word(index), "is a standard no one can check"))
            }
            if let positions = analysis.lists.all(.behaviourVagueTerms).first(where: { !analysis.purpose[analysis.words[$0.lowerBound]] }) {
                let range = analysis.characters(positions)
                found.append((range, statement.substring(range), "is a standard no one can check"))
            }
        } else {
            for (position, index) in analysis.words.enumerated() where analysis.info[index].flags.contains(.vagueTerm) && !analysis.purpose[index] {
                // "net leverage ratio" is a measure, not a buzzword.
                if analysis.tokens[index].text == "leverage", Self.isNounUse(analysis, position) { continue }
                // "twice as many": a number, not a vague amount.
                if analysis.tokens[index].text == "many" || analysis.tokens[index].text == "much",
                   let before = analysis.wordBefore(index), analysis.tokens[before].text == "as" { continue }
                found.append((statement.range(index), statement.word(index), "cannot be measured"))
            }
            if let (_, positions) = vocabulary.vagueTermPhrases.first(in: analysis) {
                let range = analysis.characters(positions)
                found.append((range, statement.substring(range), "cannot be measured"))
            }
        }
        if !statement.hasStandard(context), let comparative = Self.unanchoredComparative(analysis) {
            found.append((analysis.characters(comparative), statement.substring(analysis.characters(comparative)), "compares with nothing"))
        }
        if !statement.hasStandard(context) {
            for verb in analysis.verbs where verb.kind == .vague && !analysis.subordinate[verb.index] {
                // Behaviours with empty verbs ("fosters", "empowers") are empty-verb's.
                if behaviourGenre, analysis.lists.contains(.emptyVerbs, token: verb.index) || analysis.lists.contains(.emptyUnlessConcrete, token: verb.index) { continue }
                // "helps resolve blockers", "helping to organise the rota": the act is the verb that follows.
                if ["help", "assist", "enable"].contains(verb.base), let next = analysis.wordAfter(verb.index),
                   (analysis.tags[next].tag == .verb && analysis.tags[next].form == .base)
                    || (analysis.tokens[next].text == "to" && analysis.wordAfter(next).map { analysis.tags[$0].tag == .verb } ?? false) {
                    continue
                }
                // An objective may name a measurable direction ("Cut repeat escalations through weekly
                // reviews") and leave the numbers to its key results; improve, increase and the like say nothing.
                // (Not of a quality or a feeling: "Reduce confusion", "Decrease dependency on ...".)
                if statement.field == .objective, Self.measurableDirections.contains(verb.base),
                   !(analysis.object(after: verb.index).map { EmptyVerbRule.isAbstract($0, analysis) } ?? false) { continue }
                found.append((statement.range(verb.index), statement.word(verb.index), "says neither how much nor by when"))
            }
            for (position, index) in analysis.words.enumerated() where analysis.info[index].flags.contains(.vagueObject) && !analysis.subordinate[index] {
                // "skills assessment", "engagement partner": a modifier of the noun after it, not the goal.
                if position + 1 < analysis.words.count, analysis.words[position + 1] == index + 1,
                   !analysis.info[index + 1].flags.contains(.linkWord) { continue }
                if behaviourGenre {
                    // "Fosters a culture of ...": the empty verb is the problem, and empty-verb says so.
                    let governed = analysis.predicates.contains { predicate in
                        predicate < index && (analysis.lists.contains(.emptyVerbs, token: predicate)
                                              || analysis.lists.contains(.emptyUnlessConcrete, token: predicate))
                    }
                    if !governed { found.append((statement.range(index), statement.word(index), "is too abstract to check")) }
                } else {
                    found.append((statement.range(index), statement.word(index), "is vague without a number"))
                }
            }
        }
        guard !found.isEmpty else { return [] }
        found.sort { $0.0.lowerBound < $1.0.lowerBound }
        let first = found[0]
        let others = found.dropFirst().map { "'\($0.1)'" }
        return [statement.finding(
            at: first.0, "'\(first.1)' \(first.2)", label: "vague",
            help: first.2 == "compares with nothing" ? "say than what, and by how much: \"cut from 9 to 4 days\", \"faster than the 2025 median of 3 days\""
                : first.2 == "cannot be measured" ? "replace it with the specific behaviour, amount or standard it stands for"
                : first.2 == "is a standard no one can check" ? "say what it looks like in the work, so that two people would agree whether it was met"
                : first.2 == "is too abstract to check" ? "say what the person does or produces that shows it"
                : "add the number: from what baseline to what target, or by how much by when",
            notes: others.isEmpty ? [] : ["also vague: \(others.joined(separator: ", "))"])]
    }
}
