import Foundation

/// The repository as an editor sees it: every content file read, parsed and validated once, and
/// the editor's open buffers in place of the files on disk. A change to one buffer parses and
/// validates that buffer alone; the model, the references and the rules then run over every
/// file's kept result.
final class EditorWorkspace {
    let checker: Checker
    private let setup: Checker.Setup
    /// Each content file's result, by absolute path.
    private var files: [String: FileCheck] = [:]
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
        let paths = Paths.contentFiles(under: setup.contentFolder, boundary: checker.root).files
        let schemas = setup.schemas
        let display = checker.display
        let results = parallelMap(paths) { path in FileCheck.run(path: path, displayPath: display(path), schemas: schemas) }
        for (path, result) in zip(paths, results) { files[path] = result }
    }

    var root: String { checker.root }

    /// A file the check reads as content, by the same rule as `check --since`.
    func isContentFile(_ path: String) -> Bool {
        SinceCheck.isContentFile(Paths.relative(path, from: root), content: ChangeSet.folder(setup.config.content, root: root))
    }

    /// The editor's text of a buffer replaces the file's.
    func update(_ path: String, text: [UInt8]) {
        guard isContentFile(path) else { return }
        openBuffers.insert(path)
        files[path] = FileCheck.run(file: SourceFile(path: checker.display(path), bytes: text), schemas: setup.schemas)
    }

    /// The buffer is closed, or the file changed on disk: the file as it is on disk now.
    func reload(_ path: String, closing: Bool = false) {
        if closing { openBuffers.remove(path) }
        guard isContentFile(path), !openBuffers.contains(path) else { return }
        if FileManager.default.fileExists(atPath: path) {
            files[path] = FileCheck.run(path: path, displayPath: checker.display(path), schemas: setup.schemas)
        } else {
            files[path] = nil
        }
    }

    /// Every finding of the repository with the open buffers as they are.
    func check() -> CheckResult {
        let ordered = files.keys.sorted().map { files[$0]! }
        return checker.analyse(ordered, config: setup.config, extra: setup.houseRules.problems, houseRules: setup.houseRules.rules)
    }

    /// The kept result of a file: its text as the editor has it, or as on disk.
    func source(of path: String) -> SourceFile? {
        files[path]?.entity?.file ?? files[path]?.diagnostics.first?.file
    }

    /// Every place an id is written: each entity's own id, and each reference the schemas mark (a
    /// key result reference `okr/kr` names its OKR with the part before the slash).
    func identifierUses() -> [IdentifierUse] {
        var uses: [IdentifierUse] = []
        for path in files.keys.sorted() {
            guard let entity = files[path]?.entity else { continue }
            if let span = IdentifierUse.span(of: entity.idNode, length: entity.id.utf8.count) {
                uses.append(IdentifierUse(path: path, file: entity.file, span: span, target: EntityRef(entity.kind, entity.id), isDefinition: true))
            }
            for annotation in entity.annotations where annotation.referenceKind != nil {
                guard let reference = ReferenceIndex.references([annotation]).first,
                      let span = IdentifierUse.span(of: annotation.node, length: reference.id.utf8.count) else { continue }
                uses.append(IdentifierUse(path: path, file: entity.file, span: span, target: reference, isDefinition: false))
            }
        }
        return uses
    }

    /// The entity an id names, when the repository has it.
    func entity(_ target: EntityRef) -> Entity? {
        for result in files.values where result.entity?.kind == target.kind && result.entity?.id == target.id { return result.entity }
        return nil
    }
}

/// An id written in a file: where, and which entity it names.
struct IdentifierUse {
    let path: String
    let file: SourceFile
    /// The id's own characters (for a key result reference, the OKR's part).
    let span: Span
    let target: EntityRef
    /// The entity's own `id`, not a reference to it.
    let isDefinition: Bool

    /// The characters of the first `length` bytes of a scalar's text, when the scalar is written
    /// plain or quoted on one line (a block scalar's text is not where its node starts).
    static func span(of node: Node, length: Int) -> Span? {
        guard let scalar = node.scalar else { return nil }
        let start: Int
        switch scalar.style {
        case .plain: start = node.span.start
        case .singleQuoted, .doubleQuoted: start = node.span.start + 1
        default: return nil
        }
        return Span(start: start, end: start + length)
    }
}
