extension Parser {
    /// A flow collection, `[a, b]` or `{k: v}`, possibly over several lines, each indented more
    /// than `parent`.
    mutating func parseFlowCollection(parent: Int) throws(ParseAbort) -> Node {
        let start = pos
        try enterCollection(at: start)
        defer { depth -= 1 }
        let isSequence = peek() == Byte.openBracket
        let closer = isSequence ? Byte.closeBracket : Byte.closeBrace
        let what = isSequence ? "flow list" : "flow mapping"
        pos += 1
        var items: [Node] = []
        var pairs: [Pair] = []
        var keys = KeyIndex(base: fingerprints.count)
        defer { dropFingerprints(from: keys.base) }
        while true {
            try skipFlowSeparation(parent: parent, openedAt: start)
            let c = peek()
            if c == closer {
                pos += 1
                break
            }
            if atEnd { try unterminatedFlow(start: start, isSequence: isSequence) }
            if c == Byte.comma || c == Byte.closeBracket || c == Byte.closeBrace {
                try fail(SyntaxCode.unexpectedContent, "unexpected '\(Character(Unicode.Scalar(c)))' in a \(what)",
                         span: Span(start: pos, end: pos + 1), label: c == Byte.comma ? "an entry is missing before this ','" : "expected '\(Character(Unicode.Scalar(closer)))'",
                         help: c == Byte.comma ? "remove the extra ','" : "close the \(what) with '\(Character(Unicode.Scalar(closer)))'")
            }
            try rejectKeyIndicators()
            let keyLine = lineStart
            let entry = try parseFlowNode(parent: parent)
            let entryEnd = pos
            try skipFlowSeparation(parent: parent, openedAt: start)
            let startByte = text[entry.span.start]
            let jsonLike = startByte == Byte.doubleQuote || startByte == Byte.singleQuote
                || startByte == Byte.openBracket || startByte == Byte.openBrace
            let isCollection = startByte == Byte.openBracket || startByte == Byte.openBrace
            var value: Node?
            if peek() == Byte.colon, jsonLike || isWhiteOrEnd(peek(1)) || isFlowIndicator(peek(1)) {
                if isCollection { try unsupported(.complexKey, span: entry.span) }
                if isSequence, lineStart != keyLine {
                    try fail(SyntaxCode.multilineKey, "a key inside a flow list must be on one line with its ':'",
                             span: entry.span, label: "key", help: "put the key and its ':' on one line")
                }
                pos += 1
                try skipFlowSeparation(parent: parent, openedAt: start)
                let next = peek()
                value = next == Byte.comma || next == closer ? .null(at: pos) : try parseFlowNode(parent: parent)
            } else if !isSequence, isCollection {
                try unsupported(.complexKey, span: entry.span)
            }
            if isSequence {
                if let value {
                    items.append(Node(.mapping([Pair(key: entry, value: value)]), span: entry.span.union(value.span)))
                } else {
                    items.append(entry)
                }
            } else {
                try rejectMergeKey(entry)
                try insert(Pair(key: entry, value: value ?? .null(at: entryEnd)), into: &pairs, keys: &keys)
            }
            try skipFlowSeparation(parent: parent, openedAt: start)
            let d = peek()
            if d == Byte.comma {
                pos += 1
                continue
            }
            if d == closer {
                pos += 1
                break
            }
            if atEnd { try unterminatedFlow(start: start, isSequence: isSequence) }
            try fail(SyntaxCode.unexpectedContent,
                     "expected ',' or '\(Character(Unicode.Scalar(closer)))' after an entry of a \(what)",
                     span: Span(start: pos, end: pos + 1), label: "unexpected '\(Character(Unicode.Scalar(d)))'",
                     help: "separate entries with ',', and quote a value that contains '\(Character(Unicode.Scalar(d)))'")
        }
        let span = Span(start: start, end: pos)
        return Node(isSequence ? .sequence(items.fitted()) : .mapping(pairs.fitted()), span: span)
    }

    private mutating func unterminatedFlow(start: Int, isSequence: Bool) throws(ParseAbort) -> Never {
        try fail(SyntaxCode.unterminatedFlow,
                 "unterminated \(isSequence ? "flow list: the closing ']'" : "flow mapping: the closing '}'") is missing",
                 span: Span(start: start, end: start + 1), label: "opened here",
                 help: "add the closing \(isSequence ? "']'" : "'}'")")
    }

    /// A node inside a flow collection.
    private mutating func parseFlowNode(parent: Int) throws(ParseAbort) -> Node {
        let c = peek()
        if c == Byte.openBracket || c == Byte.openBrace { return try parseFlowCollection(parent: parent) }
        if c == Byte.doubleQuote || c == Byte.singleQuote { return try parseQuoted(parent: parent) }
        try rejectKeyIndicators()
        try checkPlainStart(flow: true)
        let start = pos
        let firstEnd = scanPlainSegment(flow: true)
        return try finishPlain(start: start, firstEnd: firstEnd, parent: parent, flow: true)
    }

    /// White space, comments and line breaks between flow tokens. Each new line with content must
    /// be indented more than `parent`.
    private mutating func skipFlowSeparation(parent: Int, openedAt open: Int) throws(ParseAbort) {
        while pos < text.count {
            let b = text[pos]
            if isBlank(b) {
                pos += 1
            } else if b == Byte.hash {
                if pos > lineStart, !isBlank(text[pos - 1]) {
                    try fail(SyntaxCode.commentWithoutSpace, "a comment needs white space before '#'",
                             span: Span(start: pos, end: pos + 1), label: "comment starts here",
                             help: "put a space before '#', or quote the value if the '#' belongs to it")
                }
                skipToLineEnd()
            } else if b == Byte.lf || b == Byte.cr {
                let lineEnd = (pos, lineStart)
                consumeLineBreak()
                let indent = lineIndent()
                var index = lineStart + indent
                while index < text.count, isBlank(text[index]) { index += 1 }
                let next = byte(at: index)
                if isBreakOrEnd(next) || next == Byte.hash {
                    pos = index
                    continue
                }
                if documentMarker(at: lineStart) != nil {
                    try fail(SyntaxCode.markerInsideValue, "a document marker inside a flow collection",
                             span: Span(start: lineStart, end: lineStart + 3), label: "document marker",
                             help: "close the flow collection before the marker")
                }
                if indent <= parent, next == Byte.closeBracket || next == Byte.closeBrace {
                    // A closing bracket at the key's column: say so, then read on as if it were indented.
                    try report(SyntaxCode.badIndentation, "the closing '\(Character(Unicode.Scalar(next)))' must be indented more than the key that holds the collection",
                               span: Span(start: index, end: index + 1), label: "not indented enough",
                               help: "indent the '\(Character(Unicode.Scalar(next)))', or move it to the end of the line above")
                } else if indent <= parent {
                    // Recovery resumes after the flow collection's last line, so this line is parsed again.
                    let lineSpan = Span(start: lineStart + indent, end: index + 1)
                    (pos, lineStart) = lineEnd
                    let closer = text[open] == Byte.openBracket ? "]" : "}"
                    try fail(SyntaxCode.unterminatedFlow, "'\(Character(Unicode.Scalar(text[open])))' is not closed before a line that is not indented enough to continue it",
                             span: Span(start: open, end: open + 1), label: "opened here",
                             secondary: [DiagnosticLabel(span: lineSpan, message: "not indented enough to be inside it")],
                             help: "close it with '\(closer)' where it ends, or indent the lines inside it more than its key")
                }
                pos = index
            } else {
                return
            }
        }
    }
}
