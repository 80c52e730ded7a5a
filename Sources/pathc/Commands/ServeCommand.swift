import Foundation
import PathcCore

/// `pathc serve`: a live preview of the site on 127.0.0.1, rebuilt as files change.
extension CommandDescriptor {
    static let serve = CommandDescriptor(
        name: "serve",
        summary: "preview the site on this computer, rebuilt and reloaded as files change",
        synopsis: "serve [--port N]",
        details: """
            Builds the site as 'pathc build' does, into a temporary folder of its own (never --out or
            'output'), and serves it at http://127.0.0.1:PORT/ to this computer only. When a content
            file, pathc.yaml, a schema or a house rule changes, it rebuilds and the open pages reload.
            While the files have errors, the last good site stays up and every page shows the errors
            at its top. Only requests for 127.0.0.1:PORT or localhost:PORT are answered. Ctrl-C stops
            it and removes the temporary folder.
            """,
        options: ServeOptions.all,
        positionals: 0...0,
        positionalName: "",
        run: runServe)
}

enum ServeOptions {
    static let port = Option<String>("--port", "N", "the port on 127.0.0.1 (default: \(defaultPort); 0 picks a free one)")

    static let defaultPort: UInt16 = 8000
    static let all = [port.spec]
}

private func runServe(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    var port = ServeOptions.defaultPort
    if let text = arguments[ServeOptions.port] {
        guard let number = UInt16(text) else {
            context.terminal.error("invalid port '\(text)'", help: "give a number from 0 to 65535; 0 picks a free port")
            return ExitCode.usage
        }
        port = number
    }
    guard let root = repositoryRoot(context) else { return ExitCode.usage }
    let cwd = FileManager.default.currentDirectoryPath
    let preview: SitePreview
    let server: LocalServer
    do {
        preview = try SitePreview(root: root, currentDirectory: cwd)
    } catch {
        context.terminal.error(error.message, help: error.help)
        return ExitCode.usage
    }
    do {
        server = try LocalServer(port: port, handler: preview.respond)
    } catch {
        preview.stop()
        context.terminal.error(error.message, help: error.help)
        return ExitCode.usage
    }

    // Ctrl-C (or a TERM) ends the preview cleanly: the port is closed and the folder removed.
    let finished = DispatchSemaphore(value: 0)
    let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler { finished.signal() }
        source.resume()
        return source
    }
    context.terminal.status("serving http://\(LocalServer.host):\(server.port)/")
    preview.start { build in
        showBuild(build, context: context)
    }
    finished.wait()
    context.terminal.status("stopping")
    server.stop()
    preview.stop()
    signals.forEach { $0.cancel() }
    return ExitCode.success
}

/// One line per build; a failed build's errors as 'check' prints them.
private func showBuild(_ build: PreviewBuild, context: CommandContext) {
    let seconds = String(format: "%.2f", build.seconds)
    if build.built, let summary = build.summary {
        context.terminal.status("built the site: \(summary.pages) pages in \(seconds) s")
    } else if let failure = build.writeError {
        context.terminal.error(failure.message, help: failure.help)
    } else {
        report(build.diagnostics.filter { $0.severity == .error }, files: build.fileCount, format: .text, context: context)
        context.terminal.status(build.setupFailed ? "the repository cannot be checked; the preview shows why"
            : "the site was not rebuilt: the preview shows the last good site and the errors")
    }
}
