/// Where a block node begins, which decides what may start on the same line.
enum BlockContext {
    /// At the start of a document with no `---`.
    case document
    /// After `---` on the same line.
    case documentStart
    /// After `key:`.
    case mappingValue
    /// After `- `.
    case sequenceEntry
}

extension Parser {
    /// Parses the node after an indicator (`key:`, `-`, `---`), or the document's first node.
    mutating func parseBlockNode(parent: Int, context: BlockContext) throws(ParseAbort) -> Node {
        let indicatorEnd = pos
        if context != .document {
            let blanksStart = pos
            skipInlineBlanks()
            if peek() == Byte.hash { skipToLineEnd() }
            if !isBreakOrEnd(peek()) {
                let hadTab = text[blanksStart..<pos].contains(Byte.tab)
                return try parseInlineNode(parent: parent, context: context, hadTab: hadTab)
            }
            consumeLineBreak()
        }
        // The node starts on a later line, if at all.
        skipBlankLines()
        if atEnd || documentMarker(at: pos) != nil { return .null(at: indicatorEnd) }
        let indent = lineIndent()
        if indent <= parent {
            // `key:` followed by a list at the key's own indentation is a list (YAML's block-out context).
            if indent == parent, context == .mappingValue, isSequenceIndicator(at: lineStart + indent) {
                pos = lineStart + indent
                return try parseBlockSequence(indent: indent)
            }
            return .null(at: indicatorEnd)
        }
        pos = lineStart + indent
        let hadTab = peek() == Byte.tab
        skipInlineBlanks()
        return try parseIndentedNode(indent: indent, parent: parent, hadTab: hadTab)
    }

    /// A node that starts a line at `indent` (after any tabs).
    private mutating func parseIndentedNode(indent: Int, parent: Int, hadTab: Bool) throws(ParseAbort) -> Node {
        let c = peek()
        if c == Byte.dash, isWhiteOrEnd(peek(1)) {
            if hadTab { try reportTabIndentation() }
            return try parseBlockSequence(indent: indent)
        }
        if c == Byte.pipe || c == Byte.greater { return try parseBlockScalar(parent: parent) }
        if c == Byte.openBracket || c == Byte.openBrace { return try finishFlowInBlock(parseFlowCollection(parent: parent)) }
        try rejectKeyIndicators()
        let (node, isKey) = try parseScalarOrKey(parent: parent)
        if isKey {
            if hadTab { try reportTabIndentation() }
            return try parseBlockMapping(indent: indent, firstKey: node)
        }
        try expectLineEnd()
        return node
    }

    /// A node that starts on the line of its indicator (`key: value`, `- item`, `--- text`).
    private mutating func parseInlineNode(parent: Int, context: BlockContext, hadTab: Bool) throws(ParseAbort) -> Node {
        let c = peek()
        let column = pos - lineStart
        let after = context == .documentStart ? "'---'" : "its key"
        if c == Byte.pipe || c == Byte.greater { return try parseBlockScalar(parent: parent) }
        if c == Byte.openBracket || c == Byte.openBrace { return try finishFlowInBlock(parseFlowCollection(parent: parent)) }
        if c == Byte.dash, isWhiteOrEnd(peek(1)) {
            guard context == .sequenceEntry else {
                try fail(SyntaxCode.inlineBlockCollection, "a list cannot start on the same line as \(after)",
                         span: Span(start: pos, end: pos + 1), label: "list entry",
                         help: "start the list on the next line, indented")
            }
            if hadTab { try tabBeforeCompactCollection() }
            return try parseBlockSequence(indent: column)
        }
        try rejectKeyIndicators()
        let (node, isKey) = try parseScalarOrKey(parent: parent)
        if isKey {
            guard context == .sequenceEntry else {
                try fail(SyntaxCode.inlineBlockCollection, "a nested mapping cannot start on the same line as \(after)",
                         span: Span(start: node.span.start, end: pos + 1), label: "nested key",
                         help: "put the nested entries on the next lines, indented; or quote the value if the ': ' belongs to it")
            }
            if hadTab { try tabBeforeCompactCollection() }
            return try parseBlockMapping(indent: column, firstKey: node)
        }
        try expectLineEnd()
        return node
    }

    private mutating func tabBeforeCompactCollection() throws(ParseAbort) {
        var index = pos - 1
        while index > lineStart, text[index] != Byte.tab { index -= 1 }
        try fail(SyntaxCode.tabIndentation, "tabs are not allowed for indentation; use spaces",
                 span: Span(start: index, end: index + 1), label: "tab",
                 help: "replace the tab after '-' with spaces")
    }

    /// After a flow collection in block context: `[a]: b` would make it a key, which pathc rejects.
    private mutating func finishFlowInBlock(_ node: Node) throws(ParseAbort) -> Node {
        let end = pos
        skipInlineBlanks()
        if peek() == Byte.colon { try unsupported(.complexKey, span: node.span) }
        pos = end
        try expectLineEnd()
        return node
    }

    /// Anchors, aliases and tags; explicit (`? `) and empty (`: `) keys.
    mutating func rejectKeyIndicators() throws(ParseAbort) {
        let c = peek()
        switch c {
        case Byte.ampersand: try unsupported(.anchor, span: Span(start: pos, end: wordEnd(from: pos)))
        case Byte.star: try unsupported(.alias, span: Span(start: pos, end: wordEnd(from: pos)))
        case Byte.bang: try unsupported(.tag, span: Span(start: pos, end: wordEnd(from: pos)))
        case Byte.question where isWhiteOrEnd(peek(1)): try unsupported(.explicitKey, span: Span(start: pos, end: pos + 1))
        case Byte.colon where isWhiteOrEnd(peek(1)): try unsupported(.emptyKey, span: Span(start: pos, end: pos + 1))
        default: return
        }
    }

    /// A quoted or plain scalar in block context. When it is one line long and followed by `: `,
    /// it is a mapping key: returns true with the cursor on the `:`.
    mutating func parseScalarOrKey(parent: Int) throws(ParseAbort) -> (Node, isKey: Bool) {
        let c = peek()
        if c == Byte.doubleQuote || c == Byte.singleQuote {
            let keyLine = lineStart
            let node = try parseQuoted(parent: parent)
            let end = pos
            skipInlineBlanks()
            if peek() == Byte.colon, isWhiteOrEnd(peek(1)) {
                if lineStart != keyLine {
                    try fail(SyntaxCode.multilineKey, "a key must be on one line", span: node.span,
                             label: "key spans several lines", help: "write the key on one line")
                }
                return (node, true)
            }
            pos = end
            return (node, false)
        }
        try checkPlainStart(flow: false)
        let start = pos
        let firstEnd = scanPlainSegment(flow: false)
        if peek() == Byte.colon, isWhiteOrEnd(peek(1)) {
            return (try plainNode(start, firstEnd), true)
        }
        return (try finishPlain(start: start, firstEnd: firstEnd, parent: parent, flow: false), false)
    }

    // MARK: - Block collections

    mutating func parseBlockMapping(indent: Int, firstKey: Node) throws(ParseAbort) -> Node {
        try enterCollection(at: firstKey.span.start)
        defer { depth -= 1 }
        var pairs: [Pair] = []
        var keys = KeyIndex()
        var pendingKey: Node? = firstKey
        while true {
            do {
                let key: Node
                if let pending = pendingKey {
                    key = pending
                    pendingKey = nil
                } else {
                    key = try parseBlockKey()
                }
                if key.scalar?.style == .plain, key.scalar?.text == "<<" {
                    try unsupported(.mergeKey, span: key.span)
                }
                pos += 1  // the ':'
                let value = try parseBlockNode(parent: indent, context: .mappingValue)
                try insert(Pair(key: key, value: value), into: &pairs, keys: &keys)
            } catch {
                if error.fatal { throw error }
                skipLines(deeperThan: indent)
            }
            guard try nextEntryLine(indent: indent) else { break }
            pos = lineStart + indent
        }
        let end = pairs.last.map { max($0.value.span.end, $0.key.span.end + 1) } ?? firstKey.span.end
        return Node(.mapping(pairs), span: Span(start: firstKey.span.start, end: end))
    }

    /// A key at the start of a mapping line, with the cursor left on its `:`.
    private mutating func parseBlockKey() throws(ParseAbort) -> Node {
        let c = peek()
        if c == Byte.tab { try reportTabIndentation() }
        if c == Byte.dash, isWhiteOrEnd(peek(1)) {
            try fail(SyntaxCode.unexpectedContent, "a list entry where a mapping key was expected",
                     span: Span(start: pos, end: pos + 1), label: "list entry",
                     help: "indent the list under a key, or remove the '-'")
        }
        if c == Byte.openBracket || c == Byte.openBrace {
            try unsupported(.complexKey, span: Span(start: pos, end: pos + 1))
        }
        if c == Byte.pipe || c == Byte.greater {
            try fail(SyntaxCode.unexpectedContent, "a block scalar cannot be a key",
                     span: Span(start: pos, end: pos + 1), label: "block scalar",
                     help: "write a key first: 'key: \(c == Byte.pipe ? "|" : ">")'")
        }
        try rejectKeyIndicators()
        let (node, isKey) = try parseScalarOrKey(parent: lineIndent())
        guard isKey else {
            try fail(SyntaxCode.missingColon, "expected ':' after '\(Parser.shorten(file.text(of: node.span)))'",
                     span: node.span, label: "not a 'key: value' entry",
                     help: "write 'key: value'; if this line continues the value above, indent it more than that value's key")
        }
        return node
    }

    mutating func parseBlockSequence(indent: Int) throws(ParseAbort) -> Node {
        let start = pos
        try enterCollection(at: start)
        defer { depth -= 1 }
        var items: [Node] = []
        while true {
            let dash = pos
            do {
                pos += 1
                items.append(try parseBlockNode(parent: indent, context: .sequenceEntry))
            } catch {
                if error.fatal { throw error }
                items.append(.null(at: dash + 1))
                skipLines(deeperThan: indent)
            }
            guard try nextEntryLine(indent: indent), isSequenceIndicator(at: lineStart + indent) else { break }
            pos = lineStart + indent
        }
        let end = max(items.last?.span.end ?? start + 1, start + 1)
        return Node(.sequence(items), span: Span(start: start, end: end))
    }

    /// Moves to the next line of a block collection at `indent`; false when the collection ends
    /// there. Lines indented more, or with tabs in their indentation, are reported and skipped.
    /// Leaves the cursor at the line's start.
    private mutating func nextEntryLine(indent: Int) throws(ParseAbort) -> Bool {
        while true {
            skipBlankLines()
            if atEnd || documentMarker(at: pos) != nil { return false }
            let lineIndent = lineIndent()
            let first = byte(at: lineStart + lineIndent)
            if lineIndent < indent && first != Byte.tab { return false }
            if lineIndent == indent && first != Byte.tab { return true }
            do {
                if first == Byte.tab { try reportTabIndentation() }
                let end = lineEndOffset(from: lineStart + lineIndent)
                try fail(SyntaxCode.badIndentation, "unexpected indentation",
                         span: Span(start: lineStart + lineIndent, end: end),
                         label: "indented more than the entries above (column \(indent + 1))",
                         help: "align this line with the entries above it, or, if it continues the value above, check the indentation of that value")
            } catch {
                if error.fatal { throw error }
                skipLines(deeperThan: indent)
            }
        }
    }

    func lineEndOffset(from index: Int) -> Int {
        var end = index
        while end < text.count, text[end] != Byte.lf, text[end] != Byte.cr { end += 1 }
        return end
    }

    /// Error recovery: skips the rest of the line and every following line that is blank or
    /// indented more than `indent`, so the collection can go on with its next entry.
    mutating func skipLines(deeperThan indent: Int) {
        skipToLineEnd()
        consumeLineBreak()
        while pos < text.count {
            var index = pos
            while index < text.count, text[index] == Byte.space { index += 1 }
            let b = byte(at: index)
            let skippable = b == Byte.tab || b == Byte.hash || isBreakOrEnd(b) || index - pos > indent
            if !skippable || documentMarker(at: pos) != nil { return }
            pos = index
            skipToLineEnd()
            consumeLineBreak()
        }
    }

    static func shorten(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }
}

/// Finds duplicate keys: a scan for small mappings, a hash table once they grow.
struct KeyIndex {
    private var table: [ScalarValue: Int]?

    mutating func firstIndex(of key: ScalarValue, in pairs: [Pair]) -> Int? {
        if table == nil, pairs.count >= 12 {
            var built: [ScalarValue: Int] = [:]
            for (index, pair) in pairs.enumerated() where built[pair.key.scalar?.value ?? .null] == nil {
                built[pair.key.scalar?.value ?? .null] = index
            }
            table = built
        }
        if let table { return table[key] }
        return pairs.firstIndex { $0.key.scalar?.value == key }
    }

    mutating func added(_ key: ScalarValue, at index: Int) {
        if table != nil, table![key] == nil { table![key] = index }
    }
}

extension Parser {
    /// Appends an entry, reporting a duplicate key (YAML forbids them; most loaders silently keep
    /// the last one, which loses data).
    mutating func insert(_ pair: Pair, into pairs: inout [Pair], keys: inout KeyIndex) throws(ParseAbort) {
        let value = pair.key.scalar?.value ?? .null
        if let first = keys.firstIndex(of: value, in: pairs) {
            try report(SyntaxCode.duplicateKey, "duplicate key '\(pair.keyText)'", span: pair.key.span,
                       label: "duplicate key",
                       secondary: [DiagnosticLabel(span: pairs[first].key.span, message: "first defined here")],
                       help: "remove one of the two keys")
        }
        pairs.append(pair)
        keys.added(value, at: pairs.count - 1)
    }
}
