import Foundation

/// `pathc lsp`: a Language Server Protocol server over standard input and output, for any editor.
/// It keeps the repository checked (`EditorWorkspace`) and publishes each file's findings as the
/// editor's buffers change, before they are saved.
///
/// Messages are JSON-RPC 2.0, framed by `FramedMessages`. Requests are answered in order, one at a
/// time; a request pathc does not serve gets MethodNotFound, and a notification it does not know is
/// ignored, as the protocol asks.
public final class LanguageServer {
    private let input: FileHandle
    private let output: FileHandle
    private var workspace: EditorWorkspace?
    /// What each file with findings was last sent, in short.
    private var published: [String: String] = [:]
    private var shutDown = false

    public init(input: FileHandle = .standardInput, output: FileHandle = .standardOutput) {
        self.input = input
        self.output = output
    }

    /// Serves until the editor sends `exit`, or closes the input. The process's exit status: 0
    /// after `shutdown` then `exit`, 1 otherwise (as the protocol asks).
    public func run() -> Int32 {
        var messages = FramedMessages()
        while true {
            do {
                while let body = try messages.next() {
                    if let status = handle(body) { return status }
                }
            } catch {
                return 1
            }
            let data = input.availableData
            if data.isEmpty { return shutDown ? 0 : 1 }
            messages.append(data)
        }
    }

    /// Handles one message; the exit status when it was `exit`.
    private func handle(_ body: [UInt8]) -> Int32? {
        guard let message = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] else {
            send(["jsonrpc": "2.0", "id": NSNull(), "error": ["code": -32700, "message": "not a JSON object"]])
            return nil
        }
        let method = message["method"] as? String ?? ""
        let id = message["id"]
        let params = message["params"] as? [String: Any] ?? [:]
        switch method {
        case "initialize":
            respond(id, initialize(params))
        case "initialized":
            publishAll()
        case "shutdown":
            shutDown = true
            respond(id, NSNull())
        case "exit":
            return shutDown ? 0 : 1
        case "textDocument/didOpen":
            guard let document = params["textDocument"] as? [String: Any], let path = Self.path(document["uri"]),
                  let text = document["text"] as? String else { return nil }
            workspace?.update(path, text: Array(text.utf8))
            publishAll()
        case "textDocument/didChange":
            // Full synchronisation: the last change holds the whole text.
            guard let document = params["textDocument"] as? [String: Any], let path = Self.path(document["uri"]),
                  let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String else { return nil }
            workspace?.update(path, text: Array(text.utf8))
            publishAll()
        case "textDocument/didClose":
            guard let document = params["textDocument"] as? [String: Any], let path = Self.path(document["uri"]) else { return nil }
            workspace?.reload(path, closing: true)
            publishAll()
        case "textDocument/definition":
            let all = workspace?.identifierUses() ?? []
            respond(id, use(at: params, in: all).flatMap { use in all.first { $0.target == use.target && $0.isDefinition } }.map { [location($0)] } ?? [])
        case "textDocument/references":
            let all = workspace?.identifierUses() ?? []
            let includeDeclaration = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? true
            respond(id, use(at: params, in: all).map { use in
                all.filter { $0.target == use.target && (includeDeclaration || !$0.isDefinition) }.map(location)
            } ?? [])
        case "textDocument/rename":
            respond(id, rename(params))
        case "textDocument/hover":
            respond(id, use(at: params, in: workspace?.identifierUses() ?? []).flatMap(hover) ?? NSNull())
        case "workspace/didChangeWatchedFiles":
            for change in params["changes"] as? [[String: Any]] ?? [] {
                if let path = Self.path(change["uri"]) { workspace?.reload(path) }
            }
            publishAll()
        default:
            // A request must be answered; a notification (no id) may be ignored.
            if let id { send(["jsonrpc": "2.0", "id": id, "error": ["code": -32601, "message": "pathc does not serve \(method)"]]) }
        }
        return nil
    }

    private func initialize(_ params: [String: Any]) -> [String: Any] {
        let folders = params["workspaceFolders"] as? [[String: Any]] ?? []
        let folder = Self.path(params["rootUri"]) ?? (params["rootPath"] as? String) ?? folders.first.flatMap { Self.path($0["uri"]) }
            ?? FileManager.default.currentDirectoryPath
        switch EditorWorkspace.open(at: folder) {
        case .success(let opened): workspace = opened
        case .failure(let problems): publish(problems.diagnostics, root: folder)
        }
        return [
            "capabilities": [
                "textDocumentSync": ["openClose": true, "change": 1],
                "definitionProvider": true,
                "referencesProvider": true,
                "renameProvider": true,
                "hoverProvider": true,
            ],
            "serverInfo": ["name": "pathc", "version": PathcVersion.current],
        ]
    }

    // MARK: - Ids: definition, references, rename, hover

    /// The id at a request's text position, if one is written there.
    private func use(at params: [String: Any], in all: [IdentifierUse]) -> IdentifierUse? {
        guard let workspace, let document = params["textDocument"] as? [String: Any], let path = Self.path(document["uri"]),
              let position = params["position"] as? [String: Any], let line = position["line"] as? Int,
              let character = position["character"] as? Int, let file = workspace.source(of: path) else { return nil }
        let offset = Self.offset(file, line: line, character: character)
        return all.first { $0.path == path && $0.span.start <= offset && offset <= $0.span.end }
    }

    private func location(_ use: IdentifierUse) -> [String: Any] {
        ["uri": Self.uri(use.path), "range": ["start": Self.position(use.file, use.span.start), "end": Self.position(use.file, use.span.end)]]
    }

    /// Every use of the id renamed, in every file: one workspace edit. A new name must be one an
    /// id can take (letters, digits, '-', '_', '.'), or the rename is refused with a message.
    private func rename(_ params: [String: Any]) -> Any {
        let all = workspace?.identifierUses() ?? []
        guard let use = use(at: params, in: all), let newName = params["newName"] as? String else { return NSNull() }
        guard !newName.isEmpty, newName.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }) else {
            return NSNull()
        }
        var changes: [String: [[String: Any]]] = [:]
        for place in all where place.target == use.target {
            changes[Self.uri(place.path), default: []].append([
                "range": ["start": Self.position(place.file, place.span.start), "end": Self.position(place.file, place.span.end)],
                "newText": newName,
            ])
        }
        return ["changes": changes]
    }

    /// What an id names: its kind, id and title, and where it is defined.
    private func hover(_ use: IdentifierUse) -> [String: Any]? {
        guard let workspace, let entity = workspace.entity(use.target) else { return nil }
        let title = entity.text(.name) ?? entity.text(.title) ?? entity.text(.objective) ?? entity.id
        var text = "**\(entity.kind.displayName)** `\(entity.id)`: \(Whitespace.oneLine(title))"
        if let level = entity.text(.level) { text += "\n\nlevel: \(level)" }
        text += "\n\nDefined in \(entity.file.path)"
        return ["contents": ["kind": "markdown", "value": text]]
    }

    /// The byte offset of an LSP position (UTF-16 code units from the line's start) in a file.
    static func offset(_ file: SourceFile, line: Int, character: Int) -> Int {
        let range = file.lineRange(line + 1)
        var units = 0
        var offset = range.lowerBound
        for scalar in String(decoding: file.bytes[range], as: UTF8.self).unicodeScalars {
            guard units < character else { break }
            units += scalar.utf16.count
            offset += scalar.utf8.count
        }
        return offset
    }

    /// Every file's findings now; files that had findings and have none are cleared.
    private func publishAll() {
        guard let workspace else { return }
        publish(workspace.check().diagnostics, root: workspace.root)
    }

    /// Sends each file's findings when they differ from what the editor was last sent (a file
    /// that had findings and has none gets an empty list), so that a change in one file of a large
    /// repository sends a message or two, not one per file.
    private func publish(_ diagnostics: [Diagnostic], root: String) {
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let path = diagnostic.file.path.hasPrefix("/") ? diagnostic.file.path : root + "/" + diagnostic.file.path
            byFile[path, default: []].append(diagnostic)
        }
        for path in published.keys where byFile[path] == nil { byFile[path] = [] }
        for path in byFile.keys.sorted() {
            let found = byFile[path]!
            // What the editor shows of each finding, compared before anything is encoded.
            let shown = found.map { "\($0.code.code) \($0.severity) \($0.span.start) \($0.span.end) \($0.message) \($0.help ?? "")" }
                .joined(separator: "\n")
            guard published[path] != shown else { continue }
            published[path] = found.isEmpty ? nil : shown
            send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
                  "params": ["uri": Self.uri(path), "diagnostics": found.map(Self.json)] as [String: Any]])
        }
    }

    static func json(_ diagnostic: Diagnostic) -> [String: Any] {
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: " + help }
        let severity: Int
        switch diagnostic.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .info: severity = 3
        }
        return [
            "range": ["start": position(diagnostic.file, diagnostic.span.start), "end": position(diagnostic.file, diagnostic.span.end)],
            "severity": severity,
            "code": diagnostic.code.code,
            "source": "pathc " + diagnostic.code.name,
            "message": message,
        ]
    }

    /// An LSP position: 0-based line, and the character as UTF-16 code units from the line's start.
    static func position(_ file: SourceFile, _ offset: Int) -> [String: Int] {
        let point = file.position(of: offset)
        let line = file.lineRange(point.line)
        let end = max(line.lowerBound, min(point.offset, line.upperBound))
        let character = String(decoding: file.bytes[line.lowerBound..<end], as: UTF8.self).utf16.count
        return ["line": point.line - 1, "character": character]
    }

    /// The file a `file://` URI names, percent-decoded; nil for other schemes.
    static func path(_ uri: Any?) -> String? {
        guard let uri = uri as? String, let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(_ path: String) -> String {
        URL(fileURLWithPath: path).absoluteString
    }

    private func respond(_ id: Any?, _ result: Any) {
        send(["jsonrpc": "2.0", "id": id ?? NSNull(), "result": result])
    }

    private func send(_ message: [String: Any]) {
        guard let data = Self.encode(message) else { return }
        output.write(Data(FramedMessages.frame(Array(data))))
    }

    private static func encode(_ message: [String: Any]) -> Data? {
        try? JSONSerialization.data(withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes])
    }
}
