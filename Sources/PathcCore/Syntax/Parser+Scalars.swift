extension Parser {
    // MARK: - Plain scalars

    /// Bytes below 64 that may end or interrupt a plain scalar: tab, LF, CR, space, '#', ','
    /// (flow only) and ':'. Everything else, and all bytes from 64 up but the flow brackets, is
    /// ordinary text.
    private static let blockStops: UInt64 = 1 << 0x09 | 1 << 0x0A | 1 << 0x0D | 1 << 0x20 | 1 << 0x23 | 1 << 0x3A
    private static let flowStops: UInt64 = blockStops | 1 << 0x2C

    /// Rejects what cannot begin a plain scalar: YAML's indicators, unless `-`, `?` or `:` is
    /// followed by ordinary text.
    mutating func checkPlainStart(flow: Bool) throws(ParseAbort) {
        let c = peek()
        let next = peek(1)
        switch c {
        case Byte.dash, Byte.question, Byte.colon:
            if !isWhiteOrEnd(next) && !(flow && isFlowIndicator(next)) { return }
            if c == Byte.dash {
                try fail(SyntaxCode.unexpectedContent, "a block list entry cannot appear inside a flow collection",
                         span: Span(start: pos, end: pos + 1), label: "list entry",
                         help: "separate entries with ',' inside '[...]', or quote the value")
            }
            try rejectKeyIndicators()
        case Byte.at, Byte.backtick:
            try fail(SyntaxCode.reservedIndicator, "'\(Character(Unicode.Scalar(c)))' is reserved in YAML and cannot start a value",
                     span: Span(start: pos, end: pos + 1), label: "reserved character",
                     help: "quote the value")
        case Byte.ampersand, Byte.star, Byte.bang:
            try rejectKeyIndicators()
        case Byte.pipe, Byte.greater:
            try fail(SyntaxCode.unexpectedContent, "a block scalar cannot appear inside a flow collection",
                     span: Span(start: pos, end: pos + 1), label: "block scalar indicator",
                     help: "use a quoted string inside '[...]' and '{...}'")
        case Byte.hash:
            try fail(SyntaxCode.commentWithoutSpace, "a comment needs white space before '#'",
                     span: Span(start: pos, end: pos + 1), label: "comment starts here",
                     help: "put a space before '#', or quote the value if the '#' belongs to it")
        case Byte.comma, Byte.openBracket, Byte.closeBracket, Byte.openBrace, Byte.closeBrace, Byte.percent,
             Byte.doubleQuote, Byte.singleQuote:
            let end = wordEnd(from: pos)
            try fail(SyntaxCode.unexpectedContent, "a value cannot start with '\(Character(Unicode.Scalar(c)))'",
                     span: Span(start: pos, end: max(pos + 1, end)), label: "unexpected '\(Character(Unicode.Scalar(c)))'",
                     help: "quote the value if this character belongs to it")
        default:
            return
        }
    }

    /// Scans the plain text on the cursor's line and returns the end of its last non-blank byte.
    /// Stops, with the cursor on it, at a line break, a comment, `: `, or in flow context a flow
    /// indicator or `:` before one. This loop is the parser's hot path.
    @inline(__always)
    mutating func scanPlainSegment(flow: Bool) -> Int {
        let stops = flow ? Parser.flowStops : Parser.blockStops
        let count = text.count
        var index = pos
        var end = pos
        scan: while index < count {
            let b = text[index]
            let ordinary = b >= 64
                ? !(flow && (b == Byte.openBracket || b == Byte.closeBracket || b == Byte.openBrace || b == Byte.closeBrace))
                : stops & (1 << UInt64(b)) == 0
            if ordinary {
                index += 1
                end = index
                continue
            }
            switch b {
            case Byte.space, Byte.tab:
                index += 1
            case Byte.hash:
                if isBlank(text[index - 1]) { break scan }
                index += 1
                end = index
            case Byte.colon:
                let next = index + 1 < count ? text[index + 1] : 0
                if isWhiteOrEnd(next) || (flow && isFlowIndicator(next)) { break scan }
                index += 1
                end = index
            default:
                break scan
            }
        }
        pos = index
        return end
    }

    mutating func plainNode(_ start: Int, _ end: Int) throws(ParseAbort) -> Node {
        try limitScalar(start, end, length: end - start)
        return Node(.scalar(Scalar(text: string(start, end), style: .plain)), span: Span(start: start, end: end))
    }

    mutating func limitScalar(_ start: Int, _ end: Int, length: Int) throws(ParseAbort) {
        guard length > limits.maxScalarBytes else { return }
        try fail(SyntaxCode.scalarTooLarge, "value is longer than \(limits.maxScalarBytes / 1024) KiB",
                 span: Span(start: start, end: min(end, start + 1)), label: "value starts here",
                 help: "shorten the value, or move long text into a file of its own and refer to it")
    }

    /// Continues a plain scalar over the lines indented more than `parent`, folding line breaks
    /// as YAML does: one break becomes a space, and each empty line a line feed.
    mutating func finishPlain(start: Int, firstEnd: Int, parent: Int, flow: Bool) throws(ParseAbort) -> Node {
        var end = firstEnd
        var folded: [UInt8]?
        while pos < text.count, text[pos] == Byte.lf || text[pos] == Byte.cr {
            let saved = (pos, lineStart)
            consumeLineBreak()
            var emptyLines = 0
            while pos < text.count {
                var index = pos
                while index < text.count, isBlank(text[index]) { index += 1 }
                guard index < text.count, text[index] == Byte.lf || text[index] == Byte.cr else { break }
                pos = index
                consumeLineBreak()
                emptyLines += 1
            }
            let indent = lineIndent()
            guard pos < text.count, indent > parent, documentMarker(at: lineStart) == nil else {
                (pos, lineStart) = saved
                break
            }
            pos = lineStart + indent
            skipInlineBlanks()
            let c = peek()
            let next = peek(1)
            if isBreakOrEnd(c) || c == Byte.hash || (c == Byte.colon && (isWhiteOrEnd(next) || (flow && isFlowIndicator(next))))
                || (flow && isFlowIndicator(c)) {
                (pos, lineStart) = saved
                break
            }
            let segmentStart = pos
            let segmentEnd = scanPlainSegment(flow: flow)
            if !flow, peek() == Byte.colon {
                // `key: value` on a continuation line: most likely a key indented too far.
                try fail(SyntaxCode.badIndentation, "unexpected indentation",
                         span: Span(start: segmentStart, end: pos + 1),
                         label: "this key is indented more than the entries above, so it reads as part of the value before it",
                         help: "align it with the keys of its mapping; or, if ': ' belongs to the text, quote the value")
            }
            if folded == nil { folded = Array(text[start..<end]) }
            if emptyLines == 0 {
                folded!.append(Byte.space)
            } else {
                folded!.append(contentsOf: repeatElement(Byte.lf, count: emptyLines))
            }
            folded!.append(contentsOf: text[segmentStart..<segmentEnd])
            end = segmentEnd
            try limitScalar(start, end, length: folded!.count)
        }
        guard let folded else { return try plainNode(start, end) }
        return Node(.scalar(Scalar(text: String(decoding: folded, as: UTF8.self), style: .plain)),
                    span: Span(start: start, end: end))
    }

    // MARK: - Quoted scalars

    /// A single- or double-quoted scalar, possibly over several lines, each indented more than `parent`.
    mutating func parseQuoted(parent: Int) throws(ParseAbort) -> Node {
        let start = pos
        let quote = peek()
        let double = quote == Byte.doubleQuote
        pos += 1
        // Filled only once an escape, a doubled quote or a line break means the value is not a
        // plain slice of the text. One buffer, appended to in place: decoding stays linear.
        var built: [UInt8] = []
        var isBuilt = false
        var segmentStart = pos
        while true {
            while pos < text.count {
                let b = text[pos]
                if b == quote || b == Byte.lf || b == Byte.cr || (double && b == Byte.backslash) { break }
                pos += 1
            }
            guard pos < text.count else {
                try fail(SyntaxCode.unterminatedString,
                         "unterminated string: the closing \(double ? "\"" : "'") is missing",
                         span: Span(start: start, end: start + 1), label: "string starts here",
                         help: "add the closing quote; a quoted string may span lines, but must end before the file does")
            }
            let b = text[pos]
            if b == quote {
                if !double, peek(1) == Byte.singleQuote {
                    built.append(contentsOf: text[segmentStart...pos])
                    isBuilt = true
                    pos += 2
                    segmentStart = pos
                    try limitScalar(start, pos, length: built.count)
                    continue
                }
                let value: String
                if isBuilt {
                    built.append(contentsOf: text[segmentStart..<pos])
                    try limitScalar(start, pos, length: built.count)
                    value = String(decoding: built, as: UTF8.self)
                } else {
                    try limitScalar(start, pos, length: pos - segmentStart)
                    value = string(segmentStart, pos)
                }
                pos += 1
                return Node(.scalar(Scalar(text: value, style: double ? .doubleQuoted : .singleQuoted)),
                            span: Span(start: start, end: pos))
            }
            isBuilt = true
            if b == Byte.backslash {
                built.append(contentsOf: text[segmentStart..<pos])
                try parseEscape(into: &built, parent: parent)
            } else {
                // A raw line break: white space before it is dropped.
                var end = pos
                while end > segmentStart, isBlank(text[end - 1]) { end -= 1 }
                built.append(contentsOf: text[segmentStart..<end])
                try foldQuotedLineBreak(parent: parent, escaped: false, into: &built)
            }
            try limitScalar(start, pos, length: built.count)
            segmentStart = pos
        }
    }

    /// At a line break inside a quoted scalar: skips it, counts empty lines, checks the next line's
    /// indentation and skips its leading white space. A break becomes a space, unless it was
    /// escaped with `\`; each empty line becomes a line feed.
    private mutating func foldQuotedLineBreak(parent: Int, escaped: Bool, into built: inout [UInt8]) throws(ParseAbort) {
        consumeLineBreak()
        var emptyLines = 0
        while true {
            let indent = lineIndent()
            var index = lineStart + indent
            while index < text.count, isBlank(text[index]) { index += 1 }
            let b = byte(at: index)
            if index < text.count, b == Byte.lf || b == Byte.cr {
                pos = index
                consumeLineBreak()
                emptyLines += 1
                continue
            }
            if index >= text.count { pos = index; return }  // the caller reports the missing quote
            if documentMarker(at: lineStart) != nil {
                try fail(SyntaxCode.markerInsideValue, "a document marker inside a quoted string",
                         span: Span(start: lineStart, end: lineStart + 3), label: "document marker",
                         help: "indent the line, or close the string before it")
            }
            if indent <= parent {
                try fail(SyntaxCode.badIndentation, "a quoted string's continuation line must be indented more than its key",
                         span: Span(start: lineStart + indent, end: index + 1), label: "not indented enough",
                         help: "indent this line, or close the string on the line above")
            }
            pos = index
            break
        }
        if emptyLines > 0 {
            built.append(contentsOf: repeatElement(Byte.lf, count: emptyLines))
        } else if !escaped {
            built.append(Byte.space)
        }
    }

    /// Decodes the escape at the cursor (a backslash) into `built`.
    private mutating func parseEscape(into built: inout [UInt8], parent: Int) throws(ParseAbort) {
        let start = pos
        pos += 1
        let e = peek()
        var simple: UInt8?
        switch e {
        case UInt8(ascii: "0"): simple = 0x00
        case UInt8(ascii: "a"): simple = 0x07
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "t"), Byte.tab: simple = 0x09
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "v"): simple = 0x0B
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "e"): simple = 0x1B
        case Byte.space, Byte.doubleQuote, UInt8(ascii: "/"), Byte.backslash: simple = e
        case UInt8(ascii: "N"): appendScalar(0x85, to: &built)
        case UInt8(ascii: "_"): appendScalar(0xA0, to: &built)
        case UInt8(ascii: "L"): appendScalar(0x2028, to: &built)
        case UInt8(ascii: "P"): appendScalar(0x2029, to: &built)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for offset in 1...digits {
                guard let digit = Parser.hexValue(peek(offset)) else {
                    try fail(SyntaxCode.invalidEscape, "invalid escape '\(string(start, min(text.count, pos + offset)))': '\\\(Character(Unicode.Scalar(e)))' needs \(digits) hexadecimal digits",
                             span: Span(start: start, end: min(text.count, pos + offset)), label: "invalid escape",
                             help: "write exactly \(digits) hexadecimal digits, such as '\\\(Character(Unicode.Scalar(e)))\(String(repeating: "0", count: digits - 2))41'")
                }
                value = value << 4 | UInt32(digit)
            }
            // JSON writes characters beyond the BMP as a pair of \u escapes: join them.
            if e == UInt8(ascii: "u"), (0xD800...0xDBFF).contains(value), peek(digits + 1) == Byte.backslash,
               peek(digits + 2) == UInt8(ascii: "u") {
                var low: UInt32 = 0
                var complete = true
                for offset in (digits + 3)...(digits + 6) {
                    guard let digit = Parser.hexValue(peek(offset)) else { complete = false; break }
                    low = low << 4 | UInt32(digit)
                }
                if complete, (0xDC00...0xDFFF).contains(low) {
                    appendScalar(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00), to: &built)
                    pos += digits + 7
                    return
                }
            }
            guard let scalar = Unicode.Scalar(value) else {
                try fail(SyntaxCode.invalidEscape, "invalid escape '\(string(start, pos + digits + 1))': not a Unicode character",
                         span: Span(start: start, end: pos + digits + 1), label: "invalid code point",
                         help: "use a code point up to 10FFFF that is not a surrogate")
            }
            appendScalar(scalar.value, to: &built)
            pos += digits
        case Byte.lf, Byte.cr:
            try foldQuotedLineBreak(parent: parent, escaped: true, into: &built)
            return
        default:
            let shown = pos < text.count ? string(start, min(text.count, pos + 1)) : "\\"
            try fail(SyntaxCode.invalidEscape, "invalid escape '\(shown)' in a double-quoted string",
                     span: Span(start: start, end: min(text.count, pos + 1)), label: "unknown escape",
                     help: "write '\\\\' for a backslash, or use single quotes, where '\\' has no special meaning")
        }
        if let simple { built.append(simple) }
        pos += 1
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    private func appendScalar(_ value: UInt32, to built: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        UTF8.encode(scalar) { built.append($0) }
    }

    // MARK: - Block scalars

    private enum Chomping { case strip, clip, keep }

    /// A literal (`|`) or folded (`>`) scalar; its lines are indented more than `parent`.
    mutating func parseBlockScalar(parent: Int) throws(ParseAbort) -> Node {
        let start = pos
        let folded = peek() == Byte.greater
        pos += 1
        var chomping: Chomping?
        var explicitIndent: Int?
        for _ in 0..<2 {
            let b = peek()
            if explicitIndent == nil, b >= UInt8(ascii: "1"), b <= UInt8(ascii: "9") {
                explicitIndent = Int(b - UInt8(ascii: "0"))
            } else if chomping == nil, b == Byte.dash || b == Byte.plus {
                chomping = b == Byte.dash ? .strip : .keep
            } else {
                break
            }
            pos += 1
        }
        let headerEnd = pos
        skipInlineBlanks()
        if peek() == Byte.hash, pos > headerEnd { skipToLineEnd() }
        if !isBreakOrEnd(peek()) {
            let bad = pos
            try fail(SyntaxCode.invalidBlockScalarHeader, "invalid block scalar header",
                     span: Span(start: bad, end: bad + 1), label: "unexpected '\(string(bad, min(text.count, wordEnd(from: bad))))'",
                     help: "after '\(folded ? ">" : "|")' only an indentation digit (1-9), '-' or '+', and a comment may follow; the text starts on the next line")
        }
        consumeLineBreak()
        let bodyStart = pos

        let indent: Int
        if let explicitIndent {
            indent = parent + explicitIndent
        } else {
            indent = try detectBlockIndent(parent: parent)
        }

        // Collect the lines: (start of text, end of text, empty?, ends with a break?).
        var lines: [(start: Int, end: Int, empty: Bool, broken: Bool)] = []
        while pos < text.count {
            let spaces = lineIndent()
            let textStart = lineStart + spaces
            let b = byte(at: textStart)
            // A last line of only spaces counts as ended, as the YAML test suite expects.
            if isBreakOrEnd(b) && spaces <= indent {
                pos = textStart
                let broken = pos < text.count || spaces > 0
                consumeLineBreak()
                lines.append((textStart, textStart, true, broken))
                continue
            }
            if spaces < indent || (spaces == 0 && documentMarker(at: lineStart) != nil) {
                try rejectTabIndentedBlankLine(textStart)
                break
            }
            let contentStart = lineStart + indent
            pos = contentStart
            skipToLineEnd()
            let contentEnd = pos
            let broken = pos < text.count || isBreakOrEnd(b)
            consumeLineBreak()
            lines.append((contentStart, contentEnd, false, broken))
        }
        // The cursor is at the first line that is not part of the scalar.
        pos = lineStart

        let lastText = lines.lastIndex { !$0.empty }
        var value: [UInt8] = []
        if let lastText {
            var previousSpaced = false
            var pendingEmpty = 0
            var first = true
            for line in lines[...lastText] {
                if line.empty {
                    pendingEmpty += 1
                    continue
                }
                let spaced = isBlank(text[line.start])
                if first {
                    value.append(contentsOf: repeatElement(Byte.lf, count: pendingEmpty))
                } else if !folded || spaced || previousSpaced {
                    value.append(contentsOf: repeatElement(Byte.lf, count: pendingEmpty + 1))
                } else if pendingEmpty == 0 {
                    value.append(Byte.space)
                } else {
                    value.append(contentsOf: repeatElement(Byte.lf, count: pendingEmpty))
                }
                value.append(contentsOf: text[line.start..<line.end])
                try limitScalar(start, line.end, length: value.count)
                pendingEmpty = 0
                first = false
                previousSpaced = spaced
            }
        }
        let trailing = lines[(lastText.map { $0 + 1 } ?? 0)...]
        switch chomping ?? .clip {
        case .strip:
            break
        case .clip:
            if let lastText, lines[lastText].broken { value.append(Byte.lf) }
        case .keep:
            if let lastText, lines[lastText].broken { value.append(Byte.lf) }
            value.append(contentsOf: repeatElement(Byte.lf, count: trailing.filter(\.broken).count))
        }
        let end = lastText.map { lines[$0].end } ?? bodyStart
        return Node(.scalar(Scalar(text: String(decoding: value, as: UTF8.self), style: folded ? .folded : .literal)),
                    span: Span(start: start, end: max(end, headerEnd)))
    }

    /// A line of white space that starts with a tab where a block scalar's indentation belongs
    /// would be read differently by different tools: YAML makes it an error.
    private mutating func rejectTabIndentedBlankLine(_ index: Int) throws(ParseAbort) {
        guard byte(at: index) == Byte.tab else { return }
        var end = index
        while end < text.count, isBlank(text[end]) { end += 1 }
        guard isBreakOrEnd(byte(at: end)) else { return }
        try fail(SyntaxCode.tabIndentation, "tabs are not allowed for indentation; use spaces",
                 span: Span(start: index, end: index + 1), label: "tab in a block scalar's indentation",
                 help: "remove the tab, or indent the line with spaces")
    }

    /// The indentation of a block scalar without an indicator: that of its first non-empty line.
    /// Leading empty lines may not hold more spaces than that (YAML's rule). Does not move the cursor.
    private mutating func detectBlockIndent(parent: Int) throws(ParseAbort) -> Int {
        var lineBegin = pos
        var widestEmpty = 0
        var widestEmptyStart = pos
        while lineBegin < text.count {
            var index = lineBegin
            while index < text.count, text[index] == Byte.space { index += 1 }
            let spaces = index - lineBegin
            let b = byte(at: index)
            if isBreakOrEnd(b) {
                if spaces > widestEmpty { widestEmpty = spaces; widestEmptyStart = lineBegin }
                if index >= text.count { break }
                lineBegin = index + (b == Byte.cr ? 2 : 1)
                continue
            }
            let isMarker = spaces == 0 && lineBegin + 3 <= text.count && (b == Byte.dash || b == Byte.dot)
                && byte(at: lineBegin + 1) == b && byte(at: lineBegin + 2) == b && isWhiteOrEnd(byte(at: lineBegin + 3))
            if spaces <= parent || isMarker {
                try rejectTabIndentedBlankLine(index)
                break
            }
            if widestEmpty > spaces {
                try fail(SyntaxCode.blockScalarIndentation,
                         "an empty line at the start of a block scalar is indented more than its first line of text",
                         span: Span(start: widestEmptyStart, end: widestEmptyStart + widestEmpty), label: "\(widestEmpty) spaces",
                         help: "remove the extra spaces, or give the indentation with an indicator such as '|\(spaces - max(parent, 0))'")
            }
            return spaces
        }
        return max(widestEmpty, parent + 1)
    }
}
