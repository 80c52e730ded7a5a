/// The closed classes of English that WordNet leaves out (it lists only nouns, verbs, adjectives
/// and adverbs): determiners, pronouns, prepositions, conjunctions, modals and auxiliaries. A
/// word here is read as this class first; the tagger decides between the classes of the few
/// that have several ("that", "as", "up").
enum FunctionWords {
    static let determiners: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "each", "every", "all", "any", "some", "no", "both", "either",
        "neither", "another", "other", "such", "many", "much", "few", "several", "more", "most", "less", "least", "enough",
        "my", "your", "his", "her", "its", "our", "their", "whose", "which", "what", "whatever", "various", "certain",
        "fewer", "same",
    ]
    static let possessives: Set<String> = ["my", "your", "his", "her", "its", "our", "their", "whose"]
    static let pronouns: Set<String> = [
        "i", "me", "you", "he", "him", "she", "it", "we", "us", "they", "them", "themselves", "themself", "itself",
        "himself", "herself", "ourselves", "yourself", "yourselves", "myself", "others", "someone", "everyone", "anyone",
        "everybody", "somebody", "anybody", "nobody", "everything", "something", "anything", "nothing", "who", "whom",
        "whoever", "one", "oneself", "ones",
    ]
    /// Pronouns that can be the subject of a verb.
    static let subjectPronouns: Set<String> = ["i", "you", "he", "she", "it", "we", "they", "who", "someone", "everyone",
                                              "anyone", "everybody", "somebody", "nobody", "one", "others"]
    static let prepositions: Set<String> = [
        "about", "above", "across", "after", "against", "along", "alongside", "amid", "among", "amongst", "around", "as",
        "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down",
        "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out",
        "outside", "over", "past", "per", "since", "than", "through", "throughout", "till", "toward", "towards", "under",
        "underneath", "unlike", "until", "up", "upon", "via", "with", "within", "without", "versus", "vs", "regarding",
        "including", "concerning", "following", "beyond", "plus",
    ]
    /// Words that follow a verb as part of it ("break down", "follow up").
    static let particles: Set<String> = ["up", "down", "out", "off", "on", "in", "over", "through", "back", "away", "around",
                                        "into", "about", "along", "across", "forward", "together", "apart", "aside", "ahead"]
    static let conjunctions: Set<String> = ["and", "or", "but", "nor", "&", "yet"]
    /// Words that open a clause of their own.
    static let subordinators: Set<String> = [
        "that", "so", "because", "while", "whilst", "when", "whenever", "where", "wherever", "if", "unless", "whether",
        "although", "though", "once", "which", "who", "whom", "how", "why", "whereas",
    ]
    static let modals: Set<String> = ["will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought",
                                     "cannot", "can't", "won't", "shouldn't", "couldn't", "wouldn't", "mustn't"]
    static let beForms: Set<String> = ["be", "is", "are", "was", "were", "been", "being", "am", "isn't", "aren't", "wasn't",
                                      "weren't", "'s", "'re"]
    static let haveForms: Set<String> = ["have", "has", "had", "having", "hasn't", "haven't", "hadn't"]
    static let doForms: Set<String> = ["do", "does", "did", "doesn't", "don't", "didn't"]
    static let negations: Set<String> = ["not", "never", "n't"]
    /// Adverbs WordNet lists poorly or that behave as function words here.
    static let adverbs: Set<String> = ["then", "also", "always", "never", "not", "now", "often", "still", "just", "even",
                                      "already", "only", "very", "too", "rather", "quite", "well", "sometimes", "usually",
                                      "generally", "mostly", "together", "independently", "jointly", "first", "again",
                                      "regularly", "consistently", "proactively", "actively", "effectively", "typically",
                                      "frequently", "occasionally", "increasingly", "primarily", "mainly", "largely",
                                      "perhaps", "maybe", "ideally", "hopefully", "e.g", "i.e", "etc"]
}
