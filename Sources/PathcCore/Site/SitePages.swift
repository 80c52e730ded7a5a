/// Renders the site's HTML pages from the site model. Every page is a pure function of the
/// model, so pages render on all cores in any order and come out the same.
struct SitePages: Sendable {
    let site: SiteModel
    let project: String
    let footer: String

    init(site: SiteModel) {
        self.site = site
        project = site.config.name ?? "Pathways"
        footer = "Built by pathc \(PathcVersion.current) from \(site.fileCount) files · progress as of \(site.today)"
    }

    // MARK: - Competencies, roles, rubrics

    /// Levels and behaviours; the roles that need it; the pathways that build it; the strategy it supports.
    func competencyPage(_ competency: Entity) -> [UInt8] {
        var page = Page(path: SiteModel.pagePath(competency))
        page.begin(title: site.title(competency), project: project, section: "Competencies")
        heading(&page, badge: "Competency", competency)
        if let description = competency.text(.description) {
            page.html.raw("<p class=\"lead\">"); page.html.textWithLinks(description); page.html.raw("</p>")
        }
        page.facts([("Category", competency.text(.category))])
        // The levels side by side, each with what it adds to the one before: the comparison a
        // reader makes between two levels, made once. On a phone the columns stack.
        let levels = competency.root[.levels]?.sequence ?? []
        page.html.raw("<section><h2>Levels side by side</h2><div class=\"levels\">")
        for (index, level) in levels.enumerated() {
            page.html.raw("<section class=\"level\"><h3>"); page.html.text(levelLabel(level)); page.html.raw("</h3><p class=\"small muted\">")
            let count = level[.behaviors]?.sequence?.count ?? 0
            let adds = count == 1 ? "1 behaviour" : "\(count) behaviours"
            page.html.text(index == 0 ? "Where it starts: \(adds)" : "Adds \(adds) to \(levelLabel(levels[index - 1]))")
            page.html.raw("</p><ul>")
            for (behaviourIndex, behaviour) in (level[.behaviors]?.sequence ?? []).enumerated() {
                page.html.raw("<li>"); page.html.text(behaviour.scalar?.text ?? "")
                page.verdict(site.verdict(competency, "/levels/\(index)/behaviors/\(behaviourIndex)"))
                page.html.raw("</li>")
            }
            page.html.raw("</ul></section>")
        }
        page.html.raw("</div></section><section><h2>Where it matters</h2><dl class=\"facts\"><div><dt>Roles that need it</dt><dd>")
        let roles = site.referrers(competency, kind: .role)
        if roles.isEmpty { page.html.raw("<span class=\"muted\">none</span>") }
        for (index, role) in roles.enumerated() {
            if index > 0 { page.html.raw(", ") }
            page.html.link(page.href(role), site.title(role))
            let level = role.root[.competencies]?.sequence?.first { $0[.competency]?.string == competency.id }?[.level]
            page.html.text(" (\(levelName(competency.id, level)))")
        }
        page.html.raw("</dd></div><div><dt>Pathways that build it</dt><dd>")
        page.links(site.referrers(competency, kind: .pathway), site: site)
        page.html.raw("</dd></div><div><dt>OKRs that develop it</dt><dd>")
        page.links(site.referrers(competency, kind: .okr, field: .develops), site: site)
        page.html.raw("</dd></div><div><dt>Strategy it supports</dt><dd>")
        page.links(site.referred(competency, kind: .okr, field: .supports), site: site)
        page.html.raw("</dd></div></dl></section>")
        page.source(competency, site: site)
        page.end(footer: footer)
        return page.html.bytes
    }

    /// What the role expects, in words: for each competency, the behaviours of the role's level,
    /// then, folded, those of the levels below (which the role takes for granted) and of the next
    /// level (what changes on the way up). Folded with `<details>`: no script needed.
    private func expectations(of role: Entity, into page: inout Page) {
        let items = role.root[.competencies]?.sequence ?? []
        guard !items.isEmpty else { return }
        page.html.raw("<section><h2>What is expected</h2>")
        for item in items {
            let id = item[.competency]?.string ?? ""
            guard let competency = site.model.entity(.competency, id), let needed = item[.level]?.integer else { continue }
            let levels = competency.root[.levels]?.sequence ?? []
            page.html.raw("<h3>"); page.html.link(page.href(competency), site.title(competency))
            page.html.raw(" <span class=\"muted\">· "); page.html.text(levelName(id, item[.level])); page.html.raw("</span></h3>")
            if let current = levels.first(where: { $0[.level]?.integer == needed }) {
                behaviourList(current, into: &page)
            } else {
                page.html.raw("<p class=\"muted\">The competency has no level of that number.</p>")
            }
            let below = levels.filter { ($0[.level]?.integer ?? .max) < needed }
            if !below.isEmpty {
                page.html.raw("<details><summary>Taken for granted: the levels below</summary>")
                for level in below {
                    page.html.raw("<p><strong>"); page.html.text(levelLabel(level)); page.html.raw("</strong></p>")
                    behaviourList(level, into: &page)
                }
                page.html.raw("</details>")
            }
            if let next = levels.filter({ ($0[.level]?.integer ?? .min) > needed }).min(by: { ($0[.level]?.integer ?? 0) < ($1[.level]?.integer ?? 0) }) {
                page.html.raw("<details><summary>What changes at the next level: ")
                page.html.text(levelLabel(next))
                page.html.raw("</summary>")
                behaviourList(next, into: &page)
                page.html.raw("</details>")
            }
        }
        page.html.raw("</section>")
    }

    /// The role's competency profile.
    func rolePage(_ role: Entity) -> [UInt8] {
        var page = Page(path: SiteModel.pagePath(role))
        page.begin(title: site.title(role), project: project, section: "Roles")
        heading(&page, badge: "Role", role)
        page.facts([("Family", role.text(.family))])
        page.html.raw("<section><h2>Competency profile</h2><table><thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">Level needed</th><th scope=\"col\">Of</th></tr></thead><tbody>")
        for item in role.root[.competencies]?.sequence ?? [] {
            let id = item[.competency]?.string ?? ""
            let competency = site.model.entity(.competency, id)
            let levels = competency?.root[.levels]?.sequence?.count ?? 0
            let level = item[.level]?.integer ?? 0
            page.html.raw("<tr><td>")
            if let competency { page.html.link(page.href(competency), site.title(competency)) } else { page.html.text(id) }
            page.html.raw("</td><td>"); page.html.text(levelName(id, item[.level]))
            page.html.raw("</td><td><span class=\"dots\" role=\"img\" aria-label=\"")
            page.html.text("level \(level) of \(levels)")
            page.html.raw("\">")
            for step in 0..<min(levels, 10) { page.html.raw(step < level ? "●" : "○") }
            page.html.raw("</span></td></tr>")
        }
        page.html.raw("</tbody></table></section>")
        let growth = site.growth(role)
        let next = growth.next
        page.html.raw("<section class=\"next\"><h2>Growing from here</h2><ul class=\"actions\">")
        if let next {
            page.html.raw("<li><strong>")
            page.html.link(page.href(RoleComparison.pagePath(from: role, to: next)), "What changes at the next level: \(site.title(next))")
            page.html.raw("</strong></li>")
        }
        let others = growth.compared.filter { $0 !== next }
        if !others.isEmpty {
            page.html.raw("<li>Compare with ")
            for (index, other) in others.enumerated() {
                if index > 0 { page.html.raw(", ") }
                page.html.link(page.href(RoleComparison.pagePath(from: role, to: other)), site.title(other))
            }
            page.html.raw("</li>")
        }
        page.html.raw("<li>")
        page.html.link(page.href(RoleComparison.checklistPath(role)), "Checklist and self-assessment")
        page.html.raw(" · ")
        page.html.link(page.href(SiteModel.trackerPath(role)), "Tracker for a spreadsheet (CSV)")
        page.html.raw(" <span class=\"muted\">(to print, or to fill in here: your answers stay in your browser)</span></li></ul></section>")
        expectations(of: role, into: &page)
        page.html.raw("<section><h2>Pathways for this role</h2><p>")
        page.links(site.referrers(role, kind: .pathway), site: site)
        page.html.raw("</p></section>")
        page.source(role, site: site)
        page.end(footer: footer)
        return page.html.bytes
    }

    /// Criteria by level.
    func rubricPage(_ rubric: Entity) -> [UInt8] {
        var page = Page(path: SiteModel.pagePath(rubric))
        page.begin(title: site.title(rubric), project: project, section: "Rubrics")
        heading(&page, badge: "Rubric", rubric)
        page.facts([("Last calibrated", rubric.root[.calibrated]?.scalar?.text ?? "never")])
        let scale = (rubric.root[.scale]?.sequence ?? []).map { $0.scalar?.text ?? "" }
        page.html.raw("<section><h2>Criteria by level</h2><div class=\"scroll\"><table class=\"rubric\"><thead><tr><th scope=\"col\">Criterion</th>")
        for level in scale { page.html.raw("<th scope=\"col\">"); page.html.text(level); page.html.raw("</th>") }
        page.html.raw("</tr></thead><tbody>")
        for (index, criterion) in (rubric.root[.criteria]?.sequence ?? []).enumerated() {
            page.html.raw("<tr><th scope=\"row\">"); page.html.text(criterion[.name]?.scalar?.text ?? criterion[.id]?.scalar?.text ?? "")
            page.html.raw("</th>")
            for (descriptorIndex, descriptor) in (criterion[.descriptors]?.sequence ?? []).enumerated() {
                page.html.raw("<td>"); page.html.text(descriptor.scalar?.text ?? "")
                page.verdict(site.verdict(rubric, "/criteria/\(index)/descriptors/\(descriptorIndex)"))
                page.html.raw("</td>")
            }
            page.html.raw("</tr>")
        }
        page.html.raw("</tbody></table></div></section><section><h2>Used by</h2><p>")
        page.links(site.referrers(rubric, kind: .pathway), site: site)
        page.html.raw("</p></section>")
        page.source(rubric, site: site)
        page.end(footer: footer)
        return page.html.bytes
    }

    func heading(_ page: inout Page, badge: String, _ entity: Entity) {
        page.html.markup("<p class=\"eyebrow\"><span class=\"badge \(entity.kind.rawValue)\">\(badge)</span> ")
        page.html.text(entity.id)
        page.html.raw("</p><h1>")
        page.html.text(site.title(entity))
        page.html.raw("</h1>")
    }

    // MARK: - Lists

    /// The list of every entity of a kind.
    func listPage(_ kind: EntityKind) -> [UInt8] {
        if kind == .okr { return okrListPage() }
        let folder = SiteModel.folder(kind)
        let section = folder.capitalizedFirst
        var page = Page(path: folder + "/index.html")
        page.begin(title: section, project: project, section: section)
        page.html.raw("<h1>"); page.html.text(section); page.html.raw("</h1>")
        let entities = site.model.all(kind)
        page.html.raw("<p class=\"muted\">"); page.html.number(entities.count); page.html.raw(entities.count == 1 ? " entry</p>" : " entries</p>")
        page.html.raw("<ul class=\"list\">")
        for entity in entities {
            page.html.raw("<li>"); page.html.link(page.href(entity), site.title(entity))
            page.html.raw(" <span class=\"muted\">"); page.html.text(entity.id); page.html.raw("</span></li>")
        }
        page.html.raw("</ul>")
        page.end(footer: footer)
        return page.html.bytes
    }

    /// Roles by competencies: the level each role needs of each competency.
    func matrixPage() -> [UInt8] {
        var page = Page(path: "matrix.html")
        page.begin(title: "Roles by competencies", project: project, section: "Matrix")
        page.html.raw("<h1>Roles by competencies</h1><p class=\"muted\">The level each role needs of each competency; a dash where it needs none. Open a level to read the behaviours it expects.</p>")
        let roles = site.model.all(.role)
        let competencies = site.model.all(.competency)
        page.html.raw("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th scope=\"col\">Competency</th>")
        for role in roles { page.html.raw("<th scope=\"col\">"); page.html.link(page.href(role), site.title(role)); page.html.raw("</th>") }
        page.html.raw("</tr></thead><tbody>")
        var needs: [ObjectIdentifier: [String: Int]] = [:]
        for role in roles {
            for item in role.root[.competencies]?.sequence ?? [] {
                if let id = item[.competency]?.string, let level = item[.level]?.integer { needs[ObjectIdentifier(role), default: [:]][id] = level }
            }
        }
        for competency in competencies {
            page.html.raw("<tr><th scope=\"row\">"); page.html.link(page.href(competency), site.title(competency)); page.html.raw("</th>")
            for role in roles {
                if let level = needs[ObjectIdentifier(role)]?[competency.id] {
                    page.html.markup("<td class=\"need level-\(min(level, 5))\">")
                    let behaviours = competency.competencyLevel(level)
                    if let behaviours {
                        page.html.raw("<details><summary>"); page.html.text(levelName(competency.id, level)); page.html.raw("</summary>")
                        behaviourList(behaviours, into: &page)
                        page.html.raw("</details>")
                    } else {
                        page.html.number(level)
                    }
                    page.html.raw("</td>")
                } else {
                    page.html.raw("<td class=\"none\"><span aria-label=\"not needed\">–</span></td>")
                }
            }
            page.html.raw("</tr>")
        }
        page.html.raw("</tbody></table></div>")
        page.end(footer: footer)
        return page.html.bytes
    }

    /// The findings, and the weakest statements first.
    func qualityPage() -> [UInt8] {
        var page = Page(path: "quality.html")
        page.begin(title: "Quality", project: project, section: "Quality")
        page.html.raw("<h1>Quality</h1>")
        let verdicts = site.allVerdicts
        let failing = verdicts.filter { !$0.passes }.sorted { a, b in
            let (fa, fb) = (failures(a), failures(b))
            if fa != fb { return fa > fb }
            return (site.source(a.entity), a.statement.node.span.start) < (site.source(b.entity), b.statement.node.span.start)
        }
        page.html.raw("<p class=\"lead\">")
        page.html.text("\(verdicts.count - failing.count) of \(verdicts.count) statements are specific, observable and measurable.")
        page.html.raw("</p><section><h2>Weakest statements first</h2>")
        if failing.isEmpty { page.html.raw("<p>Every statement passes.</p>") }
        page.html.raw("<ol class=\"weakest\">")
        for verdict in failing.prefix(200) {
            page.html.raw("<li><p>"); page.html.text(Whitespace.oneLine(verdict.statement.text)); page.html.raw("</p>")
            page.verdict(verdict)
            page.html.raw("<p class=\"small\">In "); page.html.link(page.href(verdict.entity), site.title(verdict.entity))
            page.html.raw(" <code>"); page.html.text(verdict.statement.pointer); page.html.raw("</code></p></li>")
        }
        page.html.raw("</ol>")
        if failing.count > 200 { page.html.text("and \(failing.count - 200) more, in api/site.json") }
        page.html.raw("</section><section><h2>Findings</h2>")
        let findings = site.diagnostics
        if findings.isEmpty { page.html.raw("<p>No findings.</p>") }
        else {
            // The most severe first, each in file order; where a finding is, by the name of the
            // entity it is in (linked), with the file and line beneath for those who edit it.
            let ordered = findings.indicesBySeverity().map { findings[$0] }
            var entities: [String: Entity] = [:]
            for entity in site.model.ordered { entities[entity.file.path] = entity }
            page.html.raw("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Severity</th><th scope=\"col\">Rule</th><th scope=\"col\">Message</th></tr></thead><tbody>")
            for diagnostic in ordered.prefix(1000) {
                page.html.raw("<tr><td>")
                if let entity = entities[diagnostic.file.path] {
                    page.html.link(page.href(entity), site.title(entity)); page.html.raw("<br>")
                }
                page.html.raw("<code class=\"small\">"); page.html.text("\(site.rootRelative(diagnostic.file)):\(diagnostic.start.line)")
                page.html.markup("</code></td><td data-label=\"Severity\"><span class=\"severity \(diagnostic.severity.rawValue)\">\(diagnostic.severity.rawValue)</span></td><td data-label=\"Rule\">")
                page.html.text("\(diagnostic.code.code) \(diagnostic.code.name)")
                page.html.raw("</td><td data-label=\"Message\">"); page.html.text(diagnostic.message); page.html.raw("</td></tr>")
            }
            page.html.raw("</tbody></table></div>")
            if findings.count > 1000 { page.html.text("and \(findings.count - 1000) more, in api/diagnostics.json") }
        }
        page.html.raw("</section>")
        page.end(footer: footer)
        return page.html.bytes
    }

    private func failures(_ verdict: QualityVerdict) -> Int {
        QualityAxis.allCases.reduce(0) { $0 + ((verdict.axes[$1]?.isEmpty ?? true) ? 0 : 1) }
    }

    /// Offline search: a form the search script fills with results; without JavaScript, the
    /// lists of every kind are a link away.
    func searchPage() -> [UInt8] {
        var page = Page(path: "search.html")
        page.begin(title: "Search", project: project, section: "Search", scripts: ["assets/search-index.js", "assets/search.js"])
        page.html.raw("<h1>Search</h1><form class=\"search\" role=\"search\"><label for=\"q\">Titles, objectives and ids</label><input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"e.g. objection, forecast\"></form>")
        page.html.raw("<p id=\"search-status\" class=\"muted\" aria-live=\"polite\"></p><ol id=\"results\" class=\"list\"></ol>")
        page.html.raw("<noscript><p>Search needs JavaScript. Every entry is also listed by kind: ")
        for (index, kind) in EntityKind.allCases.enumerated() {
            if index > 0 { page.html.raw(", ") }
            page.html.link(page.href(SiteModel.folder(kind) + "/index.html"), kind == .okr ? "OKRs" : SiteModel.folder(kind))
        }
        page.html.raw(".</p></noscript>")
        page.end(footer: footer)
        return page.html.bytes
    }
}
