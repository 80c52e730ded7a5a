/// The repository held in memory to try edits on (`check --fix`): every content file read,
/// parsed and validated once; a check with some files' text replaced reads only those again, then
/// builds the model, resolves references and runs the rules over everything, as a full check does.
public struct CheckSession: Sendable {
    public let checker: Checker
    let setup: Checker.Setup
    /// Absolute paths of the content files, in walk order, and each as diagnostics show it.
    let paths: [String]
    let displayPaths: [String]
    private let indexByDisplay: [String: Int]
    private var outcomes: [FileCheck]
    private let extra: [Diagnostic]
    /// The content folder, absolute.
    public var contentFolder: String { setup.contentFolder }

    /// The session over `checker`'s repository, or the failed check when its pathc.yaml or
    /// schemas are invalid (nothing can be checked, or fixed, then).
    public static func open(_ checker: Checker) -> Result<CheckSession, CheckFailure> {
        switch checker.setUp() {
        case .failure(let failure): return .failure(CheckFailure(result: failure.result))
        case .success(let setup): return .success(CheckSession(checker: checker, setup: setup))
        }
    }

    /// A check that could not run, and its findings.
    public struct CheckFailure: Error {
        public let result: CheckResult
    }

    private init(checker: Checker, setup: Checker.Setup) {
        var checker = checker
        // Trials compare findings; the verdicts are for outputs.
        checker.computesVerdicts = false
        self.checker = checker
        self.setup = setup
        let walk = Paths.contentFiles(under: setup.contentFolder, boundary: checker.root)
        paths = walk.files
        displayPaths = paths.map(checker.display)
        indexByDisplay = Dictionary(displayPaths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let schemas = setup.schemas
        let display = checker.display
        outcomes = parallelMap(paths) { FileCheck.run(path: $0, displayPath: display($0), schemas: schemas) }
        extra = checker.skippedLinks(walk) + setup.houseRules.problems
    }

    /// The absolute path of a content file shown as `displayPath` in diagnostics; nil when it is
    /// not one of the repository's content files.
    public func contentPath(_ displayPath: String) -> String? {
        indexByDisplay[displayPath].map { paths[$0] }
    }

    /// The check of the repository as read, with the files of `texts` (by path as shown) holding
    /// those bytes instead.
    public func check(replacing texts: [String: [UInt8]] = [:]) -> CheckResult {
        var trial = outcomes
        let schemas = setup.schemas
        let changed = texts.compactMap { path, bytes in indexByDisplay[path].map { ($0, SourceFile(path: path, bytes: bytes)) } }
        let checked = parallelMap(changed, chunk: 1) { FileCheck.run(file: $0.1, schemas: schemas) }
        for (index, outcome) in zip(changed.map(\.0), checked) { trial[index] = outcome }
        var result = checker.analyse(trial, config: setup.config, extra: extra, houseRules: setup.houseRules.rules)
        result.files = displayPaths
        return result
    }

    /// Makes the texts of `texts` the repository's, for the checks that follow.
    public mutating func keep(_ texts: [String: [UInt8]]) {
        let schemas = setup.schemas
        for (path, bytes) in texts {
            guard let index = indexByDisplay[path] else { continue }
            outcomes[index] = FileCheck.run(file: SourceFile(path: path, bytes: bytes), schemas: schemas)
        }
    }
}
