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
        if let problem = difference(between: file, comments: comments, document: document, output: printer.out,
                                    reordered: builder.reordered) {
            return .unsafe(problem)
        }
        return .formatted(String(decoding: printer.out, as: UTF8.self))
    }

    /// What differs between the source and the formatted output, or nil when they hold the same
    /// data (keys in the layout's order) and the same comments (in the same order, unless keys
    /// moved and took their comments with them).
    private static func difference(between file: SourceFile, comments: [SourceComment], document: LayoutDocument,
                                   output: [UInt8], reordered: Bool) -> String? {
        let written = SourceFile(path: file.path, bytes: output)
        let tree = SyntaxTree.parse(written)
        if let first = tree.diagnostics.first {
            return "the formatted text does not parse: \(first.message) at line \(written.position(of: first.span.start).line)"
        }
        let writer = JSONWriter(pretty: false)
        let expected = document.root.map { expectedData($0.value) } ?? .null
        if writer.string(expected) != writer.string(tree.root?.json ?? .null) {
            return "the formatted text holds other data"
        }
        var before = comments.map(\.text), after = SourceComments.scan(written, root: tree.root).map(\.text)
        if reordered {
            before.sort()
            after.sort()
        }
        if before != after { return "the formatted text does not keep every comment in order" }
        return nil
    }

    /// The data of the source with keys in the order the layout writes them.
    private static func expectedData(_ node: LayoutNode) -> JSONValue {
        switch node.node.content {
        case .scalar:
            return node.node.json
        case .sequence:
            return .array(node.entries.map { expectedData($0.value) })
        case .mapping:
            return .object(node.orderedEntries.map {
                JSONMember($0.key?.scalarValue?.keyText ?? "", expectedData($0.value))
            })
        }
    }
}
