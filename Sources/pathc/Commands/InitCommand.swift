import Foundation
import PathcCore

/// `pathc init [DIR]`: a starter repository, never overwriting a file.
extension CommandDescriptor {
    static let initialize = CommandDescriptor(
        name: "init",
        summary: "write a starter repository: pathc.yaml, schemas, example pathways and the pre-commit hook",
        synopsis: "init [DIR]",
        details: """
            Writes into DIR (default: the current folder) a starter pathc.yaml, the default schemas, a
            pathways/ folder with an example of each kind (strategic, team and developmental OKRs with
            check-ins, aligned), .githooks/pre-commit and .gitignore; the examples are dated today, so
            that 'pathc check' is clean on the day. DIR must be new or empty (a git repository's .git
            aside): init never brings back a file a team removed. With --force it writes the starter
            files that are missing and keeps every file that is there.
            """,
        options: [InitOptions.force.spec],
        positionals: 0...1,
        positionalName: "DIR",
        run: runInit)
}

enum InitOptions {
    static let force = Flag("--force", "write into a folder that is not empty: add the missing starter files, keep the rest")
}

private func runInit(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    let cwd = FileManager.default.currentDirectoryPath
    let target = arguments.positionals.first.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
    let manager = FileManager.default
    let present = ((try? manager.contentsOfDirectory(atPath: target)) ?? []).filter { $0 != ".git" }
    if !present.isEmpty && !arguments[InitOptions.force] {
        context.terminal.error("'\(arguments.positionals.first ?? ".")' is not empty: init starts a new repository in a new or empty folder",
                               help: "run it in an empty folder, or add --force to write only the starter files that are missing")
        return ExitCode.usage
    }
    var written: [String] = [], skipped: [String] = []
    let today = ProjectConfig().evaluationDay
    for (path, contents) in StarterFiles.all(today: today) {
        let full = target + "/" + path
        if manager.fileExists(atPath: full) {
            skipped.append(path)
            continue
        }
        do {
            try manager.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard manager.createFile(atPath: full, contents: Data(contents.utf8),
                                     attributes: path.hasPrefix(".githooks/") ? [.posixPermissions: 0o755] : nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            context.terminal.error("cannot write '\(full)'", help: "check that the folder exists and that you may write to it")
            return ExitCode.usage
        }
        written.append(path)
    }
    if !context.terminal.quiet {
        for path in written { context.terminal.out("  wrote   \(path)\n") }
        for path in skipped { context.terminal.out("  skipped \(path) (already there)\n") }
        context.terminal.out("""
            Next: run 'pathc check' in \(arguments.positionals.first ?? "this folder"), and turn on the hook with
              git config core.hooksPath .githooks

            """)
    }
    return ExitCode.success
}
