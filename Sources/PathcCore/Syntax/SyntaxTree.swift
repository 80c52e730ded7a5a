/// Limits that keep hostile input from exhausting memory or time.
public struct ParserLimits: Sendable {
    public var maxFileBytes: Int
    public var maxDepth: Int
    public var maxScalarBytes: Int
    /// After this many syntax errors the parser stops and says how many it reported.
    public var maxErrors: Int

    public init(maxFileBytes: Int = 16 << 20, maxDepth: Int = 100, maxScalarBytes: Int = 1 << 20, maxErrors: Int = 100) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxScalarBytes = maxScalarBytes
        self.maxErrors = maxErrors
    }

    public static let standard = ParserLimits()
}

/// One parsed file: its root node and the syntax diagnostics.
public struct SyntaxTree: Sendable {
    public let file: SourceFile
    /// The document's root; nil when the file holds no document, or has syntax errors (a partial
    /// tree would only produce follow-on errors in later stages).
    public let root: Node?
    public let diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Parses bytes into a tree. Never traps: every problem becomes a diagnostic.
    public static func parse(_ file: SourceFile, limits: ParserLimits = .standard) -> SyntaxTree {
        if file.bytes.count > limits.maxFileBytes {
            let diagnostic = Diagnostic(
                code: SyntaxCode.fileTooLarge,
                message: "file is \(file.bytes.count / (1 << 20)) MiB, over the limit of \(limits.maxFileBytes / (1 << 20)) MiB",
                file: file, span: .at(0), label: "file too large",
                help: "split the content into several files; pathc reads files of at most \(limits.maxFileBytes / (1 << 20)) MiB")
            return SyntaxTree(file: file, root: nil, diagnostics: [diagnostic])
        }
        return file.bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(file: file, text: buffer, limits: limits)
            let root = parser.parseStream()
            return SyntaxTree(file: file, root: parser.diagnostics.isEmpty ? root : nil, diagnostics: parser.diagnostics)
        }
    }
}
