/// One HTML page being written: the shared head, header and footer, and links relative to the
/// page's own folder, so the site works under any sub-path and from file://.
struct Page {
    let path: String
    var html = HTML()
    /// `../` once per folder between the page and the site's root.
    let up: String

    init(path: String) {
        self.path = path
        up = String(repeating: "../", count: path.utf8.count { $0 == UInt8(ascii: "/") })
    }

    /// A link target for a path from the site's root.
    func href(_ sitePath: String) -> String { up + sitePath }

    func href(_ entity: Entity) -> String { up + SiteModel.pagePath(entity) }

    /// The policy every page carries: nothing but the site's own stylesheet and search script.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    static let navigation: [(String, String)] = [
        ("index.html", "Home"), ("pathways/index.html", "Pathways"), ("okrs/index.html", "OKRs"),
        ("competencies/index.html", "Competencies"), ("roles/index.html", "Roles"), ("rubrics/index.html", "Rubrics"),
        ("matrix.html", "Matrix"), ("quality.html", "Quality"), ("search.html", "Search"),
    ]

    mutating func begin(title: String, project: String, section: String, scripts: [String] = []) {
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.markup("<meta http-equiv=\"Content-Security-Policy\" content=\"\(Page.contentSecurityPolicy)\">\n")
        html.raw("<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
        html.text(title == project ? project : "\(title) · \(project)")
        html.raw("</title>\n<link rel=\"stylesheet\" href=\"")
        html.text(href("assets/site.css"))
        html.raw("\">\n")
        for script in scripts {
            html.raw("<script src=\""); html.text(href(script)); html.raw("\" defer></script>\n")
        }
        html.raw("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"top\"><div class=\"wrap\">")
        html.link(href("index.html"), project, class: "brand")
        html.raw("<nav aria-label=\"Site\"><ul>")
        for (target, label) in Page.navigation {
            html.raw("<li><a href=\""); html.text(href(target)); html.raw("\"")
            if label == section { html.raw(" aria-current=\"page\"") }
            html.raw(">"); html.text(label); html.raw("</a></li>")
        }
        html.raw("</ul></nav></div></header>\n<main id=\"main\" class=\"wrap\">\n")
    }

    mutating func end(footer: String) {
        html.raw("</main>\n<footer class=\"wrap\">")
        html.text(footer)
        html.raw("</footer>\n</body>\n</html>\n")
    }

    /// A status shown in words and a symbol, coloured too, but never by colour alone.
    mutating func status(_ status: KeyResultStatus) {
        html.markup("<span class=\"status \(status.rawValue)\"><span aria-hidden=\"true\">\(status.symbol)</span> \(status.label)</span>")
    }

    /// A quality verdict: each axis the schema asks about, passed or failed with the rules that failed.
    mutating func verdict(_ verdict: QualityVerdict?) {
        guard let verdict else { return }
        html.raw("<ul class=\"verdict\" aria-label=\"Quality verdict\">")
        for axis in QualityAxis.allCases {
            guard let codes = verdict.axes[axis] else { continue }
            let name = axis.rawValue.prefix(1).uppercased() + axis.rawValue.dropFirst()
            if codes.isEmpty {
                html.markup("<li class=\"pass\"><span aria-hidden=\"true\">✓</span> \(name)</li>")
            } else {
                html.markup("<li class=\"fail\"><span aria-hidden=\"true\">✗</span> not \(axis.rawValue): ")
                html.text(codes.map { code in RuleRegistry.find(code).map(\.name) ?? code }.joined(separator: ", "))
                html.raw("</li>")
            }
        }
        html.raw("</ul>")
    }

    /// A definition list of label and value pairs, skipping absent values.
    mutating func facts(_ facts: [(String, String?)]) {
        let present = facts.filter { $0.1 != nil && !$0.1!.isEmpty }
        guard !present.isEmpty else { return }
        html.raw("<dl class=\"facts\">")
        for (label, value) in present {
            html.raw("<div><dt>"); html.text(label); html.raw("</dt><dd>"); html.textWithLinks(value!); html.raw("</dd></div>")
        }
        html.raw("</dl>")
    }

    /// Links to entities, comma separated, or a dash.
    mutating func links(_ entities: [Entity], site: SiteModel) {
        if entities.isEmpty { html.raw("<span class=\"muted\">none</span>"); return }
        for (index, entity) in entities.enumerated() {
            if index > 0 { html.raw(", ") }
            html.link(href(entity), site.title(entity))
        }
    }

    mutating func source(_ entity: Entity, site: SiteModel) {
        html.raw("<p class=\"source\">Source: <code>")
        html.text("\(site.source(entity)):\(site.line(entity))")
        html.raw("</code></p>")
    }
}
