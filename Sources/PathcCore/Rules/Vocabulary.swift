/// The level of thinking a behaviour shows, by the revised Bloom taxonomy, lowest first.
public enum BloomLevel: String, CaseIterable, Hashable, Sendable, Comparable {
    case remember, understand, apply, analyse, evaluate, create

    public static func < (a: BloomLevel, b: BloomLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The word lists the text rules read: the defaults of `DefaultVocabulary` with a repository's
/// changes from `vocabulary` in pathc.yaml, and every inflection of every verb (resolve,
/// resolves, resolved, resolving), ready for look-up by word.
public struct Vocabulary: Sendable {
    /// Inflected form -> base form and Bloom level.
    var observable: [String: (base: String, level: BloomLevel)] = [:]
    var unobservable: [String: String] = [:]
    var unobservablePhrases: [[String]] = []
    var vagueVerbs: [String: String] = [:]
    var vagueTerms: Set<String> = []
    var vagueTermPhrases: [[String]] = []
    var vagueObjects: Set<String> = []
    var hedges: Set<String> = []
    var hedgePhrases: [[String]] = []
    var abilityPhrases: [[String]] = []
    var activityVerbs: [String: String] = [:]
    var activityObjects: Set<String> = []
    var degreePhrases: [[String]] = []
    var numberWords: Set<String> = []

    /// The defaults with a repository's changes. List names are those of `vocabulary` in pathc.yaml.
    public init(changes: [String: ProjectConfig.WordListChange] = [:]) {
        func apply(_ list: [String], _ name: String) -> [String] {
            guard let change = changes[name] else { return list }
            let removed = Set(change.remove.map { $0.lowercased() })
            return list.filter { !removed.contains($0) } + change.add.map { $0.lowercased() }
        }
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
                unobservablePhrases.append(words)
            }
            // An unobservable verb is never counted as observable, whatever the other list says.
            if words.count == 1 { for form in Self.inflections(of: entry) where observable[form]?.base == entry { observable[form] = nil } }
        }
        let vague = apply(DefaultVocabulary.vagueTerms, "vague_terms")
        let removedVague = Set((changes["vague_terms"]?.remove ?? []).map { $0.lowercased() })
        for entry in vague {
            let words = entry.split(separator: " ").map(String.init)
            if words.count == 1 { vagueTerms.insert(entry) } else { vagueTermPhrases.append(words) }
        }
        for base in DefaultVocabulary.vagueVerbs where !removedVague.contains(base) {
            for form in Self.inflections(of: base) { vagueVerbs[form] = base }
        }
        vagueObjects = Set(DefaultVocabulary.vagueObjects.filter { !removedVague.contains($0) })
        for entry in apply(DefaultVocabulary.hedges, "hedges") {
            let words = entry.split(separator: " ").map(String.init)
            if words.count == 1 { hedges.insert(entry) } else { hedgePhrases.append(words) }
        }
        abilityPhrases = apply(DefaultVocabulary.abilityPhrases, "ability_phrases").map { $0.split(separator: " ").map(String.init) }
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
        degreePhrases = apply(DefaultVocabulary.degreePhrases, "degree_phrases").map { $0.split(separator: " ").map(String.init) }
        numberWords = Set(DefaultVocabulary.numberWords)
    }

    /// Levels are added lowest first, so a verb listed at several levels keeps its highest. A form
    /// shared by two verbs keeps the first verb.
    private mutating func addObservable(_ base: String, _ level: BloomLevel) {
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
