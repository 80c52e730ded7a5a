/// How a scalar is written out: nothing (an empty value), one line, or a block scalar.
enum ScalarForm {
    case empty
    case inline(String)
    /// A block scalar: its header (`>-`, `|`, `|2`...) and its lines of text, not indented (an
    /// empty string is an empty line).
    case block(header: String, lines: [String])
}

extension ScalarWriter {
    // MARK: - Block scalars

    /// The lines of a block scalar that holds exactly `text`, split into its lines of text
    /// (without the final line break) and its chomping indicator; nil when no block scalar
    /// written with the formatter's rules can: a text with no visible character, with white
    /// space at the end of a line (invisible, and removed by many editors on save), with more
    /// than one final line break, or with a character only an escape can write.
    private static func blockLines(_ text: String) -> (lines: [Substring], chomp: String)? {
        var body = Substring(text)
        var chomp = "-"
        if body.hasSuffix("\n") {
            body = body.dropLast()
            chomp = ""
            if body.hasSuffix("\n") { return nil }
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var visible = false
        for line in lines {
            if line.unicodeScalars.contains(where: { $0 != "\n" && needsEscape($0) && $0 != "\t" }) { return nil }
            guard let last = line.utf8.last else { continue }
            if isBlank(last) { return nil }
            visible = true
        }
        return visible ? (lines, chomp) : nil
    }

    /// The indentation indicator a block scalar needs: when its first line of text starts with
    /// white space, the parser cannot tell its indentation from the text's own.
    private static func indicator(_ lines: [Substring], indentation: Int) -> String {
        guard let first = lines.first(where: { !$0.isEmpty }), let byte = first.utf8.first, isBlank(byte) else { return "" }
        return String(indentation)
    }

    /// A literal block scalar (`|`) holding `text`, its lines as they are. `indentation` is how
    /// much deeper its lines are than the collection that holds it (the indicator's value).
    static func literal(_ text: String, indentation: Int) -> ScalarForm? {
        guard let (lines, chomp) = blockLines(text) else { return nil }
        return .block(header: "|" + indicator(lines, indentation: indentation) + chomp, lines: lines.map(String.init))
    }

    /// A folded block scalar (`>`) holding `text`, wrapped at spaces to fit `width` columns.
    /// YAML folds a single line break between two lines of text into a space, so the text's own
    /// line breaks are written as empty lines, and lines that start with white space (which YAML
    /// does not fold) are written as they are.
    static func folded(_ text: String, indentation: Int, width: Int) -> ScalarForm? {
        guard let (lines, chomp) = blockLines(text) else { return nil }
        var out: [String] = []
        var previousSpaced: Bool?
        var breaks = 0
        for (index, line) in lines.enumerated() {
            if index > 0 { breaks += 1 }
            guard let first = line.utf8.first else { continue }
            let spaced = isBlank(first)
            let empty: Int
            if let previousSpaced {
                empty = spaced || previousSpaced ? breaks - 1 : breaks
            } else {
                empty = breaks
            }
            out.append(contentsOf: repeatElement("", count: empty))
            if spaced {
                out.append(String(line))
            } else {
                out.append(contentsOf: wrapped(line, width: width))
            }
            previousSpaced = spaced
            breaks = 0
        }
        return .block(header: ">" + indicator(lines, indentation: indentation) + chomp, lines: out)
    }

    /// Whether a line of text has a place where a folded scalar can break it: a single space
    /// between two other characters.
    static func hasBreak(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 2 else { return false }
        for index in 1..<(bytes.count - 1) where bytes[index] == Byte.space {
            if !isBlank(bytes[index - 1]), !isBlank(bytes[index + 1]) { return true }
        }
        return false
    }

    /// A line of text cut at single spaces into lines of at most `width` columns where it can
    /// be (a longer word stays whole). Each break replaces one space, which YAML's folding puts
    /// back; a space next to another is never a break, since the line after it would then start
    /// with white space, which YAML does not fold.
    static func wrapped(_ line: Substring, width: Int) -> [String] {
        let scalars = Array(line.unicodeScalars)
        var words: [Range<Int>] = []
        var start = 0
        for index in scalars.indices where index > 0 && index < scalars.count - 1 && scalars[index] == " " {
            if scalars[index - 1] != " " && scalars[index - 1] != "\t" && scalars[index + 1] != " " && scalars[index + 1] != "\t" {
                words.append(start..<index)
                start = index + 1
            }
        }
        words.append(start..<scalars.count)
        var out: [String] = []
        var current: Range<Int>?
        for word in words {
            if let open = current, word.upperBound - open.lowerBound <= width {
                current = open.lowerBound..<word.upperBound
            } else {
                if let open = current { out.append(text(scalars[open])) }
                current = word
            }
        }
        if let open = current { out.append(text(scalars[open])) }
        return out
    }

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        return string
    }
}
