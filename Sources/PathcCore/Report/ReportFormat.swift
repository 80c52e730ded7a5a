/// A CI format of `check --format`: a type of its own, listed once in `ReportFormats.all`, which
/// gives `--format` its choices, its help and its output. (`text` and `json` are the check's own
/// formats: the terminal's rendering, and the findings with the quality verdicts.)
public protocol ReportFormat: Sendable {
    /// The name `--format` takes.
    static var name: String { get }
    /// The format shows the quality verdicts, which the check then works out.
    static var showsVerdicts: Bool { get }
    /// The whole output for a report; `repositoryRoot` is the absolute root, for formats that name it.
    static func render(_ report: Report, repositoryRoot: String) -> String
}

extension ReportFormat {
    public static var showsVerdicts: Bool { false }
}

public enum ReportFormats {
    /// Every CI format, in the order help lists them.
    public static let all: [any ReportFormat.Type] = [
        GitHubReport.self,
        SARIFReport.self,
        JUnitReport.self,
        GitLabReport.self,
        MarkdownReport.self,
    ]

    public static func named(_ name: String) -> (any ReportFormat.Type)? {
        all.first { $0.name == name }
    }
}
