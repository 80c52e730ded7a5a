import Foundation
import XCTest
@testable import PathcCore

/// What the preview adds to a page, and how it reads a request's path, without a server.
final class PreviewPageTests: XCTestCase {
    private let page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta http-equiv="Content-Security-Policy" content="\(Page.contentSecurityPolicy)">
        <title>t</title>
        </head>
        <body>
        <p>content</p>
        </body>
        </html>

        """

    private func injected(_ status: PreviewStatus) -> String {
        String(decoding: PreviewPage.inject(Array(page.utf8), status: status), as: UTF8.self)
    }

    func testAddsScriptStylesheetAndConnectSourceOnly() {
        let html = injected(PreviewStatus(version: "abc.3", building: false, hasSite: true))
        XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(Page.contentSecurityPolicy); connect-src 'self'\">"))
        XCTAssertTrue(html.contains("<link rel=\"stylesheet\" href=\"/__pathc/preview.css\">\n<script src=\"/__pathc/reload.js\" data-version=\"abc.3\" defer></script>\n</head>"))
        XCTAssertFalse(html.contains("<aside"), "no banner without problems")
        // The policy still forbids inline script and style, and any other origin.
        XCTAssertTrue(PreviewPage.policy.contains("default-src 'none'"))
        XCTAssertTrue(PreviewPage.policy.contains("script-src 'self';"))
        XCTAssertFalse(PreviewPage.policy.contains("unsafe"))
        XCTAssertFalse(PreviewPage.reloadScript.contains("innerHTML"))
        // A policy that already says where to connect is left alone.
        let own = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; connect-src 'none'\">"
        XCTAssertEqual(PreviewPage.allowingConnections(own), own)
    }

    func testBannerEscapesEverythingFromContent() {
        var status = PreviewStatus(version: "v\"><script>.1", building: false, hasSite: true)
        status.problems = [PreviewProblem(location: "pathways/<img src=x onerror=alert(1)>.yaml:1:1", code: "error[PW0001]",
                                          message: "unknown id '</aside><script>alert(1)</script>'", help: "use \"a\" & 'b'")]
        status.errorCount = 1
        let html = injected(status)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertTrue(html.contains("<code>pathways/&lt;img src=x onerror=alert(1)&gt;.yaml:1:1</code>"))
        XCTAssertTrue(html.contains("unknown id &#39;&lt;/aside&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;"))
        XCTAssertTrue(html.contains("help: use &quot;a&quot; &amp; &#39;b&#39;"))
        XCTAssertTrue(html.contains("data-version=\"v&quot;&gt;&lt;script&gt;.1\""))
        XCTAssertEqual(html.components(separatedBy: "</aside>").count, 2, "one banner, closed once")
        XCTAssertTrue(html.contains("<body>\n<aside class=\"pathc-preview\" role=\"alert\""), "the banner opens the body")
        XCTAssertTrue(html.contains("<strong>pathc serve:</strong> 1 error stops the site from building. This is the site as it was last built"))
    }

    func testBannerCountsWhatItDoesNotList() {
        var status = PreviewStatus(version: "v.1", building: false, hasSite: false)
        status.problems = (1...PreviewPage.shownProblems).map { PreviewProblem(message: "problem \($0)") }
        status.errorCount = 120
        let html = injected(status)
        XCTAssertEqual(html.components(separatedBy: "<li>").count - 1, PreviewPage.shownProblems)
        XCTAssertTrue(html.contains("120 errors stop the site from building, and there is no earlier site to show"))
        XCTAssertTrue(html.contains("and 70 more: run pathc check for all of them"))
    }

    func testPlaceholderIsAPageOfItsOwnWithTheScript() {
        let building = String(decoding: PreviewPage.placeholder(PreviewStatus(version: "v.0"), title: "<Org>"), as: UTF8.self)
        XCTAssertTrue(building.contains("<title>&lt;Org&gt;</title>"))
        XCTAssertTrue(building.contains("pathc is building the site"))
        XCTAssertTrue(building.contains("src=\"/__pathc/reload.js\" data-version=\"v.0\""))
        XCTAssertTrue(building.contains("connect-src 'self'"))
    }

    func testRequestPaths() {
        func parsed(_ target: String) -> SitePath? { try? SitePath.parse(target: target).get() }
        func refusal(_ target: String) -> SitePath.Refusal? {
            if case .failure(let refusal) = SitePath.parse(target: target) { return refusal }
            return nil
        }
        XCTAssertEqual(parsed("/"), SitePath(segments: [], isFolder: true))
        XCTAssertEqual(parsed("/okrs/a.html?q=1#f"), SitePath(segments: ["okrs", "a.html"], isFolder: false))
        XCTAssertEqual(parsed("/okrs/"), SitePath(segments: ["okrs"], isFolder: true))
        XCTAssertEqual(parsed("/./okrs//./a.html"), SitePath(segments: ["okrs", "a.html"], isFolder: false))
        XCTAssertEqual(parsed("/caf%C3%A9.html"), SitePath(segments: ["café.html"], isFolder: false))
        XCTAssertEqual(parsed("/%252e%252e"), SitePath(segments: ["%2e%2e"], isFolder: false), "decoded once only")
        for target in ["/..", "/../x", "/a/../b", "/%2e%2e/x", "/%2E%2e", "/..%2fx", "/a%2f..%2f..%2fx", "/a\\b", "/%5c", "//etc/passwd", "/%2fetc"] {
            XCTAssertEqual(refusal(target), .forbidden, target)
        }
        for target in ["/.git/config", "/.pathc-site", "/%2egit", "/a/.hidden", "/..."] {
            XCTAssertEqual(refusal(target), .notFound, target)
        }
        for target in ["", "x", "*", "http://127.0.0.1/x", "/%", "/%2", "/%zz", "/%00", "/a%0ab", "/%7f", "/%ff"] {
            XCTAssertEqual(refusal(target), .badRequest, target)
        }
        XCTAssertEqual(SitePath(segments: ["a b", "c"], isFolder: true).address, "/a%20b/c/")
    }
}
