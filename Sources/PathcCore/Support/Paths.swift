import Foundation

/// File-system paths: absolute and relative forms, and the content files under a folder.
enum Paths {
    static func absolute(_ path: String, from base: String) -> String {
        let joined = path.hasPrefix("/") ? path : base + "/" + path
        return normalized(joined)
    }

    /// Removes `.` and `..` segments and repeated slashes, without touching the file system.
    static func normalized(_ path: String) -> String {
        // Already normal, the common case (every content file's path): no splitting.
        if path.utf8.first == UInt8(ascii: "/"), path.utf8.count == 1 || path.utf8.last != UInt8(ascii: "/"),
           !hasDotOrEmptySegment(path) {
            return path
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `path` relative to `base`, with `..` where needed.
    static func relative(_ path: String, from base: String) -> String {
        // The common case, a path inside the base: no splitting needed.
        if path.hasPrefix(base), path.utf8.count > base.utf8.count + 1, !Self.hasDotOrEmptySegment(path) {
            let rest = path.dropFirst(base.count)
            if rest.hasPrefix("/") { return String(rest.dropFirst()) }
            if base.hasSuffix("/") { return String(rest) }
        }
        let target = normalized(path).split(separator: "/")
        let origin = normalized(base).split(separator: "/")
        var common = 0
        while common < target.count, common < origin.count, target[common] == origin[common] { common += 1 }
        let ups = Array(repeating: "..", count: origin.count - common)
        let rest = target[common...].map(String.init)
        let joined = (ups + rest).joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// `/.`, `/..` or `//` somewhere in the path (checked on bytes: no Foundation in the hot path).
    private static func hasDotOrEmptySegment(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/") && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")) { return true }
            previous = byte
        }
        return false
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// What a walk of the content folder found: the content files, sorted, and the symbolic
    /// links it did not follow, each with why.
    struct ContentWalk {
        var files: [String] = []
        var skipped: [(path: String, reason: String)] = []
    }

    /// Every `.yaml` and `.yml` file below `folder`, sorted, skipping hidden files and folders.
    /// Symbolic links to folders are not followed, so a link cannot lead the walk outside the
    /// tree (nor round in a loop); a link to a file is followed only when the file it names is
    /// inside `boundary` (the repository), so a pull request cannot publish, or print in a
    /// diagnostic, a file from elsewhere on the machine.
    static func contentFiles(under folder: String, boundary: String) -> ContentWalk {
        var walk = ContentWalk()
        let realBoundary = realPath(boundary) ?? boundary
        // Level by level, the folders of each level read on all cores: a large repository keeps
        // its files in a thousand folders of a hundred.
        var frontier = [folder]
        while !frontier.isEmpty {
            let listings = parallelMap(frontier, chunk: 1) { listing(of: $0, realBoundary: realBoundary) }
            frontier = []
            for listing in listings {
                walk.files += listing.files
                walk.skipped += listing.skipped
                frontier += listing.folders
            }
        }
        walk.files = parallelSorted(walk.files, by: <)
        walk.skipped.sort { $0.path < $1.path }
        return walk
    }

    private struct FolderListing: Sendable {
        var files: [String] = []
        var skipped: [(path: String, reason: String)] = []
        var folders: [String] = []
    }

    /// One folder's content files, skipped links and sub-folders, hidden names left out.
    private static func listing(of current: String, realBoundary: String) -> FolderListing {
        var listing = FolderListing()
        guard let directory = opendir(current) else { return listing }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = entryName(entry)
            if name.hasPrefix(".") { continue }
            let path = current + "/" + name
            // The entry's type comes with it on most file systems: no lstat per file.
            let type: mode_t
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): type = S_IFDIR
            case UInt8(DT_REG): type = S_IFREG
            case UInt8(DT_LNK): type = S_IFLNK
            default:
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                type = info.st_mode & S_IFMT
            }
            let isContent = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            if type == S_IFDIR {
                listing.folders.append(path)
            } else if type == S_IFLNK {
                var target = stat()
                let resolves = stat(path, &target) == 0
                if resolves && (target.st_mode & S_IFMT) == S_IFDIR {
                    listing.skipped.append((path, "a symbolic link to a folder; pathc does not follow links to folders"))
                } else if isContent {
                    if let real = realPath(path), !(real == realBoundary || real.hasPrefix(realBoundary + "/")) {
                        listing.skipped.append((path, "a symbolic link to '\(real)', outside the repository; pathc does not read it"))
                    } else {
                        // Inside the repository, or dangling or looping: reading it reports what is wrong.
                        listing.files.append(path)
                    }
                }
            } else if isContent {
                listing.files.append(path)
            }
        }
        return listing
    }

    /// Writes `text` to `path` in one step (a file beside it, then renamed over it), making its
    /// folder when missing. A cache's writer: failing (a read-only checkout) leaves the old file.
    static func replace(_ path: String, with text: String) {
        let folder = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else { return }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// The name of an entry `readdir` gave.
    static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    /// Whether `relative`, a folder named in pathc.yaml, stays inside `root` once joined to it and
    /// its symbolic links are resolved. A folder that does not exist yet is judged by its nearest
    /// existing parent, so that a link higher up cannot lead a future folder outside.
    static func staysInside(_ relative: String, root: String) -> Bool {
        guard !relative.isEmpty, !relative.hasPrefix("/"),
              !relative.split(separator: "/", omittingEmptySubsequences: false).contains("..") else { return false }
        guard let realRoot = realPath(root) else { return false }
        var candidate = normalized(root + "/" + relative)
        var missing: [String] = []
        while realPath(candidate) == nil, candidate.utf8.count > root.utf8.count {
            missing.append((candidate as NSString).lastPathComponent)
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        guard let resolved = realPath(candidate) else { return false }
        let full = missing.isEmpty ? resolved : resolved + "/" + missing.reversed().joined(separator: "/")
        return full == realRoot || full.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }

    /// Whether bytes read from a cache name a path as pathc writes them: relative, without `.`,
    /// `..` or empty segments, NUL or other control characters. A cache is untrusted input (a CI
    /// cache is restored from anywhere): a path that is not plain makes the whole file ignored.
    static func isPlainRelative(_ bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first, first != UInt8(ascii: "/") else { return false }
        var segmentLength = 0
        var dots = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return false }
            if byte == UInt8(ascii: "/") {
                if segmentLength == 0 || segmentLength == dots && dots <= 2 { return false }
                segmentLength = 0
                dots = 0
                continue
            }
            segmentLength += 1
            if byte == UInt8(ascii: ".") { dots += 1 }
        }
        return segmentLength > 0 && !(segmentLength == dots && dots <= 2)
    }

    /// The canonical path, links resolved; nil when it does not resolve.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
