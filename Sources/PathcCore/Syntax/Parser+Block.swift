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
        pairs.reserveCapacity(8)
        var keys = KeyIndex(base: fingerprints.count)
        defer { dropFingerprints(from: keys.base) }
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
                try rejectMergeKey(key)
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
        return Node(.mapping(pairs.fitted()), span: Span(start: firstKey.span.start, end: end))
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
            let written = file.text(of: node.span)
            if let colon = written.firstIndex(of: ":"), colon != written.startIndex {
                // `name:Value`: the colon is there, the space after it is not.
                let key = written[..<colon]
                try fail(SyntaxCode.missingColon, "a space is missing after ':' in '\(Parser.shorten(written))'",
                         span: node.span, label: "not a 'key: value' entry",
                         help: "write '\(Parser.shorten(String(key))): \(Parser.shorten(String(written[written.index(after: colon)...])))'; a key's ':' needs a space after it")
            }
            try fail(SyntaxCode.missingColon, "expected ':' after '\(Parser.shorten(written))'",
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
        items.reserveCapacity(4)
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
        return Node(.sequence(items.fitted()), span: Span(start: start, end: end))
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

/// Finds duplicate keys among the entries of one mapping. Compares 64-bit fingerprints first
/// (kept on the parser's fingerprint stack from `base` on: a scan while the mapping is small, a
/// table once it grows) and keys only when they match. Two keys are the same when they are the
/// same key of the JSON data (`1` and `'1'`, `true` and `"true"`, `.nan` and `.NaN`): schemas,
/// rules and the site see that data, where the second would silently replace the first.
struct KeyIndex {
    let base: Int
    private var table: [UInt64: Int]?

    init(base: Int) {
        self.base = base
    }

    func earlier(_ key: Node, fingerprint: UInt64, in pairs: [Pair], _ fingerprints: [UInt64]) -> Int? {
        if let table {
            guard let index = table[fingerprint] else { return nil }
            if Self.sameKey(pairs[index].key, key) { return index }
            // Two different keys with one fingerprint: the table holds the first only, so scan.
        }
        var index = base
        while index < fingerprints.count {
            if fingerprints[index] == fingerprint, Self.sameKey(pairs[index - base].key, key) { return index - base }
            index += 1
        }
        return nil
    }

    /// The same key of the JSON data: equal key texts once typed by the core schema.
    static func sameKey(_ a: Node, _ b: Node) -> Bool {
        a.scalarValue?.keyText == b.scalarValue?.keyText
    }

    mutating func added(_ fingerprints: [UInt64]) {
        let count = fingerprints.count - base
        let last = fingerprints[fingerprints.count - 1]
        if table == nil, count > 32 {
            var built: [UInt64: Int] = [:]
            for index in base..<fingerprints.count where built[fingerprints[index]] == nil { built[fingerprints[index]] = index - base }
            table = built
        } else if table != nil, table![last] == nil {
            table![last] = count - 1
        }
    }
}

extension Parser {
    /// Appends an entry to a mapping, reporting a duplicate key (YAML forbids them; most loaders
    /// silently keep the last one, which loses data).
    mutating func insert(_ pair: consuming Pair, into pairs: inout [Pair], keys: inout KeyIndex) throws(ParseAbort) {
        let fingerprint = fingerprint(of: pair.key)
        if let first = keys.earlier(pair.key, fingerprint: fingerprint, in: pairs, fingerprints) {
            let firstText = file.text(of: pairs[first].key.span), secondText = file.text(of: pair.key.span)
            try report(SyntaxCode.duplicateKey, "duplicate key '\(pair.keyText)'", span: pair.key.span,
                       label: "duplicate key",
                       secondary: [DiagnosticLabel(span: pairs[first].key.span, message: "first defined here")],
                       notes: firstText == secondText ? []
                           : ["'\(firstText)' and '\(secondText)' are the same key '\(pair.key.scalarValue?.keyText ?? "")' in the data"],
                       help: "remove one of the two keys")
        }
        pairs.append(pair)
        fingerprints.append(fingerprint)
        keys.added(fingerprints)
    }

    /// Drops the fingerprints of a mapping that has ended.
    mutating func dropFingerprints(from base: Int) {
        if fingerprints.count > base { fingerprints.removeLast(fingerprints.count - base) }
    }

    /// FNV-1a of a key's text for text keys (most keys), the value's hash for the others. Equal
    /// values have equal fingerprints. Reads the source bytes when they are the text: plain keys
    /// (always one line) and quoted keys that hold no escape (every escape is shorter than what
    /// it writes, so equal lengths mean none).
    func fingerprint(of key: Node) -> UInt64 {
        guard case .scalar(let scalar) = key.content else { return 0 }
        var start = key.span.start, end = key.span.end
        switch scalar.style {
        case .plain:
            if start < end, CoreSchema.mayBeNonString(firstByte: text[start]) {
                let value = scalar.value
                if case .string = value {} else {
                    // The JSON key text, so that `1` and `'1'` (and `.nan` and `.NaN`) meet.
                    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                    for byte in value.keyText.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
                    return hash
                }
            }
        case .singleQuoted, .doubleQuoted:
            start += 1
            end -= 1
        case .literal, .folded:
            end = start
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        if end - start == scalar.text.utf8.count {
            for index in start..<end { hash = (hash ^ UInt64(text[index])) &* 0x100_0000_01B3 }
        } else {
            for byte in scalar.text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return hash
    }

    /// `<<` as a plain key: YAML 1.1 loaders merge mappings there, so pathc refuses it rather
    /// than read the file differently from them.
    mutating func rejectMergeKey(_ key: Node) throws(ParseAbort) {
        guard key.span.length == 2, text[key.span.start] == 0x3C, text[key.span.start + 1] == 0x3C else { return }
        try unsupported(.mergeKey, span: key.span)
    }
}
