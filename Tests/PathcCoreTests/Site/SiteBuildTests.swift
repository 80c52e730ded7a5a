import Foundation
import XCTest
@testable import PathcCore

/// `pathc build` end to end through the library: the site of this repository, of a generated
/// corpus and of hostile content; links, determinism, output schemas, escaping, and the writer's care.
final class SiteBuildTests: XCTestCase {
    /// Checks `root` and builds its site into `output`; fails the test on errors.
    @discardableResult
    private func build(_ root: URL, into output: URL, file: StaticString = #filePath, line: UInt = #line) throws -> SiteBuildSummary {
        var checker = Checker(root: root.path, currentDirectory: root.path)
        checker.computesVerdicts = true
        let result = checker.run()
        XCTAssertFalse(result.setupFailed, file: file, line: line)
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map { "\($0.file.path):\($0.start.line) \($0.message)" }, [],
                       file: file, line: line)
        let writer = try SiteWriter.prepare(target: output.path, root: root.path, protected: [root.appendingPathComponent("pathways").path])
        let summary = try SiteBuilder(result: result, root: root.path, currentDirectory: root.path).write(to: writer)
        try writer.commit()
        return summary
    }

    /// Builds this repository's site and reads the pages named, in order.
    private func repositoryPages(_ paths: String...) throws -> [String] {
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(TestPaths.repository, into: output)
        return try paths.map { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Every file under a folder, by path relative to it.
    private func files(under folder: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let path = url.resolvingSymlinksInPath().path
            found[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    // MARK: - The repository's own site

    func testEveryInternalLinkAndAssetResolves() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        let summary = try build(TestPaths.repository, into: output)
        let tree = try files(under: output)
        XCTAssertGreaterThan(summary.pages, 30)
        var checked = 0
        for (path, data) in tree where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for target in attributeValues(in: html, names: ["href", "src"]) {
                if target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:") { continue }
                XCTAssertFalse(target.hasPrefix("/"), "\(path): absolute link \(target)")
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let resolved = parts[0].isEmpty ? path : Paths.normalized("/" + folder + "/" + parts[0]).dropFirst().description
                guard let targetData = tree[resolved] else {
                    XCTFail("\(path): link to '\(target)' resolves to '\(resolved)', which the site does not have")
                    continue
                }
                if parts.count == 2 {
                    XCTAssertTrue(String(decoding: targetData, as: UTF8.self).contains("id=\"\(parts[1])\""), "\(path): no anchor for '\(target)'")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 500)
        for kind in ["okrs", "pathways", "competencies", "roles", "rubrics"] {
            XCTAssertNotNil(tree["\(kind)/index.html"], kind)
            XCTAssertTrue(tree.keys.contains { $0.hasPrefix("api/\(kind)/") && $0.hasSuffix(".json") }, kind)
        }
        XCTAssertNotNil(tree[".pathc-site"])
        XCTAssertNil(tree["sitemap.xml"], "no sitemap without base_url")
    }

    func testTwoBuildsAreByteIdentical() throws {
        let folder = try temporaryFolder()
        try build(TestPaths.repository, into: folder.appendingPathComponent("one"))
        try build(TestPaths.repository, into: folder.appendingPathComponent("two"))
        let one = try files(under: folder.appendingPathComponent("one"))
        let two = try files(under: folder.appendingPathComponent("two"))
        XCTAssertEqual(one.keys.sorted(), two.keys.sorted())
        for (path, data) in one { XCTAssertEqual(data, two[path], "\(path) differs between two builds") }
        // A rebuild over the first site gives the same tree again.
        try build(TestPaths.repository, into: folder.appendingPathComponent("one"))
        XCTAssertEqual(try files(under: folder.appendingPathComponent("one")), one)
    }

    /// A role page says in words what the role expects: each competency's behaviours at the
    /// role's level, the levels below folded, and what changes at the next level.
    func testARolePageShowsTheBehavioursExpectedAndTheNextLevel() throws {
        let page = try repositoryPages("roles/engineering-team-lead.html")[0]
        let expected = try XCTUnwrap(page.range(of: "<h2>What is expected</h2>"))
        let rest = String(page[expected.upperBound...])
        // Performance coaching, needed at level 2: its level-2 behaviour in the open, level 1 folded, level 3 as the next.
        for text in ["Reviews one recorded piece of work with each direct report every week",
                     "<details><summary>Taken for granted: the levels below</summary>",
                     "<details><summary>What changes at the next level: 3 · Advanced</summary>"] {
            XCTAssertTrue(rest.contains(text), text)
        }
        let open = try XCTUnwrap(rest.range(of: "Reviews one recorded piece of work")).lowerBound
        let folded = try XCTUnwrap(rest.range(of: "What changes at the next level: 3")).lowerBound
        XCTAssertLessThan(open, folded)
    }

    /// The OKR dashboard: by cycle, then level, strategy first; owner, progress and the status of
    /// the key results in words; each row carrying what the filter script reads.
    func testTheOKRDashboardGroupsByCycleAndLevelAndSaysHowEachStands() throws {
        let page = try repositoryPages("okrs/index.html")[0]
        let year = try XCTUnwrap(page.range(of: "<h2>Cycle 2026</h2>")).lowerBound
        let strategic = try XCTUnwrap(page.range(of: "<h3>Strategic <span class=\"group-count\" data-total=\"3\">(3)</span></h3>")).lowerBound
        let quarter = try XCTUnwrap(page.range(of: "<h2>Cycle 2026-Q3</h2>")).lowerBound
        let team = try XCTUnwrap(page.range(of: "<h3>Team <span class=\"group-count\" data-total=\"3\">(3)</span></h3>")).lowerBound
        let developmental = try XCTUnwrap(page.range(of: "<h3>Developmental <span class=\"group-count\" data-total=\"4\">(4)</span></h3>")).lowerBound
        XCTAssertEqual([year, strategic, quarter, team, developmental], [year, strategic, quarter, team, developmental].sorted())
        XCTAssertTrue(page.contains("<td data-label=\"Owner\">chief-customer-officer</td>"), page)
        XCTAssertTrue(page.contains("<td data-label=\"Key results\"><span class=\"kr-status on-track\">● 3 on track</span></td>"), page)
        XCTAssertTrue(page.contains("<td data-label=\"Progress\">66%</td>"), page)
        XCTAssertTrue(page.contains("<tr data-owner=\"chief-customer-officer\" data-statuses=\"on-track\" data-risk=\"0.34\" data-order=\"0\">"), page)
        // The filters, hidden until the script shows them; every owner offered once.
        XCTAssertTrue(page.contains("<form class=\"filters\" id=\"okr-filters\" hidden>"), page)
        XCTAssertEqual(page.components(separatedBy: "<option value=\"sales-enablement\">").count - 1, 1)
        XCTAssertTrue(page.contains("<script src=\"../assets/okrs.js\" defer></script>"), page)
    }

    /// Risk orders what needs attention first: at risk over stale over no data, then how far to go.
    func testOKRStandingRanksRisk() {
        let risky = progress("  - {date: 2026-08-15, value: 11}\n", today: "2026-08-20")
        let fine = progress("  - {date: 2026-08-15, value: 17}\n", today: "2026-08-20")
        XCTAssertEqual(risky.status, .atRisk)
        XCTAssertGreaterThan(OKRStanding([risky, fine]).risk, OKRStanding([fine, fine]).risk)
        XCTAssertEqual(OKRStanding([risky, fine]).statusText, "▲ 1 at risk, ● 1 on track")
        XCTAssertEqual(String(format2: 0.345), "0.35")
        XCTAssertEqual(String(format2: 3), "3.00")
    }

    /// A role compared with the next one: per competency the two levels and the behaviours of
    /// the levels in between; linked from the role's page.
    func testARoleIsComparedWithTheNextOneBehaviourByBehaviour() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(TestPaths.repository, into: output)
        let role = try String(contentsOf: output.appendingPathComponent("roles/account-executive.html"), encoding: .utf8)
        XCTAssertTrue(role.contains("<a href=\"../compare/account-executive.to.sales-manager.html\">What changes at the next level: Enterprise sales manager</a>"), role)
        XCTAssertTrue(role.contains("<a href=\"../checklists/account-executive.html\">Checklist and self-assessment</a>"), role)
        let page = try String(contentsOf: output.appendingPathComponent("compare/account-executive.to.sales-manager.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("2 competencies at a higher level, 1 new competency; 10 behaviours to add."), page)
        // Consultative selling 3 to 4: level 4's behaviours are new, level 3's are not.
        let new = try XCTUnwrap(page.range(of: "<h2>What is new</h2>")).upperBound
        let rest = String(page[new...])
        XCTAssertTrue(rest.contains("Negotiates multi-year enterprise agreements without discounting below the approved floor"), rest)
        XCTAssertFalse(rest.contains("Builds a mutual action plan with the buyer for every late-stage opportunity"), rest)
        XCTAssertTrue(page.contains("<td data-label=\"Enterprise account executive\">not needed</td><td data-label=\"Enterprise sales manager\">3 · Advanced</td>"), page)
        // The family's other direction is there too, and nothing else: no family, no comparison.
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("compare/sales-manager.to.account-executive.html").path))
        let compared = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("compare").path).sorted()
        XCTAssertEqual(compared, ["account-executive.to.sales-manager.html", "sales-manager.to.account-executive.html"])
        // The API says the same.
        let api = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("api/roles/account-executive.json"))) as? [String: Any])
        XCTAssertEqual(api["checklist"] as? String, "checklists/account-executive.html")
        let comparisons = try XCTUnwrap(api["comparisons"] as? [[String: Any]])
        XCTAssertEqual(comparisons.count, 1)
        XCTAssertEqual(comparisons.first?["role"] as? String, "sales-manager")
        XCTAssertEqual(comparisons.first?["page"] as? String, "compare/account-executive.to.sales-manager.html")
        XCTAssertEqual(comparisons.first?["next"] as? Bool, true)
    }

    /// Without `next`, the next role is the family's role that needs the least more.
    func testTheNextRoleOfAFamilyIsTheOneThatNeedsTheLeastMore() throws {
        let root = try copyOfRepository()
        for (id, levels) in [("junior", [1, 1]), ("middle", [2, 2]), ("senior", [3, 3])] {
            try """
                kind: role
                id: \(id)
                title: \(id.capitalized) seller
                family: sellers
                competencies:
                  - competency: consultative-selling
                    level: \(levels[0])
                  - competency: pipeline-forecasting
                    level: \(levels[1])
                """.write(to: root.appendingPathComponent("pathways/roles/\(id).role.yaml"), atomically: true, encoding: .utf8)
        }
        let result = Checker(root: root.path, currentDirectory: root.path).run()
        let junior = try XCTUnwrap(result.model.entity(.role, "junior"))
        let growth = RoleComparison.growth(in: result.model)
        XCTAssertEqual(growth[ObjectIdentifier(junior)]?.next?.id, "middle")
        XCTAssertNil(growth[ObjectIdentifier(try XCTUnwrap(result.model.entity(.role, "senior")))]?.next)
        XCTAssertEqual(growth[ObjectIdentifier(junior)]?.compared.map(\.id), ["middle", "senior"])
    }

    /// The checklist: a box and an evidence field per behaviour of the role's levels, the
    /// self-assessment's tools hidden until its script runs, and print styles.
    func testTheChecklistHasABoxAndEvidencePerBehaviour() throws {
        let pages = try repositoryPages("checklists/sales-manager.html", "assets/site.css", "assets/assess.js")
        let (page, css, script) = (pages[0], pages[1], pages[2])
        XCTAssertEqual(page.components(separatedBy: "<input type=\"checkbox\"").count - 1, 6)
        XCTAssertEqual(page.components(separatedBy: "<textarea").count - 1, 6)
        XCTAssertTrue(page.contains("<tr data-item=\"consultative-selling/4/0\"><td class=\"box\"><input type=\"checkbox\" id=\"done-1\" aria-label=\"I do this: Negotiates multi-year enterprise agreements without discounting below the approved floor\">"), page)
        XCTAssertTrue(page.contains("<div class=\"assess-tools\" id=\"assess-tools\" hidden data-key=\"pathc-assessment:pathc example organisation:sales-manager\" data-role=\"sales-manager\">"), page)
        XCTAssertTrue(page.contains("<script src=\"../assets/assess.js\" defer></script>"), page)
        XCTAssertTrue(css.contains("@media print"), css)
        XCTAssertTrue(css.contains("[hidden] { display: none !important; }"), css)
        XCTAssertTrue(script.contains("localStorage"), script)
        for network in ["fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket"] { XCTAssertFalse(script.contains(network), network) }
    }

    /// A developmental OKR names the competencies it develops and the pathway it follows; each
    /// page involved shows the link.
    func testDevelopmentalOKRsShowWhatTheyDevelopOnEveryPageInvolved() throws {
        let pages = try repositoryPages("okrs/escalation-handling-2026-q3.html", "competencies/root-cause-diagnosis.html",
                                        "pathways/escalation-diagnosis-journey.html")
        let (okr, competency, pathway) = (pages[0], pages[1], pages[2])
        XCTAssertTrue(okr.contains("<dt>Competencies it develops</dt><dd><a href=\"../competencies/root-cause-diagnosis.html\">Root-cause diagnosis</a>, <a href=\"../competencies/escalation-management.html\">Escalation management</a></dd>"), okr)
        XCTAssertTrue(okr.contains("<dt>Pathway followed</dt><dd><a href=\"../pathways/escalation-diagnosis-journey.html\">"), okr)
        XCTAssertFalse(okr.contains("Competencies that support it"), okr)
        XCTAssertTrue(competency.contains("<dt>OKRs that develop it</dt><dd><a href=\"../okrs/escalation-handling-2026-q3.html\">"), competency)
        XCTAssertTrue(pathway.contains("<dt>Developmental OKRs that follow it</dt><dd><a href=\"../okrs/escalation-handling-2026-q3.html\">"), pathway)
    }

    func testAnUnknownCompetencyOrPathwayOfAnOKRIsAnError() throws {
        let root = try copyOfRepository()
        let path = root.appendingPathComponent("pathways/okrs/developmental/escalation-handling-2026-q3.okr.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        try text.replacingOccurrences(of: "develops: [root-cause-diagnosis,", with: "develops: [root-cause-diagnostics,")
            .replacingOccurrences(of: "pathway: escalation-diagnosis-journey", with: "pathway: escalation-journey")
            .write(to: path, atomically: true, encoding: .utf8)
        let result = Checker(root: root.path, currentDirectory: root.path).run()
        let unknown = result.diagnostics.filter { $0.code.code == "PW2002" }.map(\.message)
        XCTAssertEqual(unknown.count, 2, "\(result.diagnostics.map(\.message))")
        XCTAssertTrue(unknown.contains { $0.contains("root-cause-diagnostics") }, "\(unknown)")
        XCTAssertTrue(unknown.contains { $0.contains("escalation-journey") }, "\(unknown)")
    }

    /// A competency's levels side by side, each with what it adds; the matrix's cells open to the
    /// behaviours of the level without a script.
    func testLevelsSideBySideAndTheMatrixOpensToBehaviours() throws {
        let pages = try repositoryPages("competencies/consultative-selling.html", "matrix.html")
        let (page, matrix) = (pages[0], pages[1])
        XCTAssertTrue(page.contains("<h2>Levels side by side</h2><div class=\"levels\"><section class=\"level\"><h3>1 · Foundational</h3><p class=\"small muted\">Where it starts: 2 behaviours</p>"), page)
        XCTAssertTrue(page.contains("<h3>4 · Expert</h3><p class=\"small muted\">Adds 2 behaviours to 3 · Advanced</p>"), page)
        XCTAssertTrue(matrix.contains("<td class=\"need level-4\"><details><summary>4 · Expert</summary><ul><li>Negotiates multi-year enterprise agreements"), matrix)
    }

    /// The journey: the whole title of every stage, one difficulty scale, the stage number under
    /// its bar; the check-in chart marks today.
    func testTheJourneyShowsWholeTitlesOnOneScaleAndChartsMarkToday() throws {
        let pages = try repositoryPages("pathways/escalation-diagnosis-journey.html", "okrs/consultative-selling-2026-q3.html")
        let (page, okr) = (pages[0], pages[1])
        let start = try XCTUnwrap(page.range(of: "<svg class=\"journey\"")).lowerBound
        let end = try XCTUnwrap(page.range(of: "</svg>", range: start..<page.endIndex)).upperBound
        let picture = String(page[start..<end])
        XCTAssertFalse(picture.contains("…"), picture)
        for line in ["Root-cause notes", "alongside a senior", "engineer"] { XCTAssertTrue(picture.contains(">\(line)</text>"), line) }
        for level in 1...5 { XCTAssertTrue(picture.contains("dominant-baseline=\"middle\">\(level)</text>"), "scale \(level)") }
        XCTAssertTrue(picture.contains(">Stage 1</text>"), picture)
        XCTAssertTrue(okr.contains("<line class=\"today\""), okr)
        XCTAssertTrue(okr.contains(">today</text>"), okr)
    }

    /// The quality page lists findings the most severe first, each at the entity it is in.
    func testTheQualityPageListsFindingsBySeverityAtTheirEntity() throws {
        let root = try copyOfRepository()
        let fixture = TestPaths.repository.appendingPathComponent("Tests/PathcCLITests/Fixtures/risk-2026-q3.okr.yaml")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        // Two at-risk notes come first in the file; a vague objective's warning comes after them.
        try text.replacingOccurrences(of: "objective: Resolve enterprise customer escalations within five working days to protect renewals",
                                      with: "objective: Improve the customer experience across all channels")
            .write(to: root.appendingPathComponent("pathways/okrs/team/risk-2026-q3.okr.yaml"), atomically: true, encoding: .utf8)
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(root, into: output)
        let page = try String(contentsOf: output.appendingPathComponent("quality.html"), encoding: .utf8)
        let warning = try XCTUnwrap(page.range(of: "PW3003 vague-term")).lowerBound
        let note = try XCTUnwrap(page.range(of: "PW6002 at-risk")).lowerBound
        XCTAssertLessThan(warning, note, "the warning comes before the notes")
        XCTAssertTrue(page.contains("<a href=\"okrs/risk-2026-q3.html\">Improve the customer experience across all channels</a>"), page)
    }

    /// Search finds the words of behaviours and descriptions, not only titles.
    func testSearchIndexesTheWordsOfEachEntity() throws {
        let script = try repositoryPages("assets/search-index.js")[0]
        let json = String(script.dropFirst("window.PATHC_SEARCH = ".count).dropLast(2))
        let entries = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let competency = try XCTUnwrap(entries.first { $0["id"] as? String == "root-cause-diagnosis" })
        XCTAssertTrue((competency["text"] as? String ?? "").contains("five whys"))
        XCTAssertTrue(entries.allSatisfy { ($0["text"] as? String ?? "").utf8.count <= 1_500 })
    }

    /// site.json is streamed a wave of entities at a time, so that the whole API is never in
    /// memory. Whatever the wave, even one entity, the file is the document made in memory, and
    /// the rest of the site is the same.
    func testStreamedSiteJSONIsTheDocumentMadeInMemory() throws {
        let root = TestPaths.repository
        var checker = Checker(root: root.path, currentDirectory: root.path)
        checker.computesVerdicts = true
        var builder = SiteBuilder(result: checker.run(), root: root.path, currentDirectory: root.path)
        XCTAssertGreaterThan(builder.site.model.all(.okr).count, 3, "the waves below must cross entity and kind boundaries")
        let inMemory = Data(builder.api.siteDocument())
        var trees: [[String: Data]] = []
        for wave in [1, 3, 2048] {
            builder.apiWave = wave
            let output = try temporaryFolder().appendingPathComponent("site")
            let writer = try SiteWriter.prepare(target: output.path, root: root.path, protected: [root.appendingPathComponent("pathways").path])
            let summary = try builder.write(to: writer)
            try writer.commit()
            let tree = try files(under: output)
            XCTAssertEqual(tree["api/site.json"], inMemory, "site.json streamed in waves of \(wave)")
            XCTAssertEqual(summary.bytes, tree.filter { $0.key != SiteWriter.marker }.values.reduce(0) { $0 + $1.count },
                           "the summary counts every byte written")
            trees.append(tree)
        }
        XCTAssertEqual(trees[0], trees[1])
        XCTAssertEqual(trees[1], trees[2])
    }

    /// The API writes verdicts straight to bytes; they must stay `check --format json`'s verdicts
    /// less the entity's file, kind and id.
    func testTheSitesVerdictsAreTheChecksLessTheirEntity() throws {
        var checker = Checker(root: TestPaths.repository.path, currentDirectory: TestPaths.repository.path)
        checker.computesVerdicts = true
        let verdicts = checker.run().verdicts
        XCTAssertGreaterThan(verdicts.count, 10)
        XCTAssertTrue(verdicts.contains { !$0.passes } || verdicts.contains { $0.bloom != nil }, "the verdicts must vary")
        for verdict in verdicts {
            guard case .object(let members) = verdict.json else { return XCTFail("a verdict is an object") }
            let expected = JSONWriter(pretty: false).bytes(.object(members.filter { !["file", "kind", "id"].contains($0.key) }))
            var json = JSONStream(capacity: 256)
            SiteJSON.verdict(verdict, into: &json)
            XCTAssertEqual(String(decoding: json.bytes, as: UTF8.self), String(decoding: expected, as: UTF8.self))
        }
    }

    func testPagesCarryTheContentSecurityPolicyAndNoExternalResources() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(TestPaths.repository, into: output)
        for (path, data) in try files(under: output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(html.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"), path)
            XCTAssertFalse(html.contains("<style"), "\(path): inline style element")
            XCTAssertFalse(html.contains(" style=\""), "\(path): inline style attribute")
            XCTAssertFalse(html.contains("<script>"), "\(path): inline script")
            let scripts = html.components(separatedBy: "<script ").count - 1
            // The search, the dashboard's filters and the checklists' self-assessment; nothing else.
            let expected = path == "search.html" ? 2 : path == "okrs/index.html" || path.hasPrefix("checklists/") ? 1 : 0
            XCTAssertEqual(scripts, expected, "\(path): scripts")
        }
    }

    // MARK: - JSON against schemas/output

    private func outputSchema(_ name: String) throws -> SchemaValidator {
        let url = TestPaths.repository.appendingPathComponent("schemas/output/\(name)")
        let document = SchemaDocument.compile(SourceFile(path: url.path, text: try String(contentsOf: url, encoding: .utf8)))
        XCTAssertEqual(document.problems.map(\.message), [], name)
        XCTAssertEqual(document.externalReferences, [], name)
        return SchemaValidator(document)
    }

    private func assertValid(_ validator: SchemaValidator, _ node: Node, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let violations = validator.validate(node).violations
        XCTAssertEqual(violations.map { "\($0.pointer): \($0.problem)" }, [], what, file: file, line: line)
    }

    /// Validates every JSON file of a built site with pathc's own validator; returns how many.
    private func validateJSON(of output: URL) throws -> Int {
        let site = try outputSchema("site.schema.json"), entity = try outputSchema("entity.schema.json")
        let diagnostics = try outputSchema("diagnostics.schema.json")
        var count = 0
        for (path, data) in try files(under: output) where path.hasPrefix("api/") && path.hasSuffix(".json") && !path.hasPrefix("api/schemas/") {
            let tree = SyntaxTree.parse(SourceFile(path: path, bytes: [UInt8](data)))
            XCTAssertEqual(tree.diagnostics.map(\.message), [], path)
            guard let root = tree.root else { continue }
            switch path {
            case "api/site.json":
                assertValid(site, root, path)
                for kind in ["competencies", "roles", "rubrics", "pathways", "okrs"] {
                    for (index, item) in (root[kind]?.sequence ?? []).enumerated() { assertValid(entity, item, "\(path) /\(kind)/\(index)") }
                }
            case "api/diagnostics.json": assertValid(diagnostics, root, path)
            default: assertValid(entity, root, path)
            }
            count += 1
        }
        return count
    }

    func testThisRepositorysJSONValidatesAgainstTheOutputSchemas() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(TestPaths.repository, into: output)
        XCTAssertGreaterThan(try validateJSON(of: output), 27)
        // The schemas travel with the site, and are the repository's.
        for name in SiteJSON.schemaFiles {
            XCTAssertEqual(try Data(contentsOf: output.appendingPathComponent("api/schemas/\(name)")),
                           try Data(contentsOf: TestPaths.repository.appendingPathComponent("schemas/output/\(name)")), name)
        }
    }

    func testGeneratedCorpusJSONValidatesAgainstTheOutputSchemas() throws {
        let generator = try TestPaths.sharedFolder("bench").appendingPathComponent("gen_corpus.py")
        let corpus = try temporaryFolder().appendingPathComponent("corpus")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, corpus.path, "--okrs", "150"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try XCTSkipIf(process.terminationStatus != 0, "python3 could not run the corpus generator")
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(corpus, into: output)
        XCTAssertGreaterThan(try validateJSON(of: output), 150)
    }

    func testEntityJSONResolvesReferencesBothWaysAndComputesProgress() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(TestPaths.repository, into: output)
        let okr = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("api/okrs/consultative-selling-2026-q3.json"))) as! [String: Any]
        XCTAssertEqual((okr["alignment"] as! [String: Any])["parents"] as! [String], ["enterprise-revenue-2026"])
        XCTAssertEqual((okr["supportedBy"] as! [String: Any])["pathways"] as! [String], ["consultative-selling-journey"])
        let first = (okr["keyResults"] as! [[String: Any]])[0]
        XCTAssertEqual(first["id"] as? String, "two-touch-resolution")
        XCTAssertEqual(first["status"] as? String, "on-track")
        // 42% to 75%, latest 61%: (61 - 42) / (75 - 42) = 57.6% of the way.
        XCTAssertEqual(first["progress"] as? Double, 57.6)
        let latest = (first["latest"] as! [String: Any])["value"] as! [String: Any]
        XCTAssertEqual(latest["value"] as? Int, 61)
        XCTAssertEqual(latest["percent"] as? Bool, true)
        let data = okr["data"] as! [String: Any]
        let baseline = (data["key_results"] as! [[String: Any]])[0]["baseline"] as! [String: Any]
        XCTAssertEqual(baseline["value"] as? Int, 42)
        XCTAssertEqual(baseline["percent"] as? Bool, true)
        let strategy = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("api/okrs/enterprise-revenue-2026.json"))) as! [String: Any]
        let referrers = (strategy["referencedBy"] as! [[String: Any]]).map { "\($0["kind"]!)/\($0["id"]!)" }
        XCTAssertTrue(referrers.contains("okr/consultative-selling-2026-q3"))
        XCTAssertTrue(referrers.contains("competency/consultative-selling"))
        XCTAssertEqual((okr["quality"] as! [[String: Any]]).first?["path"] as? String, "/objective")
    }

    // MARK: - Key-result status

    private func progress(_ checkins: String, today: String, cadence: String = "biweekly") -> KeyResultProgress {
        let text = "id: kr\nbaseline: 10\ntarget: 20\ncheckins:\n" + checkins
        let node = parse(text).root!
        return KeyResultProgress(KeyResult(node: node, index: 0), cycle: Cycle("2026-Q3"), cadence: cadence, today: CalendarDate(today)!)
    }

    func testKeyResultStatuses() {
        XCTAssertEqual(progress("  []\n", today: "2026-08-20").status, .noData)
        XCTAssertEqual(progress("  - {date: 2026-08-01, value: 21}\n", today: "2026-08-20").status, .done)
        XCTAssertEqual(progress("  - {date: 2026-07-15, value: 13}\n", today: "2026-08-20").status, .stale)
        XCTAssertEqual(progress("  - {date: 2026-08-15, value: 11}\n", today: "2026-08-20").status, .atRisk)
        XCTAssertEqual(progress("  - {date: 2026-08-15, value: 17}\n", today: "2026-08-20").status, .onTrack)
        XCTAssertEqual(progress("  - {date: 2026-08-15, value: 17}\n", today: "2026-08-20").percent, 70)
    }

    // MARK: - Hostile content

    static let payload = "<script>alert(1)</script>\"onerror=alert(1)"
    static let linkPayload = "javascript:alert(1) JaVaScRiPt:alert(2) https://ok.example/x?a=1&b=2"

    /// Puts the payloads into every free-text value of a YAML file: long text fields, text list
    /// items and every line of folded and literal blocks get both appended; short fields (names,
    /// titles, owners: the schemas cap their length) become a word and the markup payload.
    static func poisoned(_ text: String) -> String {
        let longKeys: Set<String> = ["description", "summary", "objective", "result", "metric", "source", "task", "evidence",
                                     "focus", "with", "debrief", "outcome", "note"]
        let shortKeys: Set<String> = ["title", "name", "owner", "sponsor", "family", "category", "unit"]
        var lines: [String] = []
        var blockIndent: Int?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indent = line.prefix(while: { $0 == " " }).count
            let body = line.dropFirst(indent)
            if let current = blockIndent, indent > current, !body.isEmpty {
                lines.append(line + " " + payload + " " + linkPayload)
                continue
            }
            blockIndent = nil
            var content = Substring(body)
            let item = content.hasPrefix("- ")
            if item { content = content.dropFirst(2) }
            if let colon = content.range(of: ": ") {
                let key = String(content[..<colon.lowerBound]), value = content[colon.upperBound...]
                let prefix = String(line.prefix(indent)) + (item ? "- " : "") + key + ": "
                if value == ">" || value == "|" || value.hasPrefix(">") || value.hasPrefix("|") {
                    blockIndent = indent
                    lines.append(line)
                } else if value.hasPrefix("[") || value.hasPrefix("{") || value.hasPrefix("\"") {
                    lines.append(line)
                } else if longKeys.contains(key) {
                    lines.append(line + " " + payload + " " + linkPayload)
                } else if shortKeys.contains(key) {
                    lines.append(prefix + "Item " + payload)
                } else {
                    lines.append(line)
                }
            } else if item, content.contains(" "), !content.hasPrefix("{"), !content.hasPrefix("["), !content.hasSuffix(":") {
                lines.append(line + " " + payload + " " + linkPayload)
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    func testContentCannotPutMarkupOrScriptIntoTheSite() throws {
        let root = try copyOfRepository()
        var poisonedFiles = 0
        for case let url as URL in FileManager.default.enumerator(at: root.appendingPathComponent("pathways"), includingPropertiesForKeys: nil)!
            where url.pathExtension == "yaml" {
            let text = try String(contentsOf: url, encoding: .utf8)
            try Self.poisoned(text).write(to: url, atomically: true, encoding: .utf8)
            poisonedFiles += 1
        }
        XCTAssertGreaterThan(poisonedFiles, 20)
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(root, into: output)
        var escapedSeen = 0, linksSeen = 0
        for (path, data) in try files(under: output) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let html = String(decoding: data, as: UTF8.self)
            let lower = html.lowercased()
            XCTAssertFalse(lower.contains("<script>alert"), "\(path): script survived")
            XCTAssertFalse(lower.contains("\"onerror="), "\(path): attribute break survived")
            XCTAssertFalse(lower.contains("href=\"javascript:"), "\(path): javascript link")
            XCTAssertFalse(lower.contains("src=\"javascript:"), "\(path): javascript source")
            for value in attributeValues(in: html, names: ["href", "src"]) {
                let scheme = value.lowercased()
                XCTAssertTrue(!scheme.contains(":") || scheme.hasPrefix("https:") || scheme.hasPrefix("http:") || scheme.hasPrefix("mailto:"),
                              "\(path): link '\(value)'")
            }
            escapedSeen += html.components(separatedBy: "&lt;script&gt;alert(1)&lt;/script&gt;").count - 1
            linksSeen += html.components(separatedBy: "href=\"https://ok.example/x?a=1&amp;b=2\"").count - 1
        }
        XCTAssertGreaterThan(escapedSeen, 100, "the payload should reach the pages, escaped")
        XCTAssertGreaterThan(linksSeen, 10, "https addresses in text become links")
        // The search index is data for a script that builds DOM nodes with textContent only.
        let script = try String(contentsOf: output.appendingPathComponent("assets/search.js"), encoding: .utf8)
        XCTAssertFalse(script.contains("innerHTML"))
    }

    /// Attribute values of the given names, unescaped for `&amp;` only (enough for paths).
    private func attributeValues(in html: String, names: [String]) -> [String] {
        var values: [String] = []
        for name in names {
            for part in html.components(separatedBy: " \(name)=\"").dropFirst() {
                guard let end = part.firstIndex(of: "\"") else { continue }
                values.append(String(part[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
            }
        }
        return values
    }

    func testFileNamesOfUnsafeIDsStayInTheirFolder() {
        XCTAssertEqual(SiteModel.fileName("sales-coaching"), "sales-coaching")
        let names = ["../etc/passwd", "..", ".", "a/b", "%2e%2e", "Sales", "sales", "sаles", "", String(repeating: "x", count: 300), "a\u{0}b"]
            .map(SiteModel.fileName)
        for name in names {
            XCTAssertFalse(name.contains("/") || name.contains(".") || name.contains("%") || name.isEmpty, name)
            XCTAssertLessThan(name.utf8.count, 255, name)
        }
        XCTAssertEqual(Set(names).count, names.count, "distinct ids get distinct file names")
    }

    func testSitemapWhenBaseURLIsSet() throws {
        let root = try copyOfRepository()
        let config = root.appendingPathComponent("pathc.yaml")
        try (try String(contentsOf: config, encoding: .utf8) + "base_url: https://people.example.com/pathways\n")
            .write(to: config, atomically: true, encoding: .utf8)
        let output = try temporaryFolder().appendingPathComponent("site")
        try build(root, into: output)
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        XCTAssertTrue(sitemap.contains("<loc>https://people.example.com/pathways/okrs/consultative-selling-2026-q3.html</loc>"))
        XCTAssertTrue(sitemap.contains("<loc>https://people.example.com/pathways/index.html</loc>"))
    }

    // MARK: - The writer's care

    func testRefusesFoldersItDidNotCreateAndDangerousTargets() throws {
        let root = try copyOfRepository()
        let precious = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: precious, withIntermediateDirectories: true)
        try "keep me".write(to: precious.appendingPathComponent("todo.txt"), atomically: true, encoding: .utf8)
        let protected = [root.appendingPathComponent("pathways").path, root.appendingPathComponent("schemas").path]
        for target in [precious.path, "/", root.path, root.deletingLastPathComponent().path, root.appendingPathComponent("pathways").path,
                       root.appendingPathComponent("pathways/okrs").path, root.appendingPathComponent("schemas/../pathways").path] {
            XCTAssertThrowsError(try SiteWriter.prepare(target: target, root: root.path, protected: protected), target) { error in
                XCTAssertTrue((error as? SiteWriteError)?.message.hasPrefix("refusing to write the site to") == true, "\(error)")
            }
        }
        XCTAssertEqual(try String(contentsOf: precious.appendingPathComponent("todo.txt"), encoding: .utf8), "keep me")
        // A symbolic link is refused too, whatever it points at.
        let link = root.appendingPathComponent("linked-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: precious)
        XCTAssertThrowsError(try SiteWriter.prepare(target: link.path, root: root.path, protected: protected))
    }

    func testAFailedBuildLeavesThePreviousSiteAndNoLeftovers() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("site")
        try build(TestPaths.repository, into: output)
        let before = try files(under: output)
        // A build that fails part-way: some files written, then abandoned.
        let writer = try SiteWriter.prepare(target: output.path, root: TestPaths.repository.path, protected: [])
        try writer.write("index.html", Array("half a site".utf8))
        writer.abandon()
        XCTAssertEqual(try files(under: output), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
        // A build killed part-way leaves its staging folder; the next build removes it.
        let leftover = folder.appendingPathComponent(".site.pathc-tmp-999999")
        do {
            // (The writer ends with this block, as its process would: its lock goes with it.)
            let killed = try SiteWriter.prepare(target: output.path, root: TestPaths.repository.path, protected: [])
            try killed.write("index.html", Array("killed".utf8))
            try FileManager.default.moveItem(atPath: killed.staging, toPath: leftover.path)
        }
        XCTAssertEqual(try files(under: output), before)
        try build(TestPaths.repository, into: output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["site"])
        XCTAssertEqual(try files(under: output), before)
        // Killed before its staging folder was marked: the empty folder is removed; a folder of
        // that name with something else in it is not pathc's, and stays.
        let unmarked = folder.appendingPathComponent(".site.pathc-tmp-999998")
        let foreign = folder.appendingPathComponent(".site.pathc-old-999997")
        try FileManager.default.createDirectory(at: unmarked, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: false)
        try Data("not pathc's".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        try build(TestPaths.repository, into: output)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), [".site.pathc-old-999997", "site"])
        XCTAssertEqual(try String(contentsOf: foreign.appendingPathComponent("notes.txt"), encoding: .utf8), "not pathc's")
    }

    func testAnEmptyFolderPathcDidNotMakeIsNotReplaced() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        XCTAssertThrowsError(try build(TestPaths.repository, into: output)) { error in
            XCTAssertEqual((error as? SiteWriteError)?.help, "remove the empty folder, or choose another with --out")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), [])
        try FileManager.default.removeItem(at: output)
        try build(TestPaths.repository, into: output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }
}
