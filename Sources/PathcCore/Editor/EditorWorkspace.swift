import Foundation

/// The repository as an editor sees it: every content file read, parsed and validated once, and
/// the editor's open buffers in place of the files on disk.
///
/// The first check runs over every file. After that, a change to one buffer parses and validates
/// that buffer alone, and the rest of the pipeline runs only over the files the change can affect
/// and the files they need, with the repository-wide answers worked out from every file's facts:
/// the same plan as `check --since` (`ChangeImpact`), made from the facts before and after the
/// edit instead of a revision's. The findings of the other files stay as they were.
final class EditorWorkspace {
    let checker: Checker
    private let setup: Checker.Setup
    /// Every content file's absolute path, in the order the check reads them.
    private var paths: [String] = []
    /// Each content file's result, by absolute path.
    private var files: [String: FileCheck] = [:]
    /// The facts of `paths`, index for index.
    private var facts = RepositoryFacts([])
    private var answers = RepositoryAnswers(cycles: [], rubricLevels: [], supportedStrategies: [])
    /// Each file's findings as of the last check, by absolute path; files without findings are absent.
    private(set) var findings: [String: [Diagnostic]] = [:]
    /// Each file's ids, worked out when first asked for.
    private var uses: [String: [IdentifierUse]] = [:]
    /// The absolute paths of the buffers the editor has open.
    private(set) var openBuffers: Set<String> = []

    /// The workspace of the repository at or above `folder`, or the configuration's problems when
    /// pathc.yaml or a schema is invalid.
    static func open(at folder: String) -> Result<EditorWorkspace, SetupProblems> {
        let root = Checker.findRoot(from: folder) ?? folder
        let checker = Checker(root: root, currentDirectory: root)
        switch checker.setUp() {
        case .failure(let failure): return .failure(SetupProblems(diagnostics: failure.result.diagnostics))
        case .success(let setup): return .success(EditorWorkspace(checker: checker, setup: setup))
        }
    }

    struct SetupProblems: Error {
        let diagnostics: [Diagnostic]
    }

    private init(checker: Checker, setup: Checker.Setup) {
        self.checker = checker
        self.setup = setup
        paths = Paths.contentFiles(under: setup.contentFolder, boundary: checker.root).files.sorted()
        let schemas = setup.schemas
        let display = checker.display
        let results = parallelMap(paths) { path in FileCheck.run(path: path, displayPath: display(path), schemas: schemas) }
        for (path, result) in zip(paths, results) { files[path] = result }
        checkEverything()
    }

    var root: String { checker.root }
    var schemas: SchemaSet { setup.schemas }

    /// A file the check reads as content, by the same rule as `check --since`.
    func isContentFile(_ path: String) -> Bool {
        SinceCheck.isContentFile(Paths.relative(path, from: root), content: ChangeSet.folder(setup.config.content, root: root))
    }

    /// pathc.yaml, or a file in the schemas or house rules folder: a change to it may change any
    /// finding.
    func isConfiguration(_ path: String) -> Bool {
        let relative = relative(path)
        return relative == "pathc.yaml" || ChangeSet.isInside(relative, ChangeSet.folder(setup.config.schemas, root: root))
            || ChangeSet.isInside(relative, ChangeSet.folder(setup.config.houseRules, root: root))
    }

    /// The editor's text of a buffer replaces the file's. Returns the files whose findings may
    /// have changed.
    func update(_ path: String, text: [UInt8]) -> Set<String> {
        guard isContentFile(path) else { return [] }
        openBuffers.insert(path)
        let file = SourceFile(path: checker.display(path), bytes: text)
        let result = text.count > SourceFile.sizeLimit
            ? FileCheck.unreadable(.tooLarge(file.path, limit: SourceFile.sizeLimit), displayPath: file.path)
            : FileCheck.run(file: file, schemas: setup.schemas)
        return replace(path, with: result)
    }

    /// The buffer is closed, or the file changed on disk: the file as it is on disk now. Returns
    /// the files whose findings may have changed.
    func reload(_ path: String, closing: Bool = false) -> Set<String> {
        if closing { openBuffers.remove(path) }
        guard isContentFile(path), !openBuffers.contains(path) else { return [] }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return replace(path, with: nil) }
        return replace(path, with: FileCheck.run(path: path, displayPath: checker.display(path), schemas: setup.schemas))
    }

    /// Every file's findings now, all files checked again.
    func checkEverything() {
        let outcomes = paths.map { files[$0]! }
        facts = RepositoryFacts(paths.indices.map { (relative(paths[$0]), outcomes[$0].facts) })
        answers = facts.answers()
        let result = checker.analyse(outcomes, config: setup.config, extra: setup.houseRules.problems, houseRules: setup.houseRules.rules)
        findings = [:]
        for diagnostic in result.diagnostics { findings[absolute(diagnostic.file.path), default: []].append(diagnostic) }
    }

    /// Puts a file's new result (nil: the file is gone) in place and checks what it affects.
    private func replace(_ path: String, with result: FileCheck?) -> Set<String> {
        let old = files[path]
        guard old != nil || result != nil else { return [] }
        uses[path] = nil
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
        let model = facts
        var affected = Set(impact.affected.map { paths[$0] })
        affected.insert(path)
        let scope = Checker.Scope(paths: [], fileCount: paths.count, knownIDs: KnownIDs { model.knownIDs() }, answers: impact.answers,
                                  reportedPaths: Set(affected.map(checker.display)))
        let outcomes = impact.context.sorted().map { files[paths[$0]]! }
        let result = checker.analyse(outcomes, config: setup.config, scope: scope, houseRules: setup.houseRules.rules)
        for file in affected { findings[file] = nil }
        for diagnostic in result.diagnostics {
            let file = absolute(diagnostic.file.path)
            if affected.contains(file) { findings[file, default: []].append(diagnostic) }
        }
        return affected
    }

    private func relative(_ path: String) -> String { Paths.relative(path, from: root) }
    private func absolute(_ shown: String) -> String { Paths.absolute(shown, from: root) }

    /// The kept result of a file: its text as the editor has it, or as on disk.
    func source(of path: String) -> SourceFile? {
        files[path]?.entity?.file ?? files[path]?.diagnostics.first?.file
    }

    /// The kept result of a file, parsed and validated.
    func result(of path: String) -> FileCheck? {
        files[path]
    }

    /// Every place an id is written, in every file, in path order.
    func identifierUses() -> [IdentifierUse] {
        paths.flatMap(identifierUses(in:))
    }

    /// Every place an id is written in one file: the entity's own id, each key result's id, and
    /// each reference the schemas mark (a key result reference `okr/kr` names both).
    func identifierUses(in path: String) -> [IdentifierUse] {
        if let known = uses[path] { return known }
        let found = files[path]?.entity.map { IdentifierUse.all(in: $0, path: path) } ?? []
        uses[path] = found
        return found
    }

    /// The entity an id names, when the repository has it.
    func entity(_ target: EntityRef) -> Entity? {
        guard let index = facts.winnerIndex(target.kind, target.id) else { return nil }
        return files[paths[index]]?.entity
    }

    /// The ids of every entity of a kind, for completion.
    func ids(of kind: EntityKind) -> [String] {
        facts.all(kind).map(\.id)
    }
}
