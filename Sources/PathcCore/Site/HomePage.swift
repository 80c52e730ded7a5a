extension SitePages {
    /// The home page: the strategy tree (strategic OKRs, what aligns to them, the pathways and
    /// competencies that support them), key-result status at a glance, and the quality summary.
    func homePage() -> [UInt8] {
        var page = Page(path: "index.html")
        page.begin(title: project, project: project, section: "Home")
        page.html.raw("<h1>"); page.html.text(project); page.html.raw("</h1>")
        page.html.raw("<div class=\"cards\">")
        glance(&page)
        qualitySummary(&page)
        page.html.raw("</div><section><h2>Strategy</h2>")
        let okrs = site.model.all(.okr)
        let tops = okrs.filter { site.alignsToNothing($0) }
        if tops.isEmpty { page.html.raw("<p class=\"muted\">No OKRs yet.</p>") }
        page.html.raw("<ul class=\"tree\">")
        var shown = Set<ObjectIdentifier>()
        for okr in tops { branch(okr, depth: 0, shown: &shown, into: &page) }
        page.html.raw("</ul></section>")
        let kinds: [EntityKind] = [.pathway, .competency, .role, .rubric]
        page.html.raw("<section><h2>Everything else</h2><ul class=\"counts\">")
        for kind in kinds {
            let count = site.model.all(kind).count
            page.html.raw("<li>")
            page.html.link(page.href(SiteModel.folder(kind) + "/index.html"), "\(count) \(count == 1 ? kind.rawValue : SiteModel.folder(kind))")
            page.html.raw("</li>")
        }
        page.html.raw("<li>"); page.html.link(page.href("matrix.html"), "Roles by competencies"); page.html.raw("</li>")
        if let changes = site.changes {
            page.html.raw("<li>"); page.html.link(page.href("changes.html"), "What changed since \(changes.from)"); page.html.raw("</li>")
        }
        page.html.raw("</ul></section><section><h2>Exports</h2><ul class=\"counts\">")
        for (path, label) in [("exports/matrix.csv", "Roles by competencies (CSV)"), ("exports/okrs.csv", "Key results (CSV)"),
                              ("exports/case.json", "CASE 1.1 package (JSON)"), ("exports/badges.json", "Open Badges 3.0 achievements (JSON)")] {
            page.html.raw("<li>"); page.html.link(page.href(path), label); page.html.raw("</li>")
        }
        page.html.raw("</ul><p class=\"small muted\">A tracker per role, for a spreadsheet, is on each role's page.</p></section>")
        page.end(footer: footer)
        return page.html.bytes
    }

    /// How many aligned OKRs a branch lists before it links to the OKR's own page for the rest.
    private static let childrenShown = 12

    private func branch(_ okr: Entity, depth: Int, shown: inout Set<ObjectIdentifier>, into page: inout Page) {
        guard shown.insert(ObjectIdentifier(okr)).inserted else { return }
        page.html.raw("<li><div class=\"node\">")
        let level = okr.text(.level) ?? ""
        page.html.markup("<span class=\"badge \(["strategic", "team", "developmental"].contains(level) ? level : "okr")\">")
        page.html.text(level); page.html.raw("</span> ")
        page.html.link(page.href(okr), site.title(okr))
        let standing = OKRStanding(site.progress(okr))
        var facts = [okr.text(.owner), okr.root[.cycle]?.scalar?.text].compactMap { $0 }
        facts.append(standing.progress.map { "\($0)% of the way" } ?? "no check-in yet")
        if !standing.statuses.isEmpty { facts.append(standing.statusText) }
        page.html.raw("<p class=\"small muted\">"); page.html.text(facts.joined(separator: " · ")); page.html.raw("</p>")
        // What supports it, and for a developmental OKR what it develops and follows.
        var pathways = site.drivingPathways(okr)
        for pathway in site.referred(okr, kind: .pathway, field: .pathway) where !pathways.contains(where: { $0 === pathway }) { pathways.append(pathway) }
        var competencies = site.referrers(okr, kind: .competency)
        for competency in site.referred(okr, kind: .competency, field: .develops) where !competencies.contains(where: { $0 === competency }) {
            competencies.append(competency)
        }
        if !pathways.isEmpty || !competencies.isEmpty {
            page.html.raw("<p class=\"small\">")
            if !pathways.isEmpty { page.html.raw("Pathways: "); page.links(pathways, site: site) }
            if !pathways.isEmpty && !competencies.isEmpty { page.html.raw(" · ") }
            if !competencies.isEmpty { page.html.raw("Competencies: "); page.links(competencies, site: site) }
            page.html.raw("</p>")
        }
        page.html.raw("</div>")
        let children = site.alignedChildren(okr)
        if !children.isEmpty && depth < 8 {
            page.html.raw("<ul>")
            for child in children.prefix(Self.childrenShown) { branch(child, depth: depth + 1, shown: &shown, into: &page) }
            if children.count > Self.childrenShown {
                page.html.raw("<li class=\"more\">")
                page.html.link(page.href(okr), "and \(children.count - Self.childrenShown) more aligned OKRs")
                page.html.raw("</li>")
            }
            page.html.raw("</ul>")
        }
        page.html.raw("</li>")
    }

    private func glance(_ page: inout Page) {
        var counts: [KeyResultStatus: Int] = [:]
        for okr in site.model.all(.okr) { for progress in site.progress(okr) { counts[progress.status, default: 0] += 1 } }
        let total = counts.values.reduce(0, +)
        page.html.raw("<section class=\"card\"><h2>Key results at a glance</h2>")
        if total > 0 {
            page.html.raw("<svg class=\"stack\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\">")
            var x = 0.0
            for status in KeyResultStatus.allCases {
                let width = Double(counts[status] ?? 0) / Double(total) * 100
                guard width > 0 else { continue }
                page.html.markup("<rect class=\"fill \(status.rawValue)\" x=\"\(Charts.format(x))\" y=\"0\" width=\"\(Charts.format(width))\" height=\"8\"/>")
                x += width
            }
            page.html.raw("</svg>")
        }
        page.html.raw("<ul class=\"legend\">")
        for status in KeyResultStatus.allCases {
            page.html.raw("<li>"); page.status(status); page.html.raw(" <strong>"); page.html.number(counts[status] ?? 0); page.html.raw("</strong></li>")
        }
        page.html.raw("</ul></section>")
    }

    private func qualitySummary(_ page: inout Page) {
        let verdicts = site.allVerdicts
        // Counted in place: a filtered copy of every verdict or finding only to count it costs more.
        let passing = verdicts.count(where: \.passes)
        let errors = site.diagnostics.count { $0.severity == .error }
        let warnings = site.diagnostics.count { $0.severity == .warning }
        let infos = site.diagnostics.count { $0.severity == .info }
        page.html.raw("<section class=\"card\"><h2>Quality</h2><p class=\"big\">")
        page.html.text("\(passing) of \(verdicts.count)")
        page.html.raw("</p><p>statements are specific, observable and measurable.</p><p class=\"small\">")
        page.html.text("\(errors) errors, \(warnings) warnings, \(infos) notes. ")
        page.html.link(page.href("quality.html"), "Weakest statements and findings")
        page.html.raw("</p></section>")
    }
}
