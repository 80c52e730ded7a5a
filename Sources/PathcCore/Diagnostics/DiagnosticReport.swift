/// The `check --format json` contract (cli.md), which other tools and `api/diagnostics.json`
/// build on: version, file count, summary, and every diagnostic with its position and pointer.
public enum DiagnosticReport {
    public static func json(_ diagnostics: [Diagnostic], files: Int, extra: [JSONMember] = []) -> JSONValue {
        let summary: JSONValue = .object([
            JSONMember("errors", .int(diagnostics.filter { $0.severity == .error }.count)),
            JSONMember("warnings", .int(diagnostics.filter { $0.severity == .warning }.count)),
            JSONMember("infos", .int(diagnostics.filter { $0.severity == .info }.count)),
        ])
        return .object([
            JSONMember("version", .int(1)),
            JSONMember("files", .int(files)),
            JSONMember("summary", summary),
            JSONMember("diagnostics", .array(diagnostics.map(json))),
        ] + extra)
    }

    public static func json(_ diagnostic: Diagnostic) -> JSONValue {
        let start = diagnostic.start, end = diagnostic.end
        // Present only when the finding has fixes, so that the common finding reads as before.
        let fixes: [JSONMember] = diagnostic.fixes.isEmpty ? [] : [JSONMember("fixes", .array(diagnostic.fixes.map { fix in
            .object([
                JSONMember("title", .string(fix.title)),
                JSONMember("edits", .array(fix.edits.map { edit in
                    let from = diagnostic.file.position(of: edit.span.start), to = diagnostic.file.position(of: edit.span.end)
                    return .object([
                        JSONMember("line", .int(from.line)), JSONMember("column", .int(from.column)),
                        JSONMember("endLine", .int(to.line)), JSONMember("endColumn", .int(to.column)),
                        JSONMember("text", .string(edit.replacement)),
                    ])
                })),
            ])
        }))]
        return .object([
            JSONMember("file", .string(diagnostic.file.path)),
            JSONMember("line", .int(start.line)),
            JSONMember("column", .int(start.column)),
            JSONMember("endLine", .int(end.line)),
            JSONMember("endColumn", .int(end.column)),
            JSONMember("severity", .string(diagnostic.severity.rawValue)),
            JSONMember("code", .string(diagnostic.code.code)),
            JSONMember("rule", .string(diagnostic.code.name)),
            JSONMember("message", .string(diagnostic.message)),
            JSONMember("help", diagnostic.help.map(JSONValue.string) ?? .null),
            JSONMember("path", diagnostic.pointer.map(JSONValue.string) ?? .null),
        ] + fixes)
    }

    /// `3 errors, 5 warnings in 42 files`.
    public static func summaryLine(_ diagnostics: [Diagnostic], files: Int) -> String {
        // "info" counts like the markdown report's: "4 info", not "4 infos".
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 || word == "info" ? "" : "s")" }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let infos = diagnostics.filter { $0.severity == .info }.count
        var parts = [count(errors, "error"), count(warnings, "warning")]
        if infos > 0 { parts.append(count(infos, "info")) }
        return parts.joined(separator: ", ") + " in " + count(files, "file")
    }
}
