/// How a value is written after its key or `-`.
private enum ValueForm {
    case scalar(ScalarForm)
    /// On the entry's line: a flow collection, or an empty one (`[]`, `{}`).
    case flow(String)
    /// A block collection on the lines below.
    case block
}

/// Writes a layout as text: two spaces of indentation per level, block collections, `key: value`
/// and `- item`, each comment where the layout put it, at most one empty line where the source
/// had one or more.
struct LayoutPrinter {
    let width: Int
    /// Output larger than this is abandoned (`overflow`): the parser would not read it back.
    let limit: Int
    private(set) var out: [UInt8] = []
    private(set) var overflow = false
    /// The columns of `-` indicators whose item's first line is not written yet: a collection in
    /// a sequence item starts on the `-` line (`- id: kr1`, `- - a`).
    private var pendingDashes: [Int] = []
    /// No empty line may be written here: the start of the file or of a nested block.
    private var atBlockStart = true
    private var pendingBlank = false

    init(width: Int, limit: Int) {
        self.width = width
        self.limit = limit
    }

    mutating func print(_ document: LayoutDocument) {
        for comment in document.header { self.comment(0, comment) }
        if let root = document.root { printRoot(root) }
        for comment in document.footer { self.comment(0, comment) }
    }

    // MARK: - Entries

    private mutating func printRoot(_ root: LayoutEntry) {
        let form = valueForm(root.value, indent: 0, prefix: 0, parentIndent: -1, pinned: isPinned(root))
        if case .block = form {
            for comment in root.lineComments { self.comment(0, comment) }
            printEntries(of: root.value, indent: 0)
            for comment in root.afterValue { self.comment(0, comment) }
            return
        }
        let endComment = hoistLineComments(of: root, indent: 0)
        switch form {
        case .scalar(.empty):
            if let endComment { comment(0, endComment) }
        case .scalar(.inline(let text)), .flow(let text):
            line(0, text, endComment)
        case .scalar(.block(let header, let lines)):
            line(0, header, endComment)
            body(lines, indent: 2)
        case .block:
            break
        }
    }

    private mutating func printEntries(of collection: LayoutNode, indent: Int) {
        for entry in collection.orderedEntries {
            if collection.isMapping {
                printMappingEntry(entry, indent: indent)
            } else {
                printSequenceItem(entry, indent: indent)
            }
        }
        for comment in collection.footer { self.comment(indent, comment) }
    }

    private mutating func printMappingEntry(_ entry: LayoutEntry, indent: Int) {
        for comment in entry.leading { self.comment(indent, comment) }
        if entry.blankBefore { pendingBlank = true }
        let key = (entry.key.map { scalarText($0, place: .key) } ?? "''") + ":"
        let form = valueForm(entry.value, indent: indent, prefix: key.unicodeScalars.count + 1, parentIndent: indent,
                             pinned: isPinned(entry))
        let endComment = hoistLineComments(of: entry, indent: indent, block: isBlock(form))
        switch form {
        case .scalar(.empty):
            line(indent, key, endComment)
        case .scalar(.inline(let text)), .flow(let text):
            line(indent, key + " " + text, endComment)
        case .scalar(.block(let header, let lines)):
            line(indent, key + " " + header, endComment)
            body(lines, indent: indent + 2)
        case .block:
            line(indent, key, endComment)
            atBlockStart = true
            printEntries(of: entry.value, indent: indent + 2)
            for comment in entry.afterValue { self.comment(indent + 2, comment) }
        }
    }

    private mutating func printSequenceItem(_ entry: LayoutEntry, indent: Int) {
        for comment in entry.leading { self.comment(indent, comment) }
        if entry.blankBefore { pendingBlank = true }
        let form = valueForm(entry.value, indent: indent, prefix: 2, parentIndent: indent, pinned: isPinned(entry))
        let endComment = hoistLineComments(of: entry, indent: indent, block: isBlock(form))
        switch form {
        case .scalar(.empty):
            line(indent, "-", endComment)
        case .scalar(.inline(let text)), .flow(let text):
            line(indent, "- " + text, endComment)
        case .scalar(.block(let header, let lines)):
            line(indent, "- " + header, endComment)
            body(lines, indent: indent + 2)
        case .block:
            if let endComment {
                line(indent, "-", endComment)
                atBlockStart = true
            } else {
                pendingDashes.append(indent)
            }
            printEntries(of: entry.value, indent: indent + 2)
            for comment in entry.afterValue { self.comment(indent + 2, comment) }
        }
    }

    /// An entry's end-of-line comments: the last one is returned, to end the entry's line; any
    /// before it are written above the entry, in order. Comments after a flow value's closing
    /// bracket go on the line too, unless the value is written as a block.
    private mutating func hoistLineComments(of entry: LayoutEntry, indent: Int, block: Bool = false) -> SourceComment? {
        var comments = entry.lineComments
        if !block { comments += entry.afterValue }
        guard let last = comments.popLast() else { return nil }
        for comment in comments { self.comment(indent, comment) }
        return last
    }

    /// A value whose entry carries a `# pathc:` comment is never moved onto lines of its own (a
    /// long text is not folded, a long flow collection stays flow): a suppression silences the
    /// line it is on or above, and what it silences must stay there.
    private func isPinned(_ entry: LayoutEntry) -> Bool {
        (entry.leading + entry.lineComments + entry.afterValue).contains { $0.text.contains("pathc:") }
    }

    private func isBlock(_ form: ValueForm) -> Bool {
        if case .block = form { return true }
        return false
    }

    // MARK: - Values

    /// `indent` is the entry's column, `prefix` the columns of its key and `: ` (or `- `) before
    /// the value, `parentIndent` the indentation of the collection that holds the value (-1 for
    /// the root), from which a block scalar's indentation indicator counts.
    private func valueForm(_ value: LayoutNode, indent: Int, prefix: Int, parentIndent: Int, pinned: Bool) -> ValueForm {
        if value.node.scalar != nil {
            return .scalar(scalarForm(value.node, place: .blockValue, column: indent + prefix,
                                      bodyIndent: indent + 2, indicator: indent + 2 - parentIndent, pinned: pinned))
        }
        if value.entries.isEmpty { return .flow(value.isMapping ? "{}" : "[]") }
        // A pinned flow collection stays on its line, however long: see `isPinned`.
        if let text = flowText(value, depth: 0), pinned || indent + prefix + text.unicodeScalars.count <= width {
            return .flow(text)
        }
        return .block
    }

    /// A flow collection on one line, when it stays flow: written `[...]` or `{...}` in the
    /// source, no comment inside, and its items scalars or flow collections of scalars.
    private func flowText(_ collection: LayoutNode, depth: Int) -> String? {
        if collection.entries.isEmpty { return collection.isMapping ? "{}" : "[]" }
        guard collection.isFlow, !collection.hasInnerComments, depth <= 1 else { return nil }
        var parts: [String] = []
        for entry in collection.orderedEntries {
            let value: String
            if entry.value.node.scalar != nil {
                guard case .inline(let text) = scalarForm(entry.value.node, place: .flow, column: 0, bodyIndent: 0,
                                                          indicator: 0, pinned: true) else { return nil }
                value = text
            } else {
                guard let text = flowText(entry.value, depth: depth + 1) else { return nil }
                value = text
            }
            if let key = entry.key {
                parts.append(scalarText(key, place: .flow) + ": " + value)
            } else {
                parts.append(value)
            }
        }
        let joined = parts.joined(separator: ", ")
        return collection.isMapping ? "{" + joined + "}" : "[" + joined + "]"
    }

    /// A key, on one line. An empty key (which the parser reads in `[:]` and `{:}`) is written
    /// `null`, the same key in YAML's data, since an empty key cannot start a line.
    private func scalarText(_ node: Node, place: ScalarPlace) -> String {
        switch scalarForm(node, place: place, column: 0, bodyIndent: 0, indicator: 0, pinned: true) {
        case .inline(let text): return text
        case .empty: return "null"
        case .block: return ScalarWriter.doubleQuoted(node.scalar?.text ?? "")
        }
    }

    /// How a scalar is written. A plain scalar YAML types (a number, a boolean, null) stays as
    /// written; a literal stays literal and a folded scalar is folded again; any other text is
    /// plain where that reads back the same, else quoted, and folded when its line would be
    /// longer than the width. `column` is where the value starts on its line, `bodyIndent` the
    /// indentation of a block scalar's lines, `indicator` its indentation indicator when it needs one.
    private func scalarForm(_ node: Node, place: ScalarPlace, column: Int, bodyIndent: Int, indicator: Int,
                            pinned: Bool) -> ScalarForm {
        guard let scalar = node.scalar else { return .empty }
        let text = scalar.text
        let lineWidth = max(width - bodyIndent, 20)
        switch scalar.style {
        case .plain where text.isEmpty:
            return .empty
        case .plain where !ScalarWriter.readsAsString(text):
            return .inline(text)
        case .literal:
            return ScalarWriter.literal(text, indentation: indicator) ?? .inline(ScalarWriter.quoted(text))
        case .folded:
            return ScalarWriter.folded(text, indentation: indicator, width: lineWidth) ?? .inline(ScalarWriter.quoted(text))
        default:
            break
        }
        let keepsQuotes = scalar.style != .plain && ScalarWriter.isTypedInYAML11(text)
        let inline = !keepsQuotes && ScalarWriter.canBePlain(text, at: place) && ScalarWriter.readsAsString(text)
            ? text : ScalarWriter.quoted(text)
        guard place == .blockValue, !pinned, column + inline.unicodeScalars.count > width else { return .inline(inline) }
        if text.contains("\n") {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.allSatisfy({ $0.unicodeScalars.count <= lineWidth }), let literal = ScalarWriter.literal(text, indentation: indicator) {
                return literal
            }
        } else if !ScalarWriter.hasBreak(text) {
            return .inline(inline)
        }
        return ScalarWriter.folded(text, indentation: indicator, width: lineWidth) ?? .inline(inline)
    }

    // MARK: - Lines

    /// One line of content at `indent`, or after the pending `-` indicators.
    private mutating func line(_ indent: Int, _ text: String, _ comment: SourceComment?) {
        guard !overflow else { return }
        writePendingBlank()
        if let first = pendingDashes.first {
            append(String(repeating: " ", count: first) + String(repeating: "- ", count: pendingDashes.count))
            pendingDashes = []
        } else {
            append(String(repeating: " ", count: indent))
        }
        append(text)
        if let comment { append("  " + comment.text) }
        append("\n")
        atBlockStart = false
    }

    /// A comment on a line of its own. Before a pending `-`, it goes at the `-`'s column.
    private mutating func comment(_ indent: Int, _ comment: SourceComment) {
        guard !overflow else { return }
        if comment.blankLineBefore { pendingBlank = true }
        writePendingBlank()
        append(String(repeating: " ", count: pendingDashes.first ?? indent) + comment.text + "\n")
        // Between the comments above an item and its `-` line, no empty line.
        atBlockStart = !pendingDashes.isEmpty
    }

    /// The lines of a block scalar, as they are: empty lines stay empty.
    private mutating func body(_ lines: [String], indent: Int) {
        let margin = String(repeating: " ", count: indent)
        for text in lines where !overflow {
            append(text.isEmpty ? "\n" : margin + text + "\n")
        }
    }

    private mutating func writePendingBlank() {
        if pendingBlank, !atBlockStart, !out.isEmpty { append("\n") }
        pendingBlank = false
    }

    private mutating func append(_ text: String) {
        out.append(contentsOf: text.utf8)
        if out.count > limit { overflow = true }
    }
}
