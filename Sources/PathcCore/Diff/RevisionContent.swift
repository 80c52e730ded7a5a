import Foundation

/// The entities of a repository's content as they stand at one git revision, or in the working
/// tree: read with the repository's current schemas, so that two revisions are compared as the
/// same model. Files that do not parse or have no kind and id are counted, not compared.
public struct RevisionContent: Sendable {
    /// The revision as the user named it, or nil for the working tree.
    public let revision: String?
    /// The commit it names, abbreviated; nil for the working tree.
    public let commit: String?
    public let entities: [Entity]
    /// Content files that gave no entity (a syntax error, no kind or no id).
    public let unreadable: [String]

    /// The largest content file read from a revision, as from disk.
    static let fileLimit = 16 << 20

    /// Reads the content folder as committed at `revision`.
    static func at(_ revision: String, root: String, contentFolder: String, schemas: SchemaSet) throws(GitError) -> RevisionContent {
        let git = Git(folder: root)
        guard let top = try git.run(["rev-parse", "--show-toplevel"]) else { throw .notARepository(root) }
        let topLevel = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let resolved = try git.run(["rev-parse", "--verify", "--quiet", revision + "^{commit}"]) else { throw .unknownRevision(revision) }
        let commit = String(decoding: resolved, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        // The content folder as git names it: relative to the top of the work tree.
        let physicalTop = (Paths.realPath(topLevel) ?? topLevel)
        let folder = Paths.relative(Paths.realPath(contentFolder) ?? contentFolder, from: physicalTop)
        guard let listing = try git.run(["ls-tree", "-r", "-l", "-z", commit, "--", folder == "." ? "" : folder]) else {
            throw .failed("ls-tree -r \(revision)")
        }
        // "<mode> <type> <object> <size>\t<path>", NUL-separated.
        var blobs: [(object: String, path: String)] = []
        var unreadable: [String] = []
        for entry in listing.split(separator: 0) {
            guard let tab = entry.firstIndex(of: 0x09) else { continue }
            let fields = entry[entry.startIndex..<tab].split(separator: 0x20)
            let path = String(decoding: entry[(tab + 1)...], as: UTF8.self)
            guard fields.count == 4, fields[1].elementsEqual("blob".utf8), !fields[0].elementsEqual("120000".utf8),
                  path.hasSuffix(".yaml") || path.hasSuffix(".yml"),
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            if let size = Int(String(decoding: fields[3], as: UTF8.self)), size > fileLimit {
                unreadable.append(path)
                continue
            }
            blobs.append((String(decoding: fields[2], as: UTF8.self), path))
        }
        let contents = try git.catFile(blobs.map(\.object))
        let files = zip(blobs, contents).map { blob, bytes in
            SourceFile(path: "\(revision):\(blob.path)", bytes: bytes ?? [])
        }
        let outcomes = parallelMap(files) { FileCheck.run(file: $0, schemas: schemas) }
        var entities: [Entity] = []
        for (file, outcome) in zip(files, outcomes) {
            if let entity = outcome.entity { entities.append(entity) } else { unreadable.append(file.path) }
        }
        return RevisionContent(revision: revision, commit: String(commit.prefix(12)), entities: entities, unreadable: unreadable)
    }

    /// Reads the content folder as it is on disk.
    static func workingTree(contentFolder: String, root: String, schemas: SchemaSet, display: @Sendable (String) -> String) -> RevisionContent {
        let walk = Paths.contentFiles(under: contentFolder, boundary: root)
        let outcomes = parallelMap(walk.files) { FileCheck.run(path: $0, displayPath: display($0), schemas: schemas) }
        var entities: [Entity] = []
        var unreadable: [String] = []
        for (path, outcome) in zip(walk.files, outcomes) {
            if let entity = outcome.entity { entities.append(entity) } else { unreadable.append(display(path)) }
        }
        return RevisionContent(revision: nil, commit: nil, entities: entities, unreadable: unreadable)
    }

    /// How a report names it: "v1 (1a2b3c4d5e6f)", or "the working tree".
    public var name: String {
        guard let revision else { return "the working tree" }
        guard let commit, !commit.hasPrefix(revision) else { return revision }
        return "\(revision) (\(commit))"
    }
}

extension Git {
    /// The contents of each object, in order, read by one `git cat-file --batch`; nil for an
    /// object git does not have. The object names are written from another thread, so that
    /// neither git nor pathc can wait on a full pipe.
    func catFile(_ objects: [String]) throws(GitError) -> [[UInt8]?] {
        guard !objects.isEmpty else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "cat-file", "--batch"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .notInstalled }
        let request = Data(objects.joined(separator: "\n").appending("\n").utf8)
        let writer = input.fileHandleForWriting
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? writer.write(contentsOf: request)
            try? writer.close()
            done.signal()
        }
        let data = [UInt8](output.fileHandleForReading.readDataToEndOfFile())
        done.wait()
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw .notInstalled }
        guard process.terminationStatus == 0 else { throw .failed("cat-file --batch") }
        // Each answer: "<object> blob <size>\n<bytes>\n", or "<object> missing\n".
        var results: [[UInt8]?] = []
        var index = 0
        while results.count < objects.count, index < data.count {
            guard let newline = data[index...].firstIndex(of: 0x0A) else { break }
            let header = data[index..<newline].split(separator: 0x20)
            index = newline + 1
            guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)), size >= 0,
                  index + size <= data.count else {
                results.append(nil)
                continue
            }
            results.append(Array(data[index..<(index + size)]))
            index += size + 1
        }
        while results.count < objects.count { results.append(nil) }
        return results
    }
}
