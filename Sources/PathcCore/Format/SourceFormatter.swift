/// What formatting one file gave.
public enum FormatOutcome: Sendable {
    /// The file's canonical text (which may be the text it already has).
    case formatted(String)
    /// The file does not parse: nothing to format. The diagnostics are the parser's.
    case syntaxErrors([Diagnostic])
    /// The formatted text would be larger than pathc reads (deeply nested flow collections
    /// written out as blocks); the limit in bytes.
    case tooLarge(limit: Int)
    /// The formatted text does not read back as the same data and comments: a bug in the
    /// formatter, which then leaves the file as it is. What differs, in words.
    case unsafe(String)
}

/// `pathc fmt`: the canonical text of a file in pathc's language, with the same data and the
/// same comments. The rules, and why each: docs/format.md.
public enum SourceFormatter {
    /// Lines of prose longer than this are folded.
    public static let defaultWidth = 100

    public static func format(_ file: SourceFile, width: Int = defaultWidth) -> FormatOutcome {
        let tree = SyntaxTree.parse(file)
        if !tree.diagnostics.isEmpty { return .syntaxErrors(tree.diagnostics) }
        let comments = SourceComments.scan(file, root: tree.root)
        var builder = LayoutBuilder(file: file, comments: comments)
        let document = builder.build(tree.root)
        let limit = ParserLimits.standard.maxFileBytes
        var printer = LayoutPrinter(width: width, limit: limit)
        printer.print(document)
        if printer.overflow { return .tooLarge(limit: limit) }
        // The same bytes hold the same data and comments: only a change needs reading back.
        if printer.out != file.bytes,
           let problem = difference(between: file, comments: comments, document: document, output: printer.out,
                                    reordered: builder.reordered) {
            return .unsafe(problem)
        }
        return .formatted(String(decoding: printer.out, as: UTF8.self))
    }

    /// What differs between the source and the formatted output, or nil when they hold the same
    /// data (keys in the layout's order) and the same comments (in the same order, unless keys
    /// moved and took their comments with them).
    static func difference(between file: SourceFile, comments: [SourceComment], document: LayoutDocument,
                                   output: [UInt8], reordered: Bool) -> String? {
        let written = SourceFile(path: file.path, bytes: output)
        let tree = SyntaxTree.parse(written)
        if let first = tree.diagnostics.first {
            return "the formatted text does not parse: \(first.message) at line \(written.position(of: first.span.start).line)"
        }
        let sameData: Bool
        switch (document.root, tree.root) {
        case let (expected?, written?): sameData = Self.sameData(expected.value, written)
        case (nil, nil): sameData = true
        case let (expected?, nil): sameData = expected.value.node.scalarValue == .null
        case (nil, .some): sameData = false
        }
        if !sameData { return "the formatted text holds other data" }
        var before = comments.map(\.text), after = SourceComments.scan(written, root: tree.root).map(\.text)
        if reordered {
            before.sort()
            after.sort()
        }
        if before != after { return "the formatted text does not keep every comment in order" }
        return nil
    }

    /// Whether `written` holds the data of the source node `expected`, keys in the order the
    /// layout writes them: what `pathc dump` prints of both is the same.
    private static func sameData(_ expected: LayoutNode, _ written: Node) -> Bool {
        switch (expected.node.content, written.content) {
        case let (.scalar(a), .scalar(b)):
            return sameValue(a.value, b.value)
        case let (.sequence, .sequence(items)):
            return expected.entries.count == items.count
                && zip(expected.entries, items).allSatisfy { sameData($0.value, $1) }
        case let (.mapping, .mapping(pairs)):
            return expected.entries.count == pairs.count
                && zip(expected.orderedEntries, pairs).allSatisfy { entry, pair in
                    guard let key = entry.key?.scalarValue, let writtenKey = pair.key.scalarValue else { return false }
                    return key.keyText == writtenKey.keyText && sameData(entry.value, pair.value)
                }
        default:
            return false
        }
    }

    /// Values that dump the same: floats bit for bit (0.0 is not -0.0), any NaN like any other.
    private static func sameValue(_ a: ScalarValue, _ b: ScalarValue) -> Bool {
        if case .float(let x) = a, case .float(let y) = b { return x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN) }
        return a == b
    }
}
