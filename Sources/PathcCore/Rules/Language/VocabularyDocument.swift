/// The word lists as docs/vocabulary.md shows them at its end ("## The default lists" onwards):
/// made from the lists themselves, so that the page always says what pathc uses. A test compares
/// the page with this text; `pathc-bench vocabulary-doc` prints it.
public enum VocabularyDocument {
    public static let heading = "## The default lists"

    public static var markdown: String {
        func list(_ words: [String]) -> String { words.map { "`\($0)`" }.joined(separator: ", ") }
        var text = heading + "\n\n### observableVerbs\n\n"
        for level in BloomLevel.allCases {
            let words = DefaultVocabulary.observableVerbs[level] ?? []
            text += "**\(level.rawValue)** (\(words.count)): \(list(words))\n\n"
        }
        let lists: [(String, [String])] = [
            ("unobservableVerbs", DefaultVocabulary.unobservableVerbs), ("vagueVerbs", DefaultVocabulary.vagueVerbs),
            ("vagueTerms", DefaultVocabulary.vagueTerms), ("vagueObjects", DefaultVocabulary.vagueObjects),
            ("hedges", DefaultVocabulary.hedges), ("abilityPhrases", DefaultVocabulary.abilityPhrases),
            ("activityVerbs", DefaultVocabulary.activityVerbs), ("activityObjects", DefaultVocabulary.activityObjects),
            ("degreePhrases", DefaultVocabulary.degreePhrases), ("numberWords", DefaultVocabulary.numberWords),
        ]
        for (name, words) in lists { text += "### \(name) (\(words.count))\n\n\(list(words))\n\n" }
        let bases = DefaultVocabulary.irregularForms.keys.sorted()
        text += "### irregularForms (\(bases.count))\n\n| base | other forms |\n| --- | --- |\n"
        for base in bases { text += "| `\(base)` | \(list(DefaultVocabulary.irregularForms[base]!)) |\n" }
        text += "\n"
        text += "### The lists of the judgement rules\n\nEach is changed in pathc.yaml under `vocabulary:` by its key.\n\n"
        for id in WordListID.allCases {
            let definition = id.definition
            text += "#### \(definition.key) (\(definition.words.count))\n\n\(definition.summary.prefix(1).uppercased() + definition.summary.dropFirst())"
            text += definition.inflected ? "; verbs in base form, matched in every form.\n\n" : ".\n\n"
            text += list(definition.words.sorted()) + "\n\n"
        }
        return text
    }
}
