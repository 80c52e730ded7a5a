import Foundation

extension stat {
    /// When the file last changed, to the nanosecond: `st_mtim` on Linux, `st_mtimespec` on macOS.
    var modificationTime: timespec {
        #if canImport(Darwin)
        return st_mtimespec
        #else
        return st_mtim
        #endif
    }
}
