/// A reference from one entity to another, as a schema's `x-ref` marks it.
struct Link: Sendable {
    /// The entity that holds the reference.
    let from: Entity
    /// The JSON Pointer of the reference inside `from`.
    let pointer: String
    /// The entity referred to (for a key-result reference, its OKR).
    let to: Entity
    /// For a key-result reference (`OKR-ID/KR-ID`), the key result's id.
    let keyResult: String?
}

/// What the emitters need beyond the model: references resolved both ways, key-result progress
/// and status, quality verdicts by statement, and each entity's place in the output.
/// Built once per build from a clean check; read concurrently by every page.
struct SiteModel: Sendable {
    let model: Model
    let config: ProjectConfig
    let today: CalendarDate
    /// Each entity's position in `model.ordered`, where the arrays below hold its facts: one
    /// dictionary to fill instead of one per fact (100,000 OKRs make them all large).
    private let position: [ObjectIdentifier: Int]
    /// Each entity's file relative to the repository root, as the site shows it.
    private let sourcePaths: [String]
    private let outgoing: [[Link]]
    private let incoming: [[Link]]
    /// Each entity's verdicts in document order, one per statement pointer (an entity has a
    /// handful: a list to scan beats a dictionary per entity).
    private let verdicts: [[QualityVerdict]]
    /// Every verdict of the site, entity by entity.
    let allVerdicts: [QualityVerdict]
    /// Each role's next role and the roles it is compared with.
    private let roleGrowth: [ObjectIdentifier: RoleComparison.Growth]
    /// Every key result's progress and status, by OKR and key-result index.
    private let statuses: [[KeyResultProgress]]
    /// Each entity's title, made once (OKR objectives are folded onto one line).
    private let titles: [String]
    let diagnostics: [Diagnostic]
    /// What changed since the revision `build --changes-since` names, when it does.
    var changes: FrameworkDiff?
    let fileCount: Int
    /// The repository root and the folder the diagnostics' paths are relative to.
    let root: String
    let currentDirectory: String

    init(result: CheckResult, root: String, currentDirectory: String) {
        model = result.model
        config = result.config
        today = result.config.evaluationDay
        diagnostics = result.diagnostics
        fileCount = result.fileCount
        self.root = root
        self.currentDirectory = currentDirectory
        // What each entity needs on its own (title, source path, outgoing references, key-result
        // progress) is worked out on all cores; only the reverse index is built in one pass.
        let today = self.today
        let model = self.model
        let perEntity = parallelMap(model.ordered) { entity in
            (title: Self.makeTitle(entity),
             source: Paths.relative(Paths.absolute(entity.file.path, from: currentDirectory), from: root),
             links: Self.links(from: entity, in: model),
             progress: entity.kind == .okr ? entity.keyResults.map {
                 KeyResultProgress($0, cycle: entity.cycle, cadence: entity.root[.review]?[.cadence]?.string, today: today)
             } : nil)
        }
        var position: [ObjectIdentifier: Int] = [:]
        position.reserveCapacity(model.ordered.count)
        for (index, entity) in model.ordered.enumerated() { position[ObjectIdentifier(entity)] = index }
        self.position = position
        titles = perEntity.map(\.title)
        sourcePaths = perEntity.map(\.source)
        outgoing = perEntity.map(\.links)
        statuses = perEntity.map { $0.progress ?? [] }
        var incoming = [[Link]](repeating: [], count: model.ordered.count)
        for facts in perEntity {
            for link in facts.links { if let target = position[ObjectIdentifier(link.to)] { incoming[target].append(link) } }
        }
        self.incoming = incoming
        roleGrowth = RoleComparison.growth(in: model)
        // The check gives verdicts by file and position, so each entity's are one run.
        var byPosition = [[QualityVerdict]](repeating: [], count: model.ordered.count)
        var start = 0
        let given = result.verdicts
        while start < given.count {
            let entity = given[start].entity
            var end = start + 1
            while end < given.count && given[end].entity === entity { end += 1 }
            var run: [QualityVerdict] = []
            for verdict in given[start..<end] {
                // One per pointer, the last one given (as a statement checked twice would be).
                if let earlier = run.firstIndex(where: { $0.statement.pointer == verdict.statement.pointer }) {
                    run[earlier] = verdict
                } else {
                    run.append(verdict)
                }
            }
            run.sort { $0.statement.node.span.start < $1.statement.node.span.start }
            if let index = position[ObjectIdentifier(entity)] { byPosition[index] += run }
            start = end
        }
        verdicts = byPosition
        allVerdicts = byPosition.flatMap { $0 }
    }

    /// The references an entity makes that resolve (a clean check resolves them all).
    private static func links(from entity: Entity, in model: Model) -> [Link] {
        entity.annotations.compactMap { annotation -> Link? in
            guard let kindName = annotation.referenceKind, let reference = annotation.node.string else { return nil }
            if kindName == "key-result" {
                let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { return nil }
                return model.entity(.okr, parts[0]).map { Link(from: entity, pointer: annotation.pointer, to: $0, keyResult: parts[1]) }
            }
            return EntityKind(rawValue: kindName).flatMap { model.entity($0, reference) }.map {
                Link(from: entity, pointer: annotation.pointer, to: $0, keyResult: nil)
            }
        }
    }

    func source(_ entity: Entity) -> String { position[ObjectIdentifier(entity)].map { sourcePaths[$0] } ?? entity.file.path }

    func line(_ entity: Entity, _ node: Node? = nil) -> Int {
        entity.file.position(of: (node ?? entity.root).span.start).line
    }

    func references(from entity: Entity) -> [Link] { position[ObjectIdentifier(entity)].map { outgoing[$0] } ?? [] }

    func references(to entity: Entity) -> [Link] { position[ObjectIdentifier(entity)].map { incoming[$0] } ?? [] }

    /// Entities of `kind` that refer to `entity`, each once, in model order.
    func referrers(_ entity: Entity, kind: EntityKind, field: FieldKey? = nil) -> [Entity] {
        var seen = Set<ObjectIdentifier>()
        return references(to: entity).compactMap { link in
            guard link.from.kind == kind, field.map({ link.pointer.hasPrefix("/" + $0.rawValue) }) ?? true,
                  seen.insert(ObjectIdentifier(link.from)).inserted else { return nil }
            return link.from
        }
    }

    /// Entities of `kind` that `entity` refers to, each once, in the order written.
    func referred(_ entity: Entity, kind: EntityKind, field: FieldKey? = nil) -> [Entity] {
        var seen = Set<ObjectIdentifier>()
        return references(from: entity).compactMap { link in
            guard link.to.kind == kind, link.keyResult == nil, field.map({ link.pointer.hasPrefix("/" + $0.rawValue) }) ?? true,
                  seen.insert(ObjectIdentifier(link.to)).inserted else { return nil }
            return link.to
        }
    }

    func verdict(_ entity: Entity, _ pointer: String) -> QualityVerdict? {
        verdicts(of: entity).first { $0.statement.pointer == pointer }
    }

    func verdicts(of entity: Entity) -> [QualityVerdict] { position[ObjectIdentifier(entity)].map { verdicts[$0] } ?? [] }

    /// A role's next role and the roles its page is compared with.
    func growth(_ role: Entity) -> RoleComparison.Growth { roleGrowth[ObjectIdentifier(role)] ?? RoleComparison.Growth(next: nil, compared: []) }

    func progress(_ okr: Entity) -> [KeyResultProgress] { position[ObjectIdentifier(okr)].map { statuses[$0] } ?? [] }

    /// How many OKRs of an alignment chain pages and the API list, nearest first; a chain can be
    /// as long as a repository has OKRs, and every OKR on it shows it.
    static let chainShown = 10

    /// Whether an OKR aligns to no other: where strategy starts.
    func alignsToNothing(_ okr: Entity) -> Bool { referred(okr, kind: .okr, field: .alignedTo).isEmpty }

    /// The OKRs an OKR aligns to, then theirs, up to strategy: nearest first, each once.
    func alignmentChain(_ okr: Entity) -> [Entity] {
        var chain: [Entity] = []
        var seen: Set<ObjectIdentifier> = [ObjectIdentifier(okr)]
        var frontier = [okr]
        while !frontier.isEmpty {
            var next: [Entity] = []
            for current in frontier {
                for parent in referred(current, kind: .okr, field: .alignedTo) where seen.insert(ObjectIdentifier(parent)).inserted {
                    chain.append(parent)
                    next.append(parent)
                }
            }
            frontier = next
        }
        return chain
    }

    /// The OKRs that align directly to this one.
    func alignedChildren(_ okr: Entity) -> [Entity] { referrers(okr, kind: .okr, field: .alignedTo) }

    /// Pathways that name one of this OKR's key results in `drives`.
    func drivingPathways(_ okr: Entity, keyResult: String? = nil) -> [Entity] {
        var seen = Set<ObjectIdentifier>()
        return references(to: okr).compactMap { link in
            guard link.from.kind == .pathway, let id = link.keyResult, keyResult == nil || keyResult == id,
                  seen.insert(ObjectIdentifier(link.from)).inserted else { return nil }
            return link.from
        }
    }

    /// The title a page and a link show for an entity.
    func title(_ entity: Entity) -> String { position[ObjectIdentifier(entity)].map { titles[$0] } ?? Self.makeTitle(entity) }

    private static func makeTitle(_ entity: Entity) -> String {
        switch entity.kind {
        case .competency: return entity.text(.name) ?? entity.id
        case .role, .rubric, .pathway: return entity.text(.title) ?? entity.id
        case .okr: return entity.text(.objective).map(Whitespace.oneLine) ?? entity.id
        }
    }

    // MARK: - Where things go

    /// The folder of each kind's pages and JSON files.
    static func folder(_ kind: EntityKind) -> String { kind.plural }

    /// An id as a file name: a slug stays as it is; anything else (a team may loosen the id
    /// pattern in its schema) has every byte outside `a-z 0-9 -` written as `_HH`, so no id can
    /// name a parent folder, a hidden file or another entity's file.
    ///
    /// `index` is the name of each kind's list page, so the entity with that id is `_index` (no
    /// other id gives that name: an escape is `_` and two capital hexadecimal digits).
    static func fileName(_ id: String) -> String {
        let safe = id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        if id == "index" { return "_index" }
        if safe && !id.isEmpty && id.utf8.count <= 100 { return id }
        var name = ""
        for byte in id.utf8.prefix(100) {
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D {
                name.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                name += "_" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        if id.utf8.count > 100 {
            var hash = FNV1a64()
            hash.add(id)
            name += "_" + hash.hex
        }
        return name.isEmpty ? "_" : name
    }

    static func pagePath(_ entity: Entity) -> String { folder(entity.kind) + "/" + fileName(entity.id) + ".html" }

    /// A role's tracker spreadsheet among the site's exports.
    static func trackerPath(_ role: Entity) -> String { "exports/trackers/" + fileName(role.id) + ".csv" }

    static func jsonPath(_ entity: Entity) -> String { "api/" + folder(entity.kind) + "/" + fileName(entity.id) + ".json" }
}
