import Foundation

/// A request's path once decoded and judged: plain segments, none of them empty, `.`, `..` or
/// hidden, holding no `/`, `\`, NUL or other control character. It can only name something
/// inside the folder it is looked up in; `SiteFolder` then refuses symbolic links on the way.
public struct SitePath: Sendable, Equatable {
    public let segments: [String]
    /// The address ended with `/` (a folder).
    public let isFolder: Bool

    /// Why a target was refused: `badRequest` when it is not a path at all, `forbidden` when it
    /// tries to leave the site, `notFound` for a name the site never serves (a hidden file).
    public enum Refusal: Error, Sendable, Equatable {
        case badRequest, forbidden, notFound

        var status: HTTPStatus {
            switch self {
            case .badRequest: return .badRequest
            case .forbidden: return .forbidden
            case .notFound: return .notFound
            }
        }
    }

    init(segments: [String], isFolder: Bool) {
        self.segments = segments
        self.isFolder = isFolder
    }

    /// The path of a request target (`/okrs/index.html?x#y`): the query is dropped, `%HH`
    /// decoded once (so `%252e` stays the text `%2e`, never a dot), then judged on the decoded
    /// bytes, where `%2e%2e` and `%2f` show what they are.
    public static func parse(target: String) -> Result<SitePath, Refusal> {
        var raw = Array(target.utf8)
        // Only the origin form (`/path`): an absolute URL or `*` is not asked of a local preview.
        guard raw.first == UInt8(ascii: "/") else { return .failure(.badRequest) }
        if let end = raw.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { raw.removeSubrange(end...) }
        guard let decoded = percentDecoded(raw) else { return .failure(.badRequest) }
        for byte in decoded {
            if byte < 0x20 || byte == 0x7F { return .failure(.badRequest) }
            // A Windows separator: `..\` is a way out on some servers; here it is refused.
            if byte == UInt8(ascii: "\\") { return .failure(.forbidden) }
        }
        // An absolute path inside the path (`//etc/passwd`, `/%2Fetc`) is no page of the site.
        if decoded.count > 1 && decoded[1] == UInt8(ascii: "/") { return .failure(.forbidden) }
        guard let text = String(validating: decoded, as: UTF8.self) else { return .failure(.badRequest) }
        var segments: [String] = []
        for segment in text.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return .failure(.forbidden) }
            // Hidden names (`.pathc-site`, `.git`) are never part of the site.
            if segment.hasPrefix(".") { return .failure(.notFound) }
            segments.append(String(segment))
        }
        return .success(SitePath(segments: segments, isFolder: decoded.last == UInt8(ascii: "/")))
    }

    /// `%HH` decoded; nil when a `%` is not followed by two hexadecimal digits.
    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else { return nil }
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    /// The path as an address, each segment percent-encoded but for unreserved characters.
    var address: String {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "/" + encoded.joined(separator: "/") + (isFolder && !segments.isEmpty ? "/" : "")
    }

    /// The file name a response is typed by: the last segment, or `index.html` for a folder.
    var fileName: String { isFolder ? "index.html" : segments.last ?? "index.html" }
}

/// A folder served read-only: a path is opened one segment at a time from the folder's own
/// descriptor, each with `O_NOFOLLOW`, so a symbolic link anywhere on the way is refused rather
/// than followed, and nothing outside the folder can be reached.
struct SiteFolder {
    let path: String

    enum Opened {
        case file(descriptor: Int32, size: Int, name: String)
        /// A folder asked for without its final `/`: the address to send the reader to.
        case folder
        case missing
    }

    func open(_ sitePath: SitePath) -> Opened {
        let flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW
        var current = Foundation.open(path, flags | O_DIRECTORY)
        guard current >= 0 else { return .missing }
        for segment in sitePath.segments.dropLast() {
            let next = openat(current, segment, flags | O_DIRECTORY)
            close(current)
            guard next >= 0 else { return .missing }
            current = next
        }
        if let last = sitePath.segments.last {
            // Non-blocking, so that a FIFO is not waited on; it is refused below by its type.
            let fd = openat(current, last, flags | O_NONBLOCK)
            close(current)
            guard fd >= 0 else { return .missing }
            var info = stat()
            guard fstat(fd, &info) == 0 else { close(fd); return .missing }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                guard sitePath.isFolder else { close(fd); return .folder }
                current = fd
            } else {
                // `/page.html/` names no folder.
                guard !sitePath.isFolder else { close(fd); return .missing }
                return Self.regularFile(fd, name: last)
            }
        }
        let fd = openat(current, "index.html", flags | O_NONBLOCK)
        close(current)
        guard fd >= 0 else { return .missing }
        return Self.regularFile(fd, name: "index.html")
    }

    /// The open file when it is a regular file (not a FIFO, device or socket), ready for blocking reads.
    private static func regularFile(_ fd: Int32, name: String) -> Opened {
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return .missing
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return .file(descriptor: fd, size: Int(info.st_size), name: name)
    }
}
