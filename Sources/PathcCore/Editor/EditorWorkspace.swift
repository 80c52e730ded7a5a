import Foundation

/// The repository as an editor sees it: a `LiveCheck` of the repository with the editor's open
/// buffers in place of the files on disk, and the ids written in each file, for navigation.
final class EditorWorkspace {
    private var live: LiveCheck
    /// Each file's ids, worked out when first asked for.
    private var uses: [String: [IdentifierUse]] = [:]
    /// The absolute paths of the buffers the editor has open.
    private(set) var openBuffers: Set<String> = []

    /// The workspace of the repository at or above `folder`, or the configuration's problems when
    /// pathc.yaml or a schema is invalid.
    static func open(at folder: String) -> Result<EditorWorkspace, SetupProblems> {
        let root = Checker.findRoot(from: folder) ?? folder
        switch LiveCheck.open(Checker(root: root, currentDirectory: root)) {
        case .failure(let failure): return .failure(SetupProblems(diagnostics: failure.result.diagnostics))
        case .success(let live): return .success(EditorWorkspace(live))
        }
    }

    struct SetupProblems: Error {
        let diagnostics: [Diagnostic]
    }

    private init(_ live: LiveCheck) {
        self.live = live
    }

    var root: String { live.root }
    var schemas: SchemaSet { live.setup.schemas }
    /// Each file's findings, by absolute path; files without findings are absent.
    var findings: [String: [Diagnostic]] { live.findings }

    /// A file the check reads as content, by the same rule as `check --since`.
    func isContentFile(_ path: String) -> Bool {
        SinceCheck.isContentFile(Paths.relative(path, from: root), content: ChangeSet.folder(live.setup.config.content, root: root))
    }

    /// pathc.yaml, or a file in the schemas or house rules folder: a change to it may change any
    /// finding.
    func isConfiguration(_ path: String) -> Bool {
        let relative = Paths.relative(path, from: root)
        let config = live.setup.config
        return relative == "pathc.yaml" || ChangeSet.isInside(relative, ChangeSet.folder(config.schemas, root: root))
            || ChangeSet.isInside(relative, ChangeSet.folder(config.houseRules, root: root))
    }

    /// The editor's text of a buffer replaces the file's. Returns the files whose findings may
    /// have changed.
    func update(_ path: String, text: [UInt8]) -> Set<String> {
        guard isContentFile(path) else { return [] }
        openBuffers.insert(path)
        uses[path] = nil
        return live.replace(path, text: text)
    }

    /// The buffer is closed, or the file changed on disk: the file as it is on disk now. Returns
    /// the files whose findings may have changed.
    func reload(_ path: String, closing: Bool = false) -> Set<String> {
        if closing { openBuffers.remove(path) }
        guard isContentFile(path), !openBuffers.contains(path) else { return [] }
        uses[path] = nil
        return live.reload(path)
    }

    /// The kept result of a file: its text as the editor has it, or as on disk.
    func source(of path: String) -> SourceFile? {
        live.result(of: path).flatMap { $0.entity?.file ?? $0.diagnostics.first?.file }
    }

    /// Every place an id is written, in every file, in path order.
    func identifierUses() -> [IdentifierUse] {
        live.paths.flatMap(identifierUses(in:))
    }

    /// Every place an id is written in one file: the entity's own id, each key result's id, and
    /// each reference the schemas mark (a key result reference `okr/kr` names both).
    func identifierUses(in path: String) -> [IdentifierUse] {
        if let known = uses[path] { return known }
        let found = live.result(of: path)?.entity.map { IdentifierUse.all(in: $0, path: path) } ?? []
        uses[path] = found
        return found
    }

    /// The entity an id names, when the repository has it.
    func entity(_ target: EntityRef) -> Entity? {
        live.entity(target)
    }

    /// The ids of every entity of a kind, for completion.
    func ids(of kind: EntityKind) -> [String] {
        live.ids(of: kind)
    }
}
