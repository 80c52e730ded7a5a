import Foundation
import PathcCore

/// `pathc diff REF [REF2]`: what changed in the framework between two revisions.
extension CommandDescriptor {
    static let diff = CommandDescriptor(
        name: "diff",
        summary: "show what changed in the framework between two git revisions",
        synopsis: "diff REF [REF2] [--format text|json|markdown]",
        details: """
            Compares the content at git revision REF with REF2, or with the working tree when REF2 is
            left out, entity by entity: entities added, removed and renamed (a new id in the same
            file, or with mostly the same words); behaviours added, removed or reworded, level by
            level; a role's levels, a key result's target and other values moved. A renamed id is
            reported once: references that changed only with it are not changes. Check-ins are
            counted, not listed. Both sides are read with the current pathc.yaml and schemas; files
            that do not parse are left out and counted. Markdown suits a pull-request comment or
            release notes. The exit code is 0 whether or not anything changed.
            """,
        options: [
            DiffOptions.format.spec,
        ],
        positionals: 1...2,
        positionalName: "a git revision REF, and optionally a second one",
        run: runDiff)
}

enum DiffOptions {
    enum Format: String, CaseIterable, Sendable { case text, json, markdown }

    static let format = Option<Format>("--format", "FORMAT", "text (default), json or markdown")
}

private func runDiff(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    guard let root = repositoryRoot(context) else { return ExitCode.usage }
    let checker = Checker(root: root, currentDirectory: FileManager.default.currentDirectoryPath)
    let positionals = arguments.positionals
    switch checker.diff(from: positionals[0], to: positionals.count > 1 ? positionals[1] : nil) {
    case .failure(.setup(let diagnostics)):
        report(diagnostics, files: 0, format: .text, context: context)
        return ExitCode.usage
    case .failure(.git(let error)):
        context.terminal.error(error.message, help: error.help)
        return ExitCode.usage
    case .success(let diff):
        switch arguments[DiffOptions.format] ?? .text {
        case .json: context.terminal.out(JSONWriter(pretty: true).string(DiffReport.json(diff)) + "\n")
        case .markdown: context.terminal.out(DiffReport.markdown(diff))
        case .text: context.terminal.out(DiffReport.text(diff))
        }
        return ExitCode.success
    }
}
