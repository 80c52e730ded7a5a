extension SitePages {
    /// A page per pathway: who it is for, the competencies it moves, the journey as a picture,
    /// each stage's practice, coaching and assessments, the milestones, the retention check and
    /// the key results it drives.
    func pathwayPage(_ pathway: Entity) -> [UInt8] {
        var page = Page(path: SiteModel.pagePath(pathway))
        let root = pathway.root
        page.begin(title: site.title(pathway), project: project, section: "Pathways")
        page.html.raw("<p class=\"eyebrow\"><span class=\"badge pathway\">Pathway</span> ")
        page.html.text(pathway.id)
        if let status = pathway.text(.status) { page.html.raw(" · "); page.html.text(status) }
        page.html.raw("</p><h1>")
        page.html.text(site.title(pathway))
        page.html.raw("</h1>")
        if let summary = pathway.text(.summary) {
            page.html.raw("<p class=\"lead\">"); page.html.textWithLinks(summary); page.html.raw("</p>")
        }
        page.facts([("Owner", pathway.text(.owner)), ("Sponsor", pathway.text(.sponsor)),
                    ("Duration", root[.duration]?.scalar?.text), ("Review", root[.review]?.scalar?.text)])
        page.html.raw("<dl class=\"facts\"><div><dt>For roles</dt><dd>")
        page.links(site.referred(pathway, kind: .role, field: .roles), site: site)
        page.html.raw("</dd></div><div><dt>Developmental OKRs that follow it</dt><dd>")
        page.links(site.referrers(pathway, kind: .okr, field: .pathway), site: site)
        page.html.raw("</dd></div></dl>")

        page.html.raw("<section><h2>Competencies it moves</h2><table><thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">From</th><th scope=\"col\">To</th></tr></thead><tbody>")
        for item in root[.competencies]?.sequence ?? [] {
            let id = item[.competency]?.string ?? ""
            page.html.raw("<tr><td>")
            if let competency = site.model.entity(.competency, id) { page.html.link(page.href(competency), site.title(competency)) } else { page.html.text(id) }
            page.html.raw("</td><td>"); page.html.text(levelName(id, item[.from]))
            page.html.raw("</td><td>"); page.html.text(levelName(id, item[.to]))
            page.html.raw("</td></tr>")
        }
        page.html.raw("</tbody></table></section>")

        page.html.raw("<section><h2>The journey</h2><div class=\"figure\">")
        Charts.journey(pathway, into: &page.html)
        page.html.raw("</div><p class=\"small muted\">Stages from left to right in the order they are taken; each bar's height is the stage's difficulty on the scale at the left (1 to 5). A diamond marks a milestone reached after that stage.</p>")
        if let baseline = root[.baseline] {
            page.html.raw("<h3>Baseline</h3>")
            assessment(baseline, into: &page)
        }
        let stages = root[.stages]?.sequence ?? []
        page.html.raw("<ol class=\"stages\">")
        for (index, stage) in stages.enumerated() {
            self.stage(stage, number: index + 1, pathway: pathway, pointer: "/stages/\(index)", into: &page)
        }
        page.html.raw("</ol>")
        let milestones = root[.milestones]?.sequence ?? []
        if !milestones.isEmpty {
            page.html.raw("<h3>Milestones</h3><ul class=\"milestones\">")
            for (index, milestone) in milestones.enumerated() {
                page.html.raw("<li><p><strong>"); page.html.text(milestone[.outcome]?.scalar?.text ?? "")
                page.html.raw("</strong></p>")
                page.verdict(site.verdict(pathway, "/milestones/\(index)/outcome"))
                page.facts([("Evidence", milestone[.evidence]?.scalar?.text),
                            ("After stage", milestone[.after]?.scalar?.text)])
                page.html.raw("</li>")
            }
            page.html.raw("</ul>")
        }
        if let retention = root[.retention] {
            page.html.raw("<h3>Retention check</h3>")
            assessment(retention, into: &page)
        }
        page.html.raw("</section>")

        page.html.raw("<section><h2>Key results it drives</h2>")
        let drives = site.references(from: pathway).filter { $0.keyResult != nil }
        if drives.isEmpty { page.html.raw("<p class=\"muted\">None named.</p>") }
        page.html.raw("<ul class=\"kr-list\">")
        for link in drives {
            guard let index = link.to.keyResults.firstIndex(where: { $0.id == link.keyResult }) else { continue }
            let progress = site.progress(link.to)[index]
            page.html.raw("<li><a href=\"")
            page.html.text(page.href(link.to) + "#kr-" + SiteModel.fileName(progress.keyResult.id))
            page.html.raw("\">")
            page.html.text(progress.keyResult.node[.result]?.string.map(Whitespace.oneLine) ?? progress.keyResult.id)
            page.html.raw("</a> ")
            page.status(progress.status)
            Charts.progressBar(progress, into: &page.html)
            page.html.raw("</li>")
        }
        page.html.raw("</ul></section>")
        page.source(pathway, site: site)
        page.end(footer: footer)
        return page.html.bytes
    }

    private func stage(_ stage: Node, number: Int, pathway: Entity, pointer: String, into page: inout Page) {
        page.html.raw("<li class=\"stage\"><h3>")
        page.html.text("Stage \(number): " + (stage[.title]?.scalar?.text ?? ""))
        page.html.raw("</h3><p class=\"muted\">")
        page.html.text("Difficulty \(stage[.level]?.scalar?.text ?? "?") of 5")
        if let duration = stage[.duration]?.scalar?.text { page.html.text(" · \(duration)") }
        page.html.raw("</p><h4>Practice</h4><ul>")
        for (index, task) in (stage[.practice]?.sequence ?? []).enumerated() {
            page.html.raw("<li><p>"); page.html.text(task[.task]?.scalar?.text ?? "")
            if let type = task[.type]?.scalar?.text { page.html.raw(" <span class=\"tag\">"); page.html.text(type); page.html.raw("</span>") }
            page.html.raw("</p>")
            page.verdict(site.verdict(pathway, "\(pointer)/practice/\(index)/task"))
            let criteria = task[.successCriteria]?.sequence ?? []
            if !criteria.isEmpty {
                page.html.raw("<p class=\"small\">Success criteria:</p><ul class=\"criteria\">")
                for criterion in criteria {
                    page.html.raw("<li>"); page.html.text(criterion.scalar?.text ?? ""); page.html.raw("</li>")
                }
                page.html.raw("</ul>")
            }
            page.html.raw("</li>")
        }
        page.html.raw("</ul>")
        if let coaching = stage[.coaching] {
            page.html.raw("<h4>Coaching</h4>")
            page.facts([("Cadence", coaching[.cadence]?.scalar?.text), ("Format", coaching[.format]?.scalar?.text),
                        ("With", coaching[.with]?.scalar?.text), ("Focus", coaching[.focus]?.scalar?.text)])
        }
        let assessments = stage[.assessments]?.sequence ?? []
        if !assessments.isEmpty {
            page.html.raw("<h4>Assessments</h4>")
            for item in assessments { assessment(item, into: &page) }
        }
        if let debrief = stage[.debrief]?.scalar?.text {
            page.html.raw("<h4>Debrief</h4><p>"); page.html.text(debrief); page.html.raw("</p>")
        }
        page.html.raw("</li>")
    }

    private func assessment(_ node: Node, into page: inout Page) {
        page.html.raw("<div class=\"assessment\">")
        page.facts([("Type", node[.type]?.scalar?.text), ("Method", node[.method]?.scalar?.text),
                    ("Pass", node[.pass]?.scalar?.text), ("After", node[.after]?.scalar?.text),
                    ("Evidence", node[.evidence]?.scalar?.text)])
        if let id = node[.rubric]?.string {
            page.html.raw("<p>Scored on ")
            if let rubric = site.model.entity(.rubric, id) { page.html.link(page.href(rubric), site.title(rubric)) } else { page.html.text(id) }
            page.html.raw("</p>")
        }
        page.html.raw("</div>")
    }

    /// "3 · Advanced": a competency level with its name where the competency gives one.
    func levelName(_ competencyID: String, _ node: Node?) -> String {
        guard let node, let level = node.integer else { return node?.scalar?.text ?? "–" }
        return levelName(competencyID, level)
    }
}
