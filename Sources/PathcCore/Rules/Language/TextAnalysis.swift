/// One word, number or mark of a statement.
package struct Token: Sendable {
    package enum Kind: Sendable { case word, number, punctuation }
    /// Lowercased, for look-ups. (The text as written is the statement's bytes at `range`.)
    package let text: String
    /// The first letter is a capital, as written.
    let capitalized: Bool
    /// Every letter is a capital and there are at least two: an acronym or a shouted word (OS, GDPR, MUST).
    var allCapitals = false
    package let kind: Kind
    /// UTF-8 byte offsets in the statement, for pointing at the word.
    let range: Range<Int>
    /// For a number: its value, with 2k and $2M scaled; nil for 2nd, 48h, Q3 and dates.
    var number: Double? = nil
}

/// What the text rules need to know about a statement: its words with their classes in context,
/// the verbs of its main clauses (not those of a purpose or relative clause), how many sentences
/// it has, whether it quantifies anything, and its Bloom level.
package final class TextAnalysis: Sendable {
    let tokens: [Token]
    /// Each token's class in context, aligned with `tokens`.
    let tags: [TaggedWord]
    /// What the word lists say of each token (empty for unlisted words and for marks).
    let info: [WordInfo]
    /// Indices of word and number tokens (punctuation left out).
    let words: [Int]
    /// The main verb: the first verb of the first main clause, with its base form and class.
    let mainVerb: (index: Int, base: String, kind: VerbKind)?
    /// Every token read as a verb, with its class.
    let verbs: [(index: Int, base: String, kind: VerbKind)]
    /// The verbs of the main clauses, in order: the first, and those coordinated with it ("Writes
    /// ... and reviews ..."), and the first of each further sentence.
    let predicates: [Int]
    /// For each token, whether it stands in a subordinate clause: after "to" + verb, "so that",
    /// "which", "by" + verb-ing and the like.
    let subordinate: [Bool]
    /// For each token, whether it stands in a clause of purpose ("to make effective decisions", "so that ..."),
    /// whose words say why, not what.
    let purpose: [Bool]
    /// The number of sentences (or semicolon-separated parts) that have a verb of their own.
    let sentencesWithVerbs: Int
    /// A form of "be" or "have" that is the statement's predicate ("Is known for", "Has a deep ...").
    let copula: Int?
    /// The number of main clauses with a subject of their own ("X is live, and Y was 4.8+" has two).
    let clauses: Int
    /// The statement names a number, percentage, amount or number word (including all, every, each).
    let hasQuantity: Bool
    /// The statement names a number: digits, or a cardinal such as "two" or "fifteen".
    let hasNumber: Bool
    /// Where the statement's words meet the judgement rules' word lists.
    let lists: ListMatches
    /// The byte range of a template value left in the text (X%, N1, TBD), which counts as its number.
    let placeholder: Range<Int>?

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
    /// Verbs that never make a statement's action on their own.
    static let auxiliaries: Set<String> = ["be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had",
                                          "do", "does", "did", "get", "gets", "become", "becomes", "make", "makes"]

    package init(_ text: String, vocabulary: Vocabulary, tokens: [Token]? = nil, table: WordTable? = nil) {
        let tokens = tokens ?? Self.tokenize(text)
        let (tags, options) = vocabulary.tagger(table: table).tag(tokens)
        var info = [WordInfo](repeating: WordInfo(), count: tokens.count)
        var words: [Int] = []
        words.reserveCapacity(tokens.count)
        var hasQuantity = false, hasNumber = false
        for index in tokens.indices where tokens[index].kind != .punctuation {
            words.append(index)
            if tokens[index].kind == .number {
                hasQuantity = true
                hasNumber = true
                continue
            }
            let entry = options[index].info
            info[index] = entry
            if entry.flags.contains(.numberWord) {
                hasQuantity = true
                if !entry.flags.contains(.quantifier) { hasNumber = true }
            }
        }
        let placeholder = Placeholders.find(in: text, tokens: tokens, words: words)
        self.placeholder = placeholder
        self.tokens = tokens
        self.info = info
        self.words = words
        self.tags = tags
        self.hasQuantity = hasQuantity || placeholder != nil
        self.hasNumber = hasNumber || placeholder != nil

        // The class of each verb: the word lists' reading of the form, else of its lemma, else an
        // action the lists do not rank (at the apply level).
        var verbs: [(Int, String, VerbKind)] = []
        for index in tokens.indices where tags[index].tag == .verb {
            let lemma = tags[index].lemma
            if lemma == "be" || lemma == "have" || lemma == "do" { continue }
            if info[index].verb >= 0 {
                let verb = vocabulary.verbEntries[Int(info[index].verb)]
                verbs.append((index, verb.base, verb.kind))
            } else if let verb = vocabulary.verb(lemma) {
                verbs.append((index, verb.base, verb.kind))
            } else {
                verbs.append((index, lemma, .observable(.apply)))
            }
        }
        self.verbs = verbs
        lists = ListMatches(tokens: tokens, tags: tags, words: words, options: options, table: vocabulary.lists)
        let structure = Self.clauses(tokens, tags)
        predicates = structure.predicates
        subordinate = structure.subordinate
        purpose = structure.purpose
        sentencesWithVerbs = structure.sentences
        copula = structure.copula
        clauses = structure.clauses
        let main = structure.predicates.first { index in !["be", "have", "do"].contains(tags[index].lemma) }
        mainVerb = main.flatMap { index in verbs.first { $0.0 == index } }
    }

    /// The main clauses' verbs, the subordinate clauses, and the sentences of a tagged statement.
    private static func clauses(_ tokens: [Token], _ tags: [TaggedWord])
        -> (predicates: [Int], subordinate: [Bool], purpose: [Bool], sentences: Int, copula: Int?, clauses: Int) {
        var predicates: [Int] = []
        var subordinate = [Bool](repeating: false, count: tokens.count)
        var purpose = [Bool](repeating: false, count: tokens.count)
        var sentences = 0
        var copula: Int?
        var inSubordinate = false, inPurpose = false
        // Inside parentheses, or after "e.g." or "such as" to the end of the sentence: an aside.
        var parentheses = 0, inExample = false
        var mainForm: WordForm?
        var sentenceHasVerb = false
        var sentenceStart = 0
        // After ", and" (or "; and") followed by a new subject: a second main clause, whose verb
        // is a predicate whatever its form.
        var clauseCount = 0, newClause = false
        var previous: Int?  // the previous token that is not an adverb
        func afterAuxiliaryOf(_ position: Int?) -> Bool {
            position.map { tags[$0].tag == .verb && ["be", "have"].contains(tags[$0].lemma) } ?? false
        }
        for index in tokens.indices {
            let tag = tags[index]
            let text = tokens[index].text
            if tag.tag == .punctuation {
                if text == "(" || text == "[" { parentheses += 1 }
                if (text == ")" || text == "]") && parentheses > 0 { parentheses -= 1 }
            }
            if tag.tag == .punctuation, [".", ";", "!", "?"].contains(text) {
                // A full stop after "e.g", "i.e", "etc" or a single letter does not end a sentence.
                let abbreviation = previous.map { ["e.g", "i.e", "etc", "vs", "approx", "incl", "eg", "ie", "cf"].contains(tokens[$0].text) || tokens[$0].text.count == 1 } ?? false
                if !(text == "." && abbreviation) && parentheses == 0 {
                    if sentenceHasVerb { sentences += 1 }
                    sentenceHasVerb = false
                    inSubordinate = false
                    inPurpose = false
                    inExample = false
                    mainForm = nil
                    previous = nil
                    sentenceStart = index + 1
                    continue
                }
            }
            if tag.tag == .adverb && ["e.g", "i.e", "eg", "ie"].contains(text) { inExample = true }
            if (text == "such" && index + 1 < tokens.count && tokens[index + 1].text == "as") || text == "including"
                || (text == "for" && index + 1 < tokens.count && tokens[index + 1].text == "example") {
                inExample = true
            }
            let previousTag = previous.map { tags[$0].tag }
            let previousText = previous.map { tokens[$0].text } ?? ""
            // The next word, past "not" and adverbs: "does not blame", "is regularly reviewed".
            var nextWord = index + 1
            while nextWord < tokens.count, tags[nextWord].tag == .negation || tags[nextWord].tag == .adverb { nextWord += 1 }
            let nextIsVerb = nextWord < tokens.count && tags[nextWord].tag == .verb
            let aside = parentheses > 0 || inExample
            if tag.tag == .conjunction, !inSubordinate, !aside, mainForm != nil, previousText == ",",
               index + 1 < tokens.count, [.determiner, .noun, .pronoun, .adjective, .number].contains(tags[index + 1].tag) {
                newClause = true
            }
            switch tag.tag {
            case .subordinator where text != "so" || (index + 1 < tokens.count && tokens[index + 1].text == "that") || nextIsVerb:
                inSubordinate = true
                // "so that ...": the purpose of the behaviour.
                if text == "so" { inPurpose = true }
            case .to where nextIsVerb:
                // "... to learn", "in order to ...": a purpose, unless "to" completes the verb right
                // before it ("works to improve", "helps to").
                inSubordinate = true
                if !(previousTag == .verb && previous == index - 1) || previousText == "order" || previousText == "as" { inPurpose = true }
                if previousText == "order" || previousText == "as" { inPurpose = true }
            case .preposition where nextIsVerb && tags[nextWord].form == .ing:
                // "by writing tests", "as well as mentoring" (a list of behaviours, handled below)
                if !(text == "as" && previousText == "well") { inSubordinate = true }
            case .verb where !aside:
                let auxiliary = (tag.lemma == "be" || tag.lemma == "have" || tag.lemma == "do") && nextIsVerb
                let coordinated = previousTag == .conjunction || (previousTag == .punctuation && (previousText == "," || previousText == "/"))
                    || (previousText == "as" && index >= 2 && tokens[index - 2].text == "well")
                if !inSubordinate {
                    if newClause, !auxiliary, tag.form != .ing, previousTag == .noun || previousTag == .pronoun || afterAuxiliaryOf(previous) {
                        predicates.append(index)
                        clauseCount += 1
                        newClause = false
                    } else if mainForm == nil {
                        // A past form is a predicate after its subject ("The team shipped ...", "5 posts
                        // published") or after "be" or "have" (a passive or a perfect); after other words
                        // it describes a noun ("issues discovered after ...").
                        let afterAuxiliary = previous.map { ["be", "have"].contains(tags[$0].lemma) && tags[$0].tag == .verb } ?? false
                        let subjectBefore = (sentenceStart..<index).allSatisfy { position in
                            [.determiner, .adjective, .noun, .number, .punctuation, .pronoun, .adverb].contains(tags[position].tag)
                        }
                        if tag.form != .past || previous == nil || auxiliary || afterAuxiliary || subjectBefore {
                            if !auxiliary { predicates.append(index) }
                            if clauseCount == 0 { clauseCount = 1 }
                            if (tag.lemma == "be" || tag.lemma == "have") && !auxiliary { copula = copula ?? index }
                            mainForm = auxiliary ? nil : tag.form
                            sentenceHasVerb = sentenceHasVerb || !auxiliary
                        }
                    } else if coordinated, tag.form == mainForm || (tag.form == .ing && previousText == "as")
                                || previous.map({ tags[$0].tag == .conjunction && $0 >= 1 && predicates.contains($0 - 1) }) ?? false {
                        predicates.append(index)
                    }
                } else if coordinated, let mainForm, tag.form == mainForm, mainForm != .base || previousTag == .punctuation {
                    // ", and reviews ...": back in the main clause.
                    inSubordinate = false
                    inPurpose = false
                    predicates.append(index)
                }
            default:
                break
            }
            subordinate[index] = inSubordinate || aside
            purpose[index] = inPurpose
            if tag.tag != .adverb && tag.tag != .punctuation || text == "," || text == "/" { previous = index }
        }
        if sentenceHasVerb { sentences += 1 }
        return (predicates, subordinate, purpose, sentences, copula, clauseCount)
    }

    func flags(atWord position: Int) -> WordFlags { info[words[position]].flags }

    /// Splits a statement into words (letters, digits, apostrophes and inner hyphens), numbers
    /// (with their currency sign, separators, decimal point, % and k/m/bn suffix) and marks.
    package static func tokenize(_ text: String) -> [Token] {
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
        var allCapitals = false
        func text(_ start: Int, _ end: Int) -> (capitalized: Bool, lowered: String) {
            let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
            var ascii = true, upper = false, lower = false, letters = 0
            for b in slice {
                if b >= 0x80 { ascii = false }
                if b >= 0x41 && b <= 0x5A { upper = true; letters += 1 }
                if b >= 0x61 && b <= 0x7A { lower = true; letters += 1 }
            }
            allCapitals = upper && !lower && letters >= 2
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
                    // "Login.gov", "Node.js": a dot between letters, with no space after it, is part of a name.
                    if c == UInt8(ascii: "."), isLetter(index + 1), index + 2 < count, isLetter(index + 2) || bytes[index + 2] == UInt8(ascii: ".") {
                        index += 1
                        continue
                    }
                    // The typographic apostrophe, U+2019.
                    if c == 0xE2, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99, isLetter(index + 3) { index += 3; continue }
                    break
                }
                let (capitalized, lowered) = text(start, index)
                // A period with digits (Q3, H2, FY26) counts as a quantity; a name with digits
                // (libp2p, v0, S3, [p1]) is a word.
                let quantity = hasDigit && Self.isPeriod(lowered)
                var token = Token(text: lowered, capitalized: capitalized, kind: quantity ? .number : .word, range: start..<index)
                token.allCapitals = allCapitals
                tokens.append(token)
                continue
            }
            index = advance(index)
            let (capitalized, lowered) = text(start, index)
            tokens.append(Token(text: lowered, capitalized: capitalized, kind: .punctuation, range: start..<index))
        }
        return tokens
    }

    /// Q1-Q4, H1-H2, FY26, FY2026: a period of the calendar.
    static func isPeriod(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard let first = bytes.first else { return false }
        let digits = bytes.drop { $0 >= 0x61 && $0 <= 0x7A }
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let letters = bytes.count - digits.count
        if letters == 1 { return (first == UInt8(ascii: "q") && digits.count == 1 && digits.first! >= 0x31 && digits.first! <= 0x34)
                                 || (first == UInt8(ascii: "h") && digits.count == 1 && (digits.first! == 0x31 || digits.first! == 0x32)) }
        return letters == 2 && word.hasPrefix("fy") && (digits.count == 2 || digits.count == 4)
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
