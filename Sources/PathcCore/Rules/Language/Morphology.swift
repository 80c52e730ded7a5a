import Foundation

/// The inflection a word form carries.
enum WordForm: UInt8, Sendable {
    /// resolve, report (a noun's singular, an adjective's plain form)
    case base
    /// resolves (a verb's third person); reports (a noun's plural)
    case s
    /// resolved, led, written: a past tense or past participle
    case past
    /// resolving
    case ing
    /// faster, fastest
    case graded
}

/// One way to read a word form: a lemma of the lexicon, its part of speech and the inflection.
struct Reading: Sendable {
    let base: String
    let part: PartOfSpeech
    let form: WordForm
    let entry: LexicalEntry
}

extension Lexicon {
    /// Every reading of a lowercase word form: as a lemma itself, as an irregular form (WordNet's
    /// exception lists), and by the regular endings, each checked against the lexicon.
    func readings(of word: String) -> [Reading] {
        let found = regularReadings(of: word)
        guard found.isEmpty else { return found }
        // British spellings that WordNet lists only in their American form: prioritise, analyse,
        // behaviour, centre.
        for variant in Self.americanSpellings(of: word) {
            let readings = regularReadings(of: variant)
            if !readings.isEmpty { return readings }
        }
        return []
    }

    static func americanSpellings(of word: String) -> [String] {
        var variants: [String] = []
        for (british, american) in [("is", "iz"), ("ys", "yz"), ("our", "or"), ("tre", "ter")] {
            guard let range = word.range(of: british, options: .backwards) else { continue }
            let rest = word[range.upperBound...]
            let endings: [Substring] = british == "our" ? ["", "s", "al", "ed", "ing", "ite", "ites"]
                : british == "tre" ? ["", "s", "d"] : ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"]
            if endings.contains(rest) { variants.append(word.replacingCharacters(in: range, with: american)) }
        }
        return variants
    }

    private func regularReadings(of word: String) -> [Reading] {
        var found: [Reading] = []
        func add(_ base: String, _ part: PartOfSpeech, _ form: WordForm) {
            guard !found.contains(where: { $0.base == base && $0.part == part && $0.form == form }),
                  let entry = entry(base), entry.has(part) else { return }
            found.append(Reading(base: base, part: part, form: form, entry: entry))
        }
        if let entry = entry(word) {
            for part in PartOfSpeech.allCases where entry.has(part) {
                found.append(Reading(base: word, part: part, form: .base, entry: entry))
            }
        }
        for (part, base) in irregular(word) {
            add(base, part, part == .verb ? (word.hasSuffix("ing") ? .ing : word.hasSuffix("s") ? .s : .past)
                : part == .noun ? .s : .graded)
        }
        let bytes = Array(word.utf8)
        let count = bytes.count
        guard count > 2 else { return found }
        func ends(_ suffix: String) -> Bool {
            let suffix = Array(suffix.utf8)
            return count > suffix.count + 1 && bytes[(count - suffix.count)...].elementsEqual(suffix)
        }
        func stem(_ drop: Int, _ add: String = "") -> String {
            String(decoding: bytes[..<(count - drop)], as: UTF8.self) + add
        }
        /// "planned" -> "plan", "running" -> "run": the stem with its doubled consonant undone.
        func undoubled(_ drop: Int) -> String? {
            let end = count - drop
            guard end >= 3, bytes[end - 1] == bytes[end - 2], !"aeiouslz".utf8.contains(bytes[end - 1]) else { return nil }
            return String(decoding: bytes[..<(end - 1)], as: UTF8.self)
        }
        if ends("s") && !ends("ss") {
            add(stem(1), .noun, .s)
            add(stem(1), .verb, .s)
            if ends("ies") {
                add(stem(3, "y"), .noun, .s)
                add(stem(3, "y"), .verb, .s)
            } else if ends("es") {
                add(stem(2), .noun, .s)
                add(stem(2), .verb, .s)
            }
        }
        if ends("men") { add(stem(3, "man"), .noun, .s) }
        if ends("ed") {
            add(stem(1), .verb, .past)
            add(stem(2), .verb, .past)
            if ends("ied") { add(stem(3, "y"), .verb, .past) }
            if let base = undoubled(2) { add(base, .verb, .past) }
        }
        if ends("ing") {
            add(stem(3), .verb, .ing)
            add(stem(3, "e"), .verb, .ing)
            if ends("ying") { add(stem(4, "ie"), .verb, .ing) }
            if let base = undoubled(3) { add(base, .verb, .ing) }
        }
        if ends("er") || ends("est") {
            let drop = ends("er") ? 2 : 3
            add(stem(drop), .adjective, .graded)
            add(stem(drop - 1), .adjective, .graded)
            if bytes[count - drop - 1] == UInt8(ascii: "i") { add(stem(drop + 1, "y"), .adjective, .graded) }
            if let base = undoubled(drop) { add(base, .adjective, .graded) }
        }
        return found
    }
}
