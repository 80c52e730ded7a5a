import Foundation
import XCTest
@testable import PathcCore

/// An HTTP client over a plain socket, so that a test can send exactly the bytes it means
/// (`/../x`, a forged Host, a header of 20 KiB, half a request) where URLSession would tidy them.
struct RawHTTPClient {
    let port: UInt16

    struct Response {
        let status: Int
        /// Header names lower-cased.
        let headers: [String: String]
        let body: String
    }

    /// A connected socket to 127.0.0.1:port, reads timing out after `timeout` seconds.
    func connect(timeout: Double = 10) throws -> Int32 {
        #if canImport(Darwin)
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw XCTSkip("no socket") }
        var limit = timeval()
        limit.tv_sec = .init(timeout)
        limit.tv_usec = .init((timeout - Double(Int(timeout))) * 1_000_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw NSError(domain: "RawHTTPClient", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "cannot connect to port \(port)"])
        }
        return fd
    }

    /// Sends all the bytes; false when the server closed the connection first.
    @discardableResult
    static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        Connection(fd: fd).send(bytes, deadline: Date().addingTimeInterval(10))
    }

    /// Everything the server sends until it closes the connection (or the read times out: nil).
    static func readToEnd(_ fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return bytes }
            // A reset after the answer arrived still leaves the answer.
            if count < 0 { return errno == ECONNRESET ? bytes : nil }
            bytes += buffer[..<count]
        }
    }

    static func parse(_ bytes: [UInt8]) -> Response? {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - 4)).first(where: { Array(bytes[$0..<min($0 + 4, bytes.count)]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(decoding: bytes[(end + 4)...], as: UTF8.self))
    }

    /// Sends `raw` as it is and reads the whole response.
    func exchange(_ raw: String) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        RawHTTPClient.send(fd, Array(raw.utf8))
        guard let bytes = RawHTTPClient.readToEnd(fd), let response = RawHTTPClient.parse(bytes) else {
            throw NSError(domain: "RawHTTPClient", code: 0, userInfo: [NSLocalizedDescriptionKey: "no response to \(raw.prefix(80).debugDescription)"])
        }
        return response
    }

    /// `GET target` with the Host the server expects (or `host`).
    func get(_ target: String, host: String? = nil, method: String = "GET", headers: [String] = []) throws -> Response {
        let lines = ["\(method) \(target) HTTP/1.1", "Host: \(host ?? "127.0.0.1:\(port)")"] + headers
        return try exchange(lines.joined(separator: "\r\n") + "\r\n\r\n")
    }
}

extension XCTestCase {
    /// Polls `condition` every 20 ms until it holds; fails the test and throws when `seconds` pass first.
    func waitUntil(_ what: String, seconds: Double = 30, file: StaticString = #filePath, line: UInt = #line,
                   _ condition: () throws -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return }
            usleep(20_000)
        }
        XCTFail("timed out after \(seconds) s waiting for \(what)", file: file, line: line)
        throw NSError(domain: "waitUntil", code: 1, userInfo: [NSLocalizedDescriptionKey: "timed out waiting for \(what)"])
    }
}
