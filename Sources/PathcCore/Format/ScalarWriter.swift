/// Where a scalar is written, which decides what it may be written as.
enum ScalarPlace {
    /// After `key: ` or `- ` in a block collection, or the document's own value.
    case blockValue
    /// A key of a block mapping.
    case key
    /// Inside `[...]` or `{...}`, as a key or a value.
    case flow
}

/// How a scalar is written out: nothing (an empty value), one line, or a block scalar.
enum ScalarForm {
    case empty
    case inline(String)
    /// A block scalar: its header (`>-`, `|`, `|2`...) and its lines of text, not indented (an
    /// empty string is an empty line).
    case block(header: String, lines: [String])
}

/// The text of scalars as the formatter writes them: plain when YAML reads the text back as
/// the same string, else quoted; long prose as a folded block. Every choice here keeps the data
/// exactly, which the formatter checks again on its whole output.
enum ScalarWriter {
    // MARK: - Plain

    /// Whether `text` written plain at `place` reads back as exactly this text, by the rules of
    /// pathc's parser (which are YAML's). Says nothing about the type: see `readsAsString`.
    static func canBePlain(_ text: String, at place: ScalarPlace) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        let flow = place == .flow
        if isBlank(first) || isBlank(last) { return false }
        switch first {
        case Byte.comma, Byte.openBracket, Byte.closeBracket, Byte.openBrace, Byte.closeBrace, Byte.hash,
             Byte.ampersand, Byte.star, Byte.bang, Byte.pipe, Byte.greater, Byte.singleQuote, Byte.doubleQuote,
             Byte.percent, Byte.at, Byte.backtick:
            return false
        case Byte.dash, Byte.question, Byte.colon:
            guard bytes.count > 1, !isBlank(bytes[1]), !(flow && isFlowIndicator(bytes[1])) else { return false }
        default:
            break
        }
        // A document marker at the start of a line would end the document.
        if bytes.count >= 3, first == Byte.dash || first == Byte.dot, bytes[1] == first, bytes[2] == first,
           bytes.count == 3 || isBlank(bytes[3]) {
            return false
        }
        if place == .key, text == "<<" { return false }
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case Byte.colon:
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if next == 0 || isBlank(next) || (flow && isFlowIndicator(next)) { return false }
            case Byte.hash:
                if isBlank(bytes[index - 1]) { return false }
            case Byte.comma, Byte.openBracket, Byte.closeBracket, Byte.openBrace, Byte.closeBrace:
                if flow { return false }
            case Byte.tab:
                return false
            default:
                break
            }
        }
        return !text.unicodeScalars.contains(where: needsEscape)
    }

    /// Whether a plain scalar with this text is a string under the YAML 1.2 core schema.
    static func readsAsString(_ text: String) -> Bool {
        if case .string = CoreSchema.resolve(text) { return true }
        return false
    }

    /// Text that YAML 1.1 loaders (PyYAML, older editors' plugins) read as a boolean, a number or
    /// a date when plain, though YAML 1.2 reads it as a string. Quotes already around such text
    /// are kept, so that the file means the same to those tools too.
    static func isTypedInYAML11(_ text: String) -> Bool {
        switch text.lowercased() {
        case "y", "n", "yes", "no", "on", "off": return true
        default: break
        }
        guard let first = text.unicodeScalars.first, "0123456789+-.".unicodeScalars.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { "0123456789_:.+-eExXoObBaAcCdDfF tTzZ".unicodeScalars.contains($0) }
    }

    // MARK: - Quoted

    /// Characters that only a double-quoted scalar can write, as an escape: line breaks, tabs
    /// (visible as `\t` rather than as white space an editor may change), control characters, and
    /// the characters YAML does not allow raw in a file or that tools read as line breaks.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// `text` quoted: single quotes, unless it holds a character only an escape can write, or a
    /// single quote (which double quotes write as itself).
    static func quoted(_ text: String) -> String {
        if !text.unicodeScalars.contains(where: needsEscape), !text.contains("'") {
            return "'" + text + "'"
        }
        return doubleQuoted(text)
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x00: out += "\\0"
            case 0x07: out += "\\a"
            case 0x08: out += "\\b"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0B: out += "\\v"
            case 0x0C: out += "\\f"
            case 0x0D: out += "\\r"
            case 0x1B: out += "\\e"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case let value where needsEscape(scalar):
                let hex = String(value, radix: 16, uppercase: true)
                out += value < 0x100 ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                    : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

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
