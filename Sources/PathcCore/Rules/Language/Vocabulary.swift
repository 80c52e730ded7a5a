/// The level of thinking a behaviour shows, by the revised Bloom taxonomy, lowest first.
public enum BloomLevel: String, CaseIterable, Hashable, Sendable, Comparable {
    case remember, understand, apply, analyse, evaluate, create

    public static func < (a: BloomLevel, b: BloomLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What the lists say about one word, as bits, so that a statement's words are looked up once.
struct WordFlags: OptionSet, Sendable {
    let rawValue: UInt32
    static let vagueTerm = WordFlags(rawValue: 1 << 0)
    static let vagueObject = WordFlags(rawValue: 1 << 1)
    static let hedge = WordFlags(rawValue: 1 << 2)
    static let numberWord = WordFlags(rawValue: 1 << 3)
    static let quantifier = WordFlags(rawValue: 1 << 4)
    static let activityObject = WordFlags(rawValue: 1 << 5)
    static let activityVerb = WordFlags(rawValue: 1 << 6)
    static let determiner = WordFlags(rawValue: 1 << 7)
    static let modal = WordFlags(rawValue: 1 << 8)
    static let beForm = WordFlags(rawValue: 1 << 9)
    static let auxiliary = WordFlags(rawValue: 1 << 10)
    static let standardWord = WordFlags(rawValue: 1 << 11)
    static let linkWord = WordFlags(rawValue: 1 << 12)
    static let knowledgeNoun = WordFlags(rawValue: 1 << 13)
    static let knowledgeModifier = WordFlags(rawValue: 1 << 14)
    static let acquireVerb = WordFlags(rawValue: 1 << 15)
    static let subordinator = WordFlags(rawValue: 1 << 16)
    static let countedActivity = WordFlags(rawValue: 1 << 17)
    static let countingWord = WordFlags(rawValue: 1 << 18)
    // A phrase of a table may start with this word.
    static let unobservableStart = WordFlags(rawValue: 1 << 20)
    static let vagueStart = WordFlags(rawValue: 1 << 21)
    static let hedgeStart = WordFlags(rawValue: 1 << 22)
    static let abilityStart = WordFlags(rawValue: 1 << 23)
    static let degreeStart = WordFlags(rawValue: 1 << 24)
}

/// A word's entry in the lexicon: its flags, and its verb reading if it has one.
struct WordInfo: Sendable {
    var flags: WordFlags = []
    /// Index into `Vocabulary.verbEntries`, or -1.
    var verb: Int32 = -1
}

/// A verb form's reading: base form, class, and Bloom level where the observable list has it.
struct VerbEntry: Sendable {
    let base: String
    let kind: TextAnalysis.VerbKind
    let observableLevel: BloomLevel?
}

/// A phrase of the word lists ("be aware of"): its words, and every form its first word may take
/// (any form of "be"; any inflection of a verb), so that look-ups reject most positions at once.
struct Phrase: Sendable {
    let words: [String]
    let firstForms: Set<String>
    let text: String

    init(_ text: String) {
        self.text = text
        words = text.split(separator: " ").map(String.init)
        let first = words.first ?? ""
        firstForms = first == "be" ? TextAnalysis.beForms : Set(Vocabulary.inflections(of: first))
    }
}

/// The phrases of one list, indexed word by word from every form of their first word, so that
/// finding them in a statement costs one look-up per word and per word of a phrase matched.
struct PhraseTable: Sendable {
    let phrases: [Phrase]
    private var trie = PhraseTrie<Int>()
    /// The flag the lexicon sets on every word a phrase of this table starts with.
    let startFlag: WordFlags

    init(_ phrases: [Phrase], startFlag: WordFlags = []) {
        self.phrases = phrases
        self.startFlag = startFlag
        for (position, phrase) in phrases.enumerated() {
            trie.insert(firstForms: phrase.firstForms, rest: Array(phrase.words.dropFirst()), position)
        }
    }

    /// The first phrase of the table found in the statement, by position, with its word positions;
    /// of two at one position, the one listed first.
    func first(in analysis: TextAnalysis) -> (phrase: Phrase, positions: Range<Int>)? {
        let words = analysis.words
        for start in words.indices where analysis.info[words[start]].flags.contains(startFlag) {
            guard let node = trie.start(analysis.tokens[words[start]].text) else { continue }
            var best: (index: Int, length: Int)?
            trie.matches(from: node, next: { offset in
                start + 1 + offset < words.count ? analysis.tokens[words[start + 1 + offset]].text : nil
            }) { index, length in
                if best == nil || index < best!.index { best = (index, length) }
            }
            if let best { return (phrases[best.index], start..<(start + best.length)) }
        }
        return nil
    }

    func contains(in analysis: TextAnalysis) -> Bool { first(in: analysis) != nil }
}

/// The word lists the text rules read: the defaults of `DefaultVocabulary` with a repository's
/// changes from `vocabulary` in pathc.yaml, and every inflection of every verb (resolve,
/// resolves, resolved, resolving), ready for look-up by word.
///
/// A class, so that the rules and the analyses share one copy: its tables are filled while it is
/// built and never changed after.
public final class Vocabulary: @unchecked Sendable {
    /// Inflected form -> base form and Bloom level.
    var observable: [String: (base: String, level: BloomLevel)] = [:]
    var unobservable: [String: String] = [:]
    var unobservablePhrases = PhraseTable([])
    var vagueVerbs: [String: String] = [:]
    var vagueTerms: Set<String> = []
    var vagueTermPhrases = PhraseTable([])
    var vagueObjects: Set<String> = []
    var hedges: Set<String> = []
    var hedgePhrases = PhraseTable([])
    var abilityPhrases = PhraseTable([])
    var activityVerbs: [String: String] = [:]
    var activityObjects: Set<String> = []
    var degreePhrases = PhraseTable([])
    var numberWords: Set<String> = []
    /// Every listed word and verb form, with its flags: one look-up per word of a statement.
    var lexicon: [String: WordInfo] = [:]
    /// The word lists the judgement rules declare, with pathc.yaml's changes.
    var lists = ListTable(changes: [:])
    var verbEntries: [VerbEntry] = []

    /// The default lists, built once per process.
    public static let standard = Vocabulary(changes: [:])

    /// The defaults, or the defaults with a repository's changes.
    public static func with(_ changes: [String: ProjectConfig.WordListChange]) -> Vocabulary {
        // (Made anew for each run with changes; the defaults once.)
        changes.isEmpty ? standard : Vocabulary(changes: changes)
    }

    /// The defaults with a repository's changes. List names are those of `vocabulary` in pathc.yaml.
    public init(changes: [String: ProjectConfig.WordListChange] = [:]) {
        func apply(_ list: [String], _ name: String) -> [String] {
            guard let change = changes[name] else { return list }
            let removed = Set(change.remove.map { $0.lowercased() })
            return list.filter { !removed.contains($0) } + change.add.map { $0.lowercased() }
        }
        var unobservableList: [Phrase] = [], vagueList: [Phrase] = [], hedgeList: [Phrase] = []
        let removedObservable = Set((changes["observable_verbs"]?.remove ?? []).map { $0.lowercased() })
        for level in BloomLevel.allCases {
            for base in DefaultVocabulary.observableVerbs[level] ?? [] where !removedObservable.contains(base) {
                addObservable(base, level)
            }
        }
        for base in changes["observable_verbs"]?.add ?? [] { addObservable(base.lowercased(), .apply) }

        for entry in apply(DefaultVocabulary.unobservableVerbs, "unobservable_verbs") {
            let words = entry.split(separator: " ").map(String.init)
            if words.count == 1 {
                for form in Self.inflections(of: entry) { unobservable[form] = entry }
            } else {
                unobservableList.append(Phrase(entry))
            }
            // An unobservable verb is never counted as observable, whatever the other list says.
            if words.count == 1 { for form in Self.inflections(of: entry) where observable[form]?.base == entry { observable[form] = nil } }
        }
        let vague = apply(DefaultVocabulary.vagueTerms, "vague_terms")
        let removedVague = Set((changes["vague_terms"]?.remove ?? []).map { $0.lowercased() })
        for entry in vague {
            let words = entry.split(separator: " ").map(String.init)
            if words.count == 1 { vagueTerms.insert(entry) } else { vagueList.append(Phrase(entry)) }
        }
        for base in DefaultVocabulary.vagueVerbs where !removedVague.contains(base) {
            for form in Self.inflections(of: base) { vagueVerbs[form] = base }
        }
        vagueObjects = Set(DefaultVocabulary.vagueObjects.filter { !removedVague.contains($0) })
        for entry in apply(DefaultVocabulary.hedges, "hedges") {
            let words = entry.split(separator: " ").map(String.init)
            if words.count == 1 { hedges.insert(entry) } else { hedgeList.append(Phrase(entry)) }
        }
        abilityPhrases = PhraseTable(apply(DefaultVocabulary.abilityPhrases, "ability_phrases").map(Phrase.init))
        let activity = apply(DefaultVocabulary.activityVerbs + DefaultVocabulary.activityObjects, "activity_words")
        let defaultObjects = Set(DefaultVocabulary.activityObjects)
        for entry in activity {
            if defaultObjects.contains(entry) {
                activityObjects.insert(entry)
            } else {
                for form in Self.inflections(of: entry) { activityVerbs[form] = entry }
                activityObjects.insert(entry)
            }
        }
        let declarations = RuleRegistry.wordDeclarations
        degreePhrases = PhraseTable(apply(DefaultVocabulary.degreePhrases, "degree_phrases").map(Phrase.init)
                                    + declarations.flatMap { $0.degreePhrases }, startFlag: .degreeStart)
        abilityPhrases = PhraseTable(abilityPhrases.phrases, startFlag: .abilityStart)
        unobservablePhrases = PhraseTable(unobservableList, startFlag: .unobservableStart)
        vagueTermPhrases = PhraseTable(vagueList, startFlag: .vagueStart)
        hedgePhrases = PhraseTable(hedgeList, startFlag: .hedgeStart)
        numberWords = Set(DefaultVocabulary.numberWords)
        lists = ListTable(changes: changes)
        buildLexicon(declarations)
    }

    private func buildLexicon(_ declarations: [any DeclaresWords.Type]) {
        func mark(_ words: some Sequence<String>, _ flag: WordFlags) {
            for word in words { lexicon[word, default: WordInfo()].flags.insert(flag) }
        }
        mark(vagueTerms, .vagueTerm)
        mark(vagueObjects, .vagueObject)
        mark(hedges, .hedge)
        mark(numberWords, .numberWord)
        mark(TextAnalysis.quantifiers, .quantifier)
        mark(activityObjects, .activityObject)
        mark(activityVerbs.keys, .activityVerb)
        mark(TextAnalysis.determiners, .determiner)
        mark(TextAnalysis.modals, .modal)
        mark(TextAnalysis.beForms, .beForm)
        mark(TextAnalysis.auxiliaries, .auxiliary)
        for declaration in declarations {
            for words in declaration.lexiconWords { mark(words.words, words.flag) }
        }
        for table in [unobservablePhrases, vagueTermPhrases, hedgePhrases, abilityPhrases, degreePhrases] {
            for phrase in table.phrases { mark(phrase.firstForms, table.startFlag) }
        }
        // Unobservable beats observable (the lists should not overlap), then observable, vague and activity.
        let forms = Set(unobservable.keys).union(observable.keys).union(vagueVerbs.keys).union(activityVerbs.keys)
        for form in forms.sorted() {
            let entry: VerbEntry
            let level = observable[form]?.level
            if let base = unobservable[form] {
                entry = VerbEntry(base: base, kind: .unobservable, observableLevel: nil)
            } else if let observed = observable[form] {
                if let vague = vagueVerbs[form], vague == observed.base {
                    entry = VerbEntry(base: vague, kind: .vague, observableLevel: level)
                } else {
                    entry = VerbEntry(base: observed.base, kind: .observable(observed.level), observableLevel: level)
                }
            } else if let base = vagueVerbs[form] {
                entry = VerbEntry(base: base, kind: .vague, observableLevel: nil)
            } else {
                entry = VerbEntry(base: activityVerbs[form]!, kind: .activity, observableLevel: nil)
            }
            lexicon[form, default: WordInfo()].verb = Int32(verbEntries.count)
            verbEntries.append(entry)
        }
    }

    /// A tagger that also knows the verbs of these lists.
    package func tagger(table: WordTable? = nil) -> Tagger {
        Tagger(vocabulary: self, table: table)
    }

    /// A word's verb reading, if any.
    func verb(_ word: String) -> VerbEntry? {
        guard let index = lexicon[word]?.verb, index >= 0 else { return nil }
        return verbEntries[Int(index)]
    }

    /// Levels are added lowest first, so a verb listed at several levels keeps its highest. A form
    /// shared by two verbs keeps the first verb.
    private func addObservable(_ base: String, _ level: BloomLevel) {
        for form in Self.inflections(of: base) where observable[form] == nil || observable[form]!.base == base {
            observable[form] = (base, level)
        }
    }

    /// The base form and its regular (and listed irregular) inflections.
    static func inflections(of base: String) -> [String] {
        guard !base.contains(" "), let last = base.last else { return [base] }
        var forms = [base]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let secondLast = base.count > 1 ? base[base.index(base.endIndex, offsetBy: -2)] : " "
        // -s
        if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch") || base.hasSuffix("sh") {
            forms.append(base + "es")
        } else if last == "y" && !vowels.contains(secondLast) {
            forms.append(base.dropLast() + "ies")
        } else {
            forms.append(base + "s")
        }
        // A short consonant-vowel-consonant verb doubles its last consonant: plan, planned, planning.
        let doubles = base.count <= 4 && !vowels.contains(last) && !["w", "x", "y"].contains(last) && vowels.contains(secondLast)
            && base.count >= 3 && !vowels.contains(base[base.index(base.endIndex, offsetBy: -3)])
        // -ed
        if last == "e" {
            forms.append(base + "d")
        } else if last == "y" && !vowels.contains(secondLast) {
            forms.append(base.dropLast() + "ied")
        } else if doubles {
            forms.append(base + String(last) + "ed")
        } else {
            forms.append(base + "ed")
        }
        // -ing
        if base.hasSuffix("ie") {
            forms.append(base.dropLast(2) + "ying")
        } else if last == "e" && !base.hasSuffix("ee") && base.count > 2 {
            forms.append(base.dropLast() + "ing")
        } else if doubles {
            forms.append(base + String(last) + "ing")
        } else {
            forms.append(base + "ing")
        }
        forms += DefaultVocabulary.irregularForms[base] ?? []
        return forms
    }
}
