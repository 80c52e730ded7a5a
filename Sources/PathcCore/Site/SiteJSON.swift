/// The JSON API of outputs.md: `api/site.json`, `api/<kind>/<id>.json` and
/// `api/diagnostics.json`, each naming its schema in `schemas/output/`.
struct SiteJSON {
    let site: SiteModel

    /// The schemas' names, as `$schema` points at them inside the site (`api/schemas/`).
    static let schemaFiles = ["site.schema.json", "entity.schema.json", "diagnostics.schema.json"]

    init(site: SiteModel) {
        self.site = site
    }

    /// An entity's members as compact JSON text without the braces: the same in site.json and in
    /// its own file (the API's JSON is compact: it is for programs).
    func body(_ entity: Entity) -> [UInt8] {
        // The computed members, then the document itself, written straight from the tree.
        var body = JSONWriter(pretty: false).bytes(.object(Self.members(entity, site: site)))
        body.removeLast()
        body.removeFirst()
        body.reserveCapacity(body.count + entity.file.bytes.count * 2)
        body.append(contentsOf: ",\"data\":".utf8)
        Self.writeTyped(entity.root, key: nil, into: &body)
        return body
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

    /// Where each kind's list opens in site.json: `,"okrs":[`.
    static func listOpening(_ kind: EntityKind) -> [UInt8] { Array(",\"\(SiteModel.folder(kind))\":[".utf8) }

    /// `api/site.json`: the whole repository, made in memory. `SiteBuilder.write` streams the
    /// same bytes to the file instead (at 100,000 OKRs the document is over 400 MB).
    func siteDocument() -> [UInt8] {
        var out = siteHead()
        for kind in EntityKind.allCases {
            out.append(contentsOf: Self.listOpening(kind))
            for (index, entity) in site.model.all(kind).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "{"))
                out.append(contentsOf: body(entity))
                out.append(UInt8(ascii: "}"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "}\n".utf8)
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
        let verdicts = site.verdicts.values.flatMap(\.values)
        return .object([
            JSONMember("entities", .object(EntityKind.allCases.map { JSONMember(SiteModel.folder($0), .int(site.model.all($0).count)) })),
            JSONMember("keyResults", .object(KeyResultStatus.allCases.map { JSONMember($0.rawValue, .int(statuses[$0] ?? 0)) })),
            JSONMember("quality", .object([
                JSONMember("statements", .int(verdicts.count)),
                JSONMember("passing", .int(verdicts.filter(\.passes).count)),
            ])),
            JSONMember("diagnostics", .object(Severity.allCases.reversed().map { severity in
                JSONMember(severity.rawValue + "s", .int(site.diagnostics.filter { $0.severity == severity }.count))
            })),
        ])
    }

    // MARK: - One entity

    private static func members(_ entity: Entity, site: SiteModel) -> [JSONMember] {
        var members: [JSONMember] = [
            JSONMember("kind", .string(entity.kind.rawValue)),
            JSONMember("id", .string(entity.id)),
            JSONMember("title", .string(site.title(entity))),
            JSONMember("page", .string(SiteModel.pagePath(entity))),
            JSONMember("source", .object([JSONMember("file", .string(site.source(entity))), JSONMember("line", .int(site.line(entity)))])),
            JSONMember("references", .array(site.references(from: entity).map { reference($0.to, $0, path: $0.pointer) })),
            JSONMember("referencedBy", .array(site.references(to: entity).map { reference($0.from, $0, path: $0.pointer) })),
        ]
        if entity.kind == .okr {
            members.append(JSONMember("alignment", .object([
                JSONMember("parents", .array(site.alignmentChain(entity).map { .string($0.id) })),
                JSONMember("children", .array(site.alignedChildren(entity).map { .string($0.id) })),
            ])))
            members.append(JSONMember("supportedBy", .object([
                JSONMember("okrs", .array(site.alignedChildren(entity).map { .string($0.id) })),
                JSONMember("pathways", .array(site.drivingPathways(entity).map { .string($0.id) })),
                JSONMember("competencies", .array(site.referrers(entity, kind: .competency).map { .string($0.id) })),
            ])))
            members.append(JSONMember("keyResults", .array(site.progress(entity).map { keyResult($0, site: site) })))
        }
        members.append(JSONMember("quality", .array(site.verdicts(of: entity).map { verdict($0, site: site) })))
        return members
    }

    private static func reference(_ entity: Entity, _ link: Link, path: String) -> JSONValue {
        var members = [JSONMember("kind", .string(entity.kind.rawValue)), JSONMember("id", .string(entity.id))]
        if let keyResult = link.keyResult { members.append(JSONMember("keyResult", .string(keyResult))) }
        members.append(JSONMember("path", .string(path)))
        return .object(members)
    }

    private static func keyResult(_ progress: KeyResultProgress, site: SiteModel) -> JSONValue {
        let result = progress.keyResult
        return .object([
            JSONMember("id", .string(result.id)),
            JSONMember("indicator", result.indicator.map(JSONValue.string) ?? .null),
            JSONMember("direction", result.effectiveDirection.map(JSONValue.string) ?? .null),
            JSONMember("baseline", result.baseline.map(quantity) ?? .null),
            JSONMember("target", result.target.map(quantity) ?? .null),
            JSONMember("due", progress.due.map { .string($0.description) } ?? .null),
            JSONMember("latest", progress.latest.map { .object([JSONMember("date", .string($0.date.description)), JSONMember("value", quantity($0.value))]) } ?? .null),
            JSONMember("progress", progress.percent.map { .double(rounded($0)) } ?? .null),
            JSONMember("projected", progress.projected.map { .double(rounded($0)) } ?? .null),
            JSONMember("status", .string(progress.status.rawValue)),
        ])
    }

    private static func verdict(_ verdict: QualityVerdict, site: SiteModel) -> JSONValue {
        guard case .object(let members) = verdict.json else { return .null }
        return .object(members.compactMap { member in
            switch member.key {
            case "file", "kind", "id": return nil
            default: return member
            }
        })
    }

    static func quantity(_ quantity: Quantity) -> JSONValue {
        .object([JSONMember("value", number(quantity.value)), JSONMember("percent", .bool(quantity.percent))])
    }

    private static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 1e15 ? .int(Int(value)) : .double(value)
    }

    private static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The document as compact JSON, typed by the core schema, with quantities (`baseline`,
    /// `target`, a check-in's `value`, an assessment's `pass`) as `{"value": 42, "percent": true}`.
    /// Written straight from the tree, without building a JSON value first: the API's hot path.
    static func writeTyped(_ node: Node, key: String?, into out: inout [UInt8]) {
        switch node.content {
        case .scalar(let scalar):
            if let key, quantityKeys.contains(key), let quantity = Quantity(node) {
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

    private static let quantityKeys: Set<String> = ["baseline", "target", "value", "pass"]
}

extension SiteModel {
    /// A diagnostic's file relative to the repository root.
    func rootRelative(_ file: SourceFile) -> String {
        Paths.relative(Paths.absolute(file.path, from: currentDirectory), from: root)
    }
}
