/// Diagnostic codes of the baseline file (`check --baseline FILE`).
public enum BaselineCode {
    public static let invalid = DiagnosticCode("PW1104", "invalid-baseline")
}

/// Findings accepted for now (`check --write-baseline FILE`), hidden by `check --baseline FILE`,
/// so that a repository can adopt pathc, or a new rule, without fixing everything first.
/// Findings are matched by file, rule and flagged text, not by line, so edits above a finding do
/// not bring it back; a count per key means two identical findings need two entries.
public struct Baseline: Sendable, Equatable {
    public private(set) var counts: [FindingKey: Int] = [:]

    public init() {}

    /// The baseline that hides every finding of `report`.
    public init(recording report: Report) {
        for key in report.keys { counts[key, default: 0] += 1 }
    }

    public var isEmpty: Bool { counts.isEmpty }

    /// `report` without the findings this baseline accepts, and how many were hidden. Findings
    /// beyond a key's count stay: a second copy of an accepted problem is a new problem.
    public func apply(to report: Report) -> (report: Report, hidden: Int) {
        var remaining = counts
        var hidden = 0
        let kept = report.filtered { index in
            let key = report.keys[index]
            guard let left = remaining[key], left > 0 else { return true }
            remaining[key] = left - 1
            hidden += 1
            return false
        }
        return (kept, hidden)
    }

    /// Deterministic JSON: entries sorted by file, code and text.
    public func json() -> JSONValue {
        let entries: [JSONValue] = counts.keys.sorted().map { key in
            .object([
                JSONMember("file", .string(key.file)),
                JSONMember("code", .string(key.code)),
                JSONMember("rule", .string(CodeCatalogue.entry(DiagnosticCode(key.code, "")).code.name)),
                JSONMember("text", .string(key.text)),
                JSONMember("count", .int(counts[key] ?? 0)),
            ])
        }
        return .object([JSONMember("version", .int(1)), JSONMember("findings", .array(entries))])
    }

    public func string() -> String {
        JSONWriter(pretty: true).string(json()) + "\n"
    }

    /// Reads a baseline written by `string()`; a file that is not one gives diagnostics that point
    /// into it instead.
    public static func parse(_ file: SourceFile) -> (baseline: Baseline?, problems: [Diagnostic]) {
        let tree = SyntaxTree.parse(file)
        if !tree.diagnostics.isEmpty { return (nil, tree.diagnostics) }
        func problem(_ message: String, _ node: Node?, help: String) -> (Baseline?, [Diagnostic]) {
            (nil, [Diagnostic(code: BaselineCode.invalid, message: message, file: file, span: node?.span ?? .at(0),
                              help: help)])
        }
        let regenerate = "write the baseline again with 'pathc check --write-baseline \(file.path)'"
        guard let root = tree.root, root.mapping != nil else {
            return problem("a baseline must be an object with 'version' and 'findings'", tree.root, help: regenerate)
        }
        guard let version = root["version"], version.scalarValue == .int(1) else {
            return problem("unsupported baseline version; this pathc reads version 1", root["version"] ?? root, help: regenerate)
        }
        guard let findings = root["findings"]?.sequence else {
            return problem("a baseline needs a 'findings' list", root["findings"] ?? root, help: regenerate)
        }
        var baseline = Baseline()
        for entry in findings {
            guard case .string(let path)? = entry["file"]?.scalarValue, case .string(let code)? = entry["code"]?.scalarValue,
                  case .string(let text)? = entry["text"]?.scalarValue else {
                return problem("a baseline entry needs 'file', 'code' and 'text' as text", entry, help: regenerate)
            }
            var count = 1
            if let node = entry["count"] {
                guard case .int(let value)? = node.scalarValue, value >= 1 else {
                    return problem("a baseline entry's 'count' must be a whole number of at least 1", node, help: regenerate)
                }
                count = value
            }
            let key = FindingKey(file: path, code: code, text: text)
            let (sum, overflow) = baseline.counts[key, default: 0].addingReportingOverflow(count)
            baseline.counts[key] = overflow ? Int.max : sum
        }
        return (baseline, [])
    }
}
