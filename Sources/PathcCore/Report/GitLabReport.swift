/// `check --format gitlab`: GitLab Code Quality JSON, shown in merge requests as a widget and in
/// the diff. The fingerprint is what GitLab compares between the branches, so it is the same
/// line-independent fingerprint as SARIF's.
public enum GitLabReport {
    public static func json(_ report: Report) -> JSONValue {
        .array(report.diagnostics.enumerated().map { index, diagnostic in
            let start = diagnostic.start, end = diagnostic.end
            var description = diagnostic.message
            if let help = diagnostic.help { description += "; help: \(help)" }
            return .object([
                JSONMember("description", .string(description)),
                JSONMember("check_name", .string("\(diagnostic.code.code) \(diagnostic.code.name)")),
                JSONMember("fingerprint", .string(report.fingerprints[index])),
                JSONMember("severity", .string(severity(diagnostic.severity))),
                JSONMember("location", .object([
                    JSONMember("path", .string(report.paths[index])),
                    JSONMember("lines", .object([JSONMember("begin", .int(start.line)), JSONMember("end", .int(end.line))])),
                ])),
            ])
        })
    }

    public static func string(_ report: Report) -> String {
        JSONWriter(pretty: true).string(json(report)) + "\n"
    }

    /// GitLab's scale is info, minor, major, critical, blocker: an error blocks the check, so it
    /// is critical; blocker is left for nothing pathc finds.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "critical"
        case .warning: return "major"
        case .info: return "info"
        }
    }
}

extension GitLabReport: ReportFormat {
    public static let name = "gitlab"

    public static func render(_ report: Report, repositoryRoot: String) -> String {
        string(report)
    }
}
