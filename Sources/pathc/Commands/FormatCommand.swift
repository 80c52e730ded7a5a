import Foundation
import PathcCore

/// `pathc fmt [--check] [--diff] [PATH...]`: every content file, or the files and folders named,
/// in canonical form.
extension CommandDescriptor {
    static let format = CommandDescriptor(
        name: "fmt",
        summary: "write the repository's files in one canonical layout, keeping their data and comments",
        synopsis: "fmt [PATH...]",
        details: """
            Formats every content file of the repository, or the files and folders named: two spaces
            of indentation, keys in the order of the kind's schema, quotes only where YAML needs them,
            long prose folded at 100 columns, every comment kept (docs/format.md has the rules). The data
            of each file stays exactly the same; a file with a syntax error is reported and left as it
            is. Files are written only when they change. With --check or --diff nothing is written.
            Exit 0: formatted (with --check: nothing to change); 1: a file would change (with --check)
            or could not be formatted; 2: bad arguments or an invalid pathc.yaml.
            """,
        options: FormatOptions.all,
        positionals: 0...Int.max,
        positionalName: "PATHs",
        run: runFormat)
}

enum FormatOptions {
    static let check = Flag("--check", "write nothing; list the files that would change, and exit 1 if any would")
    static let diff = Flag("--diff", "write nothing; print a unified diff of what would change")

    static let all = [check.spec, diff.spec]
}

private func runFormat(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    let checkOnly = arguments[FormatOptions.check], showDiff = arguments[FormatOptions.diff]
    let cwd = FileManager.default.currentDirectoryPath
    guard let paths = formatTargets(arguments.positionals, cwd: cwd, context: context) else { return ExitCode.usage }
    let results = FormatRun.run(paths, currentDirectory: cwd, write: !checkOnly && !showDiff)

    let renderer = DiagnosticRenderer(useColor: context.terminal.useColor)
    var changed = 0, failed = 0
    for result in results {
        switch result.change {
        case .unchanged:
            break
        case .changed(let old, let new):
            changed += 1
            if showDiff {
                context.terminal.out(UnifiedDiff.render(old: old, new: new, path: result.path))
            } else if checkOnly {
                context.terminal.out(result.path + "\n")
            } else {
                context.terminal.status("formatted \(result.path)")
            }
        case .failed(.syntaxErrors(let diagnostics)):
            failed += 1
            context.terminal.err(diagnostics.map(renderer.render).joined(separator: "\n") + "\n")
        case .failed(.tooLarge(let limit)):
            failed += 1
            context.terminal.error("'\(result.path)' would be larger than \(limit / (1 << 20)) MiB once formatted; left as it is",
                                   help: "its flow collections are nested too deeply to write as blocks; flatten them")
        case .failed(.unsafe(let problem)):
            failed += 1
            context.terminal.error("internal error: formatting '\(result.path)' would change it: \(problem); left as it is",
                                   help: "please report this with the file, which pathc fmt will not change")
        case .failed(.formatted):
            break
        case .inaccessible(let message):
            failed += 1
            context.terminal.error(message)
        }
    }
    if !context.terminal.quiet {
        let files = results.count == 1 ? "1 file" : "\(results.count) files"
        var summary: String
        if checkOnly || showDiff {
            summary = changed == 0 ? "\(files) already formatted" : "\(changed) of \(files) would be reformatted"
            if changed > 0 { summary += "; run 'pathc fmt' to format \(changed == 1 ? "it" : "them")" }
        } else {
            summary = "\(changed) of \(files) formatted"
        }
        if failed > 0 { summary += "; \(failed) could not be formatted (above)" }
        context.terminal.err(summary + "\n")
    }
    if failed > 0 || (checkOnly && changed > 0) { return ExitCode.findings }
    return ExitCode.success
}

/// The files to format: the repository's content files, or those named (files as they are,
/// folders walked for `.yaml` and `.yml` files). Nil after reporting a usage problem.
private func formatTargets(_ positionals: [String], cwd: String, context: CommandContext) -> [String]? {
    if positionals.isEmpty {
        guard let root = repositoryRoot(context) else { return nil }
        let (files, problems) = FormatRun.contentFiles(root: root, currentDirectory: cwd)
        guard problems.isEmpty else {
            let renderer = DiagnosticRenderer(useColor: context.terminal.useColor)
            context.terminal.err(problems.map(renderer.render).joined(separator: "\n") + "\n")
            return nil
        }
        return files
    }
    let boundary = context.root.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? Checker.findRoot(from: cwd) ?? cwd
    var files: [String] = []
    for path in positionals {
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
            context.terminal.error("no such file or folder '\(path)'", help: "pass files or folders to format")
            return nil
        }
        if isDirectory.boolValue {
            files += FormatRun.files(under: absolute, boundary: boundary)
        } else {
            files.append(absolute)
        }
    }
    return files
}
