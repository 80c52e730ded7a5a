/// Where a scalar is written, which decides what it may be written as.
enum ScalarPlace {
    /// After `key: ` or `- ` in a block collection, or the document's own value.
    case blockValue
    /// A key of a block mapping.
    case key
    /// Inside `[...]` or `{...}`, as a key or a value.
    case flow
}

/// The text of scalars as pathc writes them (the formatter, and the fixes of diagnostics): plain
/// when YAML reads the text back as the same string, else quoted; long prose as a folded block
/// (`ScalarWriter+Block.swift`, the formatter's). Every choice here keeps the data exactly, which
/// the formatter checks again on its whole output.
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
}

extension ScalarWriter {
    /// `text` written in place of a scalar written in `style`, in the same style where that keeps
    /// it the same text: for a fix that changes a word and nothing else. Plain stays plain when
    /// YAML reads it back as this string (wherever it stands, a flow collection included), else
    /// it is double-quoted; quoted stays in its quotes. Nil for a block scalar, whose lines a
    /// one-line replacement would break.
    static func replacement(_ text: String, style: ScalarStyle, isKey: Bool = false) -> String? {
        switch style {
        case .plain:
            if canBePlain(text, at: .flow), !isKey || canBePlain(text, at: .key), readsAsString(text) { return text }
            return doubleQuoted(text)
        case .singleQuoted:
            if text.unicodeScalars.contains(where: needsEscape) { return doubleQuoted(text) }
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .doubleQuoted:
            return doubleQuoted(text)
        case .literal, .folded:
            return nil
        }
    }
}
