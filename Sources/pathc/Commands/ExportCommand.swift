import Foundation
import PathcCore

/// `pathc export csv|case|badges`: the framework for spreadsheets, HR and learning systems.
extension CommandDescriptor {
    static let export = CommandDescriptor(
        name: "export",
        summary: "export the framework as CSV tables, a CASE 1.1 package or Open Badges 3.0 achievements",
        synopsis: "export csv matrix|tracker|okrs [--role ID] | case | badges  [--out FILE]",
        details: """
            Runs check; on errors it exports nothing and exits 1. Otherwise it writes one document to
            standard output, or to --out FILE:
              csv matrix    roles by competencies, the level each role needs
              csv tracker   each behaviour a role expects, with columns for evidence, self and manager
                            rating and the framework's version (every role, or --role ID)
              csv okrs      each key result: baseline, target, latest check-in, progress, status
              case          competencies, levels, behaviours, roles and rubrics as a 1EdTech CASE 1.1
                            CFPackage (JSON)
              badges        an Open Badges 3.0 Achievement per competency level and pathway milestone
            CSV is RFC 4180, UTF-8 with a byte-order mark, CRLF line ends; a text cell that a
            spreadsheet would run as a formula starts with ' instead. Identifiers are UUIDs made from
            'uuid_namespace' in pathc.yaml and each entity's kind and id, or its own 'uuid' field when
            it pins one; the framework's version is 'version' in pathc.yaml, else the git revision.
            The same revision gives the same bytes.
            """,
        options: [ExportOptions.role.spec, ExportOptions.out.spec],
        positionals: 1...2,
        positionalName: "csv KIND, case or badges",
        run: runExport)
}

enum ExportOptions {
    static let role = Option<String>("--role", "ID", "with csv tracker: only this role")
    static let out = Option<String>("--out", "FILE", "write to FILE instead of standard output")
}

private func runExport(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    let positionals = arguments.positionals
    let kinds = Exporter.Table.allCases.map(\.rawValue)
    var table: Exporter.Table?
    switch positionals[0] {
    case "csv":
        guard positionals.count == 2, let chosen = Exporter.Table(rawValue: positionals[1]) else {
            context.terminal.error(positionals.count == 2 ? "unknown table '\(positionals[1])'" : "'export csv' needs a table",
                                   help: "use one of: " + kinds.map { "pathc export csv \($0)" }.joined(separator: ", "))
            return ExitCode.usage
        }
        table = chosen
    case "case", "badges":
        guard positionals.count == 1 else {
            context.terminal.error("'export \(positionals[0])' takes no table", help: "run 'pathc export \(positionals[0])'")
            return ExitCode.usage
        }
    default:
        context.terminal.error("unknown export '\(positionals[0])'", help: "use 'csv', 'case' or 'badges'")
        return ExitCode.usage
    }
    if arguments[ExportOptions.role] != nil && table != .tracker {
        context.terminal.error("--role goes with 'export csv tracker'", help: nil)
        return ExitCode.usage
    }
    guard let root = repositoryRoot(context) else { return ExitCode.usage }
    let cwd = FileManager.default.currentDirectoryPath
    let result = Checker(root: root, currentDirectory: cwd).run()
    if result.setupFailed || result.errorCount > 0 {
        report(result.diagnostics, files: result.fileCount, format: .text, context: context)
        if !result.setupFailed { context.terminal.error("nothing was exported: fix the errors above first", help: nil) }
        return result.setupFailed ? ExitCode.usage : ExitCode.findings
    }
    let exporter = Exporter(result: result, root: root)
    let bytes: [UInt8]
    if let table {
        switch exporter.table(table, role: arguments[ExportOptions.role]) {
        case .success(let csv): bytes = csv.bytes
        case .failure(.unknownRole(let id, let suggestion)):
            context.terminal.error("unknown role '\(id)'", help: suggestion.map { "did you mean '\($0)'?" } ?? "run 'pathc export csv matrix' to see the roles")
            return ExitCode.usage
        }
    } else {
        let document = positionals[0] == "case" ? exporter.caseDocument() : exporter.badgesDocument()
        bytes = JSONWriter(pretty: true).bytes(document) + [0x0A]
    }
    guard let out = arguments[ExportOptions.out] else {
        FileHandle.standardOutput.write(Data(bytes))
        return ExitCode.success
    }
    let path = out.hasPrefix("/") ? out : cwd + "/" + out
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        context.terminal.error("cannot write '\(out)'", help: "check that its folder exists and is writable")
        return ExitCode.usage
    }
    context.terminal.status("wrote \(out)")
    return ExitCode.success
}
