import Foundation
import PathcCore

/// `pathc build`: a clean check compiled into the static site and the JSON API.
extension CommandDescriptor {
    static let build = CommandDescriptor(
        name: "build",
        summary: "check the repository, then write the static site and the JSON API",
        synopsis: "build [--out DIR]",
        details: """
            Runs check; on errors it writes nothing and exits 1. Otherwise it writes the site (HTML
            pages and api/*.json) to --out, or 'output' in pathc.yaml (default: site/). The build is
            atomic: it writes into a staging folder beside the target and swaps it into place, so a
            failed or interrupted build leaves the previous site whole. It replaces only a folder it
            created itself (marked with a .pathc-site file); two builds of one folder take turns.
            With --changes-since REF the site gets a page of what changed in the framework since
            that revision, as 'pathc diff REF' reports it.
            'output' in pathc.yaml must stay inside the repository; --out may name any folder. The
            same input gives byte-identical files.
            """,
        options: BuildOptions.all,
        positionals: 0...0,
        positionalName: "",
        run: runBuild)
}

enum BuildOptions {
    static let out = Option<String>("--out", "DIR", "the output folder (default: 'output' in pathc.yaml, else site/)")
    static let format = Option<TextOrJSON>("--format", "FORMAT", "how findings are reported: text (default) or json")
    static let changesSince = Option<String>(
        "--changes-since", "REF", "add a page of what changed in the framework since the git revision REF (changes.html, api/changes.json)")

    static let all = [out.spec, format.spec, changesSince.spec]
}

private func runBuild(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    guard let root = repositoryRoot(context) else { return ExitCode.usage }
    let cwd = FileManager.default.currentDirectoryPath
    var checker = Checker(root: root, currentDirectory: cwd)
    checker.computesVerdicts = true
    let format = arguments[BuildOptions.format] ?? .text
    let result = checker.run()
    if result.setupFailed || result.errorCount > 0 {
        report(result.diagnostics, files: result.fileCount, format: format, context: context)
        if !result.setupFailed { context.terminal.error("the site was not built: fix the errors above first", help: nil) }
        return result.setupFailed ? ExitCode.usage : ExitCode.findings
    }
    // Errors stopped the build above; warnings are shown, notes are left to the quality page.
    let shown = result.diagnostics.filter { $0.severity != .info }
    if format == .json {
        report(result.diagnostics, files: result.fileCount, format: format, context: context)
    } else if !shown.isEmpty {
        report(shown, files: result.fileCount, format: format, context: context)
    }
    let target: String
    if let out = arguments[BuildOptions.out] {
        target = out.hasPrefix("/") ? out : cwd + "/" + out
    } else {
        target = result.config.output.hasPrefix("/") ? result.config.output : root + "/" + result.config.output
    }
    if arguments[BuildOptions.out] != nil, target != root, !target.hasPrefix(root + "/") {
        // pathc.yaml cannot send the site outside the repository; the command line can, and is told.
        context.terminal.status("writing the site outside the repository, to \(target), as --out asks")
    }
    let protected = [result.config.content, result.config.schemas, ".git", ".githooks"].map { $0.hasPrefix("/") ? $0 : root + "/" + $0 }
    var changes: FrameworkDiff?
    if let revision = arguments[BuildOptions.changesSince] {
        switch checker.diff(from: revision, to: nil) {
        case .success(let diff): changes = diff
        case .failure(.git(let error)):
            context.terminal.error(error.message, help: error.help)
            return ExitCode.usage
        case .failure(.setup(let diagnostics)):
            report(diagnostics, files: 0, format: format, context: context)
            return ExitCode.usage
        }
    }
    let builder = SiteBuilder(result: result, root: root, currentDirectory: cwd, changes: changes)
    let progress = BuildProgress(terminal: context.terminal)
    do {
        let writer = try SiteWriter.prepare(target: target, root: root, protected: protected)
        let summary: SiteBuildSummary
        do {
            summary = try builder.write(to: writer, progress: progress.report)
            try writer.commit()
        } catch {
            writer.abandon()
            throw error
        }
        progress.finish()
        // Freed by the process's end, not object by object (see check).
        keptUntilExit.append(result)
        keptUntilExit.append(builder)
        if format != .json {
            let shownPath = writer.target.hasPrefix(cwd + "/") ? String(writer.target.dropFirst(cwd.count + 1)) : writer.target
            context.terminal.status("built \(shownPath)/: \(summary.pages) pages, \(summary.jsonFiles) JSON files, \(summary.bytes / 1024) KiB")
        }
        return ExitCode.success
    } catch let error as SiteWriteError {
        progress.finish()
        context.terminal.error(error.message, help: error.help)
        return ExitCode.usage
    } catch {
        progress.finish()
        context.terminal.error("the site could not be written", help: nil)
        return ExitCode.usage
    }
}

/// A one-line counter on a terminal's stderr for long builds; nothing when stderr is not a
/// terminal, with --quiet, or for small sites.
final class BuildProgress: @unchecked Sendable {
    private let enabled: Bool
    private var shown = false

    init(terminal: Terminal) {
        enabled = !terminal.quiet && isatty(STDERR_FILENO) == 1
    }

    var report: (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        return { [self] done, total in
            guard total >= 2000 else { return }
            self.shown = true
            FileHandle.standardError.write(Data("\rwriting the site: \(done) of \(total) files".utf8))
        }
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
