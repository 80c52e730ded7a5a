import Foundation

public struct PreviewError: Error, Sendable {
    public let message: String
    public let help: String?
}

/// What one build of the preview did, for the command line to show.
public struct PreviewBuild: Sendable {
    /// The check's findings, all of them (the site is not built when one is an error).
    public var diagnostics: [Diagnostic]
    public var fileCount: Int
    /// The configuration or a schema is invalid: nothing could be checked.
    public var setupFailed: Bool
    /// The site was written (when false, the last good site is still served).
    public var built: Bool
    /// What the build wrote, when it did.
    public var summary: SiteBuildSummary?
    /// Why the site could not be written, when the check was clean but writing failed.
    public var writeError: SiteWriteError?
    public var seconds: Double
}

/// `pathc serve`: the site of a repository built into a private temporary folder, rebuilt when a
/// file it is made from changes, and served with the preview's additions (`PreviewPage`). A
/// rebuild that fails keeps the last good site and shows its errors in every page served.
///
/// The build is `pathc build`'s own (`Checker`, `SiteBuilder`, `SiteWriter`): the same pages,
/// written atomically, so a request never sees half a site. Changes are found by polling
/// modification times (`SourceWatch`), which costs a walk of `lstat`s per look and works the
/// same on Linux and macOS.
public final class SitePreview: Sendable {
    /// The repository, absolute.
    public let root: String
    let currentDirectory: String
    /// The private folder (mode 0700) that holds the site; removed by `stop`.
    public let folder: String
    /// The site, inside `folder`.
    public var siteFolder: String { folder + "/site" }
    /// Seconds between looks at the files when a look is quick; after a slow look (a huge
    /// repository) the pause is four times its length, so watching takes at most a fifth of a core.
    let interval: Double
    private let state: Locked<State>
    private let stopped = Locked(false)
    private let started = Locked(false)
    private let wake = DispatchSemaphore(value: 0)
    private let loopEnded = DispatchSemaphore(value: 0)
    /// A random word that starts every version, so a page from an earlier run reloads too.
    private let session: String

    private struct State {
        var status: PreviewStatus
        var builds = 0
        var title = "pathc serve"
    }

    /// Makes the private folder for the site. Nothing is built until `start`.
    public init(root: String, currentDirectory: String, interval: Double = 0.4) throws(PreviewError) {
        self.root = Paths.absolute(root, from: currentDirectory)
        self.currentDirectory = currentDirectory
        self.interval = interval
        session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        let base = FileManager.default.temporaryDirectory.path
        var template = Array((base + "/pathc-serve-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PreviewError(message: "cannot create a temporary folder in '\(base)': \(String(cString: strerror(errno)))",
                               help: "set TMPDIR to a writable folder")
        }
        folder = String(cString: made)
        state = Locked(State(status: PreviewStatus(version: session + ".0")))
    }

    /// The version of what is served: it changes with every finished build.
    public var version: String { state.withLock { $0.status.version } }

    /// Builds the site now and then whenever a watched file changes, on a thread of its own.
    /// `onBuild` is called after each build, on that thread.
    public func start(onBuild: @escaping @Sendable (PreviewBuild) -> Void = { _ in }) {
        guard started.withLock({ started in defer { started = true }; return !started }) else { return }
        Thread.detachNewThread { [self] in
            defer { loopEnded.signal() }
            // Taken before each build reads the files: an edit made during a build is seen at
            // the next look, and builds again.
            var watch = SourceWatch(root: root, config: ProjectConfig())
            var seen = watch.fingerprint()
            var outcome = build()
            while true {
                onBuild(outcome.report)
                // The configuration may name other folders now: from here on, those are watched.
                let moved = SourceWatch(root: root, config: outcome.config)
                if moved.paths != watch.paths {
                    watch = moved
                    seen = watch.fingerprint()
                }
                var pause = interval
                while true {
                    _ = wake.wait(timeout: .now() + pause)
                    if stopped.withLock({ $0 }) { return }
                    let started = DispatchTime.now()
                    let current = watch.fingerprint()
                    // A slow look (a huge repository) is spaced out to four times its length.
                    pause = max(interval, Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 * 4)
                    if current != seen {
                        seen = current
                        break
                    }
                }
                outcome = build()
            }
        }
    }

    /// Stops watching, waits for a build under way, and removes the private folder (only what
    /// pathc wrote there: the site, marked as pathc's, and the folder itself once empty).
    public func stop() {
        let first = stopped.withLock { stopped -> Bool in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        if started.withLock({ $0 }) {
            wake.signal()
            loopEnded.wait()
        }
        removeFolder()
    }

    private func removeFolder() {
        if SiteWriter.isOwnSite(siteFolder) { SiteWriter.removeTree(siteFolder) }
        rmdir(folder)
    }

    // MARK: - Building

    private struct Outcome {
        let report: PreviewBuild
        let config: ProjectConfig
    }

    /// Checks the repository and, when it has no errors, writes the site; then publishes the
    /// new status (and version).
    private func build() -> Outcome {
        let started = DispatchTime.now()
        var checker = Checker(root: root, currentDirectory: currentDirectory)
        checker.computesVerdicts = true
        let result = checker.run()
        var report = PreviewBuild(diagnostics: result.diagnostics, fileCount: result.fileCount, setupFailed: result.setupFailed,
                                  built: false, summary: nil, writeError: nil, seconds: 0)
        var problems: [PreviewProblem] = []
        var errorCount = result.errorCount
        if result.setupFailed || result.errorCount > 0 {
            problems = result.diagnostics.lazy.filter { $0.severity == .error }.prefix(PreviewPage.shownProblems).map(PreviewProblem.init)
        } else {
            do {
                report.summary = try write(result)
                report.built = true
            } catch {
                let failure = error as? SiteWriteError ?? SiteWriteError(message: "the site could not be written")
                report.writeError = failure
                problems = [PreviewProblem(message: failure.message, help: failure.help)]
                errorCount = 1
            }
        }
        report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let built = report.built
        let title = result.config.name ?? "pathc serve"
        state.withLock { state in
            state.builds += 1
            state.title = title
            state.status = PreviewStatus(version: "\(session).\(state.builds)", building: false,
                                         hasSite: state.status.hasSite || built, problems: problems, errorCount: errorCount)
        }
        return Outcome(report: report, config: result.config)
    }

    private func write(_ result: CheckResult) throws -> SiteBuildSummary {
        let protected = [result.config.content, result.config.schemas, ".git", ".githooks"].map { Paths.absolute($0, from: root) }
        let writer = try SiteWriter.prepare(target: siteFolder, root: root, protected: protected)
        let builder = SiteBuilder(result: result, root: root, currentDirectory: currentDirectory)
        do {
            let summary = try builder.write(to: writer)
            try writer.commit()
            return summary
        } catch {
            writer.abandon()
            throw error
        }
    }

    // MARK: - Serving

    /// The largest page the preview adds its banner and script to; a larger one is served as built.
    static let largestInjectedPage = 32 << 20

    /// The answer to a request: the preview's own files under `/__pathc/`, else a file of the
    /// last good site (its pages with the preview's additions), else a placeholder page.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        // Read before the file, so that a page is never older than the version it carries.
        let (status, title) = state.withLock { ($0.status, $0.title) }
        let security = [("Content-Security-Policy", PreviewPage.policy)]
        if request.path.segments.first == "__pathc" {
            switch request.path.segments.dropFirst().joined(separator: "/") {
            case "version": return text(status.version + "\n", type: "text/plain; charset=utf-8", security)
            case "reload.js": return text(PreviewPage.reloadScript, type: MediaType.of("reload.js"), security)
            case "preview.css": return text(PreviewPage.stylesheet, type: MediaType.of("preview.css"), security)
            default: return HTTPResponse.text(.notFound, "not found", headers: security)
            }
        }
        guard status.hasSite else {
            return page(PreviewPage.placeholder(status, title: title), status: status.building ? .ok : .notFound, security)
        }
        switch SiteFolder(path: siteFolder).open(request.path) {
        case .folder:
            return HTTPResponse(status: .movedPermanently, headers: security + [("Location", SitePath(segments: request.path.segments, isFolder: true).address)])
        case .missing:
            var missing = status
            missing.building = false
            return page(PreviewPage.placeholder(missing, title: "Not found"), status: .notFound, security)
        case .file(let descriptor, let size, let name):
            let type = MediaType.of(name)
            guard type.hasPrefix("text/html"), size <= Self.largestInjectedPage else {
                return HTTPResponse(status: .ok, headers: security + [("Content-Type", type)], body: .file(descriptor: descriptor, size: size))
            }
            defer { close(descriptor) }
            guard let bytes = Self.readAll(descriptor, size: size) else {
                return HTTPResponse.text(.internalError, "the page could not be read", headers: security)
            }
            return page(PreviewPage.inject(bytes, status: status), status: .ok, security)
        }
    }

    private func text(_ text: String, type: String, _ headers: [(String, String)]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: headers + [("Content-Type", type)], body: .bytes(Array(text.utf8)))
    }

    private func page(_ bytes: [UInt8], status: HTTPStatus, _ headers: [(String, String)]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers + [("Content-Type", MediaType.of("page.html"))], body: .bytes(bytes))
    }

    private static func readAll(_ fd: Int32, size: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + offset, size - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        return bytes
    }
}
