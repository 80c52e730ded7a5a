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
            resolved against everything. With --since REF, reports only for the files changed since the
            git revision REF and the files those changes can affect. With --fix, first makes the safe
            fixes of the findings reported (a did-you-mean with one candidate, quotes around a value YAML
            typed differently, a date written as YYYY-MM-DD), keeping only those that leave the whole
            check strictly better; lists them on stderr, then reports what remains (docs/fixes.md).
            --diff prints the fixes as a unified diff instead, and writes nothing. Exit 0: no errors; 1:
            errors (or warnings with --strict), after the fixes; 2: the check could not run (bad
            arguments, invalid pathc.yaml, schema or baseline, unknown revision).
            """,
        options: CheckOptions.all,
        positionals: 0...Int.max,
        positionalName: "PATHs",
        run: runCheck)
}

/// What a command leaves for the process's end instead of freeing it.
nonisolated(unsafe) var keptUntilExit: [Any] = []

/// What `check --format` takes: the check's own text and JSON, or one of the CI formats.
struct CheckFormat: RawRepresentable, Equatable, Sendable {
    let rawValue: String

    init?(rawValue: String) {
        guard rawValue == "text" || rawValue == "json" || ReportFormats.named(rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    static let text = CheckFormat(rawValue: "text")!
    static let json = CheckFormat(rawValue: "json")!
    static let all = [text, json] + ReportFormats.all.map { CheckFormat(rawValue: $0.name)! }

    /// The CI format, for any but text and JSON.
    var report: (any ReportFormat.Type)? { ReportFormats.named(rawValue) }
    var showsVerdicts: Bool { self == .json || report?.showsVerdicts == true }
}

enum CheckOptions {
    static let format = Option<CheckFormat>(
        "--format", "FORMAT", choices: CheckFormat.all,
        "output format: text (default), " + CheckFormat.all.dropFirst().dropLast().map(\.rawValue).joined(separator: ", ")
            + " or " + (CheckFormat.all.last?.rawValue ?? ""))
    static let strict = Flag("--strict", "fail on warnings too")
    static let statistics = Flag("--statistics", "print a count per rule instead of the findings (text or json)")
    static let since = Option<String>("--since", "REF", "report only on files changed since the git revision REF, and the files they affect")
    static let baseline = Option<String>("--baseline", "FILE", "hide the findings recorded in FILE")
    static let minSeverity = Option<Severity>(
        "--min-severity", "LEVEL", "show only findings of this severity or above: info (default), warning or error; the exit code counts them all")
    static let writeBaseline = Option<String>("--write-baseline", "FILE", "record the current findings in FILE, to hide them later with --baseline")
    static let fix = Flag("--fix", "first make the safe fixes that leave the check strictly better, then report what remains")
    static let diff = Flag("--diff", "print the fixes --fix would make as a unified diff, and write nothing (implies --fix)")

    static let all = [format.spec, strict.spec, statistics.spec, since.spec, baseline.spec, minSeverity.spec, writeBaseline.spec, fix.spec,
                      diff.spec]
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
    let format = arguments[CheckOptions.format] ?? .text
    let statistics = arguments[CheckOptions.statistics]
    if statistics, format != .text, format != .json {
        context.terminal.error("--statistics prints text or json, not \(format.rawValue)",
                               help: "drop --statistics, or use --format text or --format json")
        return ExitCode.usage
    }
    let showDiff = arguments[CheckOptions.diff], fixing = arguments[CheckOptions.fix] || showDiff
    if showDiff, format != .text || statistics || arguments[CheckOptions.writeBaseline] != nil {
        context.terminal.error("--diff prints the fixes as a unified diff; it does not combine with --format, --statistics or --write-baseline",
                               help: "drop --diff to fix the files and report in that form")
        return ExitCode.usage
    }
    guard let root = repositoryRoot(context) else { return ExitCode.usage }
    let cwd = FileManager.default.currentDirectoryPath
    var checker = Checker(root: root, currentDirectory: cwd)
    let stepSummary = format.rawValue == GitHubReport.name ? ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 } : nil
    checker.computesVerdicts = !statistics && (format.showsVerdicts || stepSummary != nil)
    var filters: [String] = []
    for path in arguments.positionals {
        let absolute = path.hasPrefix("/") ? path : cwd + "/" + path
        guard FileManager.default.fileExists(atPath: absolute) else {
            context.terminal.error("no such file or folder '\(path)'", help: "pass files or folders inside the repository")
            return ExitCode.usage
        }
        filters.append(checker.display(absolute))
    }
    var baseline: Baseline?
    if let path = arguments[CheckOptions.baseline] {
        guard let loaded = loadBaseline(path, context: context) else { return ExitCode.usage }
        baseline = loaded
    }

    /// The check as asked for: the whole repository, or with --since the files changed and affected.
    func check() -> (CheckResult, Set<String>?)? {
        guard let revision = arguments[CheckOptions.since] else { return (checker.run(), nil) }
        do {
            return try checker.run(since: revision)
        } catch {
            context.terminal.error(error.message, help: error.help)
            return nil
        }
    }
    func reported(_ path: String, affected: Set<String>?) -> Bool {
        if let affected, !affected.contains(checker.rootRelative(path)) { return false }
        return filters.isEmpty || filters.contains { filter in
            filter == "." || path == filter || path.hasPrefix(filter.hasSuffix("/") ? filter : filter + "/")
        }
    }
    if fixing {
        // The findings to fix are those the check reports: with --since, in the files it names.
        var scope: Set<String>?
        if arguments[CheckOptions.since] != nil {
            guard let (_, affected) = check() else { return ExitCode.usage }
            scope = affected
        }
        // A repository whose configuration fails has nothing to fix: the check below says why.
        if let outcome = FixRun.run(checker, inScope: { reported($0, affected: scope) }, write: !showDiff) {
            if showDiff {
                return outputDiff(of: outcome, strict: arguments[CheckOptions.strict], reported: { reported($0, affected: scope) },
                                  context: context)
            }
            outputFixes(outcome, context: context)
        }
    }
    // What there is to report: after --fix, what remains.
    guard let (result, affected) = check() else { return ExitCode.usage }
    func reported(_ path: String) -> Bool { result.setupFailed || reported(path, affected: affected) }
    func reported(_ file: SourceFile) -> Bool { reported(file.path) }
    // The summary counts the files reported on: with PATHs or --since, not the whole repository.
    let reportedFiles = filters.isEmpty && affected == nil ? result.fileCount : result.files.count(where: reported)
    // Only a baseline (hiding or recording findings) and --statistics need every finding as a
    // report; the outputs show at most a run's share, chosen before the report is made.
    let needsAll = baseline != nil || statistics || arguments[CheckOptions.writeBaseline] != nil
    let reportedDiagnostics = result.diagnostics.filter { reported($0.file) }
    var report = Report(diagnostics: needsAll ? reportedDiagnostics : Report.shown(reportedDiagnostics), fileCount: reportedFiles,
                        verdicts: result.verdicts.filter { reported($0.entity.file) }, rootRelative: checker.rootRelative)

    if let path = arguments[CheckOptions.writeBaseline], !result.setupFailed {
        let written = Baseline(recording: report)
        do {
            try Data(written.string().utf8).write(to: URL(fileURLWithPath: path.hasPrefix("/") ? path : cwd + "/" + path))
        } catch {
            context.terminal.error("cannot write the baseline '\(path)'", help: "check that its folder exists and that you may write there")
            return ExitCode.usage
        }
        if !context.terminal.quiet {
            let count = report.diagnostics.count
            context.terminal.err("wrote \(count) finding\(count == 1 ? "" : "s") to \(path); hide them with --baseline \(path)\n")
        }
        return ExitCode.success
    }
    var hidden = 0
    if let baseline, !result.setupFailed {
        (report, hidden) = baseline.apply(to: report)
    }

    let failing = report.diagnostics.contains { $0.severity == .error || (arguments[CheckOptions.strict] && $0.severity == .warning) }
    if let level = arguments[CheckOptions.minSeverity], level != .info {
        let all = report
        report = all.filtered { all.diagnostics[$0].severity >= level }
    }
    if statistics {
        output(statisticsOf: report, json: format == .json, context: context)
    } else {
        let shown = needsAll ? report.limited() : report
        output(shown, format: format, root: checker.root, hidden: hidden, context: context)
        if let stepSummary { appendSummary(MarkdownReport.string(shown), to: stepSummary, context: context) }
    }
    // The process ends next: freeing a large repository's model object by object only to exit
    // takes a noticeable share of a check (as compilers do, leave it to the system).
    keptUntilExit.append(result)
    keptUntilExit.append(report)
    if result.setupFailed { return ExitCode.usage }
    return failing ? ExitCode.findings : ExitCode.success
}

/// What --fix did, on stderr: each fix made, each left out, the files it could not write, a count.
private func outputFixes(_ outcome: FixOutcome, context: CommandContext) {
    var written = 0, files = 0
    var lines = ""
    for file in outcome.files {
        if let problem = file.problem {
            context.terminal.error(problem, help: "run 'pathc check --fix' again")
            continue
        }
        written += file.fixes.count
        files += 1
        lines += file.fixes.map { fixLine($0, "fixed") }.joined()
    }
    guard !context.terminal.quiet else { return }
    lines += outcome.declined.map { fixLine($0, "left out") }.joined()
    lines += written == 0 ? "nothing fixed" : "fixed \(count(written, "finding")) in \(count(files, "file"))"
    context.terminal.err(lines + declinedSummary(outcome) + "\n")
}

/// `check --fix --diff`: the fixes as a unified diff on stdout, and on stderr what they are and
/// what would remain; the exit status is that of the findings that would remain.
private func outputDiff(of outcome: FixOutcome, strict: Bool, reported: (String) -> Bool, context: CommandContext) -> Int32 {
    var lines = ""
    for file in outcome.files {
        context.terminal.out(UnifiedDiff.render(old: String(decoding: file.original, as: UTF8.self), new: String(decoding: file.fixed, as: UTF8.self),
                                                path: file.path))
        lines += file.fixes.map { fixLine($0, "would fix") }.joined()
    }
    let remaining = outcome.remaining.filter { reported($0.file.path) }
    if !context.terminal.quiet {
        lines += outcome.declined.map { fixLine($0, "left out") }.joined()
        lines += outcome.fixCount == 0 ? "nothing to fix" : "would fix \(count(outcome.fixCount, "finding")) in \(count(outcome.files.count, "file"))"
        lines += declinedSummary(outcome)
        lines += "; then " + DiagnosticReport.summaryLine(remaining, files: outcome.checkedFiles.count { reported($0) })
        context.terminal.err(lines + "\n")
    }
    let failing = remaining.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    return failing ? ExitCode.findings : ExitCode.success
}

/// `path:line: fixed PW1002: replace 'titel' with 'title'`, its content made safe for a terminal.
private func fixLine(_ fix: AppliedFix, _ verb: String) -> String {
    "\(TerminalSafe.line(fix.path)):\(fix.line): \(verb) \(fix.code.code): \(TerminalSafe.line(fix.title))\n"
}

private func declinedSummary(_ outcome: FixOutcome) -> String {
    let left = outcome.declined.count
    return left == 0 ? "" : "; \(count(left, "fix", plural: "fixes")) left out: with \(left == 1 ? "it" : "them") the check was not strictly better"
}

private func count(_ n: Int, _ word: String, plural: String? = nil) -> String {
    "\(n) \(n == 1 ? word : plural ?? word + "s")"
}

private func loadBaseline(_ path: String, context: CommandContext) -> Baseline? {
    let file: SourceFile
    do {
        file = try SourceFile.read(path: path)
    } catch {
        context.terminal.error(error.message, help: "pass a file written by 'pathc check --write-baseline FILE'")
        return nil
    }
    let (baseline, problems) = Baseline.parse(file)
    if !problems.isEmpty {
        let renderer = DiagnosticRenderer(useColor: Terminal.wantsColor(context.colorMode))
        context.terminal.err(problems.map(renderer.render).joined(separator: "\n") + "\n")
    }
    return baseline
}

private func output(_ report: Report, format: CheckFormat, root: String, hidden: Int, context: CommandContext) {
    if let ciFormat = format.report {
        context.terminal.out(ciFormat.render(report, repositoryRoot: root))
    } else if format == .json {
        var extra = [JSONMember("quality", .array(report.verdicts.map(\.json)))]
        if hidden > 0 { extra.append(JSONMember("hidden", .int(hidden))) }
        context.terminal.out(JSONWriter(pretty: true).string(DiagnosticReport.json(report.diagnostics, files: report.fileCount, extra: extra)) + "\n")
    } else {
        outputText(report.diagnostics, files: report.fileCount, context: context,
                   summarySuffix: hidden > 0 ? " (\(hidden) hidden by the baseline)" : "")
    }
}

private func output(statisticsOf report: Report, json: Bool, context: CommandContext) {
    if json {
        context.terminal.out(JSONWriter(pretty: true).string(StatisticsReport.json(report)) + "\n")
        return
    }
    var text = StatisticsReport.text(report)
    if !context.terminal.quiet { text += DiagnosticReport.summaryLine(report.diagnostics, files: report.fileCount) + "\n" }
    context.terminal.out(text)
}

/// GitHub shows the step summary on the run's page: the place for everything the ten
/// annotations per level cannot show.
private func appendSummary(_ markdown: String, to path: String, context: CommandContext) {
    guard let handle = FileHandle(forWritingAtPath: path) else {
        if FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8)) { return }
        context.terminal.error("cannot write the step summary '\(path)'", help: "check GITHUB_STEP_SUMMARY")
        return
    }
    defer { try? handle.close() }
    _ = try? handle.seekToEnd()
    try? handle.write(contentsOf: Data(("\n" + markdown).utf8))
}

/// Diagnostics in a format, for commands other than check (validate).
func report(_ diagnostics: [Diagnostic], files: Int, format: TextOrJSON, context: CommandContext, extra: [JSONMember] = []) {
    switch format {
    case .json:
        context.terminal.out(JSONWriter(pretty: true).string(DiagnosticReport.json(diagnostics, files: files, extra: extra)) + "\n")
    case .text:
        outputText(diagnostics, files: files, context: context)
    }
}

/// Compiler-style text and the summary line (unless --quiet).
private func outputText(_ diagnostics: [Diagnostic], files: Int, context: CommandContext, summarySuffix: String = "") {
    let renderer = DiagnosticRenderer(useColor: Terminal.wantsColor(context.colorMode, fd: STDOUT_FILENO))
    // A terminal is read from the bottom: notes first, then warnings, then errors, each in file
    // order, so that the errors stand right above the summary.
    var text = renderer.render(all: diagnostics.indicesBySeverity(mostSevereFirst: false).map { diagnostics[$0] })
    if !context.terminal.quiet {
        if !text.isEmpty { text += "\n" }
        text += DiagnosticReport.summaryLine(diagnostics, files: files) + summarySuffix + "\n"
    }
    context.terminal.out(text)
}
