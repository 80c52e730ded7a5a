import Foundation

/// The repository held in memory and kept checked: every content file read, parsed and validated
/// once, and each file's findings. Replacing a file's text parses and validates that text alone;
/// the rest of the pipeline then runs only over the files the change can affect and the files
/// they need, with the repository-wide answers worked out from every file's facts: the plan of
/// `check --since` (`ChangeImpact`), made from the facts before and after the change instead of a
/// revision's. The findings of the other files stay as they were, and are the full check's.
///
/// A value: the language server keeps one up to date with the editor's buffers; `check --fix`
/// tries its fixes on a copy and keeps the copy when the findings got better.
struct LiveCheck {
    let checker: Checker
    let setup: Checker.Setup
    /// Every content file's absolute path, in the order the check reads them.
    private(set) var paths: [String] = []
    /// Each content file's result, by absolute path.
    private var files: [String: FileCheck] = [:]
    /// The facts of `paths`, index for index.
    private var facts = RepositoryFacts([])
    private var answers = RepositoryAnswers(cycles: [], rubricLevels: [], supportedStrategies: [])
    /// Findings that belong to no content file's check: links not followed, house rule files' problems.
    private let extra: [Diagnostic]
    /// Each file's findings, by absolute path; files without findings are absent.
    private(set) var findings: [String: [Diagnostic]] = [:]

    /// The repository of `checker`, checked; the configuration's failed check when pathc.yaml, a
    /// schema or a house rule is invalid.
    static func open(_ checker: Checker) -> Result<LiveCheck, Checker.SetupFailure> {
        var checker = checker
        // The verdicts are for reports; a live check keeps findings.
        checker.computesVerdicts = false
        switch checker.setUp() {
        case .failure(let failure): return .failure(failure)
        case .success(let setup): return .success(LiveCheck(checker: checker, setup: setup))
        }
    }

    private init(checker: Checker, setup: Checker.Setup) {
        self.checker = checker
        self.setup = setup
        let walk = Paths.contentFiles(under: setup.contentFolder, boundary: checker.root)
        paths = walk.files.sorted()
        extra = checker.skippedLinks(walk) + setup.houseRules.problems
        let schemas = setup.schemas
        let display = checker.display
        let results = parallelMap(paths) { path in FileCheck.run(path: path, displayPath: display(path), schemas: schemas) }
        for (path, result) in zip(paths, results) { files[path] = result }
        checkEverything()
    }

    var root: String { checker.root }

    /// Every finding, in report order.
    var allFindings: [Diagnostic] {
        findings.values.flatMap { $0 }.sorted(by: Diagnostic.reportOrder)
    }

    /// The content file shown as `shownPath` in findings, absolute; nil when it is not one.
    func contentPath(_ shownPath: String) -> String? {
        let path = Paths.absolute(shownPath, from: checker.currentDirectory)
        return files[path] == nil ? nil : path
    }

    /// The kept result of a file.
    func result(of path: String) -> FileCheck? {
        files[path]
    }

    /// The entity the repository has for a kind and id.
    func entity(_ target: EntityRef) -> Entity? {
        facts.winnerIndex(target.kind, target.id).flatMap { files[paths[$0]]?.entity }
    }

    /// The ids of every entity of a kind.
    func ids(of kind: EntityKind) -> [String] {
        facts.all(kind).map(\.id)
    }

    /// Every file checked again, from the results kept.
    mutating func checkEverything() {
        let outcomes = paths.map { files[$0]! }
        facts = RepositoryFacts(paths.indices.map { (relative(paths[$0]), outcomes[$0].facts) })
        answers = facts.answers()
        let result = checker.analyse(outcomes, config: setup.config, extra: extra, houseRules: setup.houseRules.rules)
        findings = [:]
        for diagnostic in result.diagnostics { findings[absolute(diagnostic.file.path), default: []].append(diagnostic) }
    }

    /// A content file's text replaced (nil: the file is gone), or a new one. Returns the files
    /// whose findings may have changed.
    @discardableResult
    mutating func replace(_ path: String, text: [UInt8]?) -> Set<String> {
        guard let text else { return replace(path, with: nil) }
        let shown = checker.display(path)
        let result = text.count > SourceFile.sizeLimit
            ? FileCheck.unreadable(.tooLarge(shown, limit: SourceFile.sizeLimit), displayPath: shown)
            : FileCheck.run(file: SourceFile(path: shown, bytes: text), schemas: setup.schemas)
        return replace(path, with: result)
    }

    /// A content file read again from disk (gone when it is no longer a regular file).
    @discardableResult
    mutating func reload(_ path: String) -> Set<String> {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return replace(path, with: nil) }
        return replace(path, with: FileCheck.run(path: path, displayPath: checker.display(path), schemas: setup.schemas))
    }

    /// Puts a file's new result (nil: the file is gone) in place and checks what it affects.
    private mutating func replace(_ path: String, with result: FileCheck?) -> Set<String> {
        let old = files[path]
        guard old != nil || result != nil else { return [] }
        files[path] = result
        let name = relative(path)
        let before = old.map { [(path: name, facts: $0.facts)] } ?? []
        let now = result.map { [(path: name, facts: $0.facts)] } ?? []
        if old == nil || result == nil {
            if old == nil { paths.insert(path, at: paths.firstIndex { $0 > path } ?? paths.endIndex) }
            if result == nil { paths.removeAll { $0 == path } }
            facts = RepositoryFacts(paths.map { (relative($0), files[$0]!.facts) })
        } else if old!.facts != result!.facts {
            facts = RepositoryFacts(paths.map { (relative($0), files[$0]!.facts) })
        }
        let changedNow = result == nil ? [] : [paths.firstIndex(of: path)!]
        let previous = ChangeImpact.Before(rubricLevels: answers.rubricLevels, supportedStrategies: answers.supportedStrategies,
                                           cycles: answers.cycles)
        guard let impact = ChangeImpact.of(now: now, before: before, modelNow: facts, changedNow: changedNow, previous: previous) else {
            let earlier = Set(findings.keys)
            checkEverything()
            return earlier.union(findings.keys)
        }
        answers = impact.answers
        var affected = Set(impact.affected.map { paths[$0] })
        affected.insert(path)
        let model = facts
        let scope = Checker.Scope(paths: [], fileCount: paths.count, knownIDs: KnownIDs { model.knownIDs() }, answers: impact.answers,
                                  reportedPaths: Set(affected.map(checker.display)))
        let outcomes = impact.context.sorted().map { files[paths[$0]]! }
        let checked = checker.analyse(outcomes, config: setup.config, scope: scope, houseRules: setup.houseRules.rules)
        for file in affected { findings[file] = nil }
        for diagnostic in checked.diagnostics {
            let file = absolute(diagnostic.file.path)
            if affected.contains(file) { findings[file, default: []].append(diagnostic) }
        }
        return affected
    }

    private func relative(_ path: String) -> String { Paths.relative(path, from: root) }
    private func absolute(_ shown: String) -> String { Paths.absolute(shown, from: checker.currentDirectory) }
}
