/// How much a finding matters. `check` fails on errors, and on warnings with `--strict`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A stable identifier of a kind of problem: a code such as `PW0102` and a kebab-case name such
/// as `duplicate-key`. Users may write either in `explain`, suppressions and `pathc.yaml`.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let name: String

    public init(_ code: String, _ name: String) {
        self.code = code
        self.name = name
    }
    public var description: String { code }
}

/// A secondary place shown with a diagnostic, such as the first definition of a duplicate key.
public struct DiagnosticLabel: Sendable {
    public var span: Span
    public var message: String
    /// The file the place is in, when it is not the diagnostic's own (the first definition of a
    /// duplicate id). The terminal shows such a place in a note; editors link to it.
    public var file: SourceFile?

    public init(span: Span, message: String, file: SourceFile? = nil) {
        self.span = span
        self.message = message
        self.file = file
    }
}

/// One finding. Diagnostics are data: where, what, how bad, and what to do. Rendering them as
/// text, JSON or any CI format happens elsewhere, in one place per format.
public struct Diagnostic: Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// Lowercase, one phrase, no final period; quotes the offending value.
    public var message: String
    public var file: SourceFile
    public var span: Span
    /// A few words shown under the caret.
    public var label: String?
    /// Related places, each shown with a `-` underline.
    public var secondary: [DiagnosticLabel]
    /// Extra facts, each shown as `= note: ...`.
    public var notes: [String]
    /// What to do about it, shown as `= help: ...`.
    public var help: String?
    /// JSON Pointer of the flagged value inside its document, where known (`/key_results/0`).
    public var pointer: String?
    /// Changes to `file` that resolve the finding and are safe to make without asking
    /// (`check --fix`, an editor's quick fix); most findings have none.
    public var fixes: [Fix]

    public init(code: DiagnosticCode, severity: Severity = .error, message: String, file: SourceFile, span: Span,
                label: String? = nil, secondary: [DiagnosticLabel] = [], notes: [String] = [],
                help: String? = nil, pointer: String? = nil, fixes: [Fix] = []) {
        self.code = code
        self.severity = severity
        self.message = Self.clipped(message)
        self.file = file
        self.span = span
        self.label = label.map(Self.clipped)
        self.secondary = secondary.prefix(Self.maxSecondary).map { DiagnosticLabel(span: $0.span, message: Self.clipped($0.message), file: $0.file) }
        self.notes = notes.prefix(Self.maxNotes).map(Self.clipped)
        self.help = help.map(Self.clipped)
        self.pointer = pointer.map(Self.clipped)
        self.fixes = fixes.isEmpty ? [] : fixes.prefix(Self.maxFixes).compactMap { $0.checked(against: file.bytes) }
    }

    /// Messages quote values and keys from content, which may be a megabyte long: every text of a
    /// diagnostic is cut to a few lines' worth, so that a report grows with its findings, not
    /// with the size of what they quote.
    static let maxText = 400
    static let maxNotes = 8
    static let maxSecondary = 8
    static let maxFixes = 4

    static func clipped(_ text: String) -> String {
        guard text.utf8.count > maxText else { return text }
        return String(text.unicodeScalars.prefix(maxText - 1)) + "…"
    }

    public var start: SourcePosition { file.position(of: span.start) }
    public var end: SourcePosition { file.position(of: span.end) }
}

extension Array where Element == Diagnostic {
    /// The indices of the findings by severity (the most severe first, or last), each severity in
    /// the order the findings have: how reports put first what their readers look at first.
    public func indicesBySeverity(mostSevereFirst: Bool = true) -> [Int] {
        indices.sorted { a, b in
            let (x, y) = (self[a].severity, self[b].severity)
            return x != y ? (mostSevereFirst ? x > y : x < y) : a < b
        }
    }
}

extension Diagnostic {
    /// The order of every report: by file, line, column, then code.
    public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file.path != b.file.path { return a.file.path < b.file.path }
        if a.span.start != b.span.start { return a.span.start < b.span.start }
        return a.code.code < b.code.code
    }
}
