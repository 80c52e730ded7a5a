/// Thrown to unwind from a syntax error to the nearest block collection, which skips the broken
/// entry and goes on (so one file can report several errors). A fatal abort ends the file.
struct ParseAbort: Error {
    let fatal: Bool
}

/// Byte values the parser tests for.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let ampersand: UInt8 = 0x26
    static let singleQuote: UInt8 = 0x27
    static let star: UInt8 = 0x2A
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let dash: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let greater: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let at: UInt8 = 0x40
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let backtick: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let pipe: UInt8 = 0x7C
    static let closeBrace: UInt8 = 0x7D
}

@inline(__always) func isBlank(_ b: UInt8) -> Bool { b == Byte.space || b == Byte.tab }
/// A line break, or 0, which `peek` returns at the end of the text (NUL bytes never reach the parser).
@inline(__always) func isBreakOrEnd(_ b: UInt8) -> Bool { b == Byte.lf || b == Byte.cr || b == 0 }
@inline(__always) func isWhiteOrEnd(_ b: UInt8) -> Bool { isBlank(b) || isBreakOrEnd(b) }
@inline(__always) func isFlowIndicator(_ b: UInt8) -> Bool {
    b == Byte.comma || b == Byte.openBracket || b == Byte.closeBracket || b == Byte.openBrace || b == Byte.closeBrace
}

/// A recursive-descent parser for the YAML subset of language.md, over UTF-8 bytes.
///
/// Conventions: `pos` is the cursor, `lineStart` the offset of its line's first byte, so the
/// cursor's column is `pos - lineStart` (indentation is ASCII spaces, so bytes are columns
/// there). A block node's parser returns with the cursor at the start of the line after the
/// node, or at the end of the text. `parent` is the indentation of the enclosing block
/// collection, -1 at the top: a node's continuation lines must be indented more than it.
struct Parser {
    let file: SourceFile
    let text: UnsafeBufferPointer<UInt8>
    let limits: ParserLimits
    var pos = 0
    var lineStart = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// Key fingerprints of the mappings being built, innermost last (see `KeyIndex`).
    var fingerprints: [UInt64] = []

    init(file: SourceFile, text: UnsafeBufferPointer<UInt8>, limits: ParserLimits) {
        self.file = file
        self.text = text
        self.limits = limits
        fingerprints.reserveCapacity(64)
    }

    // MARK: - Cursor

    var atEnd: Bool { pos >= text.count }

    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8 {
        let index = pos + ahead
        return index < text.count ? text[index] : 0
    }

    @inline(__always) func byte(at index: Int) -> UInt8 {
        index < text.count ? text[index] : 0
    }

    /// Moves past the line break under the cursor (LF or CRLF), or stays at the end of the text.
    mutating func consumeLineBreak() {
        if peek() == Byte.cr { pos += 1 }
        if peek() == Byte.lf { pos += 1 }
        lineStart = pos
    }

    mutating func skipToLineEnd() {
        while pos < text.count, text[pos] != Byte.lf, text[pos] != Byte.cr { pos += 1 }
    }

    mutating func skipInlineBlanks() {
        while pos < text.count, isBlank(text[pos]) { pos += 1 }
    }

    /// From the start of a line: skips lines that hold only white space or a comment.
    mutating func skipBlankLines() {
        while pos < text.count {
            var index = pos
            while index < text.count, isBlank(text[index]) { index += 1 }
            let b = byte(at: index)
            guard b == Byte.hash || isBreakOrEnd(b) else { return }
            pos = index
            skipToLineEnd()
            consumeLineBreak()
        }
    }

    /// The number of spaces that begin the cursor's line.
    func lineIndent() -> Int {
        var index = lineStart
        while index < text.count, text[index] == Byte.space { index += 1 }
        return index - lineStart
    }

    /// `---` or `...` at `index` followed by white space or the end: the byte repeated, else nil.
    func documentMarker(at index: Int) -> UInt8? {
        guard index == lineStart || (index > 0 && isBreakOrEnd(byte(at: index - 1))) else { return nil }
        let b = byte(at: index)
        guard b == Byte.dash || b == Byte.dot, byte(at: index + 1) == b, byte(at: index + 2) == b,
              isWhiteOrEnd(byte(at: index + 3)) else { return nil }
        return b
    }

    /// `-` followed by white space or the end: a block sequence entry.
    func isSequenceIndicator(at index: Int) -> Bool {
        byte(at: index) == Byte.dash && isWhiteOrEnd(byte(at: index + 1))
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }

    /// The end of the word at `start`: up to white space or a flow indicator (for quoting constructs in messages).
    func wordEnd(from start: Int) -> Int {
        var index = start + 1
        while index < text.count, !isWhiteOrEnd(text[index]), !isFlowIndicator(text[index]) { index += 1 }
        return min(index, text.count)
    }

    // MARK: - Reporting

    mutating func report(_ code: DiagnosticCode, _ message: String, span: Span, label: String? = nil,
                         secondary: [DiagnosticLabel] = [], notes: [String] = [], help: String? = nil) throws(ParseAbort) {
        diagnostics.append(Diagnostic(code: code, message: message, file: file, span: span, label: label,
                                      secondary: secondary, notes: notes, help: help))
        if diagnostics.count >= limits.maxErrors {
            diagnostics.append(Diagnostic(
                code: SyntaxCode.tooManyErrors, message: "too many syntax errors; stopped after \(limits.maxErrors)",
                file: file, span: span, help: "fix the errors above and run pathc again"))
            throw ParseAbort(fatal: true)
        }
    }

    /// Reports an error and unwinds to the enclosing collection.
    mutating func fail(_ code: DiagnosticCode, _ message: String, span: Span, label: String? = nil,
                       secondary: [DiagnosticLabel] = [], help: String? = nil) throws(ParseAbort) -> Never {
        try report(code, message, span: span, label: label, secondary: secondary, help: help)
        throw ParseAbort(fatal: false)
    }

    mutating func unsupported(_ construct: UnsupportedConstruct, span: Span) throws(ParseAbort) -> Never {
        try fail(construct.code, construct.message, span: span, label: construct.label, help: construct.help)
    }

    /// Counts one more level of nesting; past the limit the file is abandoned (deep input would
    /// otherwise exhaust the stack).
    mutating func enterCollection(at offset: Int) throws(ParseAbort) {
        depth += 1
        if depth > limits.maxDepth {
            diagnostics.append(Diagnostic(
                code: SyntaxCode.nestingTooDeep, message: "nesting deeper than \(limits.maxDepth) levels",
                file: file, span: Span(start: offset, end: offset + 1), label: "level \(depth)",
                help: "flatten the structure; pathc reads at most \(limits.maxDepth) levels of nested lists and mappings"))
            throw ParseAbort(fatal: true)
        }
    }

    // MARK: - Stream and document

    mutating func parseStream() -> Node? {
        guard validateEncoding() else { return nil }
        if text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
        do {
            return try parseDocument()
        } catch {
            return nil
        }
    }

    private mutating func parseDocument() throws(ParseAbort) -> Node? {
        skipBlankLinesAndEndMarkers()
        while !atEnd, peek() == Byte.percent {
            let end = wordEnd(from: pos)
            try report(SyntaxCode.directive, UnsupportedConstruct.directive.message, span: Span(start: pos, end: end),
                       label: UnsupportedConstruct.directive.label, help: UnsupportedConstruct.directive.help)
            skipToLineEnd()
            consumeLineBreak()
            skipBlankLines()
        }
        var root: Node?
        if documentMarker(at: pos) == Byte.dash {
            pos += 3
            root = try parseBlockNode(parent: -1, context: .documentStart)
        } else if !atEnd, documentMarker(at: pos) == nil {
            root = try parseBlockNode(parent: -1, context: .document)
        }
        try parseDocumentEnd()
        return root
    }

    /// Before the document: blank lines, comments, and `...` markers that end no document.
    private mutating func skipBlankLinesAndEndMarkers() {
        skipBlankLines()
        while documentMarker(at: pos) == Byte.dot {
            pos += 3
            skipInlineBlanks()
            guard peek() == Byte.hash || isBreakOrEnd(peek()) else { return }
            skipToLineEnd()
            consumeLineBreak()
            skipBlankLines()
        }
    }

    /// After the root node: only comments, and an optional `...`.
    private mutating func parseDocumentEnd() throws(ParseAbort) {
        skipBlankLines()
        if atEnd { return }
        if documentMarker(at: pos) == Byte.dot {
            pos += 3
            try expectLineEnd()
            skipBlankLinesAndEndMarkers()
            if atEnd { return }
            if documentMarker(at: pos) == Byte.dash {
                try unsupported(.multipleDocuments, span: Span(start: pos, end: pos + 3))
            }
            let start = pos
            skipToLineEnd()
            try unsupported(.contentAfterEnd, span: Span(start: start, end: pos))
        }
        if documentMarker(at: pos) == Byte.dash {
            try unsupported(.multipleDocuments, span: Span(start: pos, end: pos + 3))
        }
        try reportTabIndentation()
        let indent = lineIndent()
        let start = lineStart + indent
        pos = start
        skipToLineEnd()
        try fail(SyntaxCode.unexpectedContent, "unexpected content after the end of the document's top-level node",
                 span: Span(start: start, end: pos), label: "this line does not continue the node above",
                 help: "check the indentation: every line must continue the list or mapping it belongs to")
    }

    /// At the start of a line whose indentation is followed by a tab: reports it, since a tab
    /// there can only be meant as indentation.
    mutating func reportTabIndentation() throws(ParseAbort) {
        let index = lineStart + lineIndent()
        guard byte(at: index) == Byte.tab else { return }
        try fail(SyntaxCode.tabIndentation, "tabs are not allowed for indentation; use spaces",
                 span: Span(start: index, end: index + 1), label: "tab",
                 help: "replace the tab with spaces")
    }

    /// After a value on its line: white space, a comment, then the line break.
    mutating func expectLineEnd() throws(ParseAbort) {
        skipInlineBlanks()
        let b = peek()
        if b == Byte.hash {
            if pos != lineStart, !isBlank(text[pos - 1]) {
                try fail(SyntaxCode.commentWithoutSpace, "a comment needs white space before '#'",
                         span: Span(start: pos, end: pos + 1), label: "comment starts here",
                         help: "put a space before '#', or quote the value if the '#' belongs to it")
            }
            skipToLineEnd()
        } else if !isBreakOrEnd(b) {
            let start = pos
            skipToLineEnd()
            if b == Byte.colon {
                try fail(SyntaxCode.unexpectedContent, "unexpected ':' after a value",
                         span: Span(start: start, end: start + 1), label: "unexpected ':'",
                         help: "a value cannot itself be a 'key: value' pair on this line; quote the value if the ':' belongs to it, or start a nested mapping on the next line")
            }
            try fail(SyntaxCode.unexpectedContent, "unexpected '\(string(start, pos))' after the value",
                     span: Span(start: start, end: pos), label: "unexpected text",
                     help: "a line holds one value; quote the whole value if this text belongs to it")
        }
        consumeLineBreak()
    }

    // MARK: - Encoding

    /// Checks that the text is UTF-8 with only printable characters and no lone CR. Reports every
    /// problem (up to the error limit); on any, the file is not parsed.
    private mutating func validateEncoding() -> Bool {
        let count = text.count
        var index = 0
        var valid = true
        while index < count {
            // Eight bytes at a time while they are all printable ASCII or LF: the usual case. Each
            // test is exact per byte: setting the high bit first keeps borrows inside a byte.
            if index + 8 <= count {
                let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                if word & high == 0 {
                    let control = ~((word | high) &- 0x2020_2020_2020_2020) & high
                    let lineFeedBytes = word ^ 0x0A0A_0A0A_0A0A_0A0A
                    let lineFeed = ~((lineFeedBytes | high) &- 0x0101_0101_0101_0101) & high
                    let deleteBytes = word ^ 0x7F7F_7F7F_7F7F_7F7F
                    let delete = ~((deleteBytes | high) &- 0x0101_0101_0101_0101) & high
                    if control == lineFeed && delete == 0 {
                        index += 8
                        continue
                    }
                }
            }
            let b = text[index]
            if b >= 0x20 && b < 0x7F || b == Byte.lf || b == Byte.tab {
                index += 1
                continue
            }
            if b == Byte.cr {
                if byte(at: index + 1) != Byte.lf {
                    valid = false
                    guard encodingError(SyntaxCode.loneCarriageReturn, "a carriage return without a line feed",
                                        at: index, length: 1, label: "lone CR",
                                        help: "use LF or CRLF line breaks") else { return false }
                }
                index += 1
                continue
            }
            if b < 0x80 {
                valid = false
                guard encodingError(SyntaxCode.nonPrintable, "non-printable character \(Parser.codePoint(UInt32(b)))",
                                    at: index, length: 1, label: "control character",
                                    help: "remove it; in a double-quoted string, write it as an escape such as \\t") else { return false }
                index += 1
                continue
            }
            guard let (scalar, length) = decodeUTF8(at: index) else {
                valid = false
                // One report per broken sequence: its continuation bytes go with it.
                var end = index + 1
                while end < count, end - index < 4, text[end] & 0xC0 == 0x80 { end += 1 }
                guard encodingError(SyntaxCode.invalidUTF8, "invalid UTF-8 byte 0x\(String(b, radix: 16, uppercase: true)) at byte offset \(index)",
                                    at: index, length: end - index, label: "not UTF-8",
                                    help: "save the file as UTF-8") else { return false }
                index = end
                continue
            }
            if (scalar >= 0x80 && scalar <= 0x9F && scalar != 0x85) || scalar == 0xFFFE || scalar == 0xFFFF
                || (scalar == 0xFEFF && index != 0) {
                valid = false
                let what = scalar == 0xFEFF ? "byte order mark in the middle of the file" : "non-printable character \(Parser.codePoint(scalar))"
                guard encodingError(SyntaxCode.nonPrintable, what, at: index, length: length,
                                    label: "not printable", help: "remove it") else { return false }
            }
            index += length
        }
        return valid
    }

    /// Records an encoding error; false once the error limit is reached.
    private mutating func encodingError(_ code: DiagnosticCode, _ message: String, at index: Int, length: Int,
                                        label: String, help: String) -> Bool {
        do {
            try report(code, message, span: Span(start: index, end: index + length), label: label, help: help)
            return true
        } catch {
            return false
        }
    }

    static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Decodes one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates and values past U+10FFFF.
    private func decodeUTF8(at index: Int) -> (UInt32, Int)? {
        let b0 = text[index]
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let b = byte(at: index + offset)
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { return nil }
            return (UInt32(b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = continuation(1), let c2 = continuation(2) else { return nil }
            let value = UInt32(b0 & 0x0F) << 12 | c1 << 6 | c2
            guard value >= 0x800, !(0xD800...0xDFFF).contains(value) else { return nil }
            return (value, 3)
        case 0xF0...0xF4:
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return nil }
            let value = UInt32(b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard value >= 0x10000, value <= 0x10FFFF else { return nil }
            return (value, 4)
        default:
            return nil
        }
    }
}
