import Foundation
import PathcCore

/// `pathc check [PATH...]`: the whole repository checked, findings reported for PATHs.
extension CommandDescriptor {
    static let check = CommandDescriptor(
        name: "check",
        summary: "check the repository's files against their schemas, references and rules",
        synopsis: "check [PATH...]",
        details: """
            Parses every file under the content folder, validates it against the schema of its kind,
            resolves references across the whole repository and reports what is wrong, in compiler
            style. With PATHs (files or folders), reports only findings in them; references are still
            resolved against everything. Exit 0: no errors; 1: errors (or warnings with --strict);
            2: the check could not run (bad arguments, invalid pathc.yaml or schema).
            """,
        options: [
            .value("--format", "FORMAT", choices: ["text", "json"], "output format: text (default) or json"),
            .flag("--strict", "fail on warnings too"),
        ],
        positionals: 0...Int.max,
        positionalName: "PATHs",
        run: runCheck)
}

/// Where the repository is: --root, or the nearest folder with pathc.yaml or pathways/.
func repositoryRoot(_ context: CommandContext) -> String? {
    let cwd = FileManager.default.currentDirectoryPath
    if let root = context.root {
        let absolute = root.hasPrefix("/") ? root : cwd + "/" + root
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue else {
            context.terminal.error("the root '\(root)' is not a folder", help: "pass --root the folder that holds pathc.yaml or pathways/")
            return nil
        }
        return absolute
    }
    guard let found = Checker.findRoot(from: cwd) else {
        context.terminal.error("no pathway repository here: no pathc.yaml or pathways/ in this folder or above",
                               help: "run pathc inside a repository, pass --root DIR, or create one with 'pathc init'")
        return nil
    }
    return found
}

private func runCheck(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    guard let root = repositoryRoot(context) else { return ExitCode.usage }
    let cwd = FileManager.default.currentDirectoryPath
    var checker = Checker(root: root, currentDirectory: cwd)
    checker.computesVerdicts = arguments.value("--format") == "json"
    var filters: [String] = []
    for path in arguments.positionals {
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        guard FileManager.default.fileExists(atPath: absolute) else {
            context.terminal.error("no such file or folder '\(path)'", help: "pass files or folders inside the repository")
            return ExitCode.usage
        }
        filters.append(checker.display(absolute))
    }
    let result = checker.run()
    var diagnostics = result.diagnostics
    if !filters.isEmpty, !result.setupFailed {
        diagnostics = diagnostics.filter { diagnostic in
            filters.contains { filter in
                filter == "." || diagnostic.file.path == filter || diagnostic.file.path.hasPrefix(filter.hasSuffix("/") ? filter : filter + "/")
            }
        }
    }
    let verdicts = result.verdicts.filter { verdict in
        filters.isEmpty || filters.contains { $0 == "." || verdict.entity.file.path == $0 || verdict.entity.file.path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }
    report(diagnostics, files: result.fileCount, format: arguments.value("--format") ?? "text", context: context,
           extra: [JSONMember("quality", .array(verdicts.map(\.json)))])
    if result.setupFailed { return ExitCode.usage }
    let failing = diagnostics.contains { $0.severity == .error || (arguments.has("--strict") && $0.severity == .warning) }
    return failing ? ExitCode.findings : ExitCode.success
}

func report(_ diagnostics: [Diagnostic], files: Int, format: String, context: CommandContext, extra: [JSONMember] = []) {
    switch format {
    case "json":
        context.terminal.out(JSONWriter(pretty: true).string(DiagnosticReport.json(diagnostics, files: files, extra: extra)) + "\n")
    default:
        let renderer = DiagnosticRenderer(useColor: Terminal.wantsColor(context.colorMode, fd: STDOUT_FILENO))
        var text = diagnostics.map(renderer.render).joined(separator: "\n")
        if !context.terminal.quiet {
            if !text.isEmpty { text += "\n" }
            text += DiagnosticReport.summaryLine(diagnostics, files: files) + "\n"
        }
        context.terminal.out(text)
    }
}
