/// PW3015: a template value left in the text ("Increase activation to X%", "Ship N1 features",
/// "TBD").
struct PlaceholderRule: TextRule {
    var description: RuleDescription { Self.description }
    /// Words that are placeholders wherever they stand.
    static let markers: Set<String> = ["tbd", "tbc", "tba", "todo", "fixme", "xxx", "xx", "tk", "lorem", "ipsum", "n/a"]

    static let description = RuleDescription(
        code: "PW3015", name: "placeholder", severity: .warning, axis: .measurable,
        summary: "a template value left in the text: X%, N1, TBD, ???",
        why: """
            A key result that reads "Raise activation to X%" passes every other check and commits to \
            nothing. Placeholders are fine in a draft, but not in a plan people are measured against.
            """,
        fix: "fill in the figure, or keep the statement out of the plan until it is known",
        bad: [RuleExample("Increase weekly active teams to X%", field: .keyResult),
              RuleExample("Ship N1 improvements to the onboarding flow", field: .keyResult),
              RuleExample("Reduce time to first response to TBD hours", field: .keyResult)],
        good: [RuleExample("Increase weekly active teams from 40% to 55%", field: .keyResult),
               RuleExample("Cut the X-ray turnaround time from 6 to 3 hours", field: .keyResult)])
    let fields = allStatementFields

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        for (position, index) in analysis.words.enumerated() where analysis.tokens[index].range.count <= 5
            && Self.mayStartPlaceholder(analysis.tokens[index].range.lowerBound, in: statement) {
            let token = analysis.tokens[index]
            if Self.isPlaceholder(token, next: position + 1 < analysis.words.count ? analysis.tokens[analysis.words[position + 1]] : nil,
                                  following: index + 1 < analysis.tokens.count ? analysis.tokens[index + 1] : nil) {
                return [finding(statement, token.range, extendTo: index + 1 < analysis.tokens.count && analysis.tokens[index + 1].text == "%"
                                ? analysis.tokens[index + 1].range.upperBound : nil)]
            }
        }
        // "???", "[number]", "<target>": marks standing for a value.
        if let range = Self.bracketedOrQuestionMarks(statement.text) { return [finding(statement, range, extendTo: nil)] }
        return []
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

    /// The first letter of a word at a byte offset could start a placeholder (t, x, l, i, f, n, y, z).
    static func mayStartPlaceholder(_ offset: Int, in statement: Statement) -> Bool {
        let utf8 = statement.text.utf8
        let byte = utf8[utf8.index(utf8.startIndex, offsetBy: offset)] | 0x20
        return byte == UInt8(ascii: "t") || byte == UInt8(ascii: "x") || byte == UInt8(ascii: "l") || byte == UInt8(ascii: "i")
            || byte == UInt8(ascii: "f") || byte == UInt8(ascii: "n") || byte == UInt8(ascii: "y") || byte == UInt8(ascii: "z")
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

    private func finding(_ statement: Statement, _ range: Range<Int>, extendTo end: Int?) -> Finding {
        let range = range.lowerBound..<(end ?? range.upperBound)
        return statement.finding(at: range, "'\(statement.substring(range))' is a placeholder: the figure is not filled in",
                                 label: "placeholder", help: "fill in the value, or keep the statement out of the plan until it is known")
    }
}
