/// One word, number or mark of a statement.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation }
    /// Lowercased, for look-ups.
    let text: String
    /// As written, for messages.
    let original: String
    let kind: Kind
    /// Character offsets in the statement, for pointing at the word.
    let range: Range<Int>
}

/// What the text rules need to know about a statement: its words, its main verb (after any
/// subject, modal or "be able to"), whether it quantifies anything, and its Bloom level.
struct TextAnalysis: Sendable {
    let tokens: [Token]
    /// Indices of word and number tokens (punctuation left out).
    let words: [Int]
    /// The main verb: token index, base form, and class.
    let mainVerb: (index: Int, base: String, kind: VerbKind)?
    /// Every token index that reads as a verb, with its class.
    let verbs: [(index: Int, base: String, kind: VerbKind)]
    /// The statement names a number, percentage, amount or number word.
    let hasQuantity: Bool

    enum VerbKind: Sendable, Equatable {
        case observable(BloomLevel)
        case unobservable
        case vague
        case activity
    }

    static let determiners: Set<String> = ["a", "an", "the", "each", "every", "all", "their", "our", "its", "his", "her",
                                          "this", "that", "these", "those", "my", "your", "any", "no", "per", "of", "for",
                                          "in", "on", "with", "by", "from", "into", "at", "about", "as"]
    static let modals: Set<String> = ["will", "shall", "must", "should", "can", "could", "may", "might", "would", "to"]
    static let beForms: Set<String> = ["be", "is", "are", "was", "were", "been", "being", "am"]

    init(_ text: String, vocabulary: Vocabulary) {
        let tokens = Self.tokenize(text)
        let words = tokens.indices.filter { tokens[$0].kind != .punctuation }
        var verbs: [(Int, String, VerbKind)] = []
        for index in words {
            if let verb = Self.verb(tokens[index].text, vocabulary) { verbs.append((index, verb.0, verb.1)) }
        }
        self.tokens = tokens
        self.words = words
        self.verbs = verbs
        hasQuantity = tokens.contains { $0.kind == .number || vocabulary.numberWords.contains($0.text) }
        mainVerb = Self.findMainVerb(tokens: tokens, words: words, vocabulary: vocabulary)
    }

    /// The base form and class of a word that can be a verb. Unobservable beats observable (the
    /// lists should not overlap), then observable, vague and activity.
    static func verb(_ word: String, _ vocabulary: Vocabulary) -> (String, VerbKind)? {
        if let base = vocabulary.unobservable[word] { return (base, .unobservable) }
        if let entry = vocabulary.observable[word] {
            if let vague = vocabulary.vagueVerbs[word], vague == entry.base { return (vague, .vague) }
            return (entry.base, .observable(entry.level))
        }
        if let base = vocabulary.vagueVerbs[word] { return (base, .vague) }
        if let base = vocabulary.activityVerbs[word] { return (base, .activity) }
        return nil
    }

    private static func findMainVerb(tokens: [Token], words: [Int], vocabulary: Vocabulary) -> (Int, String, VerbKind)? {
        let texts = words.map { tokens[$0].text }
        func verbAt(_ position: Int) -> (Int, String, VerbKind)? {
            guard position < texts.count, let verb = verb(texts[position], vocabulary) else { return nil }
            return (words[position], verb.0, verb.1)
        }
        func isAdverb(_ word: String) -> Bool {
            word.hasSuffix("ly") || ["then", "also", "always", "never", "not", "now", "first", "jointly", "still"].contains(word)
        }
        // "Participants will facilitate", "Leaders are able to present", "Learners can explain".
        let limit = min(texts.count, 12)
        for position in 0..<limit where modals.contains(texts[position]) || texts[position] == "able" {
            var next = position + 1
            while next < texts.count, isAdverb(texts[next]) || beForms.contains(texts[next]) || texts[next] == "able" || texts[next] == "to" {
                if beForms.contains(texts[next]) {
                    // "will be aware of" is a phrase; "will be delivered" is a passive verb.
                    if next + 1 < texts.count, let passive = verbAt(next + 1), texts[next + 1].hasSuffix("ed") || texts[next + 1].hasSuffix("en") { return passive }
                }
                next += 1
            }
            if let verb = verbAt(next) { return verb }
            // An unknown word after a modal is still most likely a verb.
            if next < texts.count, position < 6, texts[position] != "to", tokens[words[next]].kind == .word,
               !determiners.contains(texts[next]), !beForms.contains(texts[next]) {
                return (words[next], texts[next], .observable(.apply))
            }
        }
        guard !texts.isEmpty else { return nil }
        // Imperative: "Resolve customer objections...", unless the first words are a subject
        // ("Project managers present ...").
        if let first = verbAt(0) {
            let subjectThenVerb = texts.count > 2 && texts[1].hasSuffix("s") && verb(texts[1], vocabulary) == nil && verbAt(2) != nil
            if !subjectThenVerb { return first }
        }
        // "Account executives resolve ...", "Each member runs ...", "Reviews are published ...".
        for position in 1..<min(texts.count, 10) {
            guard let candidate = verbAt(position) else { continue }
            let previous = texts[position - 1]
            if determiners.contains(previous) { continue }
            let word = texts[position]
            if (word.hasSuffix("ed") || word.hasSuffix("en")) && !beForms.contains(previous) && position > 1 {
                // A past participle that is not passive is an adjective: "recorded practice sessions".
                if verbAt(position + 1) == nil { continue }
            }
            if word.hasSuffix("ing") && !beForms.contains(previous) { continue }
            return candidate
        }
        // An imperative with a verb the lists do not know: "Pilot the new CRM".
        if texts.count > 1, tokens[words[0]].kind == .word, determiners.contains(texts[1]) || tokens[words[1]].kind == .number,
           !determiners.contains(texts[0]) {
            return (words[0], texts[0], .observable(.apply))
        }
        return nil
    }

    /// Splits a statement into words (letters, digits, apostrophes and inner hyphens), numbers
    /// (with their currency sign, separators, decimal point, % and k/m/bn suffix) and marks.
    static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c.isWhitespace {
                index += 1
                continue
            }
            let start = index
            let currency = "$€£¥".contains(c)
            if c.isNumber || (currency && index + 1 < characters.count && characters[index + 1].isNumber) {
                index += currency ? 1 : 0
                while index < characters.count, characters[index].isNumber
                        || ((characters[index] == "," || characters[index] == ".") && index + 1 < characters.count && characters[index + 1].isNumber) {
                    index += 1
                }
                if index < characters.count, characters[index] == "%" { index += 1 }
                // 2M, 10k, 3bn, 4x, 48h; a word right after the digits stays part of the number (Q3, 2nd).
                while index < characters.count, characters[index].isLetter { index += 1 }
                let original = String(characters[start..<index])
                tokens.append(Token(text: original.lowercased(), original: original, kind: .number, range: start..<index))
                continue
            }
            if c.isLetter {
                while index < characters.count {
                    let d = characters[index]
                    if d.isLetter || d.isNumber { index += 1; continue }
                    if (d == "-" || d == "'" || d == "’"), index + 1 < characters.count, characters[index + 1].isLetter { index += 1; continue }
                    break
                }
                let original = String(characters[start..<index])
                // A word with digits in it (Q3, H2, 2nd) counts as a quantity.
                let kind: Token.Kind = original.contains(where: \.isNumber) ? .number : .word
                tokens.append(Token(text: original.lowercased().replacingOccurrences(of: "’", with: "'"), original: original, kind: kind, range: start..<index))
                continue
            }
            index += 1
            tokens.append(Token(text: String(c), original: String(c), kind: .punctuation, range: start..<index))
        }
        return tokens
    }

    /// Where a phrase (words, the first of which may be inflected for verbs, "be" any form of
    /// be) occurs: the range of word positions, if anywhere.
    func find(_ phrase: [String], vocabulary: Vocabulary? = nil) -> Range<Int>? {
        guard !phrase.isEmpty, words.count >= phrase.count else { return nil }
        for start in 0...(words.count - phrase.count) {
            var matched = true
            for (offset, word) in phrase.enumerated() {
                let text = tokens[words[start + offset]].text
                if word == text { continue }
                if word == "be" && Self.beForms.contains(text) { continue }
                if offset == 0, Vocabulary.inflections(of: word).contains(text) { continue }
                matched = false
                break
            }
            if matched { return start..<(start + phrase.count) }
        }
        return nil
    }

    /// The character range of a run of word positions.
    func characters(_ positions: Range<Int>) -> Range<Int> {
        tokens[words[positions.lowerBound]].range.lowerBound..<tokens[words[positions.upperBound - 1]].range.upperBound
    }

    var wordCount: Int { words.count }
}

import Foundation
