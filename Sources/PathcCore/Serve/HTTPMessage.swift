import Foundation

/// The statuses the preview server answers with.
public enum HTTPStatus: Int, Sendable {
    case ok = 200
    case movedPermanently = 301
    case badRequest = 400
    case forbidden = 403
    case notFound = 404
    case methodNotAllowed = 405
    case requestTimeout = 408
    case headersTooLarge = 431
    case internalError = 500
    case versionNotSupported = 505

    var reason: String {
        switch self {
        case .ok: return "OK"
        case .movedPermanently: return "Moved Permanently"
        case .badRequest: return "Bad Request"
        case .forbidden: return "Forbidden"
        case .notFound: return "Not Found"
        case .methodNotAllowed: return "Method Not Allowed"
        case .requestTimeout: return "Request Timeout"
        case .headersTooLarge: return "Request Header Fields Too Large"
        case .internalError: return "Internal Server Error"
        case .versionNotSupported: return "HTTP Version Not Supported"
        }
    }
}

/// A request the server has accepted: GET or HEAD, from an allowed Host, for a path that stays
/// inside the site (`SitePath`).
public struct HTTPRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", head = "HEAD" }

    public var method: Method
    public var path: SitePath
    /// Header names lower-cased; the last value of a repeated header.
    public var headers: [String: String]
}

/// A response: status, headers and a body held in memory or read from an open file.
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        /// An open file, read from its start, `size` bytes; the server closes it.
        case file(descriptor: Int32, size: Int)

        var count: Int {
            switch self {
            case .bytes(let bytes): return bytes.count
            case .file(_, let size): return size
            }
        }
    }

    public var status: HTTPStatus
    public var headers: [(String, String)]
    public var body: Body

    public init(status: HTTPStatus, headers: [(String, String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer, for errors.
    public static func text(_ status: HTTPStatus, _ message: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers,
                     body: .bytes(Array((message + "\n").utf8)))
    }

    /// The status line and headers, with the length of the body and the headers every answer carries.
    func head() -> [UInt8] {
        var text = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(body.count)\r\n"
        // Nothing is cached: the preview changes under the reader.
        text += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        return Array(text.utf8)
    }
}

/// The media type of a site file, by its extension.
enum MediaType {
    static func of(_ name: String) -> String {
        let dot = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
        switch dot {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "csv": return "text/csv; charset=utf-8"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}

/// The start of a request as it arrived: request line and headers, parsed but not yet judged.
struct HTTPRequestHead {
    var method: String
    var target: String
    var version: String
    /// Header names lower-cased, in arrival order.
    var fields: [(name: String, value: String)]

    /// The values of one header, by lower-case name.
    func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }

    /// Parses the bytes before the blank line (`\r\n\r\n`, or `\n\n` from a lenient client). Nil
    /// when they are not a request line and header fields.
    static func parse(_ bytes: ArraySlice<UInt8>) -> HTTPRequestHead? {
        // Text: no control characters but tab and line ends. Bytes from 0x80 are allowed, as field
        // values may hold them; in a target they are read as UTF-8 (a stray byte names no file).
        guard bytes.allSatisfy({ $0 == 0x09 || $0 == 0x0D || $0 == 0x0A || ($0 >= 0x20 && $0 != 0x7F) }) else { return nil }
        // Split on bytes: as Characters, `\r\n` is one grapheme and never equals `\n`.
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { return nil }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else { return nil }
        var fields: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            // A folded line (obsolete continuation) or a field without a name is refused.
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  line.first != " ", line.first != "\t" else { return nil }
            let name = line[..<colon]
            guard !name.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            fields.append((name.lowercased(), value))
        }
        return HTTPRequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), fields: fields)
    }
}
