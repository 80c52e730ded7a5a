/// One word, number or mark of a statement.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation }
    /// Lowercased, for look-ups. (The text as written is the statement's bytes at `range`.)
    let text: String
    /// The first letter is a capital, as written.
    let capitalized: Bool
    let kind: Kind
    /// UTF-8 byte offsets in the statement, for pointing at the word.
    let range: Range<Int>
    /// For a number: its value, with 2k and $2M scaled; nil for 2nd, 48h, Q3 and dates.
    var number: Double? = nil
}

/// What the text rules need to know about a statement: its words, its main verb (after any
/// subject, modal or "be able to"), whether it quantifies anything, and its Bloom level.
struct TextAnalysis: Sendable {
    let tokens: [Token]
    /// What the lexicon says of each token (empty for unlisted words and for marks).
    let info: [WordInfo]
    /// Indices of word and number tokens (punctuation left out).
    let words: [Int]
    /// The main verb: token index, base form, and class.
    let mainVerb: (index: Int, base: String, kind: VerbKind)?
    /// Every token index that reads as a verb, with its class.
    let verbs: [(index: Int, base: String, kind: VerbKind)]
    /// The statement names a number, percentage, amount or number word (including all, every, each).
    let hasQuantity: Bool
    /// The statement names a number: digits, or a cardinal such as "two" or "fifteen".
    let hasNumber: Bool

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
    /// Words that quantify without a number: a standard in a criterion, but no target for a direction.
    static let quantifiers: Set<String> = ["all", "every", "each", "both", "none", "no"]
    static let adverbs: Set<String> = ["then", "also", "always", "never", "not", "now", "first", "jointly", "still"]
    /// Verbs that never make a statement's action on their own.
    static let auxiliaries: Set<String> = ["be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had",
                                          "do", "does", "did", "get", "gets", "become", "becomes", "make", "makes"]

    init(_ text: String, vocabulary: Vocabulary) {
        let tokens = Self.tokenize(text)
        var info = [WordInfo](repeating: WordInfo(), count: tokens.count)
        var words: [Int] = []
        words.reserveCapacity(tokens.count)
        var verbs: [(Int, String, VerbKind)] = []
        var hasQuantity = false, hasNumber = false
        for index in tokens.indices where tokens[index].kind != .punctuation {
            words.append(index)
            if tokens[index].kind == .number {
                hasQuantity = true
                hasNumber = true
                continue
            }
            guard let entry = vocabulary.lexicon[tokens[index].text] else { continue }
            info[index] = entry
            if entry.verb >= 0 {
                let verb = vocabulary.verbEntries[Int(entry.verb)]
                verbs.append((index, verb.base, verb.kind))
            }
            if entry.flags.contains(.numberWord) {
                hasQuantity = true
                if !entry.flags.contains(.quantifier) { hasNumber = true }
            }
        }
        self.tokens = tokens
        self.info = info
        self.words = words
        self.verbs = verbs
        self.hasQuantity = hasQuantity
        self.hasNumber = hasNumber
        mainVerb = Self.findMainVerb(tokens: tokens, info: info, words: words, vocabulary: vocabulary)
    }

    /// The base form and class of a word that can be a verb.
    static func verb(_ word: String, _ vocabulary: Vocabulary) -> (String, VerbKind)? {
        vocabulary.verb(word).map { ($0.base, $0.kind) }
    }

    func flags(atWord position: Int) -> WordFlags { info[words[position]].flags }

    private static func findMainVerb(tokens: [Token], info: [WordInfo], words: [Int], vocabulary: Vocabulary) -> (Int, String, VerbKind)? {
        let count = words.count
        func text(_ position: Int) -> String { tokens[words[position]].text }
        func flags(_ position: Int) -> WordFlags { info[words[position]].flags }
        func verbAt(_ position: Int) -> (Int, String, VerbKind)? {
            guard position < count else { return nil }
            let index = info[words[position]].verb
            guard index >= 0 else { return nil }
            let entry = vocabulary.verbEntries[Int(index)]
            return (words[position], entry.base, entry.kind)
        }
        func isAdverb(_ position: Int) -> Bool {
            let word = text(position)
            return word.hasSuffix("ly") || Self.adverbs.contains(word)
        }
        // "Participants will facilitate", "Leaders are able to present", "Learners can explain".
        let limit = min(count, 12)
        for position in 0..<limit where flags(position).contains(.modal) || text(position) == "able" {
            var next = position + 1
            while next < count, isAdverb(next) || flags(next).contains(.beForm) || text(next) == "able" || text(next) == "to" {
                if flags(next).contains(.beForm) {
                    // "will be aware of" is a phrase; "will be delivered" is a passive verb.
                    if next + 1 < count, let passive = verbAt(next + 1), text(next + 1).hasSuffix("ed") || text(next + 1).hasSuffix("en") { return passive }
                }
                next += 1
            }
            if let verb = verbAt(next) { return verb }
            // An unknown word after a modal is still most likely a verb.
            if next < count, position < 6, text(position) != "to", tokens[words[next]].kind == .word,
               !flags(next).contains(.determiner), !flags(next).contains(.auxiliary) {
                return (words[next], text(next), .observable(.apply))
            }
        }
        guard count > 0 else { return nil }
        // Imperative: "Resolve customer objections...", unless the first words are a subject
        // ("Project managers present ...").
        if let first = verbAt(0) {
            let subjectThenVerb = count > 2 && text(1).hasSuffix("s") && verbAt(1) == nil && verbAt(2) != nil
            if !subjectThenVerb { return first }
        }
        // "Account executives resolve ...", "Each member runs ...", "Reviews are published ...".
        for position in 1..<min(count, 10) {
            guard let candidate = verbAt(position) else { continue }
            let previous = flags(position - 1)
            if previous.contains(.determiner) { continue }
            let word = text(position)
            if (word.hasSuffix("ed") || word.hasSuffix("en")) && word != candidate.1 && !previous.contains(.beForm) && position > 1 {
                // A past participle that is not passive is an adjective: "recorded practice sessions".
                if verbAt(position + 1) == nil { continue }
            }
            if word.hasSuffix("ing") && word != candidate.1 && !previous.contains(.beForm) { continue }
            return candidate
        }
        // An imperative with a verb the lists do not know: "Pilot the new CRM".
        if count > 1, tokens[words[0]].kind == .word, flags(1).contains(.determiner) || tokens[words[1]].kind == .number,
           !flags(0).contains(.determiner), !flags(0).contains(.auxiliary), !flags(0).contains(.modal) {
            return (words[0], text(0), .observable(.apply))
        }
        return nil
    }

    /// Splits a statement into words (letters, digits, apostrophes and inner hyphens), numbers
    /// (with their currency sign, separators, decimal point, % and k/m/bn suffix) and marks.
    static func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize(utf8: $0) }
    }

    /// The tokenizer proper, over UTF-8 bytes: ASCII takes the fast path, other characters are
    /// decoded only to ask whether they are letters, digits or spaces.
    private static func tokenize(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 5)
        let count = bytes.count
        // The scalar at a byte offset and its length in bytes.
        func scalar(at index: Int) -> (Unicode.Scalar, Int) {
            let b = bytes[index]
            if b < 0x80 { return (Unicode.Scalar(b), 1) }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let end = min(count, index + length)
            let decoded = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
            return (decoded, end - index)
        }
        func isLetter(_ index: Int) -> Bool {
            guard index < count else { return false }
            let b = bytes[index]
            if b < 0x80 { return (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
            return scalar(at: index).0.properties.isAlphabetic
        }
        func isDigit(_ index: Int) -> Bool {
            guard index < count else { return false }
            let b = bytes[index]
            if b < 0x80 { return b >= 0x30 && b <= 0x39 }
            return scalar(at: index).0.properties.numericType == .decimal
        }
        func advance(_ index: Int) -> Int { index + (bytes[index] < 0x80 ? 1 : scalar(at: index).1) }
        /// The lowercased text, and whether it starts with a capital.
        func text(_ start: Int, _ end: Int) -> (capitalized: Bool, lowered: String) {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var ascii = true, upper = false
            for b in slice {
                if b >= 0x80 { ascii = false }
                if b >= 0x41 && b <= 0x5A { upper = true }
            }
            let capitalized = slice[0] >= 0x41 && slice[0] <= 0x5A
            if ascii {
                if !upper { return (false, String(decoding: slice, as: UTF8.self)) }
                return (capitalized, String(unsafeUninitializedCapacity: slice.count) { buffer in
                    for (index, b) in slice.enumerated() { buffer[index] = b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
                    return slice.count
                })
            }
            let original = String(decoding: slice, as: UTF8.self)
            let lowered = original.lowercased()
            return (lowered != original && original.first?.isUppercase == true,
                    lowered.contains("\u{2019}") ? lowered.replacingOccurrences(of: "\u{2019}", with: "'") : lowered)
        }
        var index = 0
        while index < count {
            let b = bytes[index]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D {
                index += 1
                continue
            }
            let start = index
            if b >= 0x80, scalar(at: index).0.properties.isWhitespace {
                index = advance(index)
                continue
            }
            let currency = b == UInt8(ascii: "$") || (b >= 0x80 && "€£¥".unicodeScalars.contains(scalar(at: index).0))
            if isDigit(index) || (currency && isDigit(advance(index))) {
                if currency { index = advance(index) }
                while index < count, isDigit(index)
                        || ((bytes[index] == UInt8(ascii: ",") || bytes[index] == UInt8(ascii: ".")) && isDigit(index + 1)) {
                    index = advance(index)
                }
                if index < count, bytes[index] == UInt8(ascii: "%") { index += 1 }
                // 2M, 10k, 3bn, 4x, 48h; a word right after the digits stays part of the number (Q3, 2nd).
                while index < count, isLetter(index) { index = advance(index) }
                let (capitalized, lowered) = text(start, index)
                tokens.append(Token(text: lowered, capitalized: capitalized, kind: .number, range: start..<index,
                                    number: numberValue(bytes, from: start + (currency ? 1 : 0), to: index)))
                continue
            }
            if isLetter(index) {
                var hasDigit = false
                while index < count {
                    if isLetter(index) { index = advance(index); continue }
                    if isDigit(index) { hasDigit = true; index = advance(index); continue }
                    let c = bytes[index]
                    if c == UInt8(ascii: "-") || c == UInt8(ascii: "'"), isLetter(index + 1) { index += 1; continue }
                    // The typographic apostrophe, U+2019.
                    if c == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99, isLetter(index + 3) { index += 3; continue }
                    break
                }
                let (capitalized, lowered) = text(start, index)
                // A word with digits in it (Q3, H2, 2nd) counts as a quantity.
                tokens.append(Token(text: lowered, capitalized: capitalized, kind: hasDigit ? .number : .word, range: start..<index))
                continue
            }
            index = advance(index)
            let (capitalized, lowered) = text(start, index)
            tokens.append(Token(text: lowered, capitalized: capitalized, kind: .punctuation, range: start..<index))
        }
        return tokens
    }

    /// The value of the digits from `start`: commas dropped, a % allowed, k, m (mm) and bn (b)
    /// scaling; nil when other letters follow (2nd, 48h, Q3).
    private static func numberValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var integer: Double = 0, fraction: Double = 0, scale: Double = 1, inFraction = false
        var index = start
        while index < end {
            let b = bytes[index]
            if b >= 0x30 && b <= 0x39 {
                if inFraction {
                    scale /= 10
                    fraction += Double(b - 0x30) * scale
                } else {
                    integer = integer * 10 + Double(b - 0x30)
                }
            } else if b == UInt8(ascii: ".") {
                inFraction = true
            } else if b != UInt8(ascii: ",") {
                break
            }
            index += 1
        }
        let value = integer + fraction
        let suffix = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).lowercased()
        switch suffix {
        case "", "%", "x": return value
        case "k": return value * 1_000
        case "m", "mm": return value * 1_000_000
        case "bn", "b": return value * 1_000_000_000
        default: return nil
        }
    }

    /// The byte range of a run of word positions.
    func characters(_ positions: Range<Int>) -> Range<Int> {
        tokens[words[positions.lowerBound]].range.lowerBound..<tokens[words[positions.upperBound - 1]].range.upperBound
    }

    var wordCount: Int { words.count }
}

import Foundation
