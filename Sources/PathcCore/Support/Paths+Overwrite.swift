import Foundation

extension Paths {
    /// Writes `bytes` over a user's file at `path` in one step: a file beside it with the same
    /// mode, then renamed over it (through a symbolic link, the file it names), so that a reader
    /// sees the old text or the new, never half of one. With `expected`, the file is written only
    /// if it still holds those bytes just before the rename: an edit made since it was read is
    /// never lost. Nil when written, else why not, in words that name the file as `shownAs`.
    static func overwrite(_ path: String, with bytes: [UInt8], ifStill expected: [UInt8]? = nil, shownAs: String? = nil) -> String? {
        let target = realPath(path) ?? path
        let shown = shownAs ?? path
        var info = stat()
        guard stat(target, &info) == 0 else { return "cannot read '\(shown)' again to write it" }
        let mode = info.st_mode & 0o7777
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).pathc-\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return "cannot write in the folder of '\(shown)'; check that you may write there" }
        var written = 0
        var failed = false
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            written += count
        }
        // The mode as it was, whatever the umask took from the new file.
        if fchmod(fd, mode) != 0 { failed = true }
        if close(fd) != 0 { failed = true }
        if !failed, let expected, FileManager.default.contents(atPath: target).map(Array.init) != expected {
            unlink(temporary)
            return "'\(shown)' changed since pathc read it; left as it is"
        }
        if failed || rename(temporary, target) != 0 {
            unlink(temporary)
            return "cannot write '\(shown)'; check that the disk has room and that you may write there"
        }
        return nil
    }
}
