/// The JSON API of outputs.md: `api/site.json`, `api/<kind>/<id>.json` and
/// `api/diagnostics.json`, each naming its schema in `schemas/output/`.
struct SiteJSON {
    let site: SiteModel

    /// The schemas' names, as `$schema` points at them inside the site (`api/schemas/`).
    static let schemaFiles = ["site.schema.json", "entity.schema.json", "diagnostics.schema.json", "diff.schema.json"]

    init(site: SiteModel) {
        self.site = site
    }

    /// An entity's members as compact JSON text without the braces: the same in site.json and in
    /// its own file (the API's JSON is compact: it is for programs).
    func body(_ entity: Entity) -> [UInt8] {
        // The computed members, then the document itself, written straight from the tree.
        var json = JSONStream(capacity: entity.file.bytes.count * 3 + 512)
        Self.writeMembers(entity, site: site, into: &json)
        json.key("data")
        json.withBytes { Self.writeTyped(entity.root, key: nil, into: &$0) }
        return json.bytes
    }

    /// `api/site.json` up to its first kind: `{"$schema": ..., "summary": {...}` with no closing brace.
    func siteHead() -> [UInt8] {
        let head: JSONValue = .object([
            JSONMember("$schema", .string("schemas/site.schema.json")),
            JSONMember("project", .object([
                JSONMember("name", .string(site.config.name ?? "")),
                JSONMember("baseUrl", site.config.baseURL.map(JSONValue.string) ?? .null),
                JSONMember("today", .string(site.today.description)),
            ])),
            JSONMember("generator", .object([JSONMember("name", .string("pathc")), JSONMember("version", .string(PathcVersion.current))])),
            JSONMember("summary", summary()),
        ])
        var out = JSONWriter(pretty: false).bytes(head)
        out.removeLast()
        return out
    }

    // site.json is the head, then for each kind its list opening, its entries and the list's
    // closing, then the document's closing: `siteDocument` puts the pieces together in memory,
    // `SiteBuilder.write` streams them to the file (at 100,000 OKRs the document is over 400 MB).

    /// Where each kind's list opens in site.json: `,"okrs":[`.
    static func listOpening(_ kind: EntityKind) -> [UInt8] { Array(",\"\(SiteModel.folder(kind))\":[".utf8) }
    static let listClosing: [UInt8] = [UInt8(ascii: "]")]
    static let documentClosing: [UInt8] = Array("}\n".utf8)

    /// Entries of a kind's list, `{body},{body}`; after earlier entries of the same list (`first`
    /// false), with the comma that separates them.
    static func appendEntries(_ bodies: [[UInt8]], first: Bool, to out: inout [UInt8]) {
        for (index, body) in bodies.enumerated() {
            if !first || index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            out.append(contentsOf: body)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `api/site.json`: the whole repository, made in memory.
    func siteDocument() -> [UInt8] {
        var out = siteHead()
        for kind in EntityKind.allCases {
            out.append(contentsOf: Self.listOpening(kind))
            Self.appendEntries(site.model.all(kind).map(body), first: true, to: &out)
            out.append(contentsOf: Self.listClosing)
        }
        out.append(contentsOf: Self.documentClosing)
        return out
    }

    /// `api/<kind>/<id>.json`: one entity, the same shape as in site.json.
    func entityDocument(_ entity: Entity, body: [UInt8]? = nil) -> [UInt8] {
        let body = body ?? self.body(entity)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 48)
        out.append(contentsOf: "{\"$schema\":\"../schemas/entity.schema.json\",".utf8)
        out.append(contentsOf: body)
        out.append(contentsOf: "}\n".utf8)
        return out
    }

    /// `api/diagnostics.json`: the findings, as `check --format json` gives them, with paths from the root.
    func diagnosticsDocument() -> JSONValue {
        guard case .object(let members) = DiagnosticReport.json([], files: site.fileCount) else { return .null }
        let diagnostics = site.diagnostics.map { diagnostic -> JSONValue in
            guard case .object(let fields) = DiagnosticReport.json(diagnostic) else { return .null }
            return .object(fields.map { $0.key == "file" ? JSONMember("file", .string(site.rootRelative(diagnostic.file))) : $0 })
        }
        let counted = DiagnosticReport.json(site.diagnostics, files: site.fileCount)
        guard case .object(let summary) = counted else { return .null }
        return .object([JSONMember("$schema", .string("schemas/diagnostics.schema.json"))] + members.map { member in
            switch member.key {
            case "diagnostics": return JSONMember("diagnostics", .array(diagnostics))
            case "summary": return summary.first { $0.key == "summary" }!
            default: return member
            }
        })
    }

    private func summary() -> JSONValue {
        var statuses: [KeyResultStatus: Int] = [:]
        for okr in site.model.all(.okr) {
            for progress in site.progress(okr) { statuses[progress.status, default: 0] += 1 }
        }
        let verdicts = site.allVerdicts
        return .object([
            JSONMember("entities", .object(EntityKind.allCases.map { JSONMember(SiteModel.folder($0), .int(site.model.all($0).count)) })),
            JSONMember("keyResults", .object(KeyResultStatus.allCases.map { JSONMember($0.rawValue, .int(statuses[$0] ?? 0)) })),
            JSONMember("quality", .object([
                JSONMember("statements", .int(verdicts.count)),
                JSONMember("passing", .int(verdicts.count(where: \.passes))),
            ])),
            JSONMember("diagnostics", .object(Severity.allCases.reversed().map { severity in
                JSONMember(severity.rawValue + "s", .int(site.diagnostics.count { $0.severity == severity }))
            })),
        ])
    }

    // MARK: - One entity

    private static func writeMembers(_ entity: Entity, site: SiteModel, into json: inout JSONStream) {
        json.key("kind"); json.string(entity.kind.rawValue)
        json.key("id"); json.string(entity.id)
        json.key("title"); json.string(site.title(entity))
        json.key("page"); json.string(SiteModel.pagePath(entity))
        json.key("source")
        json.beginObject()
        json.key("file"); json.string(site.source(entity))
        json.key("line"); json.int(site.line(entity))
        json.endObject()
        json.key("references")
        json.beginList()
        for link in site.references(from: entity) { json.item(); reference(link.to, link, into: &json) }
        json.endList()
        json.key("referencedBy")
        json.beginList()
        for link in site.references(to: entity) { json.item(); reference(link.from, link, into: &json) }
        json.endList()
        if entity.kind == .okr {
            let children = site.alignedChildren(entity).map(\.id)
            json.key("alignment")
            json.beginObject()
            let chain = site.alignmentChain(entity)
            json.key("parents"); json.strings(chain.prefix(SiteModel.chainShown).lazy.map(\.id))
            if chain.count > SiteModel.chainShown { json.key("moreParents"); json.int(chain.count - SiteModel.chainShown) }
            json.key("children"); json.strings(children)
            json.endObject()
            json.key("supportedBy")
            json.beginObject()
            json.key("okrs"); json.strings(children)
            json.key("pathways"); json.strings(site.drivingPathways(entity).lazy.map(\.id))
            json.key("competencies"); json.strings(site.referrers(entity, kind: .competency).lazy.map(\.id))
            json.endObject()
            json.key("keyResults")
            json.beginList()
            for progress in site.progress(entity) { json.item(); keyResult(progress, into: &json) }
            json.endList()
        }
        if entity.kind == .role {
            json.key("checklist"); json.string(RoleComparison.checklistPath(entity))
            let growth = site.growth(entity)
            json.key("comparisons")
            json.beginList()
            for other in growth.compared {
                json.item()
                json.beginObject()
                json.key("role"); json.string(other.id)
                json.key("page"); json.string(RoleComparison.pagePath(from: entity, to: other))
                json.key("next"); json.bool(other === growth.next)
                json.endObject()
            }
            json.endList()
        }
        json.key("quality")
        json.beginList()
        for verdict in site.verdicts(of: entity) { json.item(); Self.verdict(verdict, into: &json) }
        json.endList()
    }

    private static func reference(_ entity: Entity, _ link: Link, into json: inout JSONStream) {
        json.beginObject()
        json.key("kind"); json.string(entity.kind.rawValue)
        json.key("id"); json.string(entity.id)
        if let keyResult = link.keyResult { json.key("keyResult"); json.string(keyResult) }
        json.key("path"); json.string(link.pointer)
        json.endObject()
    }

    private static func keyResult(_ progress: KeyResultProgress, into json: inout JSONStream) {
        let result = progress.keyResult
        json.beginObject()
        json.key("id"); json.string(result.id)
        json.key("indicator"); if let indicator = result.indicator { json.string(indicator) } else { json.null() }
        json.key("direction"); if let direction = result.effectiveDirection { json.string(direction) } else { json.null() }
        json.key("baseline"); if let baseline = result.baseline { quantity(baseline, into: &json) } else { json.null() }
        json.key("target"); if let target = result.target { quantity(target, into: &json) } else { json.null() }
        json.key("due"); if let due = progress.due { json.string(due.description) } else { json.null() }
        json.key("latest")
        if let latest = progress.latest {
            json.beginObject()
            json.key("date"); json.string(latest.date.description)
            json.key("value"); quantity(latest.value, into: &json)
            json.endObject()
        } else {
            json.null()
        }
        json.key("progress"); if let percent = progress.percent { json.double(rounded(percent)) } else { json.null() }
        json.key("projected"); if let projected = progress.projected { json.double(rounded(projected)) } else { json.null() }
        json.key("status"); json.string(progress.status.rawValue)
        json.endObject()
    }

    /// A verdict as `check --format json` gives it, less what the entity around it says already
    /// (its file, kind and id).
    static func verdict(_ verdict: QualityVerdict, into json: inout JSONStream) {
        json.beginObject()
        json.key("line"); json.int(verdict.entity.file.position(of: verdict.statement.node.span.start).line)
        verdict.writeStatementMembers(into: &json)
        json.endObject()
    }

    private static func quantity(_ quantity: Quantity, into json: inout JSONStream) {
        json.beginObject()
        json.key("value")
        if quantity.value.rounded() == quantity.value && abs(quantity.value) < 1e15 { json.int(Int(quantity.value)) } else { json.double(quantity.value) }
        json.key("percent"); json.bool(quantity.percent)
        json.endObject()
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The document as compact JSON, typed by the core schema, with quantities (`baseline`,
    /// `target`, a check-in's `value`, an assessment's `pass`) as `{"value": 42, "percent": true}`.
    /// Written straight from the tree, without building a JSON value first: the API's hot path.
    static func writeTyped(_ node: Node, key: String?, into out: inout [UInt8]) {
        switch node.content {
        case .scalar(let scalar):
            if let key, isQuantityKey(key), let quantity = Quantity(node) {
                out.append(contentsOf: "{\"value\":".utf8)
                if quantity.value.rounded() == quantity.value && abs(quantity.value) < 1e15 {
                    out.append(contentsOf: String(Int(quantity.value)).utf8)
                } else {
                    out.append(contentsOf: JSONWriter.format(quantity.value).utf8)
                }
                out.append(contentsOf: (quantity.percent ? ",\"percent\":true}" : ",\"percent\":false}").utf8)
                return
            }
            switch scalar.value {
            case .null: out.append(contentsOf: "null".utf8)
            case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
            case .int(let number): out.append(contentsOf: String(number).utf8)
            case .float(let number): out.append(contentsOf: JSONWriter.format(number).utf8)
            case .string(let text): JSONWriter.writeString(text, into: &out)
            }
        case .sequence(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                writeTyped(item, key: nil, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                let name = pair.key.scalar.map { $0.style == .plain ? $0.value.keyText : $0.text } ?? ""
                JSONWriter.writeString(name, into: &out)
                out.append(UInt8(ascii: ":"))
                writeTyped(pair.value, key: name, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `baseline`, `target`, a check-in's `value` and an assessment's `pass` hold quantities.
    private static func isQuantityKey(_ key: String) -> Bool {
        key == "baseline" || key == "target" || key == "value" || key == "pass"
    }
}

extension SiteModel {
    /// A diagnostic's file relative to the repository root.
    func rootRelative(_ file: SourceFile) -> String {
        Paths.relative(Paths.absolute(file.path, from: currentDirectory), from: root)
    }
}
