/// What every CI format reads: the findings, each with its file relative to the repository root
/// (CI tools resolve paths from the checkout, not from where pathc ran), and the quality verdicts.
public struct Report: Sendable {
    public let diagnostics: [Diagnostic]
    /// How many content files were read.
    public let fileCount: Int
    public let verdicts: [QualityVerdict]
    /// Each diagnostic's file relative to the repository root, in the order of `diagnostics`.
    public let paths: [String]
    /// Each verdict's file relative to the repository root, in the order of `verdicts`.
    public let verdictPaths: [String]
    /// Each diagnostic's identity across edits, in the order of `diagnostics`.
    public let keys: [FindingKey]
    /// Each diagnostic's stable fingerprint, in the order of `diagnostics`.
    public let fingerprints: [String]

    /// `rootRelative` maps a diagnostic's file path (as shown, relative to the current folder) to
    /// the path from the repository root.
    public init(diagnostics: [Diagnostic], fileCount: Int, verdicts: [QualityVerdict] = [],
                rootRelative: (String) -> String = { $0 }) {
        var cache: [String: String] = [:]
        func relative(_ file: SourceFile) -> String {
            if let known = cache[file.path] { return known }
            let path = rootRelative(file.path)
            cache[file.path] = path
            return path
        }
        self.init(diagnostics: diagnostics, fileCount: fileCount, verdicts: verdicts, paths: diagnostics.map { relative($0.file) },
                  verdictPaths: verdicts.map { relative($0.entity.file) })
    }

    private init(diagnostics: [Diagnostic], fileCount: Int, verdicts: [QualityVerdict], paths: [String], verdictPaths: [String],
                 fingerprints: [String]? = nil) {
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.verdicts = verdicts
        self.paths = paths
        self.verdictPaths = verdictPaths
        let keys = zip(diagnostics, paths).map { FindingKey($0, path: $1) }
        self.keys = keys
        if let fingerprints {
            self.fingerprints = fingerprints
            return
        }
        // Identical findings in one file (the same word flagged twice) are told apart by their
        // order, so that each keeps a fingerprint of its own.
        var seen: [FindingKey: Int] = [:]
        self.fingerprints = keys.map { key in
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return key.fingerprint(occurrence: occurrence)
        }
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var infoCount: Int { diagnostics.count { $0.severity == .info } }

    /// At most `limit` findings, the most severe first (in report order among those kept), then
    /// one that counts the rest, with the worst severity among them so that the exit code holds.
    public func limited(to limit: Int = CheckCode.findingsPerRun) -> Report {
        guard let (kept, omitted) = Self.split(diagnostics, limit: limit) else { return self }
        var limitedReport = filtered(Set(kept).contains)
        let summary = Self.moreFindings(omitted.map { diagnostics[$0] })
        limitedReport.append(summary, path: paths[omitted[0]])
        return limitedReport
    }

    /// At most `limit` findings as `limited(to:)` keeps them, then the one that counts the rest:
    /// for a report that need not know the others (no baseline), made without them.
    public static func shown(_ diagnostics: [Diagnostic], limit: Int = CheckCode.findingsPerRun) -> [Diagnostic] {
        guard let (kept, omitted) = split(diagnostics, limit: limit) else { return diagnostics }
        return kept.map { diagnostics[$0] } + [moreFindings(omitted.map { diagnostics[$0] })]
    }

    /// The indices kept (the `limit` most severe) and left out, each in report order; nil when
    /// all fit.
    private static func split(_ diagnostics: [Diagnostic], limit: Int) -> (kept: [Int], omitted: [Int])? {
        guard diagnostics.count > limit else { return nil }
        let bySeverity = diagnostics.indicesBySeverity()
        return (bySeverity.prefix(limit).sorted(), bySeverity.dropFirst(limit).sorted())
    }

    /// The finding that counts findings a report leaves out, placed at the first of them.
    static func moreFindings(_ rest: [Diagnostic]) -> Diagnostic {
        let files = Set(rest.map(\.file.path)).count
        func count(_ severity: Severity, _ word: String) -> String? {
            let n = rest.count { $0.severity == severity }
            return n == 0 ? nil : "\(n) \(word)\(n == 1 || severity == .info ? "" : "s")"
        }
        let counts = [count(.error, "error"), count(.warning, "warning"), count(.info, "info")].compactMap { $0 }
        return Diagnostic(code: CheckCode.tooManyFindingsInRun, severity: rest.map(\.severity).max() ?? .error,
                          message: "\(rest.count) more findings (\(counts.joined(separator: ", "))) in \(files) file\(files == 1 ? "" : "s") are not shown",
                          file: rest[0].file, span: rest[0].span,
                          help: "fix the findings shown, or check one folder at a time: pathc check PATH; --statistics counts them all")
    }

    private mutating func append(_ diagnostic: Diagnostic, path: String) {
        self = Report(diagnostics: diagnostics + [diagnostic], fileCount: fileCount, verdicts: verdicts, paths: paths + [path],
                      verdictPaths: verdictPaths, fingerprints: fingerprints + [FindingKey(diagnostic, path: path).fingerprint()])
    }

    /// The report with only the findings whose index `keep` accepts; verdicts, file count and
    /// fingerprints stay, so that hiding one of two identical findings does not renumber the other.
    public func filtered(_ keep: (Int) -> Bool) -> Report {
        let kept = diagnostics.indices.filter(keep)
        return Report(diagnostics: kept.map { diagnostics[$0] }, fileCount: fileCount, verdicts: verdicts,
                      paths: kept.map { paths[$0] }, verdictPaths: verdictPaths, fingerprints: kept.map { fingerprints[$0] })
    }
}

/// What identifies a finding across edits: its file, its rule and the text it flags. Line numbers
/// are left out on purpose, so that a line added above a finding does not make it a new one.
public struct FindingKey: Hashable, Sendable, Comparable {
    /// The file, relative to the repository root.
    public let file: String
    public let code: String
    /// The flagged text, trimmed; the message where the span is empty (a missing field).
    public let text: String

    public init(file: String, code: String, text: String) {
        self.file = file
        self.code = code
        self.text = text
    }

    public init(_ diagnostic: Diagnostic, path: String) {
        // A long span (a whole value) is identified by its start and its length.
        let span = diagnostic.span
        let flagged = span.end - span.start > 512
            ? diagnostic.file.text(of: Span(start: span.start, end: span.start + 512)).trimmingWhitespace + "…\(span.end - span.start)"
            : diagnostic.file.text(of: span).trimmingWhitespace
        self.init(file: path, code: diagnostic.code.code, text: flagged.isEmpty ? diagnostic.message : flagged)
    }

    public static func < (a: FindingKey, b: FindingKey) -> Bool {
        (a.file, a.code, a.text) < (b.file, b.code, b.text)
    }

    /// 16 hex digits of FNV-1a 64 over the key, then `:N` for the N-th identical finding (from 1).
    public func fingerprint(occurrence: Int = 0) -> String {
        var hash = FNV1a64()
        for part in [file, code, text] {
            hash.add(part)
            hash.add([0])
        }
        return hash.hex + ":\(occurrence + 1)"
    }
}


extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
