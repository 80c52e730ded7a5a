import Foundation

/// The content files on disk that the revision's tree does not hold (untracked, or added since),
/// found without reading every folder: a folder's modification time changes whenever an entry is
/// added, removed or renamed in it, so a folder whose time (and inode) is as recorded holds the
/// same names as when it was last read. The record, `.git/pathc/folders`, never committed, holds
/// each folder of the content folder with its time and the names it held that the tree did not;
/// it describes one tree of one content folder, and is rewritten when a folder is read again. A
/// folder read within two seconds of its last change is read again every time until it settles:
/// a change in the same tick of the file system's clock would not have moved its time.
///
/// `git ls-files --others` reads every folder and looks each name up in the index; at 100,000
/// files that is about as long as the rest of `check --since` together.
struct FolderCache {
    let path: String
    /// The tree the record's names were compared with.
    let tree: String
    /// The content folder, relative to the root ("." for the root itself).
    let content: String
    let root: String

    /// A folder as last read.
    private struct Record {
        var modified: timespec
        var inode: UInt64
        /// The folder had last changed two seconds or more before it was read: a change in the
        /// same tick of the file system's clock as the reading cannot hide behind its time.
        var settled: Bool
        /// The content files in it that the tree does not hold, by name.
        var extra: [String]
    }

    /// What reading one folder found.
    private struct Listing: Sendable {
        let folder: String
        let modified: timespec
        let inode: UInt64
        var files: [String] = []
        var folders: [String] = []
    }

    /// The root-relative paths of the content files on disk that are not in the tree;
    /// `notInTree` says which of some root-relative paths the tree lacks.
    func extraFiles(notInTree: ([String]) -> Set<String>) -> [String] {
        // Taken before any folder is read: a folder that changed less than two seconds before it
        // is not settled, and is read again next time.
        let now = Self.clock()
        var records = load() ?? [:]
        var listings: [Listing] = []
        var frontier: [String] = []
        var kept: [String: Record] = [:]
        if records.isEmpty {
            frontier = [content]
        } else {
            for (folder, record) in records {
                var info = stat()
                guard lstat(absolute(folder), &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
                if info.modificationTime.tv_sec == record.modified.tv_sec, info.modificationTime.tv_nsec == record.modified.tv_nsec,
                   UInt64(info.st_ino) == record.inode, record.settled {
                    kept[folder] = record
                } else {
                    frontier.append(folder)
                }
            }
        }
        // Folders read again, and the new folders inside them, level by level on all cores.
        var read: Set<String> = []
        while !frontier.isEmpty {
            let found = parallelMap(frontier, chunk: 1) { listing(of: $0) }
            frontier = []
            for listing in found.compactMap({ $0 }) where read.insert(listing.folder).inserted {
                listings.append(listing)
                frontier += listing.folders.filter { kept[$0] == nil && !read.contains($0) }
            }
        }
        let candidates = listings.flatMap(\.files)
        let extra = candidates.isEmpty ? [] : notInTree(candidates)
        for listing in listings {
            kept[listing.folder] = Record(modified: listing.modified, inode: listing.inode,
                                          settled: listing.modified.tv_sec < now.tv_sec - 2, extra: listing.files.filter(extra.contains)
                .map { String(decoding: $0.utf8.dropFirst(listing.folder == "." ? 0 : listing.folder.utf8.count + 1), as: UTF8.self) })
        }
        if !listings.isEmpty || kept.count != records.count { save(kept) }
        records = kept
        return records.flatMap { folder, record in record.extra.map { folder == "." ? $0 : folder + "/" + $0 } }
    }

    private func absolute(_ folder: String) -> String { folder == "." ? root : root + "/" + folder }

    /// One folder's content files and sub-folders, root-relative, hidden names left out (as the
    /// full check's walk); its time read before its entries, so that a later change moves it.
    private func listing(of folder: String) -> Listing? {
        var info = stat()
        let path = absolute(folder)
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var listing = Listing(folder: folder, modified: info.modificationTime, inode: UInt64(info.st_ino))
        while let entry = readdir(directory) {
            let name = Paths.entryName(entry)
            if name.hasPrefix(".") { continue }
            let child = folder == "." ? name : folder + "/" + name
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var childInfo = stat()
                guard lstat(path + "/" + name, &childInfo) == 0 else { continue }
                type = childInfo.st_mode & S_IFMT == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
            }
            if type == UInt8(DT_DIR) {
                listing.folders.append(child)
            } else if ChangeSet.isYAML(name) {
                // A link is a file here, as git lists it.
                listing.files.append(child)
            }
        }
        return listing
    }

    private static func clock() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now
    }

    private var header: String { "pathc-folders 2 tree \(tree) \(FactRecord.escape(content))" }

    /// `<folder>\t<seconds>\t<nanoseconds>\t<inode>\t<settled: 0 or 1>\t<extra names, each led by 0x1F>` lines.
    private func load() -> [String: Record]? {
        guard FactCache.isReasonableFile(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(String.init) == header, lines.last == "" else { return nil }
        var records: [String: Record] = [:]
        for line in lines.dropFirst().dropLast() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 6, let seconds = Int(fields[1]), let nanoseconds = Int(fields[2]), let inode = UInt64(fields[3]),
                  fields[4] == "0" || fields[4] == "1" else {
                return nil
            }
            let folder = FactRecord.unescape(fields[0])
            let extra = fields[5].split(separator: "\u{1F}").map { FactRecord.unescape($0) }
            // Untrusted input: a folder inside the content folder, names without a slash.
            guard folder == content || (Paths.isPlainRelative(folder.utf8)
                                        && (content == "." || folder.hasPrefix(content + "/"))),
                  extra.allSatisfy({ Paths.isPlainRelative($0.utf8) && !$0.contains("/") }) else {
                return nil
            }
            records[folder] = Record(modified: timespec(tv_sec: seconds, tv_nsec: nanoseconds), inode: inode,
                                                            settled: fields[4] == "1", extra: extra)
        }
        return records
    }

    /// Replaces the record in one step; failing to (a read-only checkout) only costs the next run.
    private func save(_ records: [String: Record]) {
        var text = header + "\n"
        for folder in records.keys.sorted() {
            let record = records[folder]!
            text += "\(FactRecord.escape(folder))\t\(record.modified.tv_sec)\t\(record.modified.tv_nsec)\t\(record.inode)\t\(record.settled ? 1 : 0)\t"
                + record.extra.map { "\u{1F}" + FactRecord.escape($0) }.joined() + "\n"
        }
        Paths.replace(path, with: text)
    }
}
