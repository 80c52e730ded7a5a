import Foundation

/// The result of checking a repository.
public struct CheckResult: Sendable {
    /// Every finding, in report order (file, line, column, code).
    public var diagnostics: [Diagnostic]
    /// How many content files were read.
    public var fileCount: Int
    public var model: Model
    public var config: ProjectConfig
    /// The configuration or a schema is itself invalid: the check could not run (exit 2).
    public var setupFailed: Bool
    /// The quality verdict of every objective, key result, milestone and practice task.
    public var verdicts: [QualityVerdict] = []
    /// The content files read, as their diagnostics show them (for a full check: every one).
    public var files: [String] = []

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var infoCount: Int { diagnostics.count { $0.severity == .info } }
}

/// The check pipeline: read the config and schemas, parse and validate every content file on
/// all cores, build the model, resolve references, and collect the findings.
public struct Checker: Sendable {
    /// The repository root, absolute.
    public let root: String
    /// Paths in diagnostics are shown relative to this folder.
    public let currentDirectory: String
    /// False to stop after schemas and references (the benchmark measures what the rules add).
    public var runsRules = true
    /// The quality verdicts are computed only for outputs that show them (JSON, the site).
    public var computesVerdicts = true

    public init(root: String, currentDirectory: String) {
        self.root = Paths.absolute(root, from: currentDirectory)
        self.currentDirectory = currentDirectory
    }

    /// The nearest folder at or above `start` that holds pathc.yaml; failing that, the nearest
    /// that holds pathways/ (pathc.yaml first, so that a content folder with a `pathways`
    /// sub-folder of its own is not taken for the root).
    public static func findRoot(from start: String) -> String? {
        let origin = Paths.absolute(start, from: FileManager.default.currentDirectoryPath)
        for marker in ["pathc.yaml", "pathways"] {
            var folder = origin
            while true {
                let path = folder == "/" ? "/" + marker : folder + "/" + marker
                if marker == "pathc.yaml" ? FileManager.default.fileExists(atPath: path) : Paths.isDirectory(path) { return folder }
                let parent = (folder as NSString).deletingLastPathComponent
                if parent == folder || parent.isEmpty { break }
                folder = parent
            }
        }
        return nil
    }

    public func display(_ path: String) -> String {
        Paths.relative(path, from: currentDirectory)
    }

    /// A path as shown (relative to the current folder) made relative to the root, as CI tools
    /// and git name files.
    public func rootRelative(_ shownPath: String) -> String {
        Paths.relative(Paths.absolute(shownPath, from: currentDirectory), from: root)
    }

    public func run() -> CheckResult {
        switch setUp() {
        case .failure(let failure): return failure.result
        case .success(let setup): return run(setup, scope: nil)
        }
    }

    /// The configuration and the schemas, loaded and valid.
    struct Setup {
        let config: ProjectConfig
        let schemas: SchemaSet
        /// The content folder, absolute.
        let contentFolder: String
        /// The repository's own rules about wording, and the problems of their files.
        var houseRules = HouseRuleSet()
    }

    /// Part of the repository to check, with what the checks need from the rest of it
    /// (`check --since`).
    struct Scope {
        /// Absolute paths of the files to read.
        var paths: [String]
        /// How many content files the repository has.
        var fileCount: Int
        var knownIDs: KnownIDs
        var answers: RepositoryAnswers
        /// The files whose findings are wanted, as shown (nil: every file read): the others are
        /// read for what these need.
        var reportedPaths: Set<String>?
    }

    /// Reads the config and schemas; a failed result when either is invalid.
    func setUp() -> Result<Setup, SetupFailure> {
        let display = self.display
        // The config schema comes from schemas/ or the defaults; then the config may name another schemas folder.
        let defaultSchemas = SchemaSet.load(folder: Paths.isDirectory(root + "/schemas") ? root + "/schemas" : nil, displayPath: display)
        var (config, configProblems) = ProjectConfig.load(root: root, schema: defaultSchemas.config, displayPath: display)
        // The repository's house rules, whose names pathc.yaml may use like the built-in rules'.
        let houseRules = configProblems.isEmpty ? HouseRuleSet.load(folder: Paths.absolute(config.houseRules, from: root), displayPath: display)
            : HouseRuleSet()
        if configProblems.isEmpty {
            configProblems = config.unknownRules(known: RuleRegistry.configurableKeys + houseRules.rules.map(\.name))
        }
        if !defaultSchemas.problems.isEmpty || !configProblems.isEmpty {
            return .failure(SetupFailure(result: CheckResult(diagnostics: (defaultSchemas.problems + configProblems).sorted(by: Diagnostic.reportOrder),
                                                             fileCount: 0, model: Model(), config: config, setupFailed: true)))
        }
        let schemaFolder = Paths.absolute(config.schemas, from: root)
        let schemas = schemaFolder == root + "/schemas" ? defaultSchemas
            : SchemaSet.load(folder: Paths.isDirectory(schemaFolder) ? schemaFolder : nil, displayPath: display)
        if !schemas.problems.isEmpty {
            return .failure(SetupFailure(result: CheckResult(diagnostics: schemas.problems, fileCount: 0, model: Model(), config: config,
                                                             setupFailed: true)))
        }
        return .success(Setup(config: config, schemas: schemas, contentFolder: Paths.absolute(config.content, from: root),
                              houseRules: houseRules))
    }

    struct SetupFailure: Error {
        let result: CheckResult
    }

    /// The pipeline over every content file, or over a scope's files with the repository-wide
    /// answers it brings.
    func run(_ setup: Setup, scope: Scope?) -> CheckResult {
        let display = self.display
        let config = setup.config
        let schemas = setup.schemas
        // A scope (check --since) never holds links: it falls back to the full walk when the content folder has one.
        var clock = PhaseClock()
        let walk = scope == nil ? Paths.contentFiles(under: setup.contentFolder, boundary: root) : Paths.ContentWalk()
        let paths = scope?.paths ?? walk.files
        let fileCount = scope?.fileCount ?? paths.count
        clock.lap("list the content folder")
        let outcomes = parallelMap(paths) { path in
            FileCheck.run(path: path, displayPath: display(path), schemas: schemas)
        }
        clock.lap("read, parse, validate \(paths.count) files")
        var result = analyse(outcomes, config: config, scope: scope, fileCount: fileCount, extra: skippedLinks(walk) + setup.houseRules.problems,
                             houseRules: setup.houseRules.rules)
        result.files = paths.map(display)
        return result
    }

    /// The links the walk of the content folder did not follow, as findings.
    func skippedLinks(_ walk: Paths.ContentWalk) -> [Diagnostic] {
        walk.skipped.map { path, reason in
            Diagnostic(code: CheckCode.linkNotFollowed, message: "'\(display(path))' is \(reason)",
                       file: SourceFile(path: display(path), bytes: []), span: .at(0),
                       help: "move the content into the repository's content folder, or remove the link")
        }
    }

    /// Everything after the files are read, parsed and validated: the model, its references, the
    /// rules and the verdicts. Separate from reading so that the fuzz target (`fuzz/`) can run
    /// the same stages on files held in memory.
    func analyse(_ outcomes: [FileCheck], config: ProjectConfig, scope: Scope? = nil, fileCount: Int? = nil,
                 extra: [Diagnostic] = [], houseRules: [HouseRule] = []) -> CheckResult {
        let cwd = currentDirectory
        let fileCount = fileCount ?? outcomes.count
        var clock = PhaseClock()
        var diagnostics = outcomes.flatMap(\.diagnostics) + extra
        var unshown: [String: Int] = [:]
        for outcome in outcomes where outcome.unshownSchemaFindings > 0 {
            if let file = outcome.diagnostics.first?.file.path { unshown[file, default: 0] += outcome.unshownSchemaFindings }
        }
        var model = Model()
        model.add(outcomes.compactMap(\.entity), into: &diagnostics)
        let answers = scope?.answers ?? RepositoryFacts(outcomes.map { ($0.entity?.file.path ?? "", $0.facts) }).answers()
        clock.lap("model and repository-wide answers")
        var checks = ModelChecks(model: model, cycles: answers.cycles)
        for outcome in outcomes where outcome.entity == nil {
            guard let file = outcome.diagnostics.first?.file, let identity = ModelChecks.declaredIdentity(of: file) else { continue }
            checks.brokenFiles[identity] = file
        }
        checks.knownIDs = scope?.knownIDs
        checks.reportsOn = scope?.reportedPaths
        checks.run()
        clock.lap("references")
        diagnostics += checks.diagnostics
        guard runsRules else {
            diagnostics.sort(by: Diagnostic.reportOrder)
            return CheckResult(diagnostics: Self.capped(diagnostics, unshown: unshown), fileCount: fileCount, model: model, config: config, setupFailed: false)
        }
        let today = config.evaluationDay
        var context = RuleContext(model: model, vocabulary: .with(config.effectiveVocabulary), config: config, today: today,
                                  answers: answers)
        context.houseRules = houseRules
        let root = self.root
        clock.lap("rule context")
        var engine = RuleEngine(context: context, rootRelative: { Paths.relative(Paths.absolute($0.path, from: cwd), from: root) })
        engine.computesVerdicts = computesVerdicts
        let rules = engine.run()
        clock.lap("rules")
        diagnostics += rules.diagnostics
        diagnostics.sort(by: Diagnostic.reportOrder)
        let verdicts = rules.verdicts.sorted { ($0.entity.file.path, $0.statement.node.span.start) < ($1.entity.file.path, $1.statement.node.span.start) }
        clock.lap("sort")
        return CheckResult(diagnostics: Self.capped(diagnostics, unshown: unshown), fileCount: fileCount, model: model, config: config, setupFailed: false,
                           verdicts: verdicts)
    }

    /// At most `findingsPerFile` findings of each file, in report order, then one that counts the
    /// rest (with the worst severity among them), so a file with 100,000 problems stays readable.
    /// `unshown` counts, by file, schema findings that were never made into messages (past the
    /// first `findingsPerFile` of a file, they could not be shown); they are errors.
    public static func capped(_ sorted: [Diagnostic], unshown: [String: Int] = [:]) -> [Diagnostic] {
        let limit = CheckCode.findingsPerFile
        var result: [Diagnostic] = []
        result.reserveCapacity(sorted.count)
        var index = 0
        while index < sorted.count {
            let file = sorted[index].file.path
            var end = index
            while end < sorted.count && sorted[end].file.path == file { end += 1 }
            let uncounted = unshown[file] ?? 0
            if end - index <= limit && uncounted == 0 {
                result += sorted[index..<end]
            } else {
                let shownEnd = min(end, index + limit)
                result += sorted[index..<shownEnd]
                let rest = sorted[shownEnd..<end]
                let worst = uncounted > 0 ? .error : rest.map(\.severity).max() ?? .error
                result.append(moreFindings(rest.count + uncounted, worst: worst, at: sorted[min(shownEnd, end - 1)]))
            }
            index = end
        }
        return result
    }

    /// The finding that stands for the `count` findings of a file not shown, placed at the first of them.
    public static func moreFindings(_ count: Int, worst: Severity, at first: Diagnostic) -> Diagnostic {
        Diagnostic(code: CheckCode.tooManyFindings, severity: worst, message: "\(count) more findings in this file are not shown",
                   file: first.file, span: first.span, help: "fix the findings above and run pathc again to see the rest")
    }
}

/// What checking one file gives: its diagnostics, and its entity when it has a kind and an id.
struct FileCheck: Sendable {
    var diagnostics: [Diagnostic] = []
    var entity: Entity?
    /// What other files' checks need from this one.
    var facts = FileFacts.none
    /// Schema findings past the first `findingsPerFile` of the file: counted, not made into
    /// messages (a file of a million unknown keys would otherwise make a million).
    var unshownSchemaFindings = 0

    static func run(path: String, displayPath: String, schemas: SchemaSet) -> FileCheck {
        let file: SourceFile
        do {
            file = try SourceFile.read(path: path, displayPath: displayPath)
        } catch {
            return unreadable(error, displayPath: displayPath)
        }
        return run(file: file, schemas: schemas)
    }

    /// The result of a file that could not be read: one finding that says why.
    static func unreadable(_ error: SourceReadError, displayPath: String) -> FileCheck {
        var result = FileCheck()
        let empty = SourceFile(path: displayPath, bytes: [])
        let tooLarge: Bool
        if case .tooLarge = error { tooLarge = true } else { tooLarge = false }
        result.diagnostics.append(Diagnostic(code: tooLarge ? SyntaxCode.fileTooLarge : CheckCode.unreadableFile, message: error.message,
                                             file: empty, span: .at(0),
                                             help: tooLarge ? "split the content into files of one entity each; a pathway file is a few kilobytes"
                                                 : "check the file's permissions, or remove it from the content folder"))
        return result
    }

    /// Parses and validates a file already in memory, and makes its entity.
    static func run(file: SourceFile, schemas: SchemaSet) -> FileCheck {
        var result = FileCheck()
        let tree = SyntaxTree.parse(file)
        if !tree.diagnostics.isEmpty {
            result.diagnostics = tree.diagnostics
            return result
        }
        guard let root = tree.root, let pairs = root.mapping else {
            let node = tree.root ?? .null(at: 0)
            result.diagnostics.append(Diagnostic(
                code: ModelCode.notAMapping, message: "a content file must be a mapping with 'kind' and 'id', found \(tree.root == nil ? "an empty file" : node.kindDescription)",
                file: file, span: node.span, label: "not a mapping",
                help: "start the file with 'kind: okr' (or competency, role, rubric, pathway) and 'id: ...'"))
            return result
        }
        let kinds = EntityKind.allCases.map(\.rawValue)
        guard let kindNode = root[.kind] else {
            result.diagnostics.append(Diagnostic(
                code: ModelCode.missingKind, message: "missing 'kind': pathc cannot tell what this file holds",
                file: file, span: pairs.first?.key.span ?? root.span, label: "no 'kind' in this mapping",
                help: "add 'kind: ' with one of \(kinds.joined(separator: ", "))", pointer: ""))
            return result
        }
        guard let kindText = kindNode.scalar?.text, let kind = EntityKind(rawValue: kindText) else {
            let text = kindNode.scalar?.text ?? ""
            let fix = Suggestion.unambiguous(to: text, in: kinds).flatMap { Fix.replacing(kindNode, with: $0, in: file) }
            result.diagnostics.append(Diagnostic(
                code: ModelCode.unknownKind, message: "unknown kind '\(text)'", file: file, span: kindNode.span,
                label: "not a kind",
                help: Suggestion.closest(to: text, in: kinds).map { "did you mean '\($0)'?" } ?? "use one of \(kinds.joined(separator: ", "))",
                pointer: "/kind", fixes: fix.map { [$0] } ?? []))
            return result
        }
        let validation = schemas.validators[kind]!.validate(root, budget: schemas.regexBudget)
        let (shown, omitted) = SchemaMessages.firstDiagnostics(for: validation.violations, in: file)
        result.diagnostics = shown
        result.unshownSchemaFindings = omitted.count
        if let idNode = root[.id], let scalar = idNode.scalar, case .string(let id) = scalar.value {
            let entity = Entity(kind: kind, id: id, file: file, root: root, idNode: idNode, annotations: validation.annotations)
            result.entity = entity
            result.facts = FileFacts(entity)
        }
        return result
    }
}
