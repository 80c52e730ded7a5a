import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct LocalServerError: Error, Sendable {
    public let message: String
    public let help: String?
}

/// A small HTTP/1.1 server for one person's browser: it listens on 127.0.0.1 only (there is no
/// way to ask for another address), answers GET and HEAD, one request per connection, and
/// refuses what a local preview never needs to answer: another Host (DNS rebinding), a path out
/// of the site, a cross-site subresource, oversized or slow requests. Each connection is served
/// on a queue of its own worker threads, at most `Limits.connections` at a time, so a client
/// that stalls holds one worker until its deadline, never the accept loop.
public final class LocalServer: Sendable {
    public struct Limits: Sendable {
        /// The request line and headers, in bytes.
        public var headerBytes = 8 * 1024
        /// Seconds a client has to send its whole request line and headers.
        public var headerTimeout = 10.0
        /// Seconds a client has to take the whole response.
        public var writeTimeout = 30.0
        /// Connections served at once; more are closed as they arrive.
        public var connections = 32

        public init() {}
    }

    /// The port listened on (the one the system chose, when asked for port 0).
    public let port: UInt16
    private let listener: Int32
    private let limits: Limits
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let state = Locked(State())
    private let acceptLoopEnded = DispatchSemaphore(value: 0)
    private let workers = DispatchQueue(label: "pathc.serve.connection", attributes: .concurrent)

    private struct State {
        var stopping = false
        var open = 0
    }

    /// The loopback address, the only one the server listens on.
    public static let host = "127.0.0.1"

    /// Binds 127.0.0.1:`port` (0: a free port) and starts accepting connections.
    public init(port: UInt16, limits: Limits = Limits(), handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws(LocalServerError) {
        self.limits = limits
        self.handler = handler
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw LocalServerError(message: "cannot open a socket: \(String(cString: strerror(errno)))", help: nil) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        var yes: Int32 = 1
        // A restarted preview gets its port back while the old connections linger in TIME_WAIT.
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            if code == EADDRINUSE {
                throw LocalServerError(message: "port \(port) of \(Self.host) is in use",
                                       help: "stop what uses it, or choose another with --port N (--port 0 picks a free one)")
            }
            if code == EACCES {
                throw LocalServerError(message: "not allowed to listen on port \(port)", help: "choose a port above 1023 with --port N")
            }
            throw LocalServerError(message: "cannot listen on \(Self.host):\(port): \(String(cString: strerror(code)))", help: nil)
        }
        guard let local = Self.boundAddress(fd) else {
            close(fd)
            throw LocalServerError(message: "cannot read the address the server listens on", help: nil)
        }
        listener = fd
        self.port = local.port
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// The address and port the socket `fd` is bound to (`getsockname`), IPv4 only.
    public static func boundAddress(_ fd: Int32) -> (host: String, port: UInt16)? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let found = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard found == 0, address.sin_family == sa_family_t(AF_INET) else { return nil }
        let ip = UInt32(bigEndian: address.sin_addr.s_addr)
        let host = "\(ip >> 24).\(ip >> 16 & 0xFF).\(ip >> 8 & 0xFF).\(ip & 0xFF)"
        return (host, UInt16(bigEndian: address.sin_port))
    }

    /// The listening socket's own address, as the system reports it.
    public var listeningAddress: (host: String, port: UInt16)? {
        state.withLock { $0.stopping } ? nil : Self.boundAddress(listener)
    }

    /// Stops accepting and closes the listening socket; connections being served finish.
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopping = true }
            return !state.stopping
        }
        guard first else { return }
        acceptLoopEnded.wait()
        close(listener)
    }

    // MARK: - Connections

    private func acceptLoop() {
        defer { acceptLoopEnded.signal() }
        var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
        while !state.withLock({ $0.stopping }) {
            // A short wait, so that `stop` is noticed on every platform (closing a socket does
            // not wake an `accept` everywhere).
            guard poll(&poller, 1, 200) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else {
                // Out of descriptors, say: the connection stays pending and poll says so at
                // once, so wait a little rather than spin.
                if errno != EINTR && errno != ECONNABORTED { usleep(50_000) }
                continue
            }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            #if canImport(Darwin)
            var yes: Int32 = 1
            setsockopt(connection, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
            #endif
            let admitted = state.withLock { state -> Bool in
                guard state.open < limits.connections else { return false }
                state.open += 1
                return true
            }
            guard admitted else {
                close(connection)
                continue
            }
            workers.async { [self] in
                serve(connection)
                state.withLock { $0.open -= 1 }
            }
        }
    }

    /// Reads one request, answers it and closes the connection.
    private func serve(_ fd: Int32) {
        let connection = Connection(fd: fd)
        defer { connection.close() }
        let response: HTTPResponse
        var isHead = false
        switch connection.readHead(limit: limits.headerBytes, deadline: Date().addingTimeInterval(limits.headerTimeout)) {
        case .closed:
            return
        case .timedOut:
            response = .text(.requestTimeout, "the request took too long to arrive")
        case .tooLarge:
            response = .text(.headersTooLarge, "the request's headers are over \(limits.headerBytes) bytes")
        case .head(let bytes):
            if let head = HTTPRequestHead.parse(bytes[...]) {
                isHead = head.method == "HEAD"
                response = answer(head)
            } else {
                response = .text(.badRequest, "not an HTTP request")
            }
        }
        connection.write(response, includingBody: !isHead, deadline: Date().addingTimeInterval(limits.writeTimeout))
    }

    /// The answer to a parsed request: refused here, or handed to the handler.
    func answer(_ head: HTTPRequestHead) -> HTTPResponse {
        guard head.version == "HTTP/1.1" || head.version == "HTTP/1.0" else {
            return .text(.versionNotSupported, "only HTTP/1.1 and HTTP/1.0 are served")
        }
        // DNS rebinding: a page of another site whose name is made to point at 127.0.0.1 still
        // sends its own name as Host.
        let hosts = head.values("host")
        guard hosts.count == 1, Self.isAllowedHost(hosts[0], port: port) else {
            return .text(.forbidden, "this preview answers only requests for \(Self.host):\(port) or localhost:\(port)")
        }
        guard let method = HTTPRequest.Method(rawValue: head.method) else {
            return .text(.methodNotAllowed, "only GET and HEAD are served", headers: [("Allow", "GET, HEAD")])
        }
        // A page of another site may load the preview's files as scripts or images; only a
        // navigation (a link followed) is answered across sites.
        if head.values("sec-fetch-site").last == "cross-site", head.values("sec-fetch-mode").last != "navigate" {
            return .text(.forbidden, "the preview's files are not served to other sites")
        }
        let path: SitePath
        switch SitePath.parse(target: head.target) {
        case .success(let parsed): path = parsed
        case .failure(let refusal): return .text(refusal.status, refusal == .notFound ? "not found" : "that path is not served")
        }
        var headers: [String: String] = [:]
        for field in head.fields { headers[field.name] = field.value }
        var response = handler(HTTPRequest(method: method, path: path, headers: headers))
        // Other sites may not embed these files (a script tag cannot read the search index).
        response.headers += [("Cross-Origin-Resource-Policy", "same-origin"), ("X-Frame-Options", "DENY"),
                             ("Referrer-Policy", "no-referrer")]
        return response
    }

    /// `127.0.0.1:PORT` or `localhost:PORT` (any case), or either without the port when it is 80.
    static func isAllowedHost(_ value: String, port: UInt16) -> Bool {
        let lowered = value.lowercased()
        for name in [host, "localhost"] {
            if lowered == "\(name):\(port)" || (port == 80 && lowered == name) { return true }
        }
        return false
    }
}

/// One connected socket: reads with a deadline and a size limit, writes with a deadline.
struct Connection {
    let fd: Int32

    enum Head {
        case head([UInt8])
        case closed, timedOut, tooLarge
    }

    /// Waits until `fd` can be read (`POLLIN`) or written (`POLLOUT`) before `deadline`.
    private func ready(_ events: Int32, by deadline: Date) -> Bool {
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { return false }
            var poller = pollfd(fd: fd, events: Int16(events), revents: 0)
            let result = poll(&poller, 1, Int32(min(left * 1000, 1000)) + 1)
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return false }
        }
    }

    /// The request line and headers, up to the blank line that ends them.
    func readHead(limit: Int, deadline: Date) -> Head {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 2048)
        while true {
            guard ready(POLLIN, by: deadline) else { return .timedOut }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return .closed }
            let searchFrom = max(0, bytes.count - 3)
            bytes += buffer[..<count]
            if let end = Self.endOfHead(bytes, from: searchFrom) {
                return end > limit ? .tooLarge : .head(Array(bytes[..<end]))
            }
            if bytes.count > limit { return .tooLarge }
        }
    }

    /// Where the blank line after the headers starts (`\r\n\r\n` or `\n\n`).
    private static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return index + 1 }
                if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A { return index + 1 }
            }
            index += 1
        }
        return nil
    }

    /// Sends the response (its body only when asked: not for HEAD); gives up at the deadline.
    func write(_ response: HTTPResponse, includingBody: Bool, deadline: Date) {
        guard send(response.head(), deadline: deadline) else {
            if case .file(let descriptor, _) = response.body { Foundation.close(descriptor) }
            return
        }
        switch response.body {
        case .bytes(let bytes):
            if includingBody { _ = send(bytes, deadline: deadline) }
        case .file(let descriptor, let size):
            defer { Foundation.close(descriptor) }
            guard includingBody else { return }
            var buffer = [UInt8](repeating: 0, count: 65536)
            var left = size
            while left > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, left)) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0, send(buffer[..<count], deadline: deadline) else { return }
                left -= count
            }
        }
    }

    /// Sends every byte; false when the peer is gone or `deadline` passes first.
    func send(_ bytes: some Collection<UInt8>, deadline: Date) -> Bool {
        let bytes = Array(bytes)
        var offset = 0
        while offset < bytes.count {
            guard ready(POLLOUT, by: deadline) else { return false }
            #if canImport(Darwin)
            let flags: Int32 = 0
            #else
            let flags = Int32(MSG_NOSIGNAL)
            #endif
            let sent = bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress! + offset, bytes.count - offset, flags) }
            if sent < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Ends the connection so that the response is not lost: the writing side is shut first and
    /// what the client still sends is read and dropped for a moment (a bounded amount), as
    /// closing with unread bytes would reset the connection before the client read the answer.
    func close() {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = Date().addingTimeInterval(0.5)
        var buffer = [UInt8](repeating: 0, count: 4096)
        var drained = 0
        while drained < 256 * 1024, ready(POLLIN, by: deadline) {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            drained += count
        }
        Foundation.close(fd)
    }
}
