extension SitePages {
    /// What changed in the framework since the revision `build --changes-since` names: each
    /// entity's changes in words, the old text struck through beside the new.
    func changesPage() -> [UInt8] {
        var page = Page(path: "changes.html")
        page.begin(title: "What changed", project: project, section: "Home")
        guard let diff = site.changes else {
            page.end(footer: footer)
            return page.html.bytes
        }
        page.html.raw("<h1>What changed since "); page.html.text(diff.from); page.html.raw("</h1><p class=\"lead\">")
        page.html.text(DiffReport.summary(diff).capitalizedFirst + ".")
        page.html.raw("</p>")
        var kind: EntityKind?
        for group in DiffReport.groups(diff) {
            if group.kind != kind {
                if kind != nil { page.html.raw("</ul></section>") }
                kind = group.kind
                page.html.raw("<section><h2>"); page.html.text(group.kind == .okr ? "OKRs" : SiteModel.folder(group.kind).capitalizedFirst)
                page.html.raw("</h2><ul class=\"changes\">")
            }
            page.html.raw("<li><p><strong>")
            if let entity = site.model.entity(group.kind, group.id) {
                page.html.link(page.href(entity), group.title)
            } else {
                page.html.text(group.title)
            }
            page.html.raw("</strong> <span class=\"muted\">"); page.html.text(group.id); page.html.raw("</span></p><ul>")
            for change in group.changes {
                page.html.markup("<li><span class=\"change \(change.change.rawValue)\">")
                page.html.text(DiffReport.sentence(change))
                page.html.raw("</span>")
                if DiffReport.showsTexts(change) {
                    if let before = change.before { page.html.raw("<br><del>"); page.html.text(before); page.html.raw("</del>") }
                    if let after = change.after { page.html.raw("<br><ins>"); page.html.text(after); page.html.raw("</ins>") }
                }
                page.html.raw("</li>")
            }
            page.html.raw("</ul></li>")
        }
        if kind != nil { page.html.raw("</ul></section>") }
        if diff.changes.isEmpty { page.html.raw("<p>Nothing in the framework changed.</p>") }
        page.html.raw("<p class=\"small muted\">Also as JSON: ")
        page.html.link(page.href("api/changes.json"), "api/changes.json")
        page.html.raw(".</p>")
        page.end(footer: footer)
        return page.html.bytes
    }
}
