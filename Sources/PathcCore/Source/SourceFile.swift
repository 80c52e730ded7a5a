import Foundation

/// The bytes of one file as read from disk, with the table that turns byte offsets into
/// line and column numbers. Immutable, so diagnostics and nodes may share it across threads.
public final class SourceFile: Sendable {
    /// The path shown to users (relative to the current folder where possible).
    public let path: String
    /// The raw file contents. Offsets everywhere in pathc are UTF-8 byte offsets into this.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`. In 32 bits, since every
    /// file of a repository keeps its table and no file pathc reads is larger than 16 MiB.
    let lineStarts: [UInt32]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = SourceFile.computeLineStarts(bytes)
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The largest file pathc reads: a pathway file is a few kilobytes.
    public static let sizeLimit = 16 << 20

    /// Reads a file from disk, at most `limit` bytes (so that `/dev/zero` or a huge file cannot
    /// exhaust memory). Throws a `SourceReadError` that says what went wrong in words.
    public static func read(path: String, displayPath: String? = nil, limit: Int = sizeLimit) throws(SourceReadError) -> SourceFile {
        let limit = min(limit, Int.max - 1)
        // Non-blocking, so that a FIFO with no writer cannot hang the open; then only regular files are read
        // (a device such as /dev/zero never ends, a socket or FIFO may never answer).
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: throw .notFound(path)
            case ELOOP: throw .symlinkLoop(path)
            default: throw .unreadable(path)
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory(path) }
        if info.st_mode & S_IFMT != S_IFREG { throw .notRegular(path) }
        let expected = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        // Read straight into a buffer of the file's size, plus one byte to see the end: no
        // zeroed chunk per file, which cost more than the reading at 100,000 files.
        let capacity = min(expected, limit) + 1
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            var total = 0
            while total < buffer.count {
                let got = Foundation.read(fd, buffer.baseAddress! + total, buffer.count - total)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if got == 0 { break }
                total += got
            }
            initialized = total
        }
        if failure != 0 { throw failure == EISDIR ? .isDirectory(path) : .unreadable(path) }
        // Full: not a regular file, or one that grew since fstat. Read the rest in chunks.
        if bytes.count == capacity {
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while bytes.count <= limit {
                let got = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
                if got < 0 {
                    if errno == EINTR { continue }
                    throw errno == EISDIR ? .isDirectory(path) : .unreadable(path)
                }
                if got == 0 { break }
                bytes.append(contentsOf: chunk[0..<got])
            }
        }
        if bytes.count > limit { throw .tooLarge(path, limit: limit) }
        return SourceFile(path: displayPath ?? path, bytes: bytes)
    }

    /// A line separator is LF or CRLF; a CR on its own starts no line here (the parser rejects it).
    private static func computeLineStarts(_ bytes: [UInt8]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { buffer in
            // Counted first, so that the table is allocated once at its exact size.
            var lines = 1
            for byte in buffer where byte == 0x0A { lines += 1 }
            return [UInt32](unsafeUninitializedCapacity: lines) { starts, initialized in
                starts[0] = 0
                guard lines > 1, let base = buffer.baseAddress else {
                    initialized = 1
                    return
                }
                var next = 1
                var cursor = base
                let end = base + buffer.count
                while next < lines, let found = memchr(cursor, 0x0A, end - cursor) {
                    let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    starts[next] = UInt32(truncatingIfNeeded: newline - base + 1)
                    next += 1
                    cursor = newline + 1
                }
                initialized = next
            }
        }
    }

    public var lineCount: Int { lineStarts.count }

    /// The position of a byte offset: 1-based line, 1-based column counted in Unicode scalars.
    public func position(of offset: Int) -> SourcePosition {
        let offset = max(0, min(offset, bytes.count))
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var i = Int(lineStarts[low])
        while i < offset {
            // Count lead bytes only, so a multi-byte character is one column.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourcePosition(offset: offset, line: low + 1, column: column)
    }

    /// The text of a 1-based line without its line break, with invalid UTF-8 replaced.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    /// The byte offsets of a 1-based line, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return 0..<0 }
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }

    /// The source text of a span, decoded leniently.
    public func text(of span: Span) -> String {
        let start = max(0, min(span.start, bytes.count)), end = max(start, min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A point in a source file. Lines and columns count from 1; columns count Unicode scalars.
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public let offset: Int
    public let line: Int
    public let column: Int
    public var description: String { "\(line):\(column)" }
}

public enum SourceReadError: Error, Sendable, Equatable {
    case notFound(String)
    case isDirectory(String)
    case unreadable(String)
    case tooLarge(String, limit: Int)
    case notRegular(String)
    case symlinkLoop(String)

    public var message: String {
        switch self {
        case .notFound(let path): return "no such file '\(path)'"
        case .isDirectory(let path): return "'\(path)' is a folder, not a file"
        case .unreadable(let path): return "cannot read '\(path)'; check that it exists and that you may read it"
        case .tooLarge(let path, let limit): return "'\(path)' is larger than \(limit / (1 << 20)) MiB; pathc does not read files this large"
        case .notRegular(let path): return "'\(path)' is not a regular file (a device, pipe or socket); pathc reads only files"
        case .symlinkLoop(let path): return "'\(path)' is a symbolic link that leads back to itself"
        }
    }
}
