/// What rules see besides their subject: the whole model, the word lists, the config and the date.
public struct RuleContext: Sendable {
    public let model: Model
    public let vocabulary: Vocabulary
    public let config: ProjectConfig
    /// The evaluation date (`today` in pathc.yaml, or the current date).
    public let today: CalendarDate
    /// The level names of every rubric in the repository, lowercased ("proficient"), which count
    /// as a standard in a criterion.
    let rubricLevels: Set<String>
    /// Strategic OKRs that something develops people for (see unsupported-strategy).
    let supportedStrategies: Set<String>
    /// Analyses of texts made once per run by the engine, by text.
    var analyses: [String: TextAnalysis] = [:]
    /// The repository's own rules about wording.
    var houseRules: [HouseRule] = []

    /// `answers` come from the whole repository: a check passes those it has worked out; without
    /// them they are worked out from the model (a model made in memory, as tests make).
    init(model: Model, vocabulary: Vocabulary, config: ProjectConfig, today: CalendarDate, answers: RepositoryAnswers? = nil) {
        self.model = model
        self.vocabulary = vocabulary
        self.config = config
        self.today = today
        let answers = answers ?? RepositoryFacts(model: model).answers()
        rubricLevels = answers.rubricLevels
        supportedStrategies = answers.supportedStrategies
    }
}

extension Statement {
    /// The statement sets a standard: a number, a degree phrase ("without assistance",
    /// "within"), a rubric level or a word such as "score" or "threshold".
    /// With `quantifiers`, "every decision" and "all tickets" count too (a completeness standard
    /// for a criterion, but no target for a key result's direction).
    func hasStandard(_ context: RuleContext, quantifiers: Bool = false) -> Bool {
        if analysis.hasNumber { return true }
        for index in analysis.words {
            let flags = analysis.info[index].flags
            if flags.contains(.standardWord) || (quantifiers && flags.contains(.quantifier)) { return true }
        }
        if context.vocabulary.degreePhrases.contains(in: analysis) { return true }
        // A rubric level name ("scored Proficient"), or "level" and a level ("level 3").
        guard !context.rubricLevels.isEmpty || analysis.words.contains(where: { analysis.tokens[$0].text == "level" }) else { return false }
        for (position, index) in analysis.words.enumerated() {
            let word = analysis.tokens[index].text
            if context.rubricLevels.contains(word) { return true }
            if word == "level", position + 1 < analysis.words.count, analysis.tokens[analysis.words[position + 1]].kind == .number { return true }
        }
        return false
    }
}

/// A rule over one statement.
protocol TextRule: Sendable {
    var description: RuleDescription { get }
    /// The fields it reads.
    var fields: Set<StatementField> { get }
    func check(_ statement: Statement, _ context: RuleContext) -> [Finding]
}

/// Every field with text that states a behaviour.
let allStatementFields: Set<StatementField> = Set(StatementField.allCases)

// MARK: - PW3001

struct UnobservableVerbRule: TextRule {
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
        bad: [RuleExample("Participants will understand the pricing model", field: .objective),
              RuleExample("Learn the escalation process", field: .objective),
              RuleExample("Be aware of the data protection policy when handling tickets", field: .task),
              RuleExample("Gain a deep understanding of customer needs", field: .objective)],
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

// MARK: - PW3002

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
        bad: [RuleExample("Leadership excellence", field: .objective),
              RuleExample("Customer-centric culture across every region", field: .objective)],
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

// MARK: - PW3003

struct VagueTermRule: TextRule {
    var description: RuleDescription { Self.description }
    /// Directions that name a measurable change by themselves.
    static let measurableDirections: Set<String> = ["cut", "reduce", "decrease", "lower", "shorten", "raise", "lift", "halve",
                                                    "double", "triple"]

    /// Words after which a noun ends its phrase.
    static let linkWords: Set<String> = ["of", "in", "on", "at", "for", "with", "across", "among", "between", "through", "to",
                                         "and", "or", "by", "from", "within", "into", "around", "as", "so", "that", "while"]

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
        bad: [RuleExample("Improve leadership skills", field: .objective),
              RuleExample("Enhance collaboration across various teams", field: .objective),
              RuleExample("Work on customer satisfaction as needed", field: .keyResult)],
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

// MARK: - PW3004, PW3005

struct TooLongRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3004", name: "too-long", severity: .warning, axis: .specific,
        summary: "an objective over 30 words (the limit is `thresholds.objective_max_words` in pathc.yaml)",
        why: """
            An objective is the one sentence people remember; past thirty words it turns into a plan, \
            and the behaviour it asks for gets lost. The detail belongs in the key results.
            """,
        fix: "keep the behaviour and the outcome in the objective; move conditions, methods and numbers into key results",
        bad: [RuleExample("Account executives in every region will resolve customer objections within two interactions using the consultative selling method taught in the spring programme, documenting each objection and its resolution in the CRM so that managers can review them", field: .objective)],
        good: [RuleExample("Account executives resolve customer objections within two interactions using consultative selling", field: .objective)])
    let fields: Set<StatementField> = [.objective]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let limit = context.config.objectiveMaxWords
        let count = statement.analysis.wordCount
        guard count > limit else { return [] }
        return [statement.finding(at: nil, "the objective has \(count) words, over the limit of \(limit)", label: "too long",
                                  help: "keep one behaviour and its outcome here; move the detail into key results")]
    }
}

struct TooShortRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3005", name: "too-short", severity: .warning, axis: .specific,
        summary: "an objective under 4 words (the limit is `thresholds.objective_min_words` in pathc.yaml)",
        why: """
            Two or three words ("Grow revenue", "Better onboarding") leave out who does what: such an \
            objective reads as a slogan and cannot guide anyone's work.
            """,
        fix: "say who does what, and the outcome it leads to",
        bad: [RuleExample("Grow revenue", field: .objective), RuleExample("Better onboarding", field: .objective)],
        good: [RuleExample("Support engineers resolve routine tickets without escalation", field: .objective)])
    let fields: Set<StatementField> = [.objective]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let limit = context.config.objectiveMinWords
        let count = statement.analysis.wordCount
        guard count < limit else { return [] }
        return [statement.finding(at: nil, "the objective has \(count) word\(count == 1 ? "" : "s"), under the minimum of \(limit)",
                                  label: "too short", help: "say who does what, and the outcome it leads to")]
    }
}

// MARK: - PW3006

struct HedgedCommitmentRule: TextRule {
    var description: RuleDescription { Self.description }
    /// "by 31 May", "May 2027", "in May": the month, not the modal.
    static func isMonth(_ analysis: TextAnalysis, _ index: Int) -> Bool {
        let token = analysis.tokens[index]
        guard token.text == "may" else { return false }
        guard let position = analysis.words.firstIndex(of: index) else { return false }
        let before = position > 0 ? analysis.tokens[analysis.words[position - 1]] : nil
        let after = position + 1 < analysis.words.count ? analysis.tokens[analysis.words[position + 1]] : nil
        if before?.kind == .number || after?.kind == .number { return true }
        if ["in", "by", "since", "until", "end", "mid", "early", "late", "of"].contains(before?.text ?? "") { return true }
        return token.capitalized && position > 0
    }

    static let description = RuleDescription(
        code: "PW3006", name: "hedged-commitment", severity: .info, axis: .specific,
        summary: "a hedge that softens the commitment: may, might, could, hopefully, ideally",
        why: """
            A goal that "might" happen has already excused itself. Objectives and targets are commitments; \
            uncertainty belongs in the confidence of the check-ins, not in the statement.
            """,
        fix: "state the commitment plainly: \"Account executives resolve ...\"",
        bad: [RuleExample("Account executives might resolve objections within two interactions", field: .objective),
              RuleExample("Hopefully cut onboarding time to 6 weeks", field: .keyResult)],
        good: [RuleExample("Account executives resolve objections within two interactions", field: .objective)])
    /// Behaviours, descriptors, criteria and outcomes have hedged-standard.
    let fields: Set<StatementField> = [.objective, .keyResult, .task, .other]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        var range: Range<Int>?
        if let index = analysis.words.first(where: { index in
            analysis.info[index].flags.contains(.hedge) && !Self.isMonth(analysis, index) && !Self.qualifiesAWord(analysis, index)
        }) {
            range = statement.range(index)
        } else if let (_, positions) = context.vocabulary.hedgePhrases.first(in: analysis) {
            range = analysis.characters(positions)
        }
        guard let range else { return [] }
        let word = statement.substring(range)
        return [statement.finding(at: range, "'\(word)' hedges the commitment", label: "hedge",
                                  help: "state what will happen, without '\(word)'")]
    }

    /// "typically overrepresented groups": the hedge describes a word, not the commitment.
    static func qualifiesAWord(_ analysis: TextAnalysis, _ index: Int) -> Bool {
        guard let next = analysis.wordAfter(index) else { return false }
        let tag = analysis.tags[next]
        if tag.tag == .adjective || (tag.tag == .verb && tag.form == .past && !analysis.predicates.contains(next)) { return true }
        // A word the lexicon lacks, before a noun: a modifier of it.
        if !tag.known, let after = analysis.wordAfter(next), analysis.tags[after].tag == .noun { return true }
        return false
    }
}

// MARK: - PW3007

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
        bad: [RuleExample("Resolve customer objections and negotiate renewals within two interactions", field: .objective),
              RuleExample("Diagnoses the root cause as well as writes the runbook entry within a day", field: .outcome)],
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

// MARK: - PW3008

struct AbilityWordingRule: TextRule {
    var description: RuleDescription { Self.description }
    /// Words that open a clause of its own: "... so that a new user can finish setup".
    static let subordinators: Set<String> = ["that", "so", "which", "who", "where", "when", "until", "unless", "if", "whether"]

    static let thingSubjects = WordList("thing_subjects", "things whose capacity \"can\" describes: the system can handle 1 TB", [
        "api", "apis", "app", "apps", "application", "applications", "cluster", "clusters", "component", "components",
        "database", "databases", "dashboard", "feature", "features", "infrastructure", "library", "model", "models",
        "pipeline", "pipelines", "platform", "platforms", "process", "processes", "product", "products", "server", "servers",
        "service", "services", "site", "software", "solution", "system", "systems", "tool", "tooling", "tools", "website",
        "it", "they", "users", "customers", "readers", "anyone", "everyone", "others", "people", "visitors", "developers",
        "contributors", "teams", "clients", "members", "we",
    ])

    static let description = RuleDescription(
        code: "PW3008", name: "ability-wording", severity: .warning, axis: .observable,
        summary: "\"be able to\", \"can\", \"will be capable of\": an ability, not the behaviour itself",
        why: """
            Being able to do something is a potential no one sees; doing it is what an assessor observes. \
            "Can write tests" passes on a promise; "Writes tests for every change" passes on evidence.
            """,
        fix: "state the behaviour itself: \"Writes tests\", not \"Can write tests\"",
        bad: [RuleExample("Participants will be able to write unit tests for their changes", field: .outcome),
              RuleExample("Can present the quarterly forecast to the leadership team", field: .criterion)],
        good: [RuleExample("Writes unit tests for every change before review", field: .criterion),
               RuleExample("Raise the share of requests the service can handle within 200 ms to 99%", field: .keyResult)])
    let fields = allStatementFields

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        guard let (_, positions) = context.vocabulary.abilityPhrases.first(in: statement.analysis) else { return [] }
        // "The pipeline can handle 1 TB a day": the capacity of a thing, not a person's ability.
        let analysis = statement.analysis
        if positions.lowerBound > 0 {
            let before = analysis.words[positions.lowerBound - 1]
            if analysis.lists.contains(.thingSubjects, token: before) || (analysis.tags[before].tag == .noun && analysis.tags[before].field == .nounArtifact) {
                return []
            }
        }
        // "... so that a new user can finish setup": the ability belongs to someone else's clause.
        if (max(0, positions.lowerBound - 4)..<positions.lowerBound).contains(where: { statement.analysis.flags(atWord: $0).contains(.subordinator) }) {
            return []
        }
        let range = statement.analysis.characters(positions)
        let words = statement.substring(range)
        return [statement.finding(at: range, "'\(words)' states an ability, not the behaviour", label: "ability",
                                  help: "state the behaviour itself: 'Writes tests', not 'Can write tests'")]
    }
}

// MARK: - PW3009

struct MissingDegreeRule: TextRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3009", name: "missing-degree", severity: .warning, axis: .measurable,
        summary: "a milestone outcome, success criterion or key result with no standard to meet",
        why: """
            The degree in the ABCD objective model (audience, behaviour, condition, degree) is what turns \
            a behaviour into a pass or a fail: a number, a threshold, a time limit, a rubric level, or \
            "without assistance". Without it every attempt passes.
            """,
        fix: "add the standard: \"within 30 minutes\", \"8 of 10\", \"scored Proficient on the rubric\", \"without assistance\"",
        bad: [RuleExample("Presents the quarterly forecast to the leadership team", field: .criterion),
              RuleExample("Diagnoses the cause of routine tickets", field: .outcome),
              RuleExample("Launch the redesigned onboarding flow", field: .keyResult)],
        good: [RuleExample("Presents the quarterly forecast in under 10 minutes", field: .criterion),
               RuleExample("Diagnoses the cause of routine tickets without assistance", field: .outcome),
               RuleExample("Scores Proficient on every criterion of the facilitation rubric", field: .criterion)])
    let fields: Set<StatementField> = [.outcome, .criterion, .keyResult]

    static let comparators: [Phrase] = ["at least", "at most", "no more than", "no fewer than", "fewer than", "less than",
                                        "more than", "within", "under", "before", "zero", "none"].map(Phrase.init)
    static let standardWords: Set<String> = ["proficient", "rubric", "score", "scored", "scores", "rated", "threshold",
                                             "benchmark", "deadline", "pass", "passes", "passed", "sla"]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        // "Every release has a rollback plan", "No incident goes without a review": all, every,
        // none and always are standards too.
        if statement.hasStandard(context, quantifiers: true) { return [] }
        if statement.analysis.words.contains(where: { ["always", "never", "zero"].contains(statement.analysis.tokens[$0].text) }) { return [] }
        return [statement.finding(
            at: nil, "the \(statement.field.words) sets no standard to meet", label: "no number, threshold, time limit or rubric level",
            help: "add the degree: a number (8 of 10), a time limit (within 30 minutes), a rubric level, or 'without assistance'")]
    }
}

/// The text rules, in code order.
let textRules: [any TextRule] = [
    UnobservableVerbRule(), NoActionVerbRule(), VagueTermRule(), TooLongRule(), TooShortRule(), HedgedCommitmentRule(),
    CompoundStatementRule(), AbilityWordingRule(), MissingDegreeRule(), EmptyVerbRule(), TraitStatementRule(),
    HedgedStandardRule(), AbsenceRule(), PlaceholderRule(), AspirationalObjectiveRule(), OutputAsResultRule(),
]
