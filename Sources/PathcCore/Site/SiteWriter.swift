import Foundation

public struct SiteWriteError: Error, Sendable {
    public let message: String
    public var help: String?

    init(message: String, help: String? = nil) {
        self.message = message
        self.help = help
    }
}

/// Writes a site so that nothing is lost: into a staging folder beside the target, which
/// replaces the target in one atomic exchange only when every file is written. It replaces only
/// a folder it created itself (marked with `.pathc-site`), creates every file new (never through
/// a symbolic link), and deletes nothing but its own staging and old sites. Builds of the same
/// target take turns: the second waits for the first to finish (a lock on the parent folder).
public final class SiteWriter: Sendable {
    public static let marker = ".pathc-site"
    /// The output folder, absolute.
    public let target: String
    let staging: String
    /// The parent folder, locked while this build writes.
    private let lock: FolderLock

    /// The target is a previous site of pathc's, whose unchanged files can be linked.
    let reusesPrevious: Bool

    private init(target: String, staging: String, lock: FolderLock) {
        self.target = target
        self.staging = staging
        self.lock = lock
        reusesPrevious = Self.isOwnSite(target)
    }

    deinit {
        lock.release()
    }

    /// A regular file (not a link) whose bytes are exactly these.
    static func fileEquals(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        // Compared a block at a time through one small buffer: no allocation the size of the file.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65536) { buffer in
            bytes.withUnsafeBufferPointer { expected in
                var offset = 0
                while offset < expected.count {
                    let count = read(fd, buffer.baseAddress!, min(buffer.count, expected.count - offset))
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
                return true
            }
        }
    }

    /// Checks that `target` may be written and makes the staging folder. `protected` are folders
    /// the site must neither be nor contain nor sit inside (the content, the schemas, .git).
    public static func prepare(target rawTarget: String, root: String, protected: [String]) throws -> SiteWriter {
        let target = Paths.normalized(rawTarget)
        func refuse(_ why: String, _ help: String = "set another folder with --out or 'output' in pathc.yaml") -> SiteWriteError {
            SiteWriteError(message: "refusing to write the site to '\(target)': \(why)", help: help)
        }
        if target == "/" { throw refuse("that is the file system's root") }
        if target == root { throw refuse("that is the repository root") }
        if root.hasPrefix(target + "/") { throw refuse("that folder holds the repository") }
        for folder in protected {
            let folder = Paths.normalized(folder)
            if target == folder || target.hasPrefix(folder + "/") || folder.hasPrefix(target + "/") {
                throw refuse("that folder is or holds '\(Paths.relative(folder, from: root))', which pathc reads and must not replace")
            }
        }
        var info = stat()
        if lstat(target, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFLNK { throw refuse("it is a symbolic link") }
            if type != S_IFDIR { throw refuse("it is not a folder") }
            if !isOwnSite(target) {
                throw refuse("the folder was not created by pathc (it has no \(marker) file)",
                             isEmptyFolder(target) ? "remove the empty folder, or choose another with --out"
                                 : "move its contents away, or choose another folder with --out")
            }
        }
        let parent = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw refuse("its parent folder cannot be created")
        }
        // Another build of the same folder finishes first: its staging folder is live, not a leftover.
        guard let lock = FolderLock(parent) else {
            throw refuse("another build of it has been running for \(FolderLock.patience) seconds",
                         "wait for that build to end, or stop it")
        }
        if lstat(target, &info) == 0, !isOwnSite(target) {
            lock.release()
            throw refuse("another program created the folder while pathc waited for its turn")
        }
        removeLeftovers(in: parent, name: name)
        let staging = parent + "/.\(name).pathc-tmp-\(getpid())"
        if isOwnSite(staging) { removeTree(staging) }
        guard mkdir(staging, 0o755) == 0 else {
            let reason = String(cString: strerror(errno))
            lock.release()
            throw SiteWriteError(message: "cannot create the staging folder '\(staging)': \(reason)",
                                 help: "check that the output's parent folder is writable")
        }
        let writer = SiteWriter(target: target, staging: staging, lock: lock)
        // The marker comes first, so that a build killed part-way leaves a staging folder the
        // next build recognises as its own and removes.
        try writer.write(marker, Array("pathc \(PathcVersion.current)\n".utf8))
        for folder in SiteBuilder.folders {
            guard mkdir(staging + "/" + folder, 0o755) == 0 else {
                writer.abandon()
                throw SiteWriteError(message: "cannot create '\(folder)' in the staging folder: \(String(cString: strerror(errno)))")
            }
        }
        return writer
    }

    /// Writes one new file into the staging folder. `path` is made by pathc from safe names.
    /// A file the previous site already holds byte for byte is linked, not written again: a
    /// rebuild costs what changed, and the old site stays whole until the swap.
    func write(_ path: String, _ bytes: [UInt8]) throws {
        if reusesPrevious, Self.fileEquals(target + "/" + path, bytes), link(target + "/" + path, staging + "/" + path) == 0 { return }
        let fd = try create(path)
        defer { close(fd) }
        try Self.writeAll(fd, bytes, path: path)
    }

    /// A new file of the staging folder, never through a link.
    private func create(_ path: String) throws -> Int32 {
        let fd = open(staging + "/" + path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SiteWriteError(message: "cannot create '\(path)' in the staging folder: \(String(cString: strerror(errno)))")
        }
        return fd
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw SiteWriteError(message: "cannot write '\(path)': \(String(cString: strerror(errno)))",
                                     help: "check the free space of the output's file system")
            }
            offset += written
        }
    }

    /// Opens a new file of the staging folder to be written in pieces: a document too large to
    /// hold in memory at once (site.json). Always written anew, never linked.
    func stream(_ path: String) throws -> Stream {
        Stream(fd: try create(path), path: path)
    }

    /// A file being written in pieces, through a buffer of a megabyte.
    final class Stream {
        private var fd: Int32
        let path: String
        private var buffer: [UInt8] = []
        private(set) var count = 0

        fileprivate init(fd: Int32, path: String) {
            self.fd = fd
            self.path = path
            buffer.reserveCapacity(Self.bufferSize)
        }

        private static let bufferSize = 1 << 20

        /// Small pieces are gathered in the buffer; a piece of its size or more goes straight through.
        func append(_ bytes: [UInt8]) throws {
            count += bytes.count
            if buffer.count + bytes.count > Self.bufferSize { try flush() }
            if bytes.count >= Self.bufferSize {
                try SiteWriter.writeAll(fd, bytes, path: path)
            } else {
                buffer.append(contentsOf: bytes)
            }
        }

        private func flush() throws {
            try SiteWriter.writeAll(fd, buffer, path: path)
            buffer.removeAll(keepingCapacity: true)
        }

        /// Writes what is buffered and closes the file.
        func close() throws {
            try flush()
            Foundation.close(fd)
            fd = -1
        }

        deinit {
            if fd >= 0 { Foundation.close(fd) }
        }
    }

    /// Puts the finished site in place of the previous one in one step.
    public func commit() throws {
        var info = stat()
        let exists = lstat(target, &info) == 0
        defer { lock.release() }
        if exists && !Self.isOwnSite(target) {
            abandon()
            throw SiteWriteError(message: "refusing to replace '\(target)': another program created it during the build",
                                 help: "move it away, or choose another folder with --out")
        }
        if !exists {
            if rename(staging, target) == 0 { return }
            let reason = String(cString: strerror(errno))
            abandon()
            throw SiteWriteError(message: "cannot move the new site into '\(target)': \(reason)")
        }
        if Self.exchange(staging, target) {
            // The staging name now holds the previous site.
            var clock = PhaseClock()
            Self.removeTree(staging)
            clock.lap("remove the previous site")
            return
        }
        // Without an atomic exchange: move the old site aside, the new one in, then drop the old.
        let old = staging.replacingOccurrences(of: ".pathc-tmp-", with: ".pathc-old-")
        guard rename(target, old) == 0 else {
            abandon()
            throw SiteWriteError(message: "cannot replace '\(target)': \(String(cString: strerror(errno)))")
        }
        guard rename(staging, target) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(old, target)
            abandon()
            throw SiteWriteError(message: "cannot move the new site into '\(target)': \(reason)")
        }
        Self.removeTree(old)
    }

    /// Removes a folder of pathc's (a previous site, now under the staging name) with its
    /// sub-folders emptied on all cores. Links are removed, never followed.
    static func removeTree(_ folder: String) {
        var subfolders: [String] = []
        for child in folders(in: folder) {
            subfolders.append(child)
            subfolders += folders(in: child)
        }
        // The deepest folders first, so each worker empties a folder of plain files.
        _ = parallelMap(subfolders.sorted { $0.count > $1.count }, chunk: 1) { path in
            guard let directory = opendir(path) else { return 0 }
            defer { closedir(directory) }
            let fd = dirfd(directory)
            var removed = 0
            while let entry = readdir(directory) {
                let name = Paths.entryName(entry)
                if name == "." || name == ".." || entry.pointee.d_type == UInt8(DT_DIR) { continue }
                if unlinkat(fd, name, 0) == 0 { removed += 1 }
            }
            return removed
        }
        // Then the rest but the marker, the marker, and the folder: a build killed part-way
        // through leaves a folder that the next one still knows for its own and removes.
        let marker = folder + "/" + Self.marker
        if let rest = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            for name in rest where name != Self.marker { try? FileManager.default.removeItem(atPath: folder + "/" + name) }
        }
        unlink(marker)
        rmdir(folder)
    }

    /// The folders directly inside `folder` (never a link to one), found from the directory's
    /// entry types: a site's folders hold thousands of files that need no `lstat` each.
    private static func folders(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = Paths.entryName(entry)
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            switch entry.pointee.d_type {
            case UInt8(DT_DIR): found.append(path)
            case UInt8(DT_UNKNOWN):
                var info = stat()
                if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { found.append(path) }
            default: break
            }
        }
        return found
    }

    /// Removes the staging folder after a failure; the previous site is untouched.
    public func abandon() {
        if Self.isOwnSite(staging) { Self.removeTree(staging) }
        lock.release()
    }

    static func isOwnSite(_ folder: String) -> Bool {
        var info = stat()
        return lstat(folder + "/" + marker, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func isEmptyFolder(_ folder: String) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = Paths.entryName(entry)
            if name != "." && name != ".." { return false }
        }
        return true
    }

    /// Staging and old folders that killed builds left beside the target, each marked as pathc's.
    private static func removeLeftovers(in parent: String, name: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).pathc-tmp-") || entry.hasPrefix(".\(name).pathc-old-") {
            let path = parent + "/" + entry
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            if isOwnSite(path) {
                removeTree(path)
            } else {
                // Killed between making the staging folder and marking it: empty, or not pathc's to remove.
                rmdir(path)
            }
        }
    }

    /// Linux's renameat2 with RENAME_EXCHANGE: swaps two paths atomically. Looked up at run
    /// time, since the C library may not have it (then the caller falls back to two renames).
    private static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }
}

/// An exclusive lock on a folder (`flock` on the open folder), so that two builds writing beside
/// each other take turns. Released by `release()` or when the process ends.
final class FolderLock: Sendable {
    /// How long a build waits for another of the same folder before it gives up, in seconds.
    static let patience = 600
    /// The open folder while the lock is held; -1 once released (or when it could not be opened).
    private let descriptor: Locked<Int32>

    /// Waits for the lock; nil when the other build holds it longer than `patience`. A folder
    /// that cannot be opened is not locked (the build then fails on it with a clearer message).
    init?(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        descriptor = Locked(fd)
        guard fd >= 0 else { return }
        let deadline = Date().addingTimeInterval(TimeInterval(Self.patience))
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR, Date() < deadline else {
                Foundation.close(fd)
                return nil
            }
            usleep(20_000)
        }
    }

    func release() {
        descriptor.withLock { fd in
            if fd >= 0 { Foundation.close(fd) }
            fd = -1
        }
    }
}
