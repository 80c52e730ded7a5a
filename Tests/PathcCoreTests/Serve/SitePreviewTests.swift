import Foundation
import XCTest
@testable import PathcCore

/// `pathc serve` end to end through the library: a repository copied to a temporary folder,
/// served on a free port, edited, broken and fixed, each step read back over a real socket.
final class SitePreviewTests: XCTestCase {
    /// A preview of `root` on a free port, with a short interval; stopped when the test ends.
    private func serve(_ root: URL) throws -> (preview: SitePreview, client: RawHTTPClient) {
        let preview = try SitePreview(root: root.path, currentDirectory: root.path, interval: 0.05)
        let server = try LocalServer(port: 0, handler: preview.respond)
        preview.start()
        addTeardownBlock {
            server.stop()
            preview.stop()
        }
        return (preview, RawHTTPClient(port: server.port))
    }

    private func version(_ client: RawHTTPClient) throws -> String {
        try client.get("/__pathc/version").body.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private let competency = "pathways/competencies/consultative-selling.competency.yaml"

    /// The edit, break and fix cycle a person goes through, as the browser sees it.
    func testServesRebuildsAndShowsErrorsWhileKeepingTheLastGoodSite() throws {
        let root = try copyOfRepository()
        let (preview, client) = try serve(root)
        var served = ""
        try waitUntil("the first build") { served = try version(client); return !served.hasSuffix(".0") }
        let first = try client.get("/competencies/consultative-selling.html")
        XCTAssertEqual(first.status, 200)
        XCTAssertEqual(first.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(first.body.contains("<h1>Consultative selling</h1>"), first.body.prefix(2000).description)
        XCTAssertTrue(first.body.contains("<script src=\"/__pathc/reload.js\" data-version=\"\(served)\" defer></script>"))
        XCTAssertFalse(first.body.contains("pathc-preview\""), "no banner while the repository is clean")

        // An edit: a new version, and the page says what the file now says.
        try edit(root, competency) { $0.replacingOccurrences(of: "name: Consultative selling", with: "name: Consultative selling, edited") }
        try waitUntil("the rebuild after the edit") { try version(client) != served }
        served = try version(client)
        let edited = try client.get("/competencies/consultative-selling.html")
        XCTAssertTrue(edited.body.contains("<h1>Consultative selling, edited</h1>"))
        XCTAssertTrue(edited.body.contains("data-version=\"\(served)\""))

        // A break: the banner names the finding, escaped, and the last good site is still served.
        try edit(root, competency) { $0.replacingOccurrences(of: "supports: [enterprise-revenue-2026]", with: "supports: [<b>no-such-okr</b>]") }
        try waitUntil("the failed rebuild") { try version(client) != served }
        served = try version(client)
        let broken = try client.get("/competencies/consultative-selling.html")
        XCTAssertEqual(broken.status, 200)
        XCTAssertTrue(broken.body.contains("<aside class=\"pathc-preview\" role=\"alert\""), broken.body.prefix(3000).description)
        XCTAssertTrue(broken.body.contains("<code>pathways/competencies/consultative-selling.competency.yaml:8:"), broken.body.prefix(3000).description)
        XCTAssertTrue(broken.body.contains("&lt;b&gt;no-such-okr&lt;/b&gt;"), "the finding quotes the value, escaped")
        XCTAssertFalse(broken.body.contains("<b>no-such-okr</b>"))
        XCTAssertTrue(broken.body.contains("<h1>Consultative selling, edited</h1>"), "the last good site is still served")
        // Every page carries the banner, and the built files never do.
        XCTAssertTrue(try client.get("/").body.contains("class=\"pathc-preview\""))
        let onDisk = try String(contentsOfFile: preview.siteFolder + "/competencies/consultative-selling.html", encoding: .utf8)
        XCTAssertFalse(onDisk.contains("pathc-preview") || onDisk.contains("__pathc"), "the banner and script are added to responses only")

        // The fix: the banner goes, the change shows.
        try edit(root, competency) { $0.replacingOccurrences(of: "supports: [<b>no-such-okr</b>]", with: "supports: [enterprise-revenue-2026]") }
        try waitUntil("the rebuild after the fix") { try version(client) != served }
        let fixed = try client.get("/competencies/consultative-selling.html")
        XCTAssertFalse(fixed.body.contains("class=\"pathc-preview\""))
        XCTAssertTrue(fixed.body.contains("<h1>Consultative selling, edited</h1>"))
    }

    /// pathc.yaml, schemas and house rules are watched as well as the content, and a file added
    /// to the content folder shows without any other change.
    func testRebuildsWhenConfigSchemaHouseRuleOrNewFileChanges() throws {
        let root = try copyOfRepository()
        let (_, client) = try serve(root)
        var served = ""
        try waitUntil("the first build") { served = try version(client); return !served.hasSuffix(".0") }
        try edit(root, "pathc.yaml") { $0.replacingOccurrences(of: "name: pathc example organisation", with: "name: Renamed organisation") }
        try waitUntil("the rebuild after pathc.yaml") { try version(client) != served }
        served = try version(client)
        XCTAssertTrue(try client.get("/").body.contains("<title>Renamed organisation</title>"))

        try edit(root, "schemas/competency.schema.yaml") { $0 + "\n" }
        try waitUntil("the rebuild after a schema") { try version(client) != served }
        served = try version(client)

        try CLIWrite.file("""
            id: no-shouting
            message: a behaviour does not end with exclamation marks
            fields: [behavior]
            forbid_pattern: '!$'
            help: end the behaviour without an exclamation mark
            why: Behaviours are read as plain statements of what someone does.
            examples:
              bad: [Resolves routine tickets without escalation!]
              good: [Resolves routine tickets without escalation]
            """, to: "house-rules/no-shouting.yaml", in: root)
        try waitUntil("the rebuild after a house rule") { try version(client) != served }
        served = try version(client)

        let added = try String(contentsOf: root.appendingPathComponent(competency), encoding: .utf8)
            .replacingOccurrences(of: "id: consultative-selling", with: "id: consultative-listening")
            .replacingOccurrences(of: "name: Consultative selling", with: "name: Consultative listening")
        try CLIWrite.file(added, to: "pathways/competencies/consultative-listening.competency.yaml", in: root)
        try waitUntil("the new page") { try client.get("/competencies/consultative-listening.html").status == 200 }
    }

    /// A repository that fails from the start has no site to show: a page of its errors, which
    /// reloads into the site once they are fixed.
    func testFirstBuildFailingShowsTheErrorsThenTheSite() throws {
        let root = try copyOfRepository()
        try edit(root, competency) { $0.replacingOccurrences(of: "kind: competency", with: "kind: competence") }
        let (_, client) = try serve(root)
        var served = ""
        try waitUntil("the first build") { served = try version(client); return !served.hasSuffix(".0") }
        let page = try client.get("/")
        XCTAssertTrue(page.body.contains("there is no earlier site to show"), page.body)
        XCTAssertTrue(page.body.contains("consultative-selling.competency.yaml"), page.body)
        XCTAssertTrue(page.body.contains("/__pathc/reload.js"))
        try edit(root, competency) { $0.replacingOccurrences(of: "kind: competence", with: "kind: competency") }
        try waitUntil("the site") { try client.get("/").body.contains("Key results at a glance") }
    }

    /// The preview's own files, and its folder gone after `stop`.
    func testReloadScriptStylesheetAndCleanStop() throws {
        let root = try copyOfRepository()
        let preview = try SitePreview(root: root.path, currentDirectory: root.path, interval: 0.05)
        let server = try LocalServer(port: 0, handler: preview.respond)
        let client = RawHTTPClient(port: server.port)
        // Before the first build has finished (or started), every page says it is on its way.
        XCTAssertTrue(try client.get("/").body.contains("pathc is building the site"))
        preview.start()
        try waitUntil("the first build") { !(try version(client).hasSuffix(".0")) }
        let script = try client.get("/__pathc/reload.js")
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.body.contains("fetch(\"/__pathc/version\""))
        let css = try client.get("/__pathc/preview.css")
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(try client.get("/__pathc/other").status, 404)
        // The policy served lets the script reach its own origin, and nothing more.
        let home = try client.get("/")
        XCTAssertEqual(home.headers["content-security-policy"], Page.contentSecurityPolicy + "; connect-src 'self'")
        XCTAssertTrue(home.body.contains("content=\"\(Page.contentSecurityPolicy); connect-src 'self'\""))
        XCTAssertEqual(home.headers["cache-control"], "no-store")
        XCTAssertTrue(FileManager.default.fileExists(atPath: preview.siteFolder + "/" + SiteWriter.marker))
        server.stop()
        preview.stop()
        XCTAssertFalse(FileManager.default.fileExists(atPath: preview.folder), "the private folder is removed")
        XCTAssertNil(try? RawHTTPClient(port: server.port).connect(), "the port is closed")
    }
}

/// Writes a file under a folder, making its folders.
enum CLIWrite {
    static func file(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
