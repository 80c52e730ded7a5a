import Dispatch
import Foundation

extension Checker {
    /// `check --since REF`: the findings, and the root-relative files to report them for (nil:
    /// every file, as when pathc.yaml or a schema changed). Only the files the change can affect
    /// and the files they need are read, unless the facts of the other files are not yet cached.
    public func run(since revision: String) throws(GitError) -> (result: CheckResult, affected: Set<String>?) {
        switch setUp() {
        case .failure(let failure):
            return (failure.result, nil)
        case .success(let setup):
            let outcome = try SinceCheck(checker: self, setup: setup, revision: revision).run()
            return (outcome.result, outcome.affected)
        }
    }
}

/// `check --since REF`, with work in proportion to the change.
///
/// git says which files changed since REF (committed, staged, unstaged, untracked) and what every
/// other content file was at REF (its blob, from `git ls-tree`). Unchanged files are the same now
/// as at REF, so their facts (`FileFacts`: the entity, its references, the fields other files'
/// checks read) come from a cache kept in the git folder and keyed by blob; a blob not in the
/// cache is read from the working tree once. From the facts of every file, at REF and now, pathc
/// works out which files' findings the change can alter, and which other files those need to be
/// checked exactly (the entities they refer to, the other files with their ids), and runs the
/// normal pipeline on those files only, with the repository-wide answers (known ids, alignment
/// cycles, supported strategies, rubric levels) computed from the facts. The findings it reports
/// are those the full check gives for the same files.
struct SinceCheck {
    let checker: Checker
    let setup: Checker.Setup
    let revision: String

    /// What the check found, and the root-relative files to report on (nil: every file).
    struct Outcome {
        var result: CheckResult
        var affected: Set<String>?
    }

    /// A content file as git listed it at the revision.
    struct TreeEntry {
        let path: String
        let blob: String
    }

    func run() throws(GitError) -> Outcome {
        let root = checker.root
        var clock = PhaseClock()
        let git = Git(folder: root)
        guard let top = try git.run(["rev-parse", "--is-inside-work-tree", "--absolute-git-dir"]) else { throw .notARepository(root) }
        let gitDirectory = String(decoding: top, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        // A revision that starts with '-' would be read as an option.
        guard !revision.hasPrefix("-") else { throw .unknownRevision(revision) }
        let commit = revision + "^{commit}"
        let content = ChangeSet.folder(setup.config.content, root: root)
        let schemas = ChangeSet.folder(setup.config.schemas, root: root)
        let houseRules = ChangeSet.folder(setup.config.houseRules, root: root)

        let revisions = ParallelGit.run(git, [
            ["rev-parse", "--verify", "--quiet", commit],
            // The content folder's tree at the revision: when the cache describes it, no listing is needed.
            ["rev-parse", "--verify", "--quiet", content == "." ? revision + "^{tree}" : "\(commit):./\(content)"],
        ])
        guard try revisions[0].get() != nil else { throw .unknownRevision(revision) }
        let treeID = try revisions[1].get().map { String(decoding: $0, as: UTF8.self).trimmingWhitespace } ?? "none"

        // The diff stats every tracked file: it runs while the fact cache loads. The content
        // folder's untracked files (ignored ones included: the full check reads every file) are
        // those not in the revision's tree, from the folder cache, unless the folder is outside
        // the repository.
        let walksContent = content != ".." && !content.hasPrefix("../")
        let listings = Concurrent { () -> [Result<[UInt8]?, GitError>] in
            ParallelGit.run(git, [
                ["diff", "--name-only", "-z", "--no-renames", "--relative", commit, "--"],
                ["ls-files", "--others", "-z", "--"] + (walksContent ? [] : [content]) + [schemas, houseRules, "pathc.yaml"],
            ])
        }
        let schemaSet = setup.schemas
        let cache = FactCache(folder: gitDirectory + "/pathc", fingerprint: "pathc \(PathcVersion.current) schemas \(schemaSet.fingerprint)")
        var snapshot = cache.load(tree: treeID, content: content)
        clock.lap("the fact cache (\(snapshot?.files.count ?? 0) files of tree \(treeID))")
        let outputs = listings.wait()
        guard let diff = try outputs[0].get() else { throw .failed("diff \(revision)") }
        guard let untracked = try outputs[1].get() else { throw .failed("ls-files") }
        var changed = Set(Git.names(diff) + Git.names(untracked))
        clock.lap("git's diff, after the cache")

        let changes = { () throws(GitError) -> ChangeSet in try ChangeSet.since(revision, root: root, config: self.setup.config) }
        // pathc.yaml, a schema or a house rule can change the findings of any file.
        if changed.contains(where: { $0 == "pathc.yaml" || ChangeSet.isInside($0, schemas) || ChangeSet.isInside($0, houseRules) }) {
            return Outcome(result: checker.run(setup, scope: nil), affected: nil)
        }

        // Every file at the revision with its facts: from the cache when it describes this tree;
        // else listed by git, the facts of blobs the cache knows reused, the others read once
        // from the working tree (unchanged files) or from git (changed ones).
        let order: (String) -> String = checker.currentDirectory == root ? { $0 } : { checker.display(root + "/" + $0) }
        var tree: [TreeEntry] = []
        if snapshot == nil {
            guard let treeBytes = try git.run(["ls-tree", "-r", "-z", commit, "--", content]),
                  let listed = Self.contentEntries(treeBytes, content: content) else {
                // A tree pathc cannot read blob by blob (a symbolic link or a submodule in the content folder).
                return try fullCheck(changes())
            }
            tree = listed
        }
        if snapshot == nil {
            var known = cache.loadBlobs()
            let missing = tree.filter { known[$0.blob] == nil && !changed.contains($0.path) }
            let facts = parallelMap(missing) { entry in
                (try? SourceFile.read(path: root + "/" + entry.path)).map { FileCheck.run(file: $0, schemas: schemaSet).facts } ?? FileFacts.none
            }
            for (entry, fact) in zip(missing, facts) { known[entry.blob] = fact }
            for entry in tree where known[entry.blob] == nil {
                let bytes = try git.run(["show", "\(commit):./\(entry.path)"]) ?? []
                known[entry.blob] = FileCheck.run(file: SourceFile(path: entry.path, bytes: bytes), schemas: schemaSet).facts
            }
            let files = tree.map { FactCache.Entry(path: $0.path, blob: $0.blob, facts: known[$0.blob]!) }
            let model = RepositoryFacts(files.map { ($0.path, $0.facts) }, order: order)
            let supported = model.supportedStrategies()
            let made = FactCache.Snapshot(
                tree: treeID, content: content, files: FactEntries(files),
                supportedStrategic: Set(model.all(.okr).filter { $0.facts.level == "strategic" && supported.contains($0.id) }.map(\.id)),
                hasCycles: !model.alignmentCycles().isEmpty, rubricLevels: model.rubricLevels())
            cache.save(made)
            snapshot = made
            clock.lap("facts: \(missing.count) files read")
        }
        let revisionState = snapshot!
        if walksContent {
            let folders = FolderCache(path: gitDirectory + "/pathc/folders", tree: treeID, content: content, root: root)
            changed.formUnion(folders.extraFiles { candidates in
                let all = Set(candidates)
                return all.subtracting(revisionState.files.indices(of: all).map(revisionState.files.path))
            })
            clock.lap("files not in the tree")
        }

        // Now: the unchanged files as at the revision, the changed ones read from the working tree.
        let isContent = { (path: String) in Self.isContentFile(path, content: content) }
        let changedContent = changed.filter(isContent).sorted()
        let changedAtRevision = revisionState.files.indices(of: changed)
        let before = changedAtRevision.map { (path: revisionState.files.path($0), facts: revisionState.files.facts($0)) }
        var now: [(path: String, facts: FileFacts)] = []
        for path in changedContent {
            var info = stat()
            if stat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let file = try? SourceFile.read(path: root + "/" + path) {
                now.append((path, FileCheck.run(file: file, schemas: schemaSet).facts))
            }
        }
        // The common edit rewords a file and leaves its facts as they were: then the model is the
        // revision's, and so is every answer that needs the whole repository; the files the
        // change affects come from two scans of the cached entries, none of them decoded but the
        // affected ones.
        let sameFacts = !revisionState.hasCycles && now.count == changedContent.count && before.count == now.count
            && zip(now, before.sorted { $0.path < $1.path }).allSatisfy { $0.path == $1.path && $0.facts == $1.facts }
        var scope: Checker.Scope
        let affected: Set<String>
        if sameFacts {
            (scope, affected) = Self.unchangedFacts(revisionState, changedAtRevision: changedAtRevision, changedContent: changedContent,
                                                   root: root)
            clock.lap("no facts changed: \(affected.count) affected files, \(scope.paths.count) to read")
        } else {
            let files = revisionState.files.all()
            var unchanged: [(path: String, facts: FileFacts)] = []
            unchanged.reserveCapacity(files.count)
            for entry in files where !changed.contains(entry.path) { unchanged.append((entry.path, entry.facts)) }
            let modelNow = RepositoryFacts(unchanged + now, order: order)
            clock.lap("model now")

            let cyclesBefore = revisionState.hasCycles ? RepositoryFacts(files.map { ($0.path, $0.facts) }, order: order).alignmentCycles() : []
            let previous = ChangeImpact.Before(rubricLevels: revisionState.rubricLevels, supportedStrategies: revisionState.supportedStrategic,
                                               cycles: cyclesBefore)
            guard let impact = ChangeImpact.of(now: now, before: before, modelNow: modelNow,
                                               changedNow: Array(unchanged.count..<modelNow.files.count), previous: previous) else {
                return Outcome(result: checker.run(setup, scope: nil), affected: nil)
            }
            clock.lap("repository-wide answers")
            let affectedFiles = impact.affected
            let context = impact.context
            let readable = context.map { modelNow.files[$0].path }
            // Changed files that are gone have no findings, but they are what changed.
            affected = Set(affectedFiles.map { modelNow.files[$0].path }).union(changedContent)
            clock.lap("\(affected.count) affected files, \(readable.count) to read")
            scope = Checker.Scope(paths: readable.sorted().map { root + "/" + $0 },
                                  fileCount: modelNow.files.count, knownIDs: KnownIDs { modelNow.knownIDs() },
                                  answers: impact.answers)
        }
        // Only the affected files' findings are reported: the others are read for what they need.
        scope.reportedPaths = Set(affected.map { checker.display(root + "/" + $0) })
        return Outcome(result: checker.run(setup, scope: scope), affected: affected)
    }

    /// The scope when no changed file's facts changed: the changed files; the files that look up
    /// an id one of them defines, and the other files with that id; the files defining what they
    /// look up (as `ChangeImpact.affected` gives, with no id gone or new); and the files those need. Every
    /// repository-wide answer is the revision's.
    static func unchangedFacts(_ revision: FactCache.Snapshot, changedAtRevision: [Int], changedContent: [String],
                               root: String) -> (scope: Checker.Scope, affected: Set<String>) {
        let files = revision.files
        var defined: Set<String> = []
        var referenced: Set<String> = []
        for index in changedAtRevision {
            let facts = files.facts(index)
            if let entity = facts.entity { defined.insert(entity.id) }
            referenced.formUnion(facts.lookups)
        }
        let definedOrReferenced = defined.union(referenced)
        let definedIDs = defined
        var affectedFiles = Set(changedAtRevision)
        affectedFiles.formUnion(matching(files) { index in
            files.looksUp(index, anyOf: definedIDs) || files.entityID(index).map(definedOrReferenced.contains) == true
        })
        var needed: Set<String> = []
        for index in affectedFiles {
            let facts = files.facts(index)
            if let entity = facts.entity { needed.insert(entity.id) }
            needed.formUnion(facts.lookups)
        }
        let neededIDs = needed
        var context = affectedFiles
        // As `ChangeImpact.context`: the files they need, and the files without an entity.
        context.formUnion(matching(files) { files.entityID($0).map(neededIDs.contains) ?? true })
        let affected = Set(affectedFiles.map(files.path)).union(changedContent)
        let scope = Checker.Scope(
            paths: context.map(files.path).sorted().map { root + "/" + $0 }, fileCount: files.count,
            knownIDs: KnownIDs { RepositoryFacts(files.all().map { ($0.path, $0.facts) }).knownIDs() },
            answers: RepositoryAnswers(cycles: [], rubricLevels: revision.rubricLevels, supportedStrategies: revision.supportedStrategic))
        return (scope, affected)
    }

    /// The entries `test` holds for, tested on all cores.
    private static func matching(_ files: FactEntries, _ test: @Sendable (Int) -> Bool) -> [Int] {
        parallelRuns(files.count) { run in run.filter(test) }
    }

    /// The old way, for trees the facts cannot describe: the full check, reported on the files
    /// the change set names.
    private func fullCheck(_ changes: ChangeSet) -> Outcome {
        let result = checker.run(setup, scope: nil)
        return Outcome(result: result, affected: changes.affectedFiles(in: result.model) { checker.rootRelative($0.file.path) })
    }

    /// Regular content files at the revision; nil when the content folder holds a symbolic link
    /// or a submodule.
    static func contentEntries(_ bytes: [UInt8], content: String) -> [TreeEntry]? {
        var entries: [TreeEntry] = []
        var start = 0
        while start < bytes.count {
            // "<mode> <type> <object>\t<path>\0"
            var end = start
            while end < bytes.count, bytes[end] != 0 { end += 1 }
            defer { start = end + 1 }
            var tab = start
            while tab < end, bytes[tab] != 0x09 { tab += 1 }
            var objectStart = tab
            while objectStart > start, bytes[objectStart - 1] != 0x20 { objectStart -= 1 }
            guard tab < end, objectStart > start else { return nil }
            let path = String(decoding: bytes[(tab + 1)..<end], as: UTF8.self)
            guard isContentFile(path, content: content) else { continue }
            // Regular files only (100644, 100755): not a symbolic link (120000) or a submodule (160000).
            guard bytes[start] == UInt8(ascii: "1"), bytes[start + 1] == UInt8(ascii: "0") else { return nil }
            entries.append(TreeEntry(path: path, blob: String(decoding: bytes[objectStart..<tab], as: UTF8.self)))
        }
        return entries
    }

    /// A file the full check reads: a `.yaml` or `.yml` under the content folder, no part of its
    /// path below the folder hidden.
    static func isContentFile(_ path: String, content: String) -> Bool {
        guard ChangeSet.isYAML(path), ChangeSet.isInside(path, content) else { return false }
        let below = content == "." ? Substring(path) : path.dropFirst(content.count + 1)
        return !below.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

/// Several git commands at once, each on its own thread.
enum ParallelGit {
    static func run(_ git: Git, _ commands: [[String]]) -> [Result<[UInt8]?, GitError>] {
        let results = Locked([Result<[UInt8]?, GitError>](repeating: .success(nil), count: commands.count))
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let outcome = Result { () throws(GitError) -> [UInt8]? in try git.run(commands[index]) }
            results.withLock { $0[index] = outcome }
        }
        return results.withLock { $0 }
    }
}
