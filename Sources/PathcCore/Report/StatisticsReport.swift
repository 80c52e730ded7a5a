/// `check --statistics`: how many findings each rule has, most first, instead of the findings.
public enum StatisticsReport {
    public struct Row: Sendable, Equatable {
        public let code: DiagnosticCode
        public let count: Int
        public static func == (a: Row, b: Row) -> Bool { a.code.code == b.code.code && a.count == b.count }
    }

    /// A row per code that has findings, by count (descending), then code.
    public static func rows(_ report: Report) -> [Row] {
        var counts: [String: (DiagnosticCode, Int)] = [:]
        for diagnostic in report.diagnostics {
            counts[diagnostic.code.code, default: (diagnostic.code, 0)].1 += 1
        }
        return counts.values.map { Row(code: $0.0, count: $0.1) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code.code < $1.code.code }
    }

    public static func text(_ report: Report) -> String {
        let rows = rows(report)
        let digits = max(rows.map { String($0.count).count }.max() ?? 0, 1)
        var out = ""
        for row in rows {
            let count = String(row.count)
            out += String(repeating: " ", count: digits - count.count) + count + "  " + row.code.code + "  " + row.code.name + "\n"
        }
        return out
    }

    public static func json(_ report: Report) -> JSONValue {
        .object([
            JSONMember("version", .int(1)),
            JSONMember("files", .int(report.fileCount)),
            JSONMember("summary", .object([
                JSONMember("errors", .int(report.errorCount)),
                JSONMember("warnings", .int(report.warningCount)),
                JSONMember("infos", .int(report.infoCount)),
            ])),
            JSONMember("rules", .array(rows(report).map { row in
                .object([JSONMember("code", .string(row.code.code)), JSONMember("rule", .string(row.code.name)),
                         JSONMember("count", .int(row.count))])
            })),
        ])
    }
}
