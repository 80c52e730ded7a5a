extension SitePages {
    /// A page per OKR: objective, owner, cycle, the alignment chain up to strategy, and each key
    /// result with its progress, check-in chart, status and quality verdict.
    func okrPage(_ okr: Entity) -> [UInt8] {
        var page = Page(path: SiteModel.pagePath(okr))
        let title = site.title(okr)
        page.begin(title: title, project: project, section: "OKRs")
        let level = okr.text(.level) ?? "okr"
        page.html.markup("<p class=\"eyebrow\"><span class=\"badge \(level == "strategic" || level == "team" || level == "developmental" ? level : "okr")\">")
        page.html.text(level.capitalizedFirst + " OKR")
        page.html.raw("</span> ")
        page.html.text(okr.id)
        page.html.raw("</p><h1>")
        page.html.text(title)
        page.html.raw("</h1>")
        page.verdict(site.verdict(okr, "/objective"))
        let review = okr.root[.review]
        var reviewText: String?
        if let cadence = review?[.cadence]?.scalar?.text {
            let reviewers = (review?[.reviewers]?.sequence ?? []).compactMap { $0.scalar?.text }
            reviewText = reviewers.isEmpty ? cadence : "\(cadence), with \(reviewers.joined(separator: ", "))"
        }
        page.facts([("Owner", okr.text(.owner)), ("Cycle", okr.root[.cycle]?.scalar?.text), ("Review", reviewText)])
        let develops = site.referred(okr, kind: .competency, field: .develops)
        let followed = site.referred(okr, kind: .pathway, field: .pathway)
        if !develops.isEmpty || !followed.isEmpty {
            page.html.raw("<dl class=\"facts\"><div><dt>Competencies it develops</dt><dd>")
            page.links(develops, site: site)
            page.html.raw("</dd></div><div><dt>Pathway followed</dt><dd>")
            page.links(followed, site: site)
            page.html.raw("</dd></div></dl>")
        }
        let chain = site.alignmentChain(okr)
        page.html.raw("<section><h2>Alignment</h2>")
        if chain.isEmpty {
            page.html.raw("<p class=\"muted\">Aligned to nothing above it: this is where the strategy starts.</p>")
        } else {
            page.html.raw("<ol class=\"chain\" aria-label=\"Aligned to, up to strategy\">")
            for parent in chain.prefix(SiteModel.chainShown) {
                page.html.raw("<li>"); page.html.link(page.href(parent), site.title(parent))
                page.html.raw(" <span class=\"muted\">("); page.html.text(parent.text(.level) ?? ""); page.html.raw(")</span></li>")
            }
            page.html.raw("</ol>")
            if chain.count > SiteModel.chainShown {
                let more = chain.count - SiteModel.chainShown
                page.html.raw("<p class=\"muted\">… and "); page.html.text(String(more)); page.html.raw(" more further up the chain.</p>")
            }
        }
        let children = site.alignedChildren(okr)
        let pathways = site.drivingPathways(okr)
        let competencies = site.referrers(okr, kind: .competency)
        page.html.raw("<dl class=\"facts\"><div><dt>OKRs aligned to it</dt><dd>")
        page.links(children, site: site)
        page.html.raw("</dd></div><div><dt>Pathways that drive it</dt><dd>")
        page.links(pathways, site: site)
        page.html.raw("</dd></div>")
        // A developmental OKR names what it develops above; here only what names this OKR.
        if !competencies.isEmpty || develops.isEmpty {
            page.html.raw("<div><dt>Competencies that support it</dt><dd>")
            page.links(competencies, site: site)
            page.html.raw("</dd></div>")
        }
        page.html.raw("</dl></section>")

        page.html.raw("<section><h2>Key results</h2>")
        for progress in site.progress(okr) {
            keyResult(progress, okr: okr, into: &page)
        }
        page.html.raw("</section>")
        page.source(okr, site: site)
        page.end(footer: footer)
        return page.html.bytes
    }

    private func keyResult(_ progress: KeyResultProgress, okr: Entity, into page: inout Page) {
        let result = progress.keyResult
        let node = result.node
        page.html.raw("<article class=\"kr\" id=\"kr-")
        page.html.text(SiteModel.fileName(result.id))
        page.html.raw("\"><header><h3>")
        page.html.text(node[.result]?.string.map(Whitespace.oneLine) ?? result.id)
        page.html.raw("</h3>")
        page.status(progress.status)
        page.html.raw("</header>")
        page.verdict(site.verdict(okr, result.resultPointer))
        Charts.progressBar(progress, into: &page.html)
        page.html.raw("<p class=\"figures\">")
        page.html.text("Baseline \(result.baseline?.text ?? "?") → target \(result.target?.text ?? "?")")
        if let latest = progress.latest {
            page.html.text(" · latest \(latest.value.text) on \(latest.date)")
        }
        if let percent = progress.percent { page.html.text(" · \(Charts.format(percent))% of the way") }
        page.html.raw("</p>")
        let indicator = result.indicator.map { $0 == "leading" ? "Leading (visible during the cycle)" : $0 == "lagging" ? "Lagging (business impact)" : $0 }
        page.facts([
            ("Key result", result.id),
            ("Indicator", indicator),
            ("Metric", node[.metric]?.scalar?.text),
            ("Unit", node[.unit]?.scalar?.text),
            ("Direction", result.effectiveDirection),
            ("Due", progress.due?.description),
            ("Source", node[.source]?.scalar?.text),
            ("Owner", node[.owner]?.scalar?.text),
        ])
        let drivers = site.drivingPathways(okr, keyResult: result.id)
        if !drivers.isEmpty {
            page.html.raw("<p>Driven by: ")
            page.links(drivers, site: site)
            page.html.raw("</p>")
        }
        if !result.checkins.isEmpty {
            Charts.checkinChart(progress, id: SiteModel.fileName(result.id), into: &page.html)
            page.html.raw("<details><summary>Check-ins</summary><table><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Value</th><th scope=\"col\">Note</th></tr></thead><tbody>")
            for checkin in result.checkins {
                page.html.raw("<tr><td>"); page.html.text(checkin.node[.date]?.scalar?.text ?? "")
                page.html.raw("</td><td>"); page.html.text(checkin.value?.text ?? checkin.node[.value]?.scalar?.text ?? "")
                page.html.raw("</td><td>"); page.html.textWithLinks(checkin.node[.note]?.scalar?.text ?? "")
                page.html.raw("</td></tr>")
            }
            page.html.raw("</tbody></table></details>")
        }
        page.html.raw("</article>")
    }
}
