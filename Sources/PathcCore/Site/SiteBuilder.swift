import Foundation

/// What a build wrote.
public struct SiteBuildSummary: Sendable {
    public var pages = 0
    public var jsonFiles = 0
    public var bytes = 0
    /// The output folder, absolute.
    public var folder = ""
}

/// Compiles a clean check into the site: HTML pages, the JSON API, the assets and the sitemap,
/// rendered on all cores and written by `SiteWriter` into a fresh folder that replaces the
/// previous site in one step.
public struct SiteBuilder: Sendable {
    let site: SiteModel
    let pages: SitePages
    let api: SiteJSON
    let exporter: Exporter
    /// How many entities' JSON is made at once: site.json is written a wave at a time, so only
    /// a wave's bodies are in memory, never the whole API (over 800 MB at 100,000 OKRs).
    var apiWave = 2048

    /// One file of the output, rendered when its turn comes (so the whole site is never in memory at once).
    enum Job: Sendable {
        case entityPage(Entity), entityJSON(Entity), list(EntityKind)
        case home, matrix, quality, search, searchIndex, siteJSON, diagnostics, stylesheet, searchScript
        case schema(String), sitemap
        case comparison(from: Entity, to: Entity), checklist(Entity), okrScript, assessScript
        case changes, changesJSON
        case table(Exporter.Table), tracker(Entity), casePackage, badges
    }

    /// `changes`: what changed since a revision, for the "what changed" page (`--changes-since`).
    public init(result: CheckResult, root: String, currentDirectory: String, changes: FrameworkDiff? = nil) {
        var clock = PhaseClock()
        var site = SiteModel(result: result, root: root, currentDirectory: currentDirectory)
        site.changes = changes
        self.site = site
        clock.lap("site model")
        pages = SitePages(site: site)
        api = SiteJSON(site: site)
        exporter = Exporter(result: result, root: root)
    }

    /// Every file of the site, in a stable order.
    var jobs: [Job] {
        // The jobs that each make one large file come first, so that no core is left with one at the end.
        var jobs: [Job] = [.siteJSON, .searchIndex, .table(.okrs), .badges, .casePackage, .table(.matrix),
                           .home, .matrix, .quality, .search, .diagnostics, .stylesheet, .searchScript]
        jobs += SiteJSON.schemaFiles.map { .schema($0) }
        if site.config.baseURL != nil { jobs.append(.sitemap) }
        jobs += EntityKind.allCases.map { .list($0) }
        jobs += [.okrScript, .assessScript]
        if site.changes != nil { jobs += [.changes, .changesJSON] }
        jobs += site.model.all(.role).map { .tracker($0) }
        for entity in site.model.ordered { jobs += [.entityPage(entity), .entityJSON(entity)] }
        for role in site.model.all(.role) {
            jobs.append(.checklist(role))
            jobs += site.growth(role).compared.map { .comparison(from: role, to: $0) }
        }
        return jobs
    }

    /// The folders the jobs write into, created before any job runs.
    static var folders: [String] {
        ["api", "api/schemas", "assets", "compare", "checklists", "exports", "exports/trackers"] + EntityKind.allCases.flatMap { [SiteModel.folder($0), "api/" + SiteModel.folder($0)] }
    }

    func render(_ job: Job) -> (path: String, bytes: [UInt8]) {
        switch job {
        case .entityPage(let entity):
            let bytes: [UInt8]
            switch entity.kind {
            case .okr: bytes = pages.okrPage(entity)
            case .pathway: bytes = pages.pathwayPage(entity)
            case .competency: bytes = pages.competencyPage(entity)
            case .role: bytes = pages.rolePage(entity)
            case .rubric: bytes = pages.rubricPage(entity)
            }
            return (SiteModel.pagePath(entity), bytes)
        case .entityJSON(let entity): return (SiteModel.jsonPath(entity), api.entityDocument(entity))
        case .list(let kind): return (SiteModel.folder(kind) + "/index.html", pages.listPage(kind))
        case .home: return ("index.html", pages.homePage())
        case .matrix: return ("matrix.html", pages.matrixPage())
        case .quality: return ("quality.html", pages.qualityPage())
        case .search: return ("search.html", pages.searchPage())
        case .searchIndex: return ("assets/search-index.js", searchIndex())
        case .siteJSON: return ("api/site.json", api.siteDocument())
        case .diagnostics: return ("api/diagnostics.json", json(api.diagnosticsDocument()))
        case .stylesheet: return ("assets/site.css", Array(SiteAssets.stylesheet.utf8))
        case .searchScript: return ("assets/search.js", Array(SiteAssets.searchScript.utf8))
        case .schema(let name): return ("api/schemas/" + name, Array(((BuiltinSchemas.outputFiles[name] ?? "{}") + "\n").utf8))
        case .sitemap: return ("sitemap.xml", sitemap())
        case .comparison(let from, let to): return (RoleComparison.pagePath(from: from, to: to), pages.comparisonPage(from: from, to: to))
        case .checklist(let role): return (RoleComparison.checklistPath(role), pages.checklistPage(role))
        case .okrScript: return ("assets/okrs.js", Array(SiteAssets.okrScript.utf8))
        case .assessScript: return ("assets/assess.js", Array(SiteAssets.assessScript.utf8))
        case .changes: return ("changes.html", pages.changesPage())
        case .table(let table): return ("exports/\(table.rawValue).csv", (try? exporter.table(table).get())?.bytes ?? [])
        case .tracker(let role): return (SiteModel.trackerPath(role), (try? exporter.table(.tracker, role: role.id).get())?.bytes ?? [])
        case .casePackage: return ("exports/case.json", JSONWriter(pretty: true).bytes(exporter.caseDocument()) + [0x0A])
        case .badges: return ("exports/badges.json", JSONWriter(pretty: true).bytes(exporter.badgesDocument()) + [0x0A])
        case .changesJSON: return ("api/changes.json", site.changes.map { json(DiffReport.json($0, schema: "schemas/diff.schema.json")) } ?? [])
        }
    }

    private func json(_ value: JSONValue) -> [UInt8] {
        var bytes = JSONWriter(pretty: false).bytes(value)
        bytes.append(0x0A)
        return bytes
    }

    /// `window.PATHC_SEARCH = [...]`: titles, objectives and ids, lower-cased for matching.
    static let searchTextLimit = 1_500

    /// One entry per entity, made on all cores: the index is one file, and made in one thread it
    /// was the longest job of a large build.
    private func searchIndex() -> [UInt8] {
        let site = self.site
        let entries = parallelMap(site.model.ordered, chunk: 64) { entity -> [UInt8] in
            var json = JSONStream(capacity: 512)
            json.beginObject()
            json.key("kind"); json.string(entity.kind.rawValue)
            json.key("id"); json.string(entity.id)
            json.key("title"); json.string(site.title(entity))
            json.key("page"); json.string(SiteModel.pagePath(entity))
            json.key("text"); json.string(Self.searchText(entity, title: site.title(entity)))
            json.endObject()
            return json.bytes
        }
        var out = Array("window.PATHC_SEARCH = [".utf8)
        out.reserveCapacity(entries.reduce(32) { $0 + $1.count + 1 })
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out += entry
        }
        out += Array("];\n".utf8)
        return out
    }

    /// The title and id, then the entity's words in document order (descriptions, behaviours,
    /// objectives, key results, tasks: every text with a space in it), up to `searchTextLimit`
    /// bytes, on one line and lower-cased, so that "five whys" finds the behaviour that says it
    /// without the index growing with every word of a large repository.
    static func searchText(_ entity: Entity, title: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(searchTextLimit + 64)
        var ascii = true
        var pendingSpace = false
        func append(_ text: String) {
            for byte in text.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                if byte >= 0x80 { ascii = false }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            pendingSpace = !bytes.isEmpty
        }
        append(title)
        append(entity.id)
        var stack: [Node] = [entity.root]
        while let node = stack.popLast(), bytes.count < searchTextLimit {
            switch node.content {
            case .scalar(let scalar):
                if case .string(let words) = scalar.value, words.utf8.contains(0x20) { append(words) }
            case .sequence(let items): stack += items.reversed()
            case .mapping(let pairs): stack += pairs.map(\.value).reversed()
            }
        }
        if bytes.count > searchTextLimit {
            // Cut on a character's first byte, never inside one.
            var end = searchTextLimit
            while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            bytes.removeSubrange(end...)
            while bytes.last == 0x20 { bytes.removeLast() }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return ascii ? text : text.lowercased()
    }

    /// Every page's absolute address, when `base_url` is set.
    private func sitemap() -> [UInt8] {
        guard let base = site.config.baseURL else { return [] }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        var paths = ["index.html", "matrix.html", "quality.html", "search.html"] + EntityKind.allCases.map { SiteModel.folder($0) + "/index.html" }
        if site.changes != nil { paths.append("changes.html") }
        paths += site.model.ordered.map(SiteModel.pagePath)
        for role in site.model.all(.role) {
            paths.append(RoleComparison.checklistPath(role))
            paths += site.growth(role).compared.map { RoleComparison.pagePath(from: role, to: $0) }
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths { xml += "<url><loc>\(HTML.escaped(prefix + path))</loc></url>\n" }
        xml += "</urlset>\n"
        return Array(xml.utf8)
    }

    /// Renders every file and writes it into `writer`'s folder, on all cores.
    public func write(to writer: SiteWriter, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> SiteBuildSummary {
        var clock = PhaseClock()
        let jobs = self.jobs
        let counter = ProgressCounter(total: jobs.count, report: progress)
        var summary = SiteBuildSummary()
        try writeAPI(to: writer, counter: counter, summary: &summary)
        clock.lap("write site.json and \(site.model.ordered.count) entity files")
        let rest = jobs.filter {
            switch $0 {
            case .siteJSON, .entityJSON: return false
            default: return true
            }
        }
        let results = parallelMap(rest, chunk: 8) { job -> Result<Int, SiteWriteError> in
            let (path, bytes) = render(job)
            defer { counter.advance() }
            return Self.attempt(path) { try writer.write(path, bytes); return bytes.count }
        }
        clock.lap("render and write \(rest.count) files")
        for (job, result) in zip(rest, results) {
            summary.bytes += try result.get()
            switch job {
            case .diagnostics, .schema, .changesJSON, .casePackage, .badges: summary.jsonFiles += 1
            case .entityPage, .list, .home, .matrix, .quality, .search, .comparison, .checklist, .changes: summary.pages += 1
            default: break
            }
        }
        return summary
    }

    /// `api/site.json` streamed in order, and each entity's own file written from the same body,
    /// the bodies of each wave made on all cores while the previous wave is appended to site.json.
    private func writeAPI(to writer: SiteWriter, counter: ProgressCounter, summary: inout SiteBuildSummary) throws {
        let appender = SiteJSONAppender(stream: try writer.stream("api/site.json"))
        // On a failed write, no append is left running into the staging folder being abandoned.
        defer { appender.waitForPending() }
        let head = api.siteHead()
        appender.append { try $0.append(head) }
        for kind in EntityKind.allCases {
            let opening = SiteJSON.listOpening(kind)
            appender.append { try $0.append(opening) }
            let entities = site.model.all(kind)
            var start = 0
            while start < entities.count {
                let wave = Array(entities[start..<min(start + max(1, apiWave), entities.count)])
                let bodies = parallelMap(wave) { entity -> Result<(body: [UInt8], fileSize: Int), SiteWriteError> in
                    let body = api.body(entity)
                    let document = api.entityDocument(entity, body: body)
                    defer { counter.advance() }
                    return Self.attempt(SiteModel.jsonPath(entity)) {
                        try writer.write(SiteModel.jsonPath(entity), document)
                        return (body, document.count)
                    }
                }
                let made = try bodies.map { result -> [UInt8] in
                    let (body, fileSize) = try result.get()
                    summary.bytes += fileSize
                    return body
                }
                let first = start == 0
                appender.append { stream in
                    var entries: [UInt8] = []
                    SiteJSON.appendEntries(made, first: first, to: &entries)
                    try stream.append(entries)
                }
                summary.jsonFiles += wave.count
                start += wave.count
            }
            appender.append { try $0.append(SiteJSON.listClosing) }
        }
        appender.append { try $0.append(SiteJSON.documentClosing) }
        summary.bytes += try appender.finish()
        counter.advance()
        summary.jsonFiles += 1
    }

    /// A write's error as a value, so that workers hand it back instead of throwing across threads.
    private static func attempt<T>(_ path: String, _ body: () throws -> T) -> Result<T, SiteWriteError> {
        do {
            return .success(try body())
        } catch let error as SiteWriteError {
            return .failure(error)
        } catch {
            return .failure(SiteWriteError(message: "cannot write '\(path)'"))
        }
    }
}

/// Appends to site.json on a queue of its own, in order, while the next wave of entities is
/// made: otherwise one core would wait while the other copies each wave into the file (444 MB
/// at 100,000 OKRs). At most one append waits at a time, so at most two waves are in memory.
private final class SiteJSONAppender: @unchecked Sendable {
    // The stream is used only on `queue`, and `failure` only there until `finish` has waited.
    private let stream: SiteWriter.Stream
    private let queue = DispatchQueue(label: "pathc.site-json")
    private let pending = DispatchGroup()
    private var failure: Error?

    init(stream: SiteWriter.Stream) {
        self.stream = stream
    }

    func append(_ work: @escaping @Sendable (SiteWriter.Stream) throws -> Void) {
        pending.wait()
        pending.enter()
        queue.async { [self] in
            defer { pending.leave() }
            guard failure == nil else { return }
            do { try work(stream) } catch { failure = error }
        }
    }

    func waitForPending() { pending.wait() }

    /// Waits for every append, closes the file and gives its size; the first failure, if any.
    func finish() throws -> Int {
        pending.wait()
        if let failure { throw failure }
        try stream.close()
        return stream.count
    }
}

/// Counts finished files across threads and reports every hundredth.
private final class ProgressCounter: Sendable {
    private let done = Locked(0)
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    func advance() {
        guard let report else { return }
        let value = done.withLock { count in
            count += 1
            return count
        }
        if value % 100 == 0 || value == total { report(value, total) }
    }
}
