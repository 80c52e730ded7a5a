/// The pieces of a statement the judgement rules ask about: a verb's object, the first word, the
/// words of the main clause.
extension TextAnalysis {
    /// The token index of the first word that is not an adverb ("Regularly reviews ..." -> "reviews").
    var firstContentWord: Int? {
        words.first { tags[$0].tag != .adverb }
    }

    /// The tokens of the noun phrase after a verb (its particle skipped): determiners, adjectives,
    /// nouns and numbers up to the first word of another kind. "Shows strong leadership in ..." ->
    /// "strong leadership".
    func object(after verb: Int) -> Range<Int>? {
        var start = verb + 1
        while start < tokens.count, tags[start].tag == .particle || tags[start].tag == .adverb { start += 1 }
        var end = start
        var sawNoun = false
        while end < tokens.count {
            let tag = tags[end].tag
            // A determiner after a noun starts something else ("a design doc that ...").
            if tag == .determiner && sawNoun { break }
            if tag == .noun { sawNoun = true }
            guard tag == .determiner || tag == .adjective || tag == .noun || tag == .number
                    || (tag == .verb && tags[end].form == .past && end + 1 < tokens.count && tags[end + 1].tag == .noun) else { break }
            end += 1
        }
        return end > start ? start..<end : nil
    }

    /// The head of a noun phrase: its last noun, or its last word.
    func head(of phrase: Range<Int>) -> Int {
        phrase.last { tags[$0].tag == .noun } ?? phrase.upperBound - 1
    }

    /// Whether any token of a run of word positions stands in a subordinate clause.
    func isSubordinate(_ positions: Range<Int>) -> Bool {
        subordinate[words[positions.lowerBound]]
    }

    /// The token before `index` that is a word or number, if any.
    func wordBefore(_ index: Int) -> Int? {
        var position = index - 1
        while position >= 0, tokens[position].kind == .punctuation { position -= 1 }
        return position >= 0 ? position : nil
    }

    /// The token after `index` that is a word or number, if any.
    func wordAfter(_ index: Int) -> Int? {
        var position = index + 1
        while position < tokens.count, tokens[position].kind == .punctuation { position += 1 }
        return position < tokens.count ? position : nil
    }

    /// A share written as a ratio: "8 of 10", "1 in 5", "9 out of 10", "4 of every 10".
    var hasRatio: Bool {
        tokens.indices.contains { Self.ratioDenominator(after: $0, in: tokens) != nil }
    }

    /// The M of "N of M", "N in M", "N out of M" or "N of every M" after the number at `index`.
    static func ratioDenominator(after index: Int, in tokens: [Token]) -> Double? {
        guard tokens[index].kind == .number else { return nil }
        var next = index + 1
        guard next < tokens.count else { return nil }
        if tokens[next].text == "out", next + 1 < tokens.count, tokens[next + 1].text == "of" { next += 1 }
        guard tokens[next].text == "of" || tokens[next].text == "in" else { return nil }
        next += 1
        if next < tokens.count, tokens[next].text == "every" || tokens[next].text == "each" { next += 1 }
        guard next < tokens.count, tokens[next].kind == .number, !tokens[next].text.hasSuffix("%") else { return nil }
        return tokens[next].number
    }

    /// A percentage anywhere in the statement.
    var hasPercentage: Bool {
        tokens.indices.contains { index in
            let token = tokens[index]
            if token.kind == .number { return token.text.hasSuffix("%") || (index + 1 < tokens.count && tokens[index + 1].text == "%") }
            return token.text == "percent" || token.text == "percentage" || token.text == "pct"
        }
    }
}
