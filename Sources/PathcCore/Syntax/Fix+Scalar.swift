extension Fix {
    /// A fix that writes `text` in place of the scalar `node` of `file`, in the node's style
    /// (`ScalarWriter.replacement`), titled "replace 'old' with 'new'". Nil for a collection or a
    /// block scalar, and when the node's source is not one line that its style accounts for: the
    /// span is checked against the text rather than trusted, so that a fix never cuts a value
    /// in two.
    static func replacing(_ node: Node, with text: String, in file: SourceFile, isKey: Bool = false, title: String? = nil) -> Fix? {
        guard let scalar = node.scalar, let source = source(of: node, in: file),
              let replacement = ScalarWriter.replacement(text, style: scalar.style, isKey: isKey) else { return nil }
        return Fix(title ?? "replace '\(scalar.text)' with '\(text)'", replacing: node.span, with: replacement, unless: source)
    }

    /// A fix that puts the plain scalar `node` of `file` in double quotes, its text as written: a
    /// value YAML typed as a number, a boolean or null that was meant as text (`1.10` stays
    /// `"1.10"`, not the number's `1.1`). Nil unless the node is plain and on one line.
    static func quoting(_ node: Node, in file: SourceFile) -> Fix? {
        guard let scalar = node.scalar, scalar.style == .plain, let source = source(of: node, in: file) else { return nil }
        let quoted = ScalarWriter.doubleQuoted(source)
        return Fix("quote \(source) to make it text", replacing: node.span, with: quoted, unless: source)
    }

    /// The source of a scalar node when it is one line its style accounts for: a plain scalar's
    /// source is its text; a quoted one's starts and ends with its quote.
    static func source(of node: Node, in file: SourceFile) -> String? {
        guard let scalar = node.scalar, !node.span.isEmpty, node.span.end <= file.bytes.count else { return nil }
        let source = file.text(of: node.span)
        guard !source.contains("\n") else { return nil }
        switch scalar.style {
        case .plain:
            return source == scalar.text ? source : nil
        case .singleQuoted:
            return source.count >= 2 && source.hasPrefix("'") && source.hasSuffix("'") ? source : nil
        case .doubleQuoted:
            return source.count >= 2 && source.hasPrefix("\"") && source.hasSuffix("\"") ? source : nil
        case .literal, .folded:
            return nil
        }
    }

    private init?(_ title: String, replacing span: Span, with replacement: String, unless source: String) {
        guard replacement != source else { return nil }
        self.init(title, replacing: span, with: replacement)
    }
}
