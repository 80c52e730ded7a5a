import Foundation

/// What the site is built from, summed up by modification times: pathc.yaml, and every file and
/// folder under the content, schema and house-rule folders. Taking one is a walk that only
/// `lstat`s (no file is opened or read), so it notices an edit, a new, removed or renamed file
/// (also one replaced by an editor's atomic save: a new inode) on any platform, without a
/// file-system notification API.
struct SourceWatch {
    /// The files and folders watched, absolute: a folder is walked, a file is looked at.
    let paths: [String]
    /// A walk stops after this many entries, so that a look costs a bounded amount whatever the
    /// folders hold; a change to an entry past the cut is not seen.
    static let entryLimit = 500_000

    init(root: String, config: ProjectConfig) {
        var paths = [root + "/pathc.yaml", root + "/schemas"]
        for folder in [config.content, config.schemas, config.houseRules] {
            paths.append(Paths.absolute(folder, from: root))
        }
        var seen = Set<String>()
        self.paths = paths.filter { seen.insert($0).inserted }
    }

    /// A fingerprint of every watched entry's name, type, size, inode and modification time.
    /// Equal fingerprints: nothing the build reads has changed (to the nanosecond the file
    /// system keeps).
    func fingerprint() -> UInt64 {
        var hash = FNV1a64()
        var entries = 0
        for path in paths {
            add(path, to: &hash, entries: &entries)
        }
        return hash.value
    }

    private func add(_ path: String, to hash: inout FNV1a64, entries: inout Int) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            hash.add(path)
            hash.add([0])
            return
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            // A link to a file is read through (the check reads what it names); a link to a
            // folder is not followed, as the check does not follow it.
            var target = stat()
            if stat(path, &target) == 0, (target.st_mode & S_IFMT) != S_IFDIR { info = target }
        }
        record(path, info, into: &hash)
        entries += 1
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return }
        var folders = [path]
        while let folder = folders.popLast(), entries < Self.entryLimit {
            guard let directory = opendir(folder) else { continue }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = Paths.entryName(entry)
                // Hidden files and folders are not content (the check skips them too).
                if name.hasPrefix(".") { continue }
                names.append(name)
            }
            closedir(directory)
            // In name order, so that the same tree gives the same fingerprint.
            for name in names.sorted() where entries < Self.entryLimit {
                let child = folder + "/" + name
                var childInfo = stat()
                guard lstat(child, &childInfo) == 0 else { continue }
                if (childInfo.st_mode & S_IFMT) == S_IFLNK {
                    var target = stat()
                    if stat(child, &target) == 0, (target.st_mode & S_IFMT) != S_IFDIR { childInfo = target }
                }
                entries += 1
                record(child, childInfo, into: &hash)
                if (childInfo.st_mode & S_IFMT) == S_IFDIR { folders.append(child) }
            }
        }
    }

    private func record(_ path: String, _ info: stat, into hash: inout FNV1a64) {
        hash.add(path)
        let numbers: [UInt64] = [UInt64(info.st_mode), UInt64(bitPattern: Int64(info.st_size)), UInt64(info.st_ino),
                                 UInt64(bitPattern: Int64(info.modificationTime.tv_sec)),
                                 UInt64(bitPattern: Int64(info.modificationTime.tv_nsec))]
        for number in numbers {
            withUnsafeBytes(of: number.littleEndian) { hash.add($0) }
        }
    }
}
