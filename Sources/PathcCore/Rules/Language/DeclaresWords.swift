/// A rule that finds some of its words through flags of the lexicon (one look-up per word of a
/// statement, however many rules ask) declares those words itself, beside the code that reads
/// them. `Vocabulary` collects the declarations from every rule of the registry when it builds
/// its lexicon, so a rule's words change in the rule's file alone.
protocol DeclaresWords {
    /// The rule's words, each group with the flag the lexicon gives it.
    static var lexiconWords: [WordMark] { get }
    /// Phrases that set a standard ("at least", "within"), matched after `degree_phrases`.
    static var degreePhrases: [Phrase] { get }
}

extension DeclaresWords {
    static var degreePhrases: [Phrase] { [] }
}

/// Words and the flag the lexicon gives each of them.
struct WordMark: Sendable {
    let flag: WordFlags
    /// Every form that gets the flag: with `inflected`, each word's inflections too.
    let words: [String]

    init(_ flag: WordFlags, _ words: some Sequence<String>, inflected: Bool = false) {
        self.flag = flag
        self.words = inflected ? words.flatMap(Vocabulary.inflections) : Array(words)
    }
}
