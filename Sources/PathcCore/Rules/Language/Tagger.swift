/// The word class a token has in its sentence.
enum Tag: UInt8, Sendable {
    case noun, verb, adjective, adverb
    case determiner, pronoun, preposition, particle, conjunction, subordinator, modal, to, negation
    case number, punctuation
}

/// The lexical options of every word of a run's statements, worked out once (on all cores)
/// before the statements are analysed: most words recur across thousands of statements.
package struct WordTable: Sendable {
    let options: [String: Tagger.Options]

    package init(words: [String], tagger: Tagger) {
        let found = parallelMap(words, chunk: 64) { tagger.lexicalOptions($0) }
        options = Dictionary(zip(words, found), uniquingKeysWith: { first, _ in first })
    }
}

/// A token with its class in context: the lemma it reads as (a verb's base form, a noun's
/// singular), the inflection, and whether the lexicon knows the word at all.
struct TaggedWord: Sendable {
    var tag: Tag
    var form: WordForm = .base
    var lemma: String
    /// The lexicon (or the function words) knows the word.
    var known: Bool
    /// The semantic field of the lemma's most frequent sense as this part of speech.
    var field: SemanticField?

    var isVerb: Bool { tag == .verb }
    /// A finite or imperative form: resolve, resolves, resolved (not resolving).
    var isFiniteVerb: Bool { tag == .verb && form != .ing }
}

/// A part-of-speech tagger for the statements of career frameworks and OKRs: the lexicon gives each
/// word its possible classes, and a few rules of context choose one, left to right. The genre is
/// narrow (behaviours with an implied subject, "Writes ..."; imperatives, "Cut ..."; noun phrases
/// with a number), so the rules follow it rather than English at large.
package struct Tagger {
    let lexicon: Lexicon
    /// The rules' word lists: their verbs count as verbs even where WordNet lacks them ("scope",
    /// "onboard", "triage"), and a word's entries in them are looked up with its classes.
    let vocabulary: Vocabulary?
    /// What the lexicon says of words, worked out once per run for every word of the run's
    /// statements (see `WordTable`); words missing from it are looked up as they come.
    let table: WordTable?

    init(lexicon: Lexicon = .shared, vocabulary: Vocabulary? = nil, table: WordTable? = nil) {
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.table = table
    }

    /// What a word may be, before context decides. A class, shared by every token of the word in a
    /// run; filled while it is made and not changed after.
    final class Options: @unchecked Sendable {
        var verbs: [Reading] = []
        var noun: Reading?
        var adjective: Reading?
        var adverb: Reading?
        var function: Tag?
        var known = false
        /// What the rules' word lists say of the word as written: its flags and verb reading, the
        /// lists holding it (bits of `WordListID`), and the phrases of the lists it may start.
        var info = WordInfo()
        var lists: UInt32 = 0
        var phraseNode: Int32?
        /// A particle of a phrasal verb ("up", "down"), a pronoun that can be a subject.
        var isParticle = false
        var isSubjectPronoun = false

        init(function: Tag? = nil, known: Bool = false) {
            self.function = function
            self.known = known
        }

        func copy() -> Options {
            let copy = Options(function: function, known: known)
            copy.verbs = verbs
            copy.noun = noun
            copy.adjective = adjective
            copy.adverb = adverb
            copy.info = info
            copy.lists = lists
            copy.phraseNode = phraseNode
            copy.isParticle = isParticle
            copy.isSubjectPronoun = isSubjectPronoun
            return copy
        }

        static let number = Options(function: .number, known: true)
        static let punctuation = Options(function: .punctuation, known: true)

        var canVerb: Bool { !verbs.isEmpty }
        var canNoun: Bool { noun != nil }
        func verb(_ form: WordForm) -> Reading? { verbs.first { $0.form == form } }
        func verb(in forms: Set<WordForm>) -> Reading? { verbs.first { forms.contains($0.form) } }
        /// The lexicon sees it more often as a verb than as a noun or an adjective.
        var mostlyVerb: Bool {
            guard let verb = verbs.first else { return false }
            let other = max(noun?.entry.frequency(.noun) ?? 0, adjective?.entry.frequency(.adjective) ?? 0)
            return verb.entry.frequency(.verb) > other
        }

        /// The lexicon sees it as a verb at least as often as anything else, and often: in a list
        /// of actions ("... and share knowledge") that is enough.
        var oftenVerb: Bool {
            guard let verb = verbs.first else { return false }
            let other = max(noun?.entry.frequency(.noun) ?? 0, adjective?.entry.frequency(.adjective) ?? 0)
            return verb.entry.frequency(.verb) >= other && verb.entry.frequency(.verb) >= 3
        }
    }

    /// An acronym (OS, GDPR, API) or a name in the middle of a sentence (Deployment Frequency,
    /// Time to Restore Service) is a noun, whatever else the letters spell.
    func adjusted(_ found: Options, _ token: Token, properNoun: Bool) -> Options {
        guard found.function == nil, token.allCapitals || properNoun else { return found }
        let options = found.copy()
        do {
            options.verbs = []
            options.adverb = nil
            if options.noun == nil { options.noun = Reading(base: token.text, part: .noun, form: .base, entry: LexicalEntry()) }
            options.known = true
        }
        return options
    }

    /// What a word may be from the lexicon and the function words alone, before its capitals and context.
    func lexicalOptions(_ word: String) -> Options {
        let options = lexicalClasses(word)
        options.isParticle = FunctionWords.particles.contains(word)
        options.isSubjectPronoun = FunctionWords.subjectPronouns.contains(word)
        if let vocabulary {
            options.info = vocabulary.lexicon[word] ?? WordInfo()
            options.lists = vocabulary.lists.words[word] ?? 0
            options.phraseNode = vocabulary.lists.phrases.start(word)
        }
        return options
    }

    /// The classes a word may have, from the function words and the lexicon.
    private func lexicalClasses(_ word: String) -> Options {
        let options = Options()
        if let function = Self.functionTag(word) {
            options.function = function
            options.known = true
            // Words that are function words and also verbs or nouns keep those readings for context.
            if !["up", "down", "out", "like", "past", "plus", "while", "once", "even", "still", "well", "so", "round"].contains(word) {
                if FunctionWords.beForms.contains(word) || FunctionWords.haveForms.contains(word) || FunctionWords.doForms.contains(word) {
                    options.verbs = [Reading(base: Self.auxiliaryLemma(word), part: .verb, form: Self.auxiliaryForm(word),
                                             entry: LexicalEntry())]
                }
                return options
            }
        }
        var readings = lexicon.readings(of: word)
        // "customer-centric", "cross-team", "well-tested": a compound WordNet lacks, read by its last part
        // (as a noun or an adjective: such compounds are rarely verbs).
        if readings.isEmpty, word.contains("-"), let last = word.split(separator: "-").last, last.count > 1 {
            readings = lexicon.readings(of: String(last)).filter { $0.part != .verb }
            if readings.isEmpty, word.split(separator: "-").allSatisfy({ lexicon.entry(String($0)) != nil }) {
                readings = [Reading(base: word, part: .adjective, form: .base, entry: LexicalEntry())]
            }
        }
        for reading in readings {
            options.known = true
            switch reading.part {
            case .verb: options.verbs.append(reading)
            case .noun: if options.noun == nil || reading.form == .base { options.noun = reading }
            case .adjective: if options.adjective == nil { options.adjective = reading }
            case .adverb: if options.adverb == nil { options.adverb = reading }
            }
        }
        if options.verbs.isEmpty, let base = vocabulary?.verb(word)?.base {
            options.known = true
            let form: WordForm = word == base ? .base : word.hasSuffix("ing") ? .ing : word.hasSuffix("s") && !base.hasSuffix("s") ? .s : .past
            options.verbs.append(Reading(base: base, part: .verb, form: form, entry: .listedVerb()))
        }
        return options
    }

    static func functionTag(_ word: String) -> Tag? {
        if word == "to" { return .to }
        if FunctionWords.modals.contains(word) { return .modal }
        if FunctionWords.negations.contains(word) { return .negation }
        if FunctionWords.beForms.contains(word) || FunctionWords.haveForms.contains(word) || FunctionWords.doForms.contains(word) {
            return .verb
        }
        if FunctionWords.conjunctions.contains(word) { return .conjunction }
        if FunctionWords.pronouns.contains(word) { return .pronoun }
        if FunctionWords.determiners.contains(word) { return .determiner }
        if FunctionWords.subordinators.contains(word) { return .subordinator }
        if FunctionWords.prepositions.contains(word) { return .preposition }
        if FunctionWords.adverbs.contains(word) { return .adverb }
        return nil
    }

    static func auxiliaryLemma(_ word: String) -> String {
        if FunctionWords.beForms.contains(word) { return "be" }
        if FunctionWords.haveForms.contains(word) { return "have" }
        return "do"
    }

    static func auxiliaryForm(_ word: String) -> WordForm {
        switch word {
        case "be", "have", "do", "are", "am", "don't", "haven't", "aren't", "'re": return .base
        case "is", "has", "does", "isn't", "hasn't", "doesn't", "'s": return .s
        case "being", "having": return .ing
        default: return .past
        }
    }

    /// Verbs, adjectives and nouns after which "to" is a preposition, not the mark of an infinitive.
    static let takesToNoun: Set<String> = [
        "contribute", "commit", "dedicate", "relate", "accord", "due", "access", "exposure", "adherence", "similar", "prior",
        "addition", "next", "close", "open", "respond", "response", "attention", "approach", "committed", "dedicated",
        "related", "according", "devoted", "devote", "adapt", "adjust", "listen", "talk", "speak", "report", "reply",
        "introduce", "escalate", "apply", "connect", "compare", "key", "central", "critical", "important", "relevant",
        "new", "up", "equal", "closer", "path", "route", "way", "journey", "transition", "move", "migrate", "accountable",
        "responsive", "receptive", "exposed", "aligned", "align", "tied", "linked", "link", "tie", "map", "attached",
        "subject", "thanks", "prefer", "resistant", "opposed", "entitled", "obligated", "limited", "restricted", "added",
        "add", "available", "visible", "useful", "helpful", "valuable", "credible", "known", "assigned", "assign",
        "delegate", "deliver", "present", "explain", "communicate", "provide", "give", "send", "show", "demonstrate",
        "recommend", "suggest", "propose", "pitch", "mentor", "coach", "support", "contributing", "contributes",
        "contributed", "contribution", "contributions", "commitment", "dedication", "ownership", "answer", "solution",
        "solutions", "change", "changes", "improvements", "improvement", "input", "feedback", "guidance", "direction",
        "reference", "references", "regard", "relation", "respect", "exception", "exceptions", "customers", "teams",
        "stakeholders", "others", "peers", "leadership", "management", "colleagues", "users",
    ]

    /// Each token's class, and what the lexicon and the word lists say of each.
    func tag(_ tokens: [Token]) -> (tags: [TaggedWord], options: [Options]) {
        let lexical = tokens.map { token -> Options in
            switch token.kind {
            case .number: return .number
            case .punctuation: return .punctuation
            case .word: return table?.options[token.text] ?? lexicalOptions(token.text)
            }
        }
        // A capital in the middle of a sentence marks a name, unless the statement capitalises
        // most of its words (Title Case).
        var contentWords = 0, capitalized = 0
        for index in tokens.indices where tokens[index].kind == .word && lexical[index].function == nil {
            contentWords += 1
            if tokens[index].capitalized { capitalized += 1 }
        }
        let titleCase = contentWords >= 3 && capitalized * 5 >= contentWords * 4
        var options: [Options] = []
        options.reserveCapacity(tokens.count)
        for index in tokens.indices {
            let token = tokens[index]
            guard token.kind == .word, token.capitalized || token.allCapitals else {
                options.append(lexical[index])
                continue
            }
            var sentenceStart = true
            var previous = index - 1
            while previous >= 0 {
                if tokens[previous].kind == .punctuation {
                    if Self.endsAPhrase(tokens[previous]) { break }
                    previous -= 1
                    continue
                }
                sentenceStart = false
                break
            }
            // "MUST Review", "to Restore": a verb after a modal or "to" keeps its capital.
            let afterVerbMarker = previous >= 0 && (lexical[previous].function == .modal || lexical[previous].function == .to)
            let properNoun = token.capitalized && !sentenceStart && !titleCase && token.text != "i" && !afterVerbMarker
            options.append(adjusted(lexical[index], token, properNoun: properNoun))
        }
        var tags = [TaggedWord?](repeating: nil, count: tokens.count)
        var context = Context()
        for index in tokens.indices {
            // ", and the review takes ...": a second clause with a subject of its own.
            if index >= 2, tokens[index - 1].text == "and" || tokens[index - 1].text == "but", tokens[index - 2].text == ",",
               context.mainVerbForm != nil, options[index].function == .determiner
                || (options[index].function == .pronoun && FunctionWords.subjectPronouns.contains(tokens[index].text)) {
                context.mainVerbForm = nil
                context.subjectVerb = nil
                context.clauseStart = true
            }
            tags[index] = decide(index, tokens, options, tags, &context)
            context.update(with: tags[index]!, token: tokens[index], at: index)
        }
        return (tags.map { $0! }, options)
    }

    /// Marks after which a capital may start a sentence, a list item or a quotation.
    static func endsAPhrase(_ token: Token) -> Bool {
        guard let byte = token.text.utf8.first else { return false }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("),
             UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"):
            return true
        default:
            return token.text == "\u{201C}"
        }
    }

    /// What the decisions so far say about the clause being read.
    struct Context {
        /// Set after a verb of the clause's own (not in a subordinate clause).
        var mainVerbForm: WordForm?
        /// A subject noun phrase opened the clause ("Account executives ..."): where its verb stands.
        var subjectVerb: Int?
        var clauseStart = true

        /// The last verb of the clause's own: the first, or one joined to it.
        var lastMainVerb: Int?
        /// The word being decided was joined to the clause's verbs ("and", a comma).
        var joinedToMain = false

        mutating func update(with word: TaggedWord, token: Token, at index: Int) {
            if word.tag == .punctuation, [".", ";", "!", "?", ":"].contains(token.text) {
                // A new sentence or a list item.
                mainVerbForm = nil
                subjectVerb = nil
                lastMainVerb = nil
                clauseStart = true
                return
            }
            if word.tag == .verb, mainVerbForm == nil, word.lemma != "be" || word.form != .base, clauseStart || word.form != .ing {
                mainVerbForm = word.form
                lastMainVerb = index
            } else if word.tag == .verb, word.form == mainVerbForm, joinedToMain {
                lastMainVerb = index
            }
            joinedToMain = false
            if word.tag != .adverb && word.tag != .punctuation { clauseStart = false }
        }
    }

    private func decide(_ index: Int, _ tokens: [Token], _ options: [Options], _ tags: [TaggedWord?], _ context: inout Context) -> TaggedWord {
        let option = options[index]
        let word = tokens[index].text
        func make(_ tag: Tag, _ reading: Reading? = nil) -> TaggedWord {
            TaggedWord(tag: tag, form: reading?.form ?? .base, lemma: reading?.base ?? word, known: option.known,
                       field: reading.flatMap { $0.entry.semanticField($0.part) })
        }
        // The previous word that is not an adverb or a comma, with its position.
        var previousIndex = index - 1
        while previousIndex >= 0, let tag = tags[previousIndex]?.tag, tag == .adverb { previousIndex -= 1 }
        let previous = previousIndex >= 0 ? tags[previousIndex] : nil
        let previousText = previousIndex >= 0 ? tokens[previousIndex].text : ""
        let nextIndex = index + 1 < tokens.count ? index + 1 : nil
        let next = nextIndex.map { options[$0] }

        if let function = option.function, !option.canVerb || function == .verb {
            if function == .verb, let reading = option.verbs.first { return make(.verb, reading) }
            return resolveFunctionWord(index, function, tokens, options, previous, make)
        }
        if let function = option.function {
            // up, down, out, like...: a particle right after a verb, otherwise its own class.
            if previous?.tag == .verb, option.isParticle { return make(.particle) }
            if function == .preposition || function == .subordinator || function == .adverb { return make(function) }
        }
        // Inside a subject noun phrase found at the clause's start, up to its verb.
        if let verb = context.subjectVerb {
            if index < verb { return nounOrModifier(index, tokens, options, make) }
            if index == verb, let reading = option.verb(in: [.base, .s, .past]) { return make(.verb, reading) }
        }
        guard option.known else { return guessUnknown(index, tokens, options, previous, context, make) }
        guard option.canVerb else { return nounOrModifier(index, tokens, options, make) }

        let onlyVerb = !option.canNoun && option.adjective == nil && option.adverb == nil
        let previousTag = previous?.tag
        // After a determiner, an adjective or a number: a noun, or a participle used as an adjective.
        let afterAsWellAs = previousText == "as" && previousIndex >= 2 && tokens[previousIndex - 1].text == "well"
        if previousTag == .determiner || previousTag == .adjective || previousTag == .number
            || (previousTag == .preposition && previousText != "by" && !word.hasSuffix("ing") && !afterAsWellAs) {
            if option.canNoun || option.adjective != nil { return nounOrModifier(index, tokens, options, make) }
            if let reading = option.verb(in: [.past, .ing]) { return make(.adjective, reading) }
        }
        // "by writing", "for reviewing": a gerund after a preposition.
        if previousTag == .preposition, let reading = option.verb(.ing) { return make(.verb, reading) }
        // After a modal, "not" after a modal, or the "to" of an infinitive: the base form.
        if previousTag == .modal || (previousTag == .negation && previousIndex > 0 && [.modal, .verb].contains(tags[previousIndex - 1]?.tag)) {
            if let reading = option.verb(.base) { return make(.verb, reading) }
        }
        if previousTag == .to {
            let before = previousIndex > 0 ? (tags[previousIndex - 1]?.lemma ?? tokens[previousIndex - 1].text) : ""
            // "from 20 to 30": a range, not an infinitive.
            let fromTo = index < tokens.count && tokens[index].kind == .number
                || tokens[..<previousIndex].suffix(4).contains { $0.text == "from" } && tokens[..<previousIndex].suffix(3).contains { $0.kind == .number }
            if let reading = option.verb(.base), !(Self.takesToNoun.contains(before) && (option.canNoun && !option.mostlyVerb)), !fromTo || onlyVerb {
                return make(.verb, reading)
            }
            if option.canNoun || option.adjective != nil { return nounOrModifier(index, tokens, options, make) }
        }
        // After a form of "be": a passive or progressive verb, otherwise a complement.
        if previous?.lemma == "be", previousTag == .verb {
            if let reading = option.verb(in: [.past, .ing]), !(option.adjective != nil && reading.form == .past && !word.hasSuffix("ed")) {
                return make(.verb, reading)
            }
            return nounOrModifier(index, tokens, options, make)
        }
        // After "have": a perfect.
        if previous?.lemma == "have", previousTag == .verb, let reading = option.verb(.past) { return make(.verb, reading) }
        // After a subject pronoun or a relative: a finite verb.
        if previousTag == .pronoun && previousIndex >= 0 && options[previousIndex].isSubjectPronoun || previousTag == .subordinator {
            if let reading = option.verb(in: [.base, .s, .past]) { return make(.verb, reading) }
        }
        // The first word of a clause: a verb (behaviours: "Breaks down ..."; imperatives: "Cut ..."),
        // unless it starts the subject of a verb that follows ("Engineers write ...").
        if context.clauseStart {
            // "Evidence of mentoring", "Ownership of the roadmap": a noun, mostly seen as one, before "of".
            let beforeOf = nextIndex.map { tokens[$0].text == "of" } ?? false
            if let reading = option.verb(in: [.base, .s, .ing]), !(beforeOf && option.canNoun && !option.mostlyVerb) {
                guard let verb = subjectVerb(index, tokens, options) else { return make(.verb, reading) }
                context.subjectVerb = verb
            } else if let reading = option.verb(.past), !option.canNoun, option.adjective == nil {
                // "Reduced reliance on ...", "Sustained influence": a participle before a noun describes it.
                if let nextIndex, options[nextIndex].canNoun, !options[nextIndex].canVerb || options[nextIndex].noun != nil,
                   tokens[nextIndex].kind == .word, options[nextIndex].function == nil, !startsObject(nextIndex, tokens, options) {
                    return make(.adjective, reading)
                }
                return make(.verb, reading)
            }
            return nounOrModifier(index, tokens, options, make)
        }
        // Coordination: after "and", "or", "as well as" or a comma, a verb in the clause's form with
        // something after it. A base form that is mostly a noun needs a clear object after it:
        // "and close the account", not "and action plans".
        let asWellAs = previousText == "as" && previousIndex >= 2 && tokens[previousIndex - 1].text == "well" && tokens[previousIndex - 2].text == "as"
        let joined = previousTag == .conjunction || (previousTag == .punctuation && (previousText == "," || previousText == "/")) || asWellAs
        if joined {
            // "Clarify and shape ...", "Identify, monitor and address ...": verbs sharing the object
            // that follows, right after the first verb.
            var beforeJoin = previousIndex - 1
            while beforeJoin >= 0, tags[beforeJoin]?.tag == .adverb { beforeJoin -= 1 }
            let afterVerb = beforeJoin >= 0 && beforeJoin == context.lastMainVerb && tags[beforeJoin]?.lemma != "be"
            context.joinedToMain = true
            if let form = context.mainVerbForm, let reading = option.verb(form == .past ? .past : form) ?? (afterVerb ? option.verb(in: [.base, .s]) : nil),
               let nextIndex {
                let next = options[nextIndex]
                let clearObject = [.determiner, .pronoun, .number, .particle].contains(next.function ?? .noun)
                    || tokens[nextIndex].kind == .number
                // "bugs or issues discovered after ...": a participle after it makes it a noun.
                let participleNext = next.verb(.past) != nil && !next.canNoun && next.function == nil
                // After a bare comma, a base form or -ing joins a list only if "and" or "or" comes later.
                let listGoesOn = previousText != "," || reading.form == .s || tokens[(index + 1)...].contains { $0.text == "and" || $0.text == "or" || $0.text == "&" }
                if afterVerb && listGoesOn && !participleNext { return make(.verb, reading) }
                if listGoesOn && !participleNext
                    && (onlyVerb || (Self.canFollowVerb(next, tokens[nextIndex]) && (reading.form == .s ? true : option.oftenVerb || clearObject))) {
                    return make(.verb, reading)
                }
            }
        }
        // After a noun that is the subject of its clause: "Account executives resolve ...", "The team reviews ...".
        if previousTag == .noun || (previousTag == .pronoun && previousIndex >= 0 && options[previousIndex].isSubjectPronoun) {
            if context.mainVerbForm == nil, let reading = option.verb(in: [.base, .s, .past]) {
                // "Customer success managers diagnose ...", but not "Customer-centric culture across ..."
                // or "Customer interviews around ..." (a singular noun needs a determiner to be a subject).
                let determined = previous?.form == .s || previousTag == .pronoun
                    || (0..<previousIndex).contains { tags[$0]?.tag == .determiner || tags[$0]?.tag == .number }
                let personal = (previous?.field == .nounPerson || previous?.field == .nounGroup || previousTag == .pronoun) && determined
                if (reading.form != .past || !option.canNoun) && (onlyVerb || option.mostlyVerb || personal) { return make(.verb, reading) }
            }
            // A participle after its noun: "decisions made in the meeting".
            if let reading = option.verb(.past), !option.canNoun, option.adjective == nil { return make(.verb, reading) }
            if option.canNoun || option.adjective != nil { return nounOrModifier(index, tokens, options, make) }
        }
        // After a verb: its object, or a verb it takes ("helps define").
        if previousTag == .verb || previousTag == .particle {
            if let causative = previous?.lemma, causative == "help", let reading = option.verb(.base), option.mostlyVerb {
                return make(.verb, reading)
            }
            if option.canNoun || option.adjective != nil { return nounOrModifier(index, tokens, options, make) }
        }
        // After an object pronoun: "helps others grow".
        if previousTag == .pronoun, previousIndex > 0, let verb = tags[previousIndex - 1], verb.tag == .verb,
           ["help", "make", "let", "have", "get", "enable", "encourage"].contains(verb.lemma), let reading = option.verb(.base) {
            return make(.verb, reading)
        }
        if onlyVerb, let reading = option.verbs.first { return make(.verb, reading) }
        if option.mostlyVerb, !joined, let reading = option.verb(in: [.base, .s, .past]), next.map({ Self.canFollowVerb($0, tokens[index + 1]) }) ?? false {
            return make(.verb, reading)
        }
        return nounOrModifier(index, tokens, options, make)
    }

    /// Where the verb stands when the word at `index` opens a subject noun phrase: a noun (or nouns)
    /// followed, within a few words, by a modal, a form of be or have, or a verb that agrees with it.
    private func subjectVerb(_ index: Int, _ tokens: [Token], _ options: [Options]) -> Int? {
        guard options[index].canNoun else { return nil }
        var head = index
        var position = index + 1
        while position < min(tokens.count, index + 6) {
            let option = options[position]
            if option.function == .modal { return position }
            if option.function == .verb, let aux = option.verbs.first, aux.base == "be" || aux.base == "have" {
                // "Help articles are ...".
                return position
            }
            if option.function != nil || tokens[position].kind != .word { return nil }
            let headNoun = options[head].noun
            let plural = headNoun?.form == .s
            let field = headNoun?.entry.semanticField(.noun)
            // A singular noun with no determiner is no subject on its own ("Coach associates ..." is a
            // verb and its object), though it may start one ("Account executives resolve ...").
            let bareSingular = !plural && position == index + 1
            if !bareSingular, let verb = option.verb(plural ? .base : .s) ?? option.verb(.past) {
                let personal = field == .nounPerson || field == .nounGroup
                let followed = position + 1 < tokens.count && Self.canFollowVerb(options[position + 1], tokens[position + 1])
                // WordNet knows it as a verb, and sees it as one more often than as anything else
                // (not a verb only pathc's lists know, such as "triage", nor "long" in "long term").
                let clearlyVerb = option.mostlyVerb && verb.entry.field(.verb) != 0
                // "Tools increase the number of ...": a verb with an object after a plural subject.
                let mostlyAdjective = option.adjective != nil && !option.mostlyVerb
                if (personal && !mostlyAdjective) || (!option.canNoun && option.adjective == nil) || (clearlyVerb && followed && option.adjective == nil) {
                    // "Coaches peers": a plural subject needs the base form; "peers" is not one.
                    if plural && verb.form == .s { return nil }
                    return position
                }
            }
            guard option.canNoun || option.adjective != nil else { return nil }
            // A plural noun ends a noun phrase ("Mentors junior engineers" is a verb and its object).
            if plural { return nil }
            head = position
            position += 1
        }
        return nil
    }

    /// Whether the word at `index` opens an object: a determiner, a pronoun or a number.
    private func startsObject(_ index: Int, _ tokens: [Token], _ options: [Options]) -> Bool {
        tokens[index].kind == .number || [.determiner, .pronoun].contains(options[index].function ?? .noun)
    }

    /// Something that may follow a verb: an object, a complement or an adverbial.
    static func canFollowVerb(_ option: Options, _ token: Token) -> Bool {
        if token.kind == .number { return true }
        if token.kind == .punctuation { return false }
        switch option.function {
        case .determiner?, .pronoun?, .preposition?, .to?, .subordinator?, .adverb?, .particle?: return true
        case .conjunction?, .modal?, .negation?: return false
        default: return option.canNoun || option.adjective != nil || option.adverb != nil || !option.known
        }
    }

    private func nounOrModifier(_ index: Int, _ tokens: [Token], _ options: [Options], _ make: (Tag, Reading?) -> TaggedWord) -> TaggedWord {
        let option = options[index]
        let word = tokens[index].text
        if option.adverb != nil, word.hasSuffix("ly") || (option.noun == nil && option.adjective == nil) { return make(.adverb, option.adverb) }
        // An adjective before a noun, or one that the lexicon knows as nothing else.
        if let adjective = option.adjective {
            let nextIsNoun = index + 1 < tokens.count && options[index + 1].canNoun
            if option.noun == nil || (nextIsNoun && adjective.entry.frequency(.adjective) >= (option.noun?.entry.frequency(.noun) ?? 0)) {
                return make(.adjective, adjective)
            }
        }
        if let noun = option.noun { return make(.noun, noun) }
        if let adjective = option.adjective { return make(.adjective, adjective) }
        if let verb = option.verbs.first { return make(verb.form == .ing || verb.form == .past ? .adjective : .noun, verb) }
        return make(.noun, nil)
    }

    /// A word the lexicon does not know ("onboards", "runbooks", "OKRs"): a verb where a verb must
    /// stand, otherwise a noun.
    private func guessUnknown(_ index: Int, _ tokens: [Token], _ options: [Options], _ previous: TaggedWord?, _ context: Context,
                              _ make: (Tag, Reading?) -> TaggedWord) -> TaggedWord {
        let word = tokens[index].text
        let previousTag = previous?.tag
        if previousTag == .modal || (previousTag == .to && !(index + 1 < tokens.count && tokens[index + 1].kind == .punctuation)) {
            return TaggedWord(tag: .verb, form: .base, lemma: word, known: false)
        }
        if context.clauseStart, index + 1 < tokens.count, Self.canFollowVerb(options[index + 1], tokens[index + 1]),
           (options[index + 1].function != nil && options[index + 1].function != .number) || word.hasSuffix("s") {
            let base = word.hasSuffix("es") && (word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("sses"))
                ? String(word.dropLast(2)) : word.hasSuffix("s") ? String(word.dropLast()) : word
            return TaggedWord(tag: .verb, form: word.hasSuffix("s") ? .s : .base, lemma: base, known: false)
        }
        if word.hasSuffix("ly") { return TaggedWord(tag: .adverb, lemma: word, known: false) }
        return TaggedWord(tag: .noun, form: word.hasSuffix("s") ? .s : .base, lemma: word, known: false)
    }

    private func resolveFunctionWord(_ index: Int, _ function: Tag, _ tokens: [Token], _ options: [Options], _ previous: TaggedWord?,
                                     _ make: (Tag, Reading?) -> TaggedWord) -> TaggedWord {
        let word = tokens[index].text
        // "that": a determiner before a noun with no verb after it, otherwise a clause.
        if word == "that" || word == "which" || word == "what" {
            if index + 1 < tokens.count {
                let next = options[index + 1]
                if next.canVerb && !next.canNoun || next.function == .modal || next.function == .verb { return make(.subordinator, nil) }
                // "a design doc that captures ...": a relative clause after a noun.
                if previous?.tag == .noun, next.verb(.s) != nil || next.verb(.past) != nil { return make(.subordinator, nil) }
                if word == "that", previous?.tag == .verb, next.function == .determiner || next.function == .pronoun { return make(.subordinator, nil) }
            }
            return make(word == "that" ? .determiner : .subordinator, nil)
        }
        // "as": a conjunction of comparison or time, or a preposition.
        if FunctionWords.particles.contains(word), previous?.tag == .verb, function == .preposition {
            // "breaks down complex problems", "follows up": the particle of a phrasal verb.
            if let verb = previous, lexicon.entry(verb.lemma + " " + word)?.has(.verb) == true { return make(.particle, nil) }
        }
        return make(function, nil)
    }
}
