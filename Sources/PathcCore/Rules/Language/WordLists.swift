/// The word lists that the judgement rules of behaviours, objectives and key results declare (each
/// rule's file holds its own words), with the `vocabulary` key that changes each in pathc.yaml.
/// A statement's words are looked up once, in one table for all of them (see `ListMatches`).
enum WordListID: Int, CaseIterable, Sendable {
    case emptyVerbs, emptyUnlessConcrete, emptyPhrases, abstractNouns
    case traitPhrases, traitVerbs
    case thoughtProcesses
    case behaviourVagueTerms
    case behaviourHedges
    case absenceWords
    case outputVerbs, outcomeWords
    case aspirationalPhrases, aspirationalVerbs
    case thingSubjects

    /// The list's key under `vocabulary` in pathc.yaml.
    var key: String { definition.key }

    var definition: WordList {
        switch self {
        case .emptyVerbs: return EmptyVerbRule.emptyVerbs
        case .emptyUnlessConcrete: return EmptyVerbRule.emptyUnlessConcrete
        case .emptyPhrases: return EmptyVerbRule.emptyPhrases
        case .abstractNouns: return EmptyVerbRule.abstractNouns
        case .traitPhrases: return TraitStatementRule.traitPhrases
        case .traitVerbs: return TraitStatementRule.traitVerbs
        case .thoughtProcesses: return UnobservableVerbRule.thoughtProcesses
        case .behaviourVagueTerms: return VagueTermRule.behaviourTerms
        case .behaviourHedges: return HedgedStandardRule.hedges
        case .absenceWords: return AbsenceRule.words
        case .outputVerbs: return OutputAsResultRule.outputVerbs
        case .outcomeWords: return OutputAsResultRule.outcomeWords
        case .aspirationalPhrases: return AspirationalObjectiveRule.phrases
        case .aspirationalVerbs: return AspirationalObjectiveRule.verbs
        case .thingSubjects: return AbilityWordingRule.thingSubjects
        }
    }
}

/// A list of words and phrases. Single words match by their lemma when `inflected` (a verb list:
/// "fosters", "fostered" and "fostering" are "foster"), otherwise as written; a phrase matches
/// with any inflection of its first word ("contributes to", "contributed to").
struct WordList: Sendable {
    let key: String
    let summary: String
    let inflected: Bool
    let words: [String]

    init(_ key: String, _ summary: String, inflected: Bool = false, _ words: [String]) {
        self.key = key
        self.summary = summary
        self.inflected = inflected
        self.words = words
    }
}

/// The lists as a run uses them, after pathc.yaml's changes: each word's lists as bits, and the
/// phrases indexed by every form of their first word.
struct ListTable: Sendable {
    /// Word (for inflected lists: every form) -> the lists holding it, as bits of `WordListID`.
    private(set) var words: [String: UInt32] = [:]
    /// The base forms of the inflected (verb) lists, matched against a verb's lemma ("led" -> lead).
    private(set) var verbLemmas: [String: UInt32] = [:]
    /// A phrase of a list: its list, and whether its first word must be a verb.
    struct Phrase: Sendable {
        let list: WordListID
        let verbal: Bool
    }
    /// The phrases, word by word from every form of their first word.
    private(set) var phrases = PhraseTrie<Phrase>()

    init(changes: [String: ProjectConfig.WordListChange]) {
        for list in WordListID.allCases {
            let definition = list.definition
            var entries = definition.words
            if let change = changes[definition.key] {
                let removed = Set(change.remove.map { $0.lowercased() })
                entries = entries.filter { !removed.contains($0) } + change.add.map { $0.lowercased() }
            }
            for entry in entries {
                let parts = entry.split(separator: " ").map(String.init)
                guard let first = parts.first else { continue }
                let forms = definition.inflected ? Vocabulary.inflections(of: first) : [first]
                if parts.count == 1 {
                    for form in forms { words[form, default: 0] |= 1 << UInt32(list.rawValue) }
                    if definition.inflected { verbLemmas[first, default: 0] |= 1 << UInt32(list.rawValue) }
                } else {
                    let firstForms = first == "be" ? Array(TextAnalysis.beForms) : forms
                    // A verb list's phrase starts with a verb: "contribute to", "focus on", "be known for".
                    let verbal = definition.inflected && Vocabulary.inflections(of: first).count > 1
                    phrases.insert(firstForms: firstForms, rest: Array(parts.dropFirst()), Phrase(list: list, verbal: verbal))
                }
            }
        }
    }
}

/// Where a statement's words meet the lists: per token, the lists its form or its lemma is in;
/// and every phrase found, with its word positions.
struct ListMatches: Sendable {
    private(set) var tokenLists: [UInt32]
    private(set) var phrases: [(list: WordListID, positions: Range<Int>)] = []

    init(tokens: [Token], tags: [TaggedWord], words: [Int], options: [Tagger.Options], table: ListTable) {
        tokenLists = [UInt32](repeating: 0, count: tokens.count)
        for index in tokens.indices where tokens[index].kind == .word {
            var bits = options[index].lists
            let lemma = tags[index].lemma
            if tags[index].tag == .verb, lemma != tokens[index].text { bits |= table.verbLemmas[lemma] ?? 0 }
            tokenLists[index] = bits
        }
        for (position, index) in words.enumerated() {
            guard let node = options[index].phraseNode else { continue }
            let verbLike = tags[index].tag == .verb || (tags[index].tag == .adjective && !tokens[index].text.hasSuffix("s"))
            table.phrases.matches(from: node, next: { offset in
                position + 1 + offset < words.count ? tokens[words[position + 1 + offset]].text : nil
            }) { candidate, length in
                if candidate.verbal && !verbLike { return }
                phrases.append((candidate.list, position..<(position + length)))
            }
        }
    }

    func contains(_ list: WordListID, token: Int) -> Bool { tokenLists[token] & (1 << UInt32(list.rawValue)) != 0 }

    func first(_ list: WordListID) -> Range<Int>? { phrases.first { $0.list == list }?.positions }

    func all(_ list: WordListID) -> [Range<Int>] { phrases.filter { $0.list == list }.map(\.positions) }
}
