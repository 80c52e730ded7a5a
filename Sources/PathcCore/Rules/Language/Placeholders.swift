/// Template values left in a statement: X%, N1, TBD, ???, [number]. Found once per statement, as
/// part of its analysis: the placeholder rule reports them, and the rules that look for a number
/// count one as a number, so that "Raise activation to X%" is reported once, for what it is.
enum Placeholders {
    /// Words that are placeholders wherever they stand.
    static let markers: Set<String> = ["tbd", "tbc", "tba", "todo", "fixme", "xxx", "xx", "tk", "lorem", "ipsum"]

    /// The byte range of the statement's first placeholder, if it has one.
    static func find(in text: String, tokens: [Token], words: [Int]) -> Range<Int>? {
        for (position, index) in words.enumerated() where tokens[index].range.count <= 5 {
            let token = tokens[index]
            if isPlaceholder(token, next: position + 1 < words.count ? tokens[words[position + 1]] : nil,
                             following: index + 1 < tokens.count ? tokens[index + 1] : nil) {
                let end = index + 1 < tokens.count && tokens[index + 1].text == "%" ? tokens[index + 1].range.upperBound : token.range.upperBound
                return token.range.lowerBound..<end
            }
        }
        // "???", "[number]", "<target>": marks standing for a value.
        return bracketedOrQuestionMarks(text)
    }

    /// N, N1, X, X1, Y%: a capital letter standing alone (with digits) where a figure goes, or a marker word.
    static func isPlaceholder(_ token: Token, next: Token?, following: Token?) -> Bool {
        // Placeholders are short, and start with one of a few letters: most words are passed over
        // on their length and first letter.
        let length = token.range.count
        guard length <= 5, let firstByte = token.text.utf8.first else { return false }
        switch firstByte {
        case UInt8(ascii: "t"), UInt8(ascii: "x"), UInt8(ascii: "l"), UInt8(ascii: "i"), UInt8(ascii: "f"), UInt8(ascii: "n"),
             UInt8(ascii: "y"), UInt8(ascii: "z"):
            break
        default:
            return false
        }
        if length >= 2, markers.contains(token.text) { return true }
        guard firstByte == UInt8(ascii: "n") || firstByte == UInt8(ascii: "x")
                || firstByte == UInt8(ascii: "y") || firstByte == UInt8(ascii: "z") else { return false }
        let text = token.text
        guard let first = text.first, "nxyz".contains(first), token.capitalized || text == "x" || text == "n" else { return false }
        let rest = text.dropFirst()
        guard rest.allSatisfy(\.isNumber) else { return false }
        // "X%", "N1", "X new users": a letter where a number goes; not "X-ray" (one word) or "Plan B".
        if !rest.isEmpty { return true }
        if following?.text == "%" { return true }
        guard let next else { return false }
        return next.kind == .word && !next.capitalized && token.capitalized && ["n", "x"].contains(text)
    }

    /// The byte range of "???" or of a bracketed template word such as "[number]" or "<target>".
    static func bracketedOrQuestionMarks(_ text: String) -> Range<Int>? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[") }) else { return nil }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "?"), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "?"), bytes[index + 2] == UInt8(ascii: "?") {
                var end = index
                while end < bytes.count, bytes[end] == UInt8(ascii: "?") { end += 1 }
                return index..<end
            }
            if bytes[index] == UInt8(ascii: "["), let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")), close - index > 1, close - index < 20 {
                let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self).lowercased()
                if ["number", "n", "x", "target", "value", "percent", "date", "tbd", "metric", "amount"].contains(inner) { return index..<(close + 1) }
            }
            index += 1
        }
        return nil
    }

}
