/// Where an OKR stands, in the words and numbers every OKR listing shows.
struct OKRStanding {
    /// The mean share of the way from baseline to target of the key results with a check-in.
    let progress: Int?
    /// Each status its key results have, with how many: "⚠ 1 at risk, ● 2 on track".
    let statuses: [(status: KeyResultStatus, count: Int)]
    /// How much attention the OKR needs, highest first when sorted by risk: the mean weight of
    /// its key results' statuses (at risk 3, stale 2, no data 1), then how far it has to go.
    let risk: Double

    init(_ progress: [KeyResultProgress]) {
        let measured = progress.compactMap(\.percent)
        self.progress = measured.isEmpty ? nil : Int((measured.reduce(0, +) / Double(measured.count)).rounded())
        statuses = Self.severityOrder.compactMap { status in
            let count = progress.count { $0.status == status }
            return count == 0 ? nil : (status, count)
        }
        let weights = progress.map { progress -> Double in
            switch progress.status {
            case .atRisk: return 3
            case .stale: return 2
            case .noData: return 1
            case .onTrack, .done: return 0
            }
        }
        let mean = weights.isEmpty ? 0 : weights.reduce(0, +) / Double(weights.count)
        risk = mean + Double(100 - (self.progress ?? 0)) / 100
    }

    /// What needs attention first.
    static let severityOrder: [KeyResultStatus] = [.atRisk, .stale, .noData, .onTrack, .done]

    var statusText: String {
        statuses.map { "\($0.status.symbol) \($0.count) \($0.status.label.lowercased())" }.joined(separator: ", ")
    }
}

extension SitePages {
    /// The OKR dashboard: OKRs by cycle (the latest first) and, within a cycle, by level,
    /// strategy first; each with its owner, progress and the status of its key results in words
    /// (a symbol beside each word, so colour never carries it alone). `assets/okrs.js` filters
    /// by owner and status and sorts by risk; without it every OKR is listed.
    func okrListPage() -> [UInt8] {
        var page = Page(path: SiteModel.folder(.okr) + "/index.html")
        page.begin(title: "OKRs", project: project, section: "OKRs", scripts: ["assets/okrs.js"])
        page.html.raw("<h1>OKRs</h1>")
        let okrs = site.model.all(.okr)
        page.html.raw("<p class=\"muted\">"); page.html.number(okrs.count); page.html.raw(okrs.count == 1 ? " OKR" : " OKRs")
        page.html.text(", progress as of \(site.today).")
        page.html.raw("</p>")
        let owners = Set(okrs.compactMap { $0.text(.owner) }).sorted()
        page.html.raw("<form class=\"filters\" id=\"okr-filters\" hidden><div><label for=\"filter-owner\">Owner</label> <select id=\"filter-owner\"><option value=\"\">Anyone</option>")
        for owner in owners {
            page.html.raw("<option value=\""); page.html.text(owner); page.html.raw("\">"); page.html.text(owner); page.html.raw("</option>")
        }
        page.html.raw("</select></div><div><label for=\"filter-status\">Status</label> <select id=\"filter-status\"><option value=\"\">Any status</option>")
        for status in OKRStanding.severityOrder {
            page.html.markup("<option value=\"\(status.rawValue)\">\(status.symbol) \(status.label)</option>")
        }
        page.html.raw("</select></div><div><label for=\"filter-order\">Order</label> <select id=\"filter-order\"><option value=\"\">As written</option><option value=\"risk\">Most at risk first</option></select></div></form>")
        page.html.raw("<p id=\"filter-summary\" class=\"muted\" aria-live=\"polite\"></p>")
        var cycles: [String: [Entity]] = [:]
        for okr in okrs { cycles[okr.root[.cycle]?.scalar?.text ?? "", default: []].append(okr) }
        let cycleOrder = cycles.keys.sorted { a, b in
            switch (Cycle(a), Cycle(b)) {
            case (let x?, let y?): return (x.end, x.start, a) > (y.end, y.start, b)
            case (_?, nil): return true
            case (nil, _?): return false
            case (nil, nil): return a < b
            }
        }
        let levels: [(String, String)] = [("strategic", "Strategic"), ("team", "Team"), ("developmental", "Developmental")]
        var order = 0
        for cycle in cycleOrder {
            let members = cycles[cycle] ?? []
            page.html.raw("<section class=\"okr-cycle\"><h2>"); page.html.text(cycle.isEmpty ? "No cycle" : "Cycle \(cycle)"); page.html.raw("</h2>")
            var groups = levels.map { level in (level.1, members.filter { $0.text(.level) == level.0 }) }
            let other = members.filter { okr in !levels.contains { $0.0 == okr.text(.level) } }
            if !other.isEmpty { groups.append(("Other", other)) }
            for (title, okrs) in groups where !okrs.isEmpty {
                page.html.raw("<div class=\"okr-group\"><h3>"); page.html.text(title)
                page.html.markup(" <span class=\"group-count\" data-total=\"\(okrs.count)\">(\(okrs.count))</span></h3>")
                page.html.raw("<table class=\"stack\"><thead><tr><th scope=\"col\">Objective</th><th scope=\"col\">Owner</th>")
                page.html.raw("<th scope=\"col\">Progress</th><th scope=\"col\">Key results</th></tr></thead><tbody>")
                for okr in okrs {
                    let standing = OKRStanding(site.progress(okr))
                    page.html.raw("<tr data-owner=\""); page.html.text(okr.text(.owner) ?? "")
                    page.html.raw("\" data-statuses=\""); page.html.text(standing.statuses.map(\.status.rawValue).joined(separator: " "))
                    page.html.raw("\" data-risk=\""); page.html.text(String(format2: standing.risk))
                    page.html.raw("\" data-order=\""); page.html.number(order); page.html.raw("\"><td>")
                    order += 1
                    page.html.link(page.href(okr), site.title(okr))
                    page.html.raw("</td><td data-label=\"Owner\">"); page.html.text(okr.text(.owner) ?? "")
                    page.html.raw("</td><td data-label=\"Progress\">")
                    if let progress = standing.progress { page.html.text("\(progress)%") } else { page.html.raw("<span class=\"muted\">no check-in yet</span>") }
                    page.html.raw("</td><td data-label=\"Key results\">")
                    for (index, entry) in standing.statuses.enumerated() {
                        if index > 0 { page.html.raw(", ") }
                        page.html.markup("<span class=\"kr-status \(entry.status.rawValue)\">\(entry.status.symbol) \(entry.count) \(entry.status.label.lowercased())</span>")
                    }
                    page.html.raw("</td></tr>")
                }
                page.html.raw("</tbody></table></div>")
            }
            page.html.raw("</section>")
        }
        page.end(footer: footer)
        return page.html.bytes
    }
}

extension String {
    /// A number with two decimals, as the dashboard's sort key: the same text on every platform.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = String(abs(hundredths) % 100).leftPadded(to: 2)
        self = "\(hundredths < 0 ? "-" : "")\(abs(hundredths) / 100).\(fraction)"
    }
}
