import Foundation
import XCTest
@testable import PathcCore

/// What `pathc serve` promises in SECURITY.md, tried over real sockets: it listens on loopback
/// only, answers only its own Host, serves nothing outside the site's folder, and a hostile or
/// slow client cannot stop it.
final class ServeSecurityTests: XCTestCase {
    private static let secret = "TOP-SECRET-OUTSIDE-THE-SITE"

    /// A built preview of a copy of this repository, served on a free port. Beside the site (in
    /// the preview's private folder) lies a secret file, and the site holds links out to it.
    private func servedSite(limits: LocalServer.Limits = LocalServer.Limits()) throws
        -> (preview: SitePreview, server: LocalServer, client: RawHTTPClient) {
        let root = try copyOfRepository()
        let preview = try SitePreview(root: root.path, currentDirectory: root.path, interval: 0.05)
        let server = try LocalServer(port: 0, limits: limits, handler: preview.respond)
        let client = RawHTTPClient(port: server.port)
        preview.start()
        addTeardownBlock {
            server.stop()
            for planted in ["/site/escape.txt", "/site/linked", "/site/assets/fifo", "/secret.txt"] {
                unlink(preview.folder + planted)
            }
            preview.stop()
        }
        try waitUntil("the first build") { FileManager.default.fileExists(atPath: preview.siteFolder + "/index.html") }
        try Self.secret.write(toFile: preview.folder + "/secret.txt", atomically: false, encoding: .utf8)
        XCTAssertEqual(symlink("../secret.txt", preview.siteFolder + "/escape.txt"), 0)
        XCTAssertEqual(symlink("..", preview.siteFolder + "/linked"), 0)
        XCTAssertEqual(mkfifo(preview.siteFolder + "/assets/fifo", 0o644), 0)
        try Self.secret.write(to: root.appendingPathComponent("secret.txt"), atomically: false, encoding: .utf8)
        return (preview, server, client)
    }

    func testListensOnLoopbackOnly() throws {
        let server = try LocalServer(port: 0) { _ in .text(.ok, "hello") }
        defer { server.stop() }
        let address = try XCTUnwrap(server.listeningAddress)
        XCTAssertEqual(address.host, "127.0.0.1", "getsockname on the listening socket")
        XCTAssertEqual(address.port, server.port)
        XCTAssertNotEqual(server.port, 0, "port 0 is given a free port")
        // Every other address of this machine refuses the connection.
        for other in Self.otherIPv4Addresses() {
            #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
            #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #endif
            var target = sockaddr_in()
            target.sin_family = sa_family_t(AF_INET)
            target.sin_port = server.port.bigEndian
            target.sin_addr = other
            let connected = withUnsafePointer(to: &target) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            XCTAssertNotEqual(connected, 0, "reachable on a non-loopback address")
        }
        // A second server cannot take the same port.
        XCTAssertThrowsError(try LocalServer(port: server.port) { _ in .text(.ok, "") }) { error in
            XCTAssertTrue((error as? LocalServerError)?.message.contains("in use") == true, "\(error)")
        }
    }

    /// The IPv4 addresses of this machine's interfaces other than loopback.
    private static func otherIPv4Addresses() -> [in_addr] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var found: [in_addr] = []
        var cursor = list
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let ip = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            if UInt32(bigEndian: ip.s_addr) >> 24 != 127 { found.append(ip) }
        }
        return found
    }

    func testNothingOutsideTheSiteFolderIsServed() throws {
        let (_, server, client) = try servedSite()
        let port = server.port
        let refused = [
            "/../pathc.yaml", "/../secret.txt", "/%2e%2e/pathc.yaml", "/%2E%2E/secret.txt", "/..%2fpathc.yaml", "/..%2Fsecret.txt",
            "/assets/../../secret.txt", "/./../secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt",
            "/..\\secret.txt", "/%5c..%5csecret.txt", "/assets\\..\\..\\secret.txt",
            "//etc/passwd", "/%2Fetc%2Fpasswd", "/etc/passwd", "http://127.0.0.1:\(port)/../secret.txt", "secret.txt", "*",
            "/escape.txt", "/linked/secret.txt", "/linked/site/index.html", "/linked/", "/assets/fifo",
            "/.pathc-site", "/%2epathc-site", "/%00", "/index.html%00.txt", "/%252e%252e/secret.txt", "/%zz", "/%",
            "/\(String(repeating: "../", count: 50))etc/passwd",
        ]
        for target in refused {
            let response = try client.get(target)
            XCTAssertTrue([400, 403, 404].contains(response.status), "\(target): \(response.status)")
            XCTAssertFalse(response.body.contains(Self.secret), "\(target) served the secret")
            XCTAssertFalse(response.body.contains("today: 2026"), "\(target) served pathc.yaml")
        }
        XCTAssertEqual(try client.get("/../pathc.yaml").status, 403)
        XCTAssertEqual(try client.get("/%2e%2e/secret.txt").status, 403)
        XCTAssertEqual(try client.get("/escape.txt").status, 404, "a link is not followed")
        // The site itself is still served, through the same paths.
        XCTAssertEqual(try client.get("/index.html").status, 200)
        XCTAssertEqual(try client.get("/assets/./site.css").status, 200)
        XCTAssertEqual(try client.get("/%61ssets/site.css").status, 200, "percent-decoded")
        XCTAssertEqual(try client.get("/okrs/index.html?x=../../secret.txt#y").status, 200, "the query is not part of the path")
    }

    func testContentTypesAndFolders() throws {
        let (_, _, client) = try servedSite()
        let expected = ["/": "text/html; charset=utf-8", "/assets/site.css": "text/css; charset=utf-8",
                        "/assets/search.js": "text/javascript; charset=utf-8", "/api/site.json": "application/json",
                        "/exports/matrix.csv": "text/csv; charset=utf-8"]
        for (path, type) in expected {
            let response = try client.get(path)
            XCTAssertEqual(response.status, 200, path)
            XCTAssertEqual(response.headers["content-type"], type, path)
            XCTAssertEqual(response.headers["content-length"], String(response.body.utf8.count), path)
        }
        for (name, type) in ["a.svg": "image/svg+xml", "a.png": "image/png", "sitemap.xml": "application/xml", "a.bin": "application/octet-stream"] {
            XCTAssertEqual(MediaType.of(name), type)
        }
        let folder = try client.get("/okrs")
        XCTAssertEqual(folder.status, 301)
        XCTAssertEqual(folder.headers["location"], "/okrs/")
        let index = try client.get("/okrs/")
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.contains("<h1>"))
        XCTAssertEqual(try client.get("/index.html/").status, 404)
        XCTAssertEqual(try client.get("/", headers: ["X-Name: caf\u{E9}"]).status, 200, "a field value beyond ASCII")
        XCTAssertEqual(try client.get("/caf\u{E9}.html").status, 404, "a raw UTF-8 target is a name like any other")
        XCTAssertEqual(try client.get("/no-such-page.html").status, 404)
    }

    func testOnlyItsOwnHostIsAnswered() throws {
        let (_, server, client) = try servedSite()
        let port = server.port
        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)"] {
            XCTAssertEqual(try client.get("/", host: host).status, 200, host)
        }
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1", "127.0.0.1:\(port + 1)", "localhost", "127.0.0.1:\(port).evil.example",
                     "[::1]:\(port)", "0.0.0.0:\(port)", ""] {
            let response = try client.get("/", host: host)
            XCTAssertEqual(response.status, 403, host)
            XCTAssertFalse(response.body.contains("<html"), host)
        }
        XCTAssertEqual(try client.exchange("GET / HTTP/1.1\r\n\r\n").status, 403, "no Host")
        XCTAssertEqual(try client.exchange("GET / HTTP/1.0\r\n\r\n").status, 403, "no Host, HTTP/1.0")
        XCTAssertEqual(try client.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nHost: evil.example\r\n\r\n").status, 403, "two Hosts")
        // Another site's page may link here, but not load the preview's files into itself.
        let crossSite = ["Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors"]
        XCTAssertEqual(try client.get("/assets/search-index.js", headers: crossSite).status, 403)
        XCTAssertEqual(try client.get("/", headers: ["Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: navigate"]).status, 200)
        XCTAssertEqual(try client.get("/assets/search-index.js", headers: ["Sec-Fetch-Site: same-origin"]).headers["cross-origin-resource-policy"],
                       "same-origin")
    }

    func testOnlyGetAndHead() throws {
        let (_, _, client) = try servedSite()
        for method in ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT"] {
            let response = try client.get("/", method: method)
            XCTAssertEqual(response.status, 405, method)
            XCTAssertEqual(response.headers["allow"], "GET, HEAD", method)
        }
        let get = try client.get("/")
        let head = try client.get("/", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, "")
        XCTAssertEqual(head.headers["content-length"], String(get.body.utf8.count))
        XCTAssertEqual(try client.get("/", method: "get").status, 405, "methods are case-sensitive")
        XCTAssertEqual(try client.exchange("GET / HTTP/2.0\r\nHost: 127.0.0.1:\(client.port)\r\n\r\n").status, 505)
        XCTAssertEqual(try client.exchange("\u{16}\u{03}\u{01}hello\r\n\r\n").status, 400, "not HTTP (a TLS hello)")
        XCTAssertEqual(try client.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n folded\r\n\r\n").status, 400)
    }

    /// A header of 20 KiB is refused, and the server goes on answering.
    func testOversizedHeadersAreCutOff() throws {
        let (_, server, client) = try servedSite()
        let big = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nX-Padding: \(String(repeating: "a", count: 20_000))\r\n\r\n"
        let fd = try client.connect()
        RawHTTPClient.send(fd, Array(big.utf8))
        let answer = RawHTTPClient.readToEnd(fd).flatMap(RawHTTPClient.parse)
        close(fd)
        // Cut off with 431 (or, had the connection been reset first, closed): never served.
        XCTAssertTrue(answer == nil || answer?.status == 431, "\(String(describing: answer?.status))")
        // A request line alone of more than 8 KiB too.
        let longLine = try client.exchange("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n")
        XCTAssertEqual(longLine.status, 431)
        // An endless header with no blank line.
        let endless = try client.connect()
        RawHTTPClient.send(endless, Array(("GET / HTTP/1.1\r\n" + String(repeating: "X: y\r\n", count: 4000)).utf8))
        XCTAssertNotNil(RawHTTPClient.readToEnd(endless), "closed by the server")
        close(endless)
        XCTAssertEqual(try client.get("/").status, 200, "the server still answers")
    }

    /// A client that sends half a request, or a byte at a time, is cut off at the deadline,
    /// while others are answered meanwhile.
    func testSlowClientsAreCutOffWithoutHoldingOthers() throws {
        var limits = LocalServer.Limits()
        limits.headerTimeout = 2
        let (_, _, client) = try servedSite(limits: limits)
        let stalled = try client.connect()
        defer { close(stalled) }
        RawHTTPClient.send(stalled, Array("GET / HTTP/1.1\r\n".utf8))
        let started = Date()
        XCTAssertEqual(try client.get("/").status, 200, "answered while another client stalls")
        // Had the server waited for the stalled client, that client would have its answer by now.
        var waiting = pollfd(fd: stalled, events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&waiting, 1, 0), 0, "the stalled client is still waiting: the other was not queued behind it")
        let cut = RawHTTPClient.readToEnd(stalled).flatMap(RawHTTPClient.parse)
        XCTAssertEqual(cut?.status, 408)
        XCTAssertLessThan(Date().timeIntervalSince(started), 8, "cut off at the deadline")

        // A byte every 50 ms keeps each read short, but not the whole request.
        let drip = try client.connect()
        defer { close(drip) }
        let dripStarted = Date()
        var closed = false
        for byte in Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\nX-Slow: \(String(repeating: "z", count: 200))".utf8) {
            guard RawHTTPClient.send(drip, [byte]) else { closed = true; break }
            usleep(50_000)
            if Date().timeIntervalSince(dripStarted) > 8 { break }
        }
        let dripped = RawHTTPClient.readToEnd(drip).flatMap(RawHTTPClient.parse)
        XCTAssertTrue(closed || dripped?.status == 408, "a dripping client is cut off")
        XCTAssertLessThan(Date().timeIntervalSince(dripStarted), 10)
        XCTAssertEqual(try client.get("/").status, 200)
    }

    /// Past the limit of connections at once, a new one is closed at once rather than queued
    /// behind stalled ones; the server recovers when they time out.
    func testConnectionLimit() throws {
        var limits = LocalServer.Limits()
        limits.headerTimeout = 3
        limits.connections = 2
        let (_, _, client) = try servedSite(limits: limits)
        // Accepted in the order they connect, so the two held ones take both places first.
        let held = try (0..<2).map { _ in try client.connect() }
        defer { held.forEach { close($0) } }
        for fd in held { RawHTTPClient.send(fd, Array("GET / HTTP/1.1\r\n".utf8)) }
        let extra = try client.connect(timeout: 3)
        RawHTTPClient.send(extra, Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(client.port)\r\n\r\n".utf8))
        let refused = RawHTTPClient.readToEnd(extra)
        close(extra)
        XCTAssertEqual(refused?.count ?? 0, 0, "closed without an answer")
        try waitUntil("the stalled connections to time out", seconds: 15) { (try? client.get("/").status) == 200 }
    }
}
