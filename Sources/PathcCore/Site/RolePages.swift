extension SitePages {
    /// One role against another: per competency, the level each needs, and the behaviours of the
    /// levels in between, which are what changes on the way from the first to the second.
    func comparisonPage(from: Entity, to: Entity) -> [UInt8] {
        let comparison = RoleComparison(from: from, to: to, model: site.model)
        var page = Page(path: RoleComparison.pagePath(from: from, to: to))
        page.begin(title: "\(site.title(from)) to \(site.title(to))", project: project, section: "Roles")
        page.html.raw("<p class=\"eyebrow\"><span class=\"badge role\">Comparison</span></p><h1>From ")
        page.html.link(page.href(from), site.title(from))
        page.html.raw(" to "); page.html.link(page.href(to), site.title(to)); page.html.raw("</h1>")
        let rows = comparison.rows
        let raised = rows.count { $0.change == .raised }, added = rows.count { $0.change == .added }
        let dropped = rows.count { $0.change == .dropped }, lowered = rows.count { $0.change == .lowered }
        var parts: [String] = []
        if raised > 0 { parts.append(raised == 1 ? "1 competency at a higher level" : "\(raised) competencies at a higher level") }
        if added > 0 { parts.append(added == 1 ? "1 new competency" : "\(added) new competencies") }
        if lowered > 0 { parts.append(lowered == 1 ? "1 at a lower level" : "\(lowered) at a lower level") }
        if dropped > 0 { parts.append(dropped == 1 ? "1 no longer needed" : "\(dropped) no longer needed") }
        let count = comparison.newBehaviourCount
        page.html.raw("<p class=\"lead\">")
        if parts.isEmpty {
            page.html.text("The two roles need the same competencies at the same levels.")
        } else {
            page.html.text(parts.joined(separator: ", ").capitalizedFirst + "; " + (count == 1 ? "1 behaviour" : "\(count) behaviours") + " to add.")
        }
        page.html.raw("</p><div class=\"scroll\"><table class=\"stack compare\"><thead><tr><th scope=\"col\">Competency</th><th scope=\"col\">")
        page.html.text(site.title(from)); page.html.raw("</th><th scope=\"col\">"); page.html.text(site.title(to))
        page.html.raw("</th><th scope=\"col\">Change</th></tr></thead><tbody>")
        for row in rows {
            page.html.raw("<tr><td>")
            if let competency = row.competency { page.html.link(page.href(competency), site.title(competency)) } else { page.html.text(row.competencyID) }
            page.html.raw("</td><td data-label=\""); page.html.text(site.title(from)); page.html.raw("\">")
            page.html.text(row.from.map { levelName(row.competencyID, $0) } ?? "not needed")
            page.html.raw("</td><td data-label=\""); page.html.text(site.title(to)); page.html.raw("\">")
            page.html.text(row.to.map { levelName(row.competencyID, $0) } ?? "not needed")
            page.html.raw("</td><td data-label=\"Change\">")
            switch row.change {
            case .raised: page.html.markup("<span class=\"change up\"><span aria-hidden=\"true\">▲</span> \(row.to! - row.from!) level\(row.to! - row.from! == 1 ? "" : "s") up</span>")
            case .added: page.html.raw("<span class=\"change up\"><span aria-hidden=\"true\">+</span> new</span>")
            case .lowered: page.html.raw("<span class=\"change\"><span aria-hidden=\"true\">▼</span> lower</span>")
            case .dropped: page.html.raw("<span class=\"change\"><span aria-hidden=\"true\">–</span> not needed</span>")
            case .same: page.html.raw("<span class=\"muted\">same</span>")
            }
            page.html.raw("</td></tr>")
        }
        page.html.raw("</tbody></table></div>")
        let changing = rows.filter { !$0.newLevels.isEmpty }
        page.html.raw("<section><h2>What is new</h2>")
        if changing.isEmpty { page.html.raw("<p class=\"muted\">No behaviour to add.</p>") }
        for row in changing {
            page.html.raw("<h3>")
            if let competency = row.competency { page.html.link(page.href(competency), site.title(competency)) } else { page.html.text(row.competencyID) }
            page.html.raw(" <span class=\"muted\">· ")
            page.html.text(row.from.map { "from \(levelName(row.competencyID, $0)) to " } ?? "new, at ")
            page.html.text(levelName(row.competencyID, row.to ?? 0))
            page.html.raw("</span></h3>")
            for level in row.newLevels {
                if row.newLevels.count > 1 {
                    page.html.raw("<p><strong>"); page.html.text(levelLabel(level)); page.html.raw("</strong></p>")
                }
                behaviourList(level, into: &page)
            }
        }
        page.html.raw("</section>")
        page.html.raw("<p>"); page.html.link(page.href(RoleComparison.checklistPath(to)), "Checklist of what \(site.title(to)) expects")
        page.html.raw("</p>")
        page.end(footer: footer)
        return page.html.bytes
    }

    /// A role's expectations as a checklist: a box per behaviour and room for evidence, to print,
    /// or to fill in the page and keep in the browser (`assets/assess.js`; nothing leaves it).
    func checklistPage(_ role: Entity) -> [UInt8] {
        var page = Page(path: RoleComparison.checklistPath(role))
        page.begin(title: "Checklist: \(site.title(role))", project: project, section: "Roles", scripts: ["assets/assess.js"])
        page.html.raw("<p class=\"eyebrow\"><span class=\"badge role\">Checklist</span> "); page.html.text(role.id)
        page.html.raw("</p><h1>"); page.html.text(site.title(role)); page.html.raw("</h1>")
        page.html.raw("<p class=\"lead\">What the role expects, one behaviour a line. Tick what you do consistently and note the evidence: a piece of work, a date, who saw it.</p>")
        page.html.raw("<p class=\"print-only\">Name: ____________________ &nbsp; Date: ____________ &nbsp; Reviewed with: ____________________</p>")
        page.html.raw("<div class=\"assess-tools\" id=\"assess-tools\" hidden data-key=\"")
        page.html.text("pathc-assessment:\(project):\(role.id)")
        page.html.raw("\" data-role=\""); page.html.text(role.id); page.html.raw("\">")
        page.html.raw("<p class=\"small\">Your answers stay in this browser on this device: nothing is sent anywhere. Download them to keep a copy or to share them.</p>")
        page.html.raw("<button type=\"button\" id=\"assess-print\">Print</button> <button type=\"button\" id=\"assess-export\">Download my answers</button> ")
        page.html.raw("<label for=\"assess-import\">Load answers from a file</label> <input type=\"file\" id=\"assess-import\" accept=\".json,application/json\"> ")
        page.html.raw("<button type=\"button\" id=\"assess-clear\">Clear my answers</button><p id=\"assess-status\" class=\"muted\" aria-live=\"polite\"></p></div>")
        var number = 0
        for (id, needed) in role.competencyNeeds {
            guard let competency = site.model.entity(.competency, id),
                  let level = competency.competencyLevel(needed) else { continue }
            page.html.raw("<section class=\"checklist\"><h2>"); page.html.text(site.title(competency))
            page.html.raw(" <span class=\"muted\">· "); page.html.text(levelName(id, needed)); page.html.raw("</span></h2>")
            page.html.raw("<table class=\"checklist\"><thead><tr><th scope=\"col\" class=\"box\">Done</th><th scope=\"col\">Behaviour</th><th scope=\"col\" class=\"evidence\">Evidence</th></tr></thead><tbody>")
            for (index, behaviour) in (level[.behaviors]?.sequence ?? []).enumerated() {
                number += 1
                let text = Whitespace.oneLine(behaviour.scalar?.text ?? "")
                page.html.raw("<tr data-item=\""); page.html.text("\(id)/\(needed)/\(index)")
                page.html.markup("\"><td class=\"box\"><input type=\"checkbox\" id=\"done-\(number)\" aria-label=\"")
                page.html.text("I do this: " + text)
                page.html.raw("\"></td><td>"); page.html.text(text)
                page.html.markup("</td><td class=\"evidence\"><textarea id=\"evidence-\(number)\" rows=\"2\" aria-label=\"")
                page.html.text("Evidence for: " + text)
                page.html.raw("\"></textarea></td></tr>")
            }
            page.html.raw("</tbody></table></section>")
        }
        page.html.raw("<p class=\"small\">"); page.html.link(page.href(role), "Back to \(site.title(role))"); page.html.raw("</p>")
        page.end(footer: footer)
        return page.html.bytes
    }

    /// "2 · Practitioner", from the competency's own level names.
    func levelName(_ competencyID: String, _ level: Int) -> String {
        let name = site.model.entity(.competency, competencyID)?.competencyLevel(level)?[.name]?.scalar?.text
        return name.map { "\(level) · \($0)" } ?? String(level)
    }

    func levelLabel(_ level: Node) -> String {
        "\(level[.level]?.scalar?.text ?? "?") · \(level[.name]?.scalar?.text ?? "")"
    }

    func behaviourList(_ level: Node, into page: inout Page) {
        page.html.raw("<ul>")
        for behaviour in level[.behaviors]?.sequence ?? [] {
            page.html.raw("<li>"); page.html.text(behaviour.scalar?.text ?? ""); page.html.raw("</li>")
        }
        page.html.raw("</ul>")
    }
}
