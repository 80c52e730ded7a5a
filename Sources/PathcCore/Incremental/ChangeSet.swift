import Foundation

/// What changed since a git revision, and which files' findings that can alter (`check --since`):
/// the changed content files; the files that refer to an id a changed file defines, now or at the
/// revision (so renaming a competency reports the pathways still using the old id); the files a
/// changed file refers to, now or at the revision (their "nothing supports this" findings); and
/// everything when pathc.yaml or a schema changed.
public struct ChangeSet: Sendable {
    public let revision: String
    /// Changed files relative to the root: committed since the revision, staged, unstaged and
    /// untracked (ignored files excluded).
    public let changedFiles: Set<String>
    /// pathc.yaml or a schema changed: every finding may be different.
    public let affectsEverything: Bool
    /// What each changed content file defined and referred to at the revision.
    let previous: [String: (defines: EntityRef?, references: [EntityRef])]

    /// Asks git in `root` what changed since `revision`.
    public static func since(_ revision: String, root: String, config: ProjectConfig) throws(GitError) -> ChangeSet {
        let git = Git(folder: root)
        guard try git.run(["rev-parse", "--is-inside-work-tree"]) != nil else { throw .notARepository(root) }
        // A revision that starts with '-' would be read as an option.
        guard !revision.hasPrefix("-"), let commitBytes = try git.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) else {
            throw .unknownRevision(revision)
        }
        let commit = String(decoding: commitBytes, as: UTF8.self).trimmingWhitespace
        guard let diff = try git.run(["diff", "--name-only", "-z", "--no-renames", "--relative", commit, "--"]) else {
            throw .failed("diff \(revision)")
        }
        guard let untracked = try git.run(["ls-files", "--others", "--exclude-standard", "-z"]) else {
            throw .failed("ls-files")
        }
        let changed = Set(Git.names(diff) + Git.names(untracked))

        let content = Self.folder(config.content, root: root)
        let schemas = Self.folder(config.schemas, root: root)
        let everything = changed.contains { $0 == "pathc.yaml" || Self.isInside($0, schemas) }
        var previous: [String: (defines: EntityRef?, references: [EntityRef])] = [:]
        if !everything {
            let schemaSet = SchemaSet.load(folder: Paths.isDirectory(root + "/" + schemas) ? root + "/" + schemas : nil,
                                           displayPath: { $0 })
            for path in changed.sorted() where Self.isInside(path, content) && Self.isYAML(path) {
                // A file added since the revision has no earlier version: git show fails, nothing to add.
                guard let bytes = try git.run(["show", "\(commit):./\(path)"]) else { continue }
                previous[path] = Self.identity(of: SourceFile(path: path, bytes: bytes), schemas: schemaSet)
            }
        }
        return ChangeSet(revision: revision, changedFiles: changed, affectsEverything: everything, previous: previous)
    }

    init(revision: String, changedFiles: Set<String>, affectsEverything: Bool,
         previous: [String: (defines: EntityRef?, references: [EntityRef])]) {
        self.revision = revision
        self.changedFiles = changedFiles
        self.affectsEverything = affectsEverything
        self.previous = previous
    }

    /// The files (relative to the root) whose findings to report; nil when that is every file.
    public func affectedFiles(in model: Model, path: (Entity) -> String) -> Set<String>? {
        if affectsEverything { return nil }
        let index = ReferenceIndex(model: model, path: path)
        var defined: Set<EntityRef> = []
        var referenced: Set<EntityRef> = []
        for entity in model.ordered + model.duplicates where changedFiles.contains(path(entity)) {
            defined.insert(EntityRef(entity.kind, entity.id))
            referenced.formUnion(ReferenceIndex.references(entity.annotations))
        }
        for (_, before) in previous {
            if let id = before.defines { defined.insert(id) }
            referenced.formUnion(before.references)
        }
        var affected = changedFiles
        for id in defined {
            affected.formUnion(index.referrers[id] ?? [])
            // Another file with the same id: which of the two gets duplicate-id depends on both.
            affected.formUnion(index.definers[id] ?? [])
        }
        for id in referenced {
            affected.formUnion(index.definers[id] ?? [])
        }
        return affected
    }

    /// The kind, id and references of a file's content, read as the check would read it.
    static func identity(of file: SourceFile, schemas: SchemaSet) -> (defines: EntityRef?, references: [EntityRef]) {
        let tree = SyntaxTree.parse(file)
        guard let root = tree.root, root.mapping != nil, let kindText = root[.kind]?.scalar?.text,
              let kind = EntityKind(rawValue: kindText), let validator = schemas.validators[kind] else { return (nil, []) }
        let references = ReferenceIndex.references(validator.validate(root).annotations)
        guard case .string(let id)? = root[.id]?.scalarValue else { return (nil, references) }
        return (EntityRef(kind, id), references)
    }

    /// A configured folder relative to the root, without a trailing slash.
    static func folder(_ configured: String, root: String) -> String {
        Paths.relative(Paths.absolute(configured, from: root), from: root)
    }

    static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "." || path == folder || path.hasPrefix(folder + "/")
    }

    static func isYAML(_ path: String) -> Bool {
        path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }
}
