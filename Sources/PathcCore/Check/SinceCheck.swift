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

        let revisions = ParallelGit.run(git, [
            ["rev-parse", "--verify", "--quiet", commit],
            // The content folder's tree at the revision: when the cache describes it, no listing is needed.
            ["rev-parse", "--verify", "--quiet", content == "." ? revision + "^{tree}" : "\(commit):./\(content)"],
        ])
        guard try revisions[0].get() != nil else { throw .unknownRevision(revision) }
        let treeID = try revisions[1].get().map { String(decoding: $0, as: UTF8.self).trimmingWhitespace } ?? "none"

        // The diff stats every tracked file and ls-files reads every folder: they run while the
        // fact cache loads.
        let listings = Concurrent { () -> [Result<[UInt8]?, GitError>] in
            ParallelGit.run(git, [
                ["diff", "--name-only", "-z", "--no-renames", "--relative", commit, "--"],
                // Untracked files, ignored ones included: the full check reads every file in the content folder.
                ["ls-files", "--others", "-z", "--", content, schemas, "pathc.yaml"],
            ])
        }
        let schemaSet = setup.schemas
        let cache = FactCache(folder: gitDirectory + "/pathc", fingerprint: "pathc \(PathcVersion.current) schemas \(schemaSet.fingerprint)")
        var snapshot = cache.load(tree: treeID, content: content)
        let outputs = listings.wait()
        guard let diff = try outputs[0].get() else { throw .failed("diff \(revision)") }
        guard let untracked = try outputs[1].get() else { throw .failed("ls-files") }
        let changed = Set(Git.names(diff) + Git.names(untracked))
        clock.lap("git and the fact cache (\(snapshot?.files.count ?? 0) files of tree \(treeID))")

        let changes = { () throws(GitError) -> ChangeSet in try ChangeSet.since(revision, root: root, config: self.setup.config) }
        if changed.contains(where: { $0 == "pathc.yaml" || ChangeSet.isInside($0, schemas) }) {
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
                (try? SourceFile.read(path: root + "/" + entry.path)).map { FileFacts.of($0, schemas: schemaSet) } ?? FileFacts()
            }
            for (entry, fact) in zip(missing, facts) { known[entry.blob] = fact }
            for entry in tree where known[entry.blob] == nil {
                let bytes = try git.run(["show", "\(commit):./\(entry.path)"]) ?? []
                known[entry.blob] = FileFacts.of(SourceFile(path: entry.path, bytes: bytes), schemas: schemaSet)
            }
            let files = tree.map { FactCache.Entry(path: $0.path, blob: $0.blob, facts: known[$0.blob]!) }
            let model = FactsModel(files.map { ($0.path, $0.facts) }, order: order)
            let supported = model.supportedStrategies()
            let made = FactCache.Snapshot(
                tree: treeID, content: content, files: files,
                supportedStrategic: Set(model.all(.okr).filter { $0.facts.level == "strategic" && supported.contains($0.id) }.map(\.id)),
                hasCycles: !model.alignmentCycles().isEmpty, rubricLevels: model.rubricLevels())
            cache.save(made)
            snapshot = made
            clock.lap("facts: \(missing.count) files read")
        }
        let revisionState = snapshot!

        // Now: the unchanged files as at the revision, the changed ones read from the working tree.
        let isContent = { (path: String) in Self.isContentFile(path, content: content) }
        let changedContent = changed.filter(isContent).sorted()
        var before: [(path: String, facts: FileFacts)] = []
        var changedAtRevision: [Int] = []
        for (index, entry) in revisionState.files.enumerated() where changed.contains(entry.path) {
            before.append((entry.path, entry.facts))
            changedAtRevision.append(index)
        }
        var now: [(path: String, facts: FileFacts)] = []
        for path in changedContent {
            var info = stat()
            if stat(root + "/" + path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, let file = try? SourceFile.read(path: root + "/" + path) {
                now.append((path, FileFacts.of(file, schemas: schemaSet)))
            }
        }
        // The common edit rewords a file and leaves its facts as they were: then the model is the
        // revision's, and so is every answer that needs the whole repository.
        let sameFacts = !revisionState.hasCycles && now.count == changedContent.count && before.count == now.count
            && zip(now, before.sorted { $0.path < $1.path }).allSatisfy { $0.path == $1.path && $0.facts == $1.facts }
        let modelNow: FactsModel
        /// The changed files that exist now, by their index in `modelNow`.
        let changedNow: [Int]
        if sameFacts {
            modelNow = FactsModel(revisionState.files.map { ($0.path, $0.facts) }, order: order)
            changedNow = changedAtRevision
        } else {
            var unchanged: [(path: String, facts: FileFacts)] = []
            unchanged.reserveCapacity(revisionState.files.count)
            for entry in revisionState.files where !changed.contains(entry.path) { unchanged.append((entry.path, entry.facts)) }
            modelNow = FactsModel(unchanged + now, order: order)
            changedNow = Array(unchanged.count..<modelNow.files.count)
        }
        clock.lap("model now")

        var rubricLevels = revisionState.rubricLevels
        var cycles: [[String]] = []
        var cyclesBefore: [[String]] = []
        var supported = revisionState.supportedStrategic
        if !sameFacts {
            let touchesRubrics = (now + before).contains { $0.facts.entity?.kind == .rubric }
            rubricLevels = touchesRubrics ? modelNow.rubricLevels() : revisionState.rubricLevels
            if rubricLevels != revisionState.rubricLevels {
                // A rubric level counts as a standard in every statement: any finding may change.
                return Outcome(result: checker.run(setup, scope: nil), affected: nil)
            }
            let changedIDs = Set((now + before).compactMap { $0.facts.entity?.id })
            // Without cycles at the revision, a cycle now must pass through an OKR a changed file defines.
            let mayHaveCycles = revisionState.hasCycles || modelNow.cycleThrough(changedIDs)
            cycles = mayHaveCycles ? modelNow.alignmentCycles() : []
            cyclesBefore = revisionState.hasCycles
                ? FactsModel(revisionState.files.map { ($0.path, $0.facts) }, order: order).alignmentCycles() : []
            supported = modelNow.supportedStrategies()
        }
        clock.lap("repository-wide answers\(sameFacts ? ": the revision's, no facts changed" : "")")

        var affectedFiles = Self.affected(now: now, before: before, modelNow: modelNow, changedNow: changedNow)
        // The rule reads the support of strategic OKRs only: `supported` may hold the others or not.
        for index in modelNow.files.indices where !sameFacts {
            let facts = modelNow.files[index].facts
            guard facts.level == "strategic", let id = facts.entity?.id, modelNow.isWinner(index),
                  supported.contains(id) != revisionState.supportedStrategic.contains(id) else { continue }
            affectedFiles.insert(index)
        }
        for cycle in Set(cycles).symmetricDifference(Set(cyclesBefore)) {
            if let first = cycle.first { affectedFiles.formUnion(modelNow.definers(first)) }
        }
        // The files those need: every file with the same id as one of them, and every file
        // defining an id one of them looks up.
        var context = affectedFiles
        for index in affectedFiles {
            let facts = modelNow.files[index].facts
            for id in (facts.entity.map { [$0.id] } ?? []) + facts.lookups { context.formUnion(modelNow.definers(id)) }
        }
        let readable = context.map { modelNow.files[$0].path }
        // Changed files that are gone have no findings, but they are what changed.
        let affected = Set(affectedFiles.map { modelNow.files[$0].path }).union(changedContent)
        clock.lap("\(affected.count) affected files, \(readable.count) to read")
        let scope = Checker.Scope(paths: readable.sorted().map { root + "/" + $0 },
                                  fileCount: modelNow.files.count, knownIDs: KnownIDs { modelNow.knownIDs() }, cycles: cycles,
                                  rubricLevels: rubricLevels, supportedStrategies: supported)
        return Outcome(result: checker.run(setup, scope: scope), affected: affected)
    }

    /// The old way, for trees the facts cannot describe: the full check, reported on the files
    /// the change set names.
    private func fullCheck(_ changes: ChangeSet) -> Outcome {
        let result = checker.run(setup, scope: nil)
        return Outcome(result: result, affected: changes.affectedFiles(in: result.model) { checker.rootRelative($0.file.path) })
    }

    /// The files whose findings the change can alter: the changed files; the files that refer to
    /// an id a changed file defines, now or at the revision, and the other files with that id;
    /// the files defining what a changed file refers to; strategic OKRs whose support changed;
    /// OKRs that start an alignment cycle that appeared or went; and, when the ids of a kind
    /// changed, the files with an unknown reference of that kind (its suggestion may change).
    static func affected(now: [(path: String, facts: FileFacts)], before: [(path: String, facts: FileFacts)],
                         modelNow: FactsModel, changedNow: [Int]) -> Set<Int> {
        let changedFiles = Set(changedNow)
        var affected = changedFiles
        var defined: Set<String> = []
        var referenced: Set<String> = []
        for (_, facts) in now + before {
            if let entity = facts.entity { defined.insert(entity.id) }
            referenced.formUnion(facts.lookups)
        }
        // Ids are compared without their kinds here: a superset, and wrong-kind references count.
        for index in modelNow.files.indices where modelNow.files[index].facts.looksUp(anyOf: defined) { affected.insert(index) }
        for id in defined.union(referenced) { affected.formUnion(modelNow.definers(id)) }
        // Only a changed file can add an id to a kind or take one away; then the suggestion for an
        // unknown reference of that kind may change.
        var kinds: Set<EntityKind> = []
        for (_, facts) in now + before {
            guard let entity = facts.entity else { continue }
            let existsNow = modelNow.winnerIndex(entity.kind, entity.id) != nil
            let existedBefore = before.contains { $0.facts.entity == entity }
                || modelNow.definers(entity.id).contains { !changedFiles.contains($0) && modelNow.files[$0].facts.entity == entity }
            if existsNow != existedBefore { kinds.insert(entity.kind) }
        }
        if !kinds.isEmpty {
            for index in modelNow.files.indices where modelNow.files[index].facts.references.contains(where: {
                kinds.contains($0.kind) && modelNow.definers($0.id).isEmpty
            }) {
                affected.insert(index)
            }
        }
        return affected
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

extension FactsModel {
    /// Some OKR among `ids` reaches itself by following `aligned_to` upward.
    func cycleThrough(_ ids: Set<String>) -> Bool {
        for start in ids where winner(.okr, start) != nil {
            var seen: Set<String> = []
            var pending = winner(.okr, start)?.alignedToTexts ?? []
            while let next = pending.popLast() {
                if next == start { return true }
                guard seen.insert(next).inserted, let okr = winner(.okr, next) else { continue }
                pending += okr.alignedToTexts
            }
        }
        return false
    }
}

extension FileFacts {
    /// One of the file's look-ups is in `ids` (without building the list of look-ups).
    func looksUp(anyOf ids: Set<String>) -> Bool {
        references.contains { ids.contains($0.id) } || alignedTo.contains(where: ids.contains) || supports.contains(where: ids.contains)
            || competencies.contains(where: ids.contains) || drives.contains(where: ids.contains)
    }
}

/// Work started on another thread, whose result is waited for later.
final class Concurrent<Value: Sendable>: @unchecked Sendable {
    // Written once by the work before `done` is signalled, read only after the wait.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            value = work()
            done.signal()
        }
    }

    func wait() -> Value {
        done.wait()
        return value!
    }
}

/// Several git commands at once, each on its own thread.
enum ParallelGit {
    static func run(_ git: Git, _ commands: [[String]]) -> [Result<[UInt8]?, GitError>] {
        final class Box: @unchecked Sendable { var results: [Result<[UInt8]?, GitError>] = [] }
        let box = Box()
        box.results = Array(repeating: .success(nil), count: commands.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: commands.count) { index in
            let outcome = Result { () throws(GitError) -> [UInt8]? in try git.run(commands[index]) }
            lock.lock()
            box.results[index] = outcome
            lock.unlock()
        }
        return box.results
    }
}

/// The facts of every content file at a revision, in the git folder (`.git/pathc/facts`), never
/// committed: the tree they describe, each file's path, blob and facts, and the answers that need
/// every file (strategic OKRs with support, whether alignment has cycles, rubric levels). A blob's
/// facts depend on its bytes, the schemas and pathc, which the first line records; a cache
/// written by anything else is ignored. For another tree, the facts of the blobs it shares are
/// reused.
struct FactCache {
    let folder: String
    let fingerprint: String

    struct Entry {
        let path: String
        let blob: String
        let facts: FileFacts
    }

    struct Snapshot {
        var tree: String
        var content: String
        var files: [Entry]
        var supportedStrategic: Set<String>
        var hasCycles: Bool
        var rubricLevels: Set<String>
    }

    var path: String { folder + "/facts" }

    private var header: String { "pathc-facts 2 " + fingerprint }

    /// The snapshot, when the cache describes this tree of this content folder.
    func load(tree: String, content: String) -> Snapshot? {
        guard let (bytes, lines) = read(), lines.count >= 3, lines[0] == "tree \(tree) \(FileFacts.escape(content))" else { return nil }
        guard let entries = decode(bytes, from: lines.bodyStart) else { return nil }
        func set(_ line: String, _ prefix: String) -> Set<String>? {
            guard line.hasPrefix(prefix) else { return nil }
            return Set(line.dropFirst(prefix.count).split(separator: "\u{1F}").map { FileFacts.unescape($0) })
        }
        guard let supported = set(lines[1], "supported "), let levels = set(lines[3], "rubric-levels "),
              lines[2] == "cycles 0" || lines[2] == "cycles 1" else { return nil }
        return Snapshot(tree: tree, content: content, files: entries, supportedStrategic: supported, hasCycles: lines[2] == "cycles 1",
                        rubricLevels: levels)
    }

    /// The facts of every blob the cache knows, whatever tree it describes.
    func loadBlobs() -> [String: FileFacts] {
        guard let (bytes, lines) = read(), let entries = decode(bytes, from: lines.bodyStart) else { return [:] }
        var known: [String: FileFacts] = [:]
        for entry in entries { known[entry.blob] = entry.facts }
        return known
    }

    /// The file's bytes and its four header lines after the first.
    private func read() -> ([UInt8], Lines)? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var lines = Lines()
        var start = 0
        while lines.count < 5, let end = bytes[start...].firstIndex(of: 0x0A) {
            lines.all.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard lines.count == 5, lines.all[0] == header else { return nil }
        lines.all.removeFirst()
        lines.bodyStart = start
        return (bytes, lines)
    }

    struct Lines {
        var all: [String] = []
        var bodyStart = 0
        var count: Int { all.count }
        subscript(index: Int) -> String { all[index] }
    }

    /// "<path>\t<blob>\t<facts>" lines, decoded on all cores in chunks cut at line ends.
    private func decode(_ bytes: [UInt8], from start: Int) -> [Entry]? {
        var chunks: [Range<Int>] = []
        var chunkStart = start
        let size = max(1 << 16, bytes.count / 64)
        while chunkStart < bytes.count {
            var end = min(bytes.count, chunkStart + size)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            chunks.append(chunkStart..<end)
            chunkStart = end
        }
        let decoded = parallelMap(chunks, chunk: 1) { range -> [Entry]? in
            bytes.withUnsafeBufferPointer { buffer -> [Entry]? in
                var entries: [Entry] = []
                var lineStart = range.lowerBound
                for index in range where buffer[index] == 0x0A {
                    var first = lineStart
                    while first < index, buffer[first] != 0x09 { first += 1 }
                    var second = first + 1
                    while second < index, buffer[second] != 0x09 { second += 1 }
                    guard second < index, let facts = FileFacts(decoding: UnsafeBufferPointer(rebasing: buffer[(second + 1)..<index])) else {
                        return nil
                    }
                    let path = FileFacts.unescape(String(decoding: UnsafeBufferPointer(rebasing: buffer[lineStart..<first]), as: UTF8.self))
                    let blob = String(decoding: UnsafeBufferPointer(rebasing: buffer[(first + 1)..<second]), as: UTF8.self)
                    entries.append(Entry(path: path, blob: blob, facts: facts))
                    lineStart = index + 1
                }
                return entries
            }
        }
        var entries: [Entry] = []
        entries.reserveCapacity(decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        for chunk in decoded {
            guard let chunk else { return nil }
            entries += chunk
        }
        return entries
    }

    /// Writes a snapshot, replacing the file in one step. Failing to write (a read-only checkout)
    /// only makes the next run slower.
    func save(_ snapshot: Snapshot) {
        func list(_ items: Set<String>) -> String { items.sorted().map(FileFacts.escape).joined(separator: "\u{1F}") }
        var text = header + "\n" + "tree \(snapshot.tree) \(FileFacts.escape(snapshot.content))\n"
        text += "supported " + list(snapshot.supportedStrategic) + "\n"
        text += "cycles \(snapshot.hasCycles ? 1 : 0)\n"
        text += "rubric-levels " + list(snapshot.rubricLevels) + "\n"
        for entry in snapshot.files {
            text += FileFacts.escape(entry.path) + "\t" + entry.blob + "\t" + entry.facts.encoded() + "\n"
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/facts.\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }
}
