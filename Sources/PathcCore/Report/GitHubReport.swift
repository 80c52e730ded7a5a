/// `check --format github`: one GitHub Actions workflow command per finding, which GitHub shows
/// as an annotation on the pull request's diff.
public enum GitHubReport {
    public static func string(_ report: Report) -> String {
        var out = ""
        for (index, diagnostic) in report.diagnostics.enumerated() {
            let start = diagnostic.start, end = diagnostic.end
            let command: String
            switch diagnostic.severity {
            case .error: command = "error"
            case .warning: command = "warning"
            case .info: command = "notice"
            }
            let properties = [
                ("file", TerminalSafe.line(report.paths[index])),
                ("line", String(start.line)), ("col", String(start.column)),
                ("endLine", String(end.line)), ("endColumn", String(end.column)),
                ("title", "\(diagnostic.code.code) \(diagnostic.code.name)"),
            ].map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
            var message = TerminalSafe.line(diagnostic.message, keepingLineBreaks: true)
            if let help = diagnostic.help { message += "\nhelp: \(TerminalSafe.line(help, keepingLineBreaks: true))" }
            out += "::\(command) \(properties)::\(escapeData(message))\n"
        }
        return out
    }

    /// Workflow-command data escaping: what would end the command or the line is percent-encoded.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Property values also lose `:` and `,`, which separate the properties.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}

extension GitHubReport: ReportFormat {
    public static let name = "github"

    public static func render(_ report: Report, repositoryRoot: String) -> String {
        string(report)
    }
}
