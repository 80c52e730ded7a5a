/// What the CI formats say about a diagnostic code: the quality rules from their descriptions,
/// and the codes of the parser, the schemas, the model and the check, which have no description
/// of their own, from the family they belong to.
public struct CodeEntry: Sendable {
    public let code: DiagnosticCode
    public let severity: Severity
    /// One line: what it finds.
    public let summary: String
    /// Why it matters and what to do, in a paragraph.
    public let details: String
    /// A markdown rendering of the same, for tools that show it.
    public let markdown: String
    /// For a code that is not a quality rule: its description, with an example.
    let description: CodeDescription?

    /// The code's section of docs/codes.md on the project's site, for editors and CI tools that
    /// link a finding to its explanation (`pathc explain CODE` prints the same text).
    public var documentationURL: String {
        CodeCatalogue.projectURL + "/blob/main/docs/codes.md#" + "\(code.code)-\(code.name)".lowercased()
    }

    /// Example input that produces the code, the file it is, and the input corrected.
    public var example: (file: String, text: String, fixed: String?)? {
        guard let description, let text = description.example, let file = description.exampleFile else { return nil }
        return (file, text, description.fixed)
    }
}

public enum CodeCatalogue {
    /// Where users read about pathc.
    public static let projectURL = "https://github.com/pathc/pathc"

    /// Every code pathc may report, sorted by code.
    public static let all: [CodeEntry] = {
        let rules = RuleRegistry.descriptions.map { rule in
            var markdown = "**\(rule.code.code) \(rule.name)**: \(rule.summary)\n\n\(rule.why)\n\n**Fix:** \(rule.fix)"
            if let bad = rule.bad.first { markdown += "\n\nBad:\n\n```yaml\n\(bad.text)\n```" }
            if let good = rule.good.first { markdown += "\n\nGood:\n\n```yaml\n\(good.text)\n```" }
            markdown += "\n\nSuppress a reviewed finding with `# pathc: ignore[\(rule.name)] the reason`."
            return CodeEntry(code: rule.code, severity: rule.severity, summary: rule.summary,
                             details: "\(rule.why) Fix: \(rule.fix)", markdown: markdown, description: nil)
        }
        let families: [([DiagnosticCode], Severity, String)] = [
            (SyntaxCode.all, .error, "the file is not in the YAML subset pathc reads; fix the text at the caret (see docs/language.md)"),
            ([CheckCode.unreadableFile], .error, "pathc could not read the file; check its permissions"),
            ([CheckCode.linkNotFollowed], .error, "a symbolic link in the content folder that pathc does not follow: to a folder, or to a file outside the repository"),
            ([CheckCode.tooManyFindings], .error, "a file has more findings than pathc shows for one file; the rest are counted"),
            ([CheckCode.tooManyFindingsInRun], .error, "a run has more findings than pathc shows in one report; the rest are counted, and --statistics counts them all"),
            ([ConfigCode.pathOutsideRepository, ConfigCode.unsafeBaseURL], .error, "pathc.yaml names a folder outside the repository, or a site address that is not http or https"),
            ([SuppressionCode.invalid], .error, "a suppression comment pathc cannot read: write '# pathc: ignore[rule] the reason'"),
            ([SuppressionCode.unused], .warning, "a suppression comment that silences nothing: remove it"),
            (SchemaViolationCode.all, .error, "a value breaks the schema of its kind; the message names the field and what it allows"),
            ([SchemaCode.invalidSchema, SchemaCode.unsupportedKeyword, SchemaCode.unresolvedReference, SchemaCode.unsupportedDialect], .error,
             "a schema in schemas/ is itself invalid, so the check cannot run"),
            ([ConfigCode.unknownRule], .error, "pathc.yaml names a rule that does not exist"),
            ([BaselineCode.invalid], .error, "the file given to --baseline is not a baseline pathc wrote"),
            ([HouseRuleCode.invalid, HouseRuleCode.exampleFails], .error, "a house rule file of the repository is invalid, or its examples do not behave as it says"),
            (ModelCode.all, .error, "ids and references across the repository: every id is unique and every reference resolves"),
        ]
        let described = Dictionary(CodeDescriptions.all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let others = families.flatMap { codes, severity, family in
            codes.map { code in
                guard let description = described[code.code] else {
                    let summary = code.name.replacingOccurrences(of: "-", with: " ")
                    return CodeEntry(code: code, severity: severity, summary: summary, details: "\(summary): \(family).",
                                     markdown: "**\(code.code) \(code.name)**: \(family).", description: nil)
                }
                var markdown = "**\(code.code) \(code.name)**: \(description.summary).\n\n\(description.explanation)"
                if let example = description.example, let file = description.exampleFile {
                    markdown += "\n\nFor example, in `\(file)`:\n\n```yaml\n\(example)\n```"
                    if let fixed = description.fixed { markdown += "\n\nFixed:\n\n```yaml\n\(fixed)\n```" }
                }
                return CodeEntry(code: code, severity: severity, summary: description.summary, details: description.explanation,
                                 markdown: markdown, description: description)
            }
        }
        return (rules + others).sorted { $0.code.code < $1.code.code }
    }()

    private static let byCode: [String: CodeEntry] = Dictionary(all.map { ($0.code.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry of a code; one made from the code itself for a code the catalogue lacks, so that
    /// a new code can never break an output.
    public static func entry(_ code: DiagnosticCode) -> CodeEntry {
        byCode[code.code] ?? CodeEntry(code: code, severity: .error, summary: code.name, details: code.name, markdown: code.name,
                                       description: nil)
    }

    /// The entry of a code (PW0102) or a name (duplicate-key), if pathc has one.
    public static func find(_ key: String) -> CodeEntry? {
        byCode[key] ?? all.first { $0.code.name == key }
    }

    /// docs/codes.md: every code, by family, made by scripts/generate-codes-doc.
    public static var markdown: String {
        var text = """
            # Diagnostic codes

            Every code pathc can print, with what it finds and what to do. `pathc explain CODE` shows
            the same in the terminal, and `pathc rules` lists the quality rules with their default
            severities; [rules.md](rules.md) shows each rule with all its examples. This page is
            generated from the code by `scripts/generate-codes-doc`.

            """
        let families: [(String, (String) -> Bool)] = [
            ("The file: encoding, size and reading (PW00xx)", { $0 < "PW0100" }),
            ("The YAML subset (PW01xx, PW02xx)", { $0 >= "PW0100" && $0 < "PW1000" }),
            ("Schemas (PW10xx)", { $0 >= "PW1000" && $0 < "PW1100" }),
            ("Schemas, configuration, baselines and house rules themselves (PW11xx)", { $0 >= "PW1100" && $0 < "PW2000" }),
            ("Ids and references across the repository (PW20xx)", { $0 >= "PW2000" && $0 < "PW3000" }),
            ("Quality rules (PW3xxx to PW6xxx)", { $0 >= "PW3000" }),
        ]
        for (title, contains) in families {
            text += "\n## \(title)\n"
            for entry in all where contains(entry.code.code) {
                text += "\n### \(entry.code.code) \(entry.code.name)\n\n"
                text += "Severity: \(entry.severity.rawValue). " + entry.markdown.replacingOccurrences(of: "**\(entry.code.code) \(entry.code.name)**: ", with: "") + "\n"
            }
        }
        return text
    }
}
