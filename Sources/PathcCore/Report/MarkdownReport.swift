/// `check --format markdown`, and the GitHub step summary: a pull-request comment with the
/// counts, a count per rule, the findings as a table, and the weakest statements with their
/// quality verdicts.
public enum MarkdownReport {
    /// A comment has a size limit (65,536 characters on GitHub): past this many rows the table
    /// stops, and the counts above it still cover everything.
    public static let maximumRows = 200
    static let maximumVerdicts = 10

    public static func string(_ report: Report) -> String {
        let diagnostics = report.diagnostics
        var out = "## pathc check\n\n"
        out += "**\(count(report.errorCount, "error")), \(count(report.warningCount, "warning")), "
        out += "\(count(report.infoCount, "info"))** in \(count(report.fileCount, "file")).\n"
        if !diagnostics.isEmpty {
            out += "\n| rule | name | count |\n| --- | --- | ---: |\n"
            for row in StatisticsReport.rows(report) {
                out += "| \(row.code.code) | \(escape(row.code.name)) | \(row.count) |\n"
            }
            out += "\n| | file | line | rule | message |\n| --- | --- | ---: | --- | --- |\n"
            // Read from the top: errors first, then warnings, then notes, each in file order.
            for index in diagnostics.indicesBySeverity().prefix(maximumRows) {
                let diagnostic = diagnostics[index]
                let start = diagnostic.start
                var message = escape(diagnostic.message)
                if let help = diagnostic.help { message += "<br>help: " + escape(help) }
                out += "| \(icon(diagnostic.severity)) | \(escape(report.paths[index])) | \(start.line) "
                out += "| \(diagnostic.code.code) \(escape(diagnostic.code.name)) | \(message) |\n"
            }
            if diagnostics.count > maximumRows {
                out += "\n… and \(diagnostics.count - maximumRows) more; run `pathc check` for all of them.\n"
            }
        }
        let weakest = weakestVerdicts(report.verdicts)
        if !weakest.isEmpty {
            out += "\n### Weakest statements\n\n| file | line | field | text | specific | observable | measurable |\n"
            out += "| --- | ---: | --- | --- | --- | --- | --- |\n"
            for index in weakest {
                let verdict = report.verdicts[index]
                let line = verdict.entity.file.position(of: verdict.statement.node.span.start).line
                out += "| \(escape(report.verdictPaths[index])) | \(line) | \(escape(verdict.statement.field.words)) "
                out += "| \(escape(verdict.statement.text)) "
                out += QualityAxis.allCases.map { axis in
                    guard let codes = verdict.axes[axis] else { return "| n/a " }
                    return codes.isEmpty ? "| pass " : "| fail: \(codes.joined(separator: ", ")) "
                }.joined()
                out += "|\n"
            }
        }
        return out
    }

    /// The statements that fail the most axes, then the most rules; ties in file order.
    static func weakestVerdicts(_ verdicts: [QualityVerdict]) -> [Int] {
        func weakness(_ verdict: QualityVerdict) -> (axes: Int, rules: Int) {
            let failing = QualityAxis.allCases.compactMap { verdict.axes[$0] }.filter { !$0.isEmpty }
            return (failing.count, failing.reduce(0) { $0 + $1.count })
        }
        let failing = verdicts.enumerated().filter { !$0.element.passes }
        let sorted = failing.sorted { a, b in
            let wa = weakness(a.element), wb = weakness(b.element)
            if wa.axes != wb.axes { return wa.axes > wb.axes }
            if wa.rules != wb.rules { return wa.rules > wb.rules }
            return a.offset < b.offset
        }
        return sorted.prefix(maximumVerdicts).map(\.offset)
    }

    /// Text in a table cell: no line breaks, no `|` that would end the cell, no markup and no
    /// mention, so that a finding can neither break the table, format the comment nor notify
    /// people (`@everyone`, `@org/team`: a zero-width space after `@` keeps it from linking).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "!", "<", ">": out += "\\" + String(scalar)
            case "&": out += "&amp;"
            case "@": out += "@&#8203;"
            case "\n", "\r", "\t": out += " "
            // Other control characters show as nothing or garble the comment: mark where they were.
            case _ where TerminalSafe.isControl(scalar.value): out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func icon(_ severity: Severity) -> String {
        switch severity {
        case .error: return "❌ error"
        case .warning: return "⚠️ warning"
        case .info: return "ℹ️ info"
        }
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 || word == "info" ? "" : "s")" }
}

extension MarkdownReport: ReportFormat {
    public static let name = "markdown"
    public static let showsVerdicts = true

    public static func render(_ report: Report, repositoryRoot: String) -> String {
        string(report)
    }
}
