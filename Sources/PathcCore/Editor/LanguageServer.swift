import Foundation

/// `pathc lsp`: a Language Server Protocol server over standard input and output, for any editor.
/// It keeps the repository checked (`EditorWorkspace`) and publishes each file's findings as the
/// editor's buffers change, before they are saved; it answers the editor's questions about ids
/// (definition, references, rename, hover), completes keys, values and ids from the schemas and
/// the repository, and offers each finding's safe fixes and its suppression as code actions.
///
/// Messages are JSON-RPC 2.0, framed by `FramedMessages`. Requests are answered in order, one at a
/// time; a request pathc does not serve gets MethodNotFound, and a notification it does not know is
/// ignored, as the protocol asks.
public final class LanguageServer {
    private let input: FileHandle
    private let output: FileHandle
    private var workspace: EditorWorkspace?
    /// The folder the editor opened, to open the workspace again when the configuration changes.
    private var folder: String?
    /// What each file with findings was last sent, in short.
    private var published: [String: String] = [:]
    private var shutDown = false
    /// The editor can watch files for the server, once asked to.
    private var watchesFiles = false

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
        // An answer to a request of ours (the watchers' registration): nothing to do.
        guard let method = message["method"] as? String else { return nil }
        let id = message["id"]
        let params = message["params"] as? [String: Any] ?? [:]
        let document = params["textDocument"] as? [String: Any]
        let path = Self.path(document?["uri"])
        switch method {
        case "initialize":
            respond(id, initialize(params))
            let workspaceCapabilities = (params["capabilities"] as? [String: Any])?["workspace"] as? [String: Any]
            watchesFiles = ((workspaceCapabilities?["didChangeWatchedFiles"] as? [String: Any])?["dynamicRegistration"] as? Bool) == true
        case "initialized":
            if watchesFiles { registerWatchers() }
            publish(workspace.map { Set($0.findings.keys) } ?? [])
        case "shutdown":
            shutDown = true
            respond(id, NSNull())
        case "exit":
            return shutDown ? 0 : 1
        case "textDocument/didOpen":
            guard let path, let text = document?["text"] as? String else { return nil }
            publish(workspace?.update(path, text: Array(text.utf8)) ?? [])
        case "textDocument/didChange":
            // Full synchronisation: the last change holds the whole text.
            guard let path, let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String else { return nil }
            publish(workspace?.update(path, text: Array(text.utf8)) ?? [])
        case "textDocument/didClose":
            guard let path else { return nil }
            publish(workspace?.reload(path, closing: true) ?? [])
        case "workspace/didChangeWatchedFiles":
            filesChanged((params["changes"] as? [[String: Any]] ?? []).compactMap { Self.path($0["uri"]) })
        case "textDocument/definition":
            let found = identifier(at: params)
            respond(id, found.flatMap { use in uses(of: use.target).first { $0.isDefinition } }.map { [location($0)] } ?? [])
        case "textDocument/references":
            let includeDeclaration = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? true
            respond(id, identifier(at: params).map { use in
                uses(of: use.target).filter { includeDeclaration || !$0.isDefinition }.map(location)
            } ?? [])
        case "textDocument/rename":
            respond(id, rename(params))
        case "textDocument/hover":
            respond(id, hover(params) ?? NSNull())
        case "textDocument/completion":
            respond(id, completion(params))
        case "textDocument/codeAction":
            respond(id, codeActions(params))
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
        self.folder = folder
        open(folder)
        return [
            "capabilities": [
                "textDocumentSync": ["openClose": true, "change": 1],
                "definitionProvider": true,
                "referencesProvider": true,
                "renameProvider": true,
                "hoverProvider": true,
                "completionProvider": ["triggerCharacters": [":", " ", "[", ",", "/"]],
                "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            ],
            "serverInfo": ["name": "pathc", "version": PathcVersion.current],
        ]
    }

    /// Asks the editor to report changes to YAML files on disk (a branch checked out, a file
    /// saved from elsewhere), which `filesChanged` reads again.
    private func registerWatchers() {
        let watchers = ["**/*.yaml", "**/*.yml", "**/*.json"].map { ["globPattern": $0] }
        send(["jsonrpc": "2.0", "id": "pathc-watch", "method": "client/registerCapability", "params": ["registrations": [[
            "id": "pathc-watched-files", "method": "workspace/didChangeWatchedFiles", "registerOptions": ["watchers": watchers],
        ]]]])
    }

    /// Opens the repository at `folder`; when its configuration is invalid, shows why.
    private func open(_ folder: String) {
        switch EditorWorkspace.open(at: folder) {
        case .success(let opened):
            workspace = opened
        case .failure(let problems):
            workspace = nil
            publish(problems.diagnostics, root: Checker.findRoot(from: folder) ?? folder)
        }
    }

    /// Files changed on disk: content files are read again; a change to pathc.yaml, a schema or
    /// a house rule can change any finding, and opens the repository again, the editor's open
    /// buffers kept.
    private func filesChanged(_ paths: [String]) {
        guard let folder else { return }
        guard let workspace, !paths.contains(where: workspace.isConfiguration) else {
            let buffers = workspace.map { current in current.openBuffers.compactMap { path in current.source(of: path).map { (path, $0.bytes) } } } ?? []
            let earlier = Set(published.keys)
            open(folder)
            for (path, bytes) in buffers { _ = self.workspace?.update(path, text: bytes) }
            publish(earlier.union(self.workspace.map { Set($0.findings.keys) } ?? []))
            return
        }
        var changed: Set<String> = []
        for path in paths where workspace.isContentFile(path) { changed.formUnion(workspace.reload(path)) }
        publish(changed)
    }

    // MARK: - Ids: definition, references, rename, hover

    /// The id written at a request's text position, if any.
    private func identifier(at params: [String: Any]) -> IdentifierUse? {
        guard let workspace, let (path, offset) = place(params) else { return nil }
        return workspace.identifierUses(in: path).first { $0.span.start <= offset && offset <= $0.span.end }
    }

    /// Every place that names the same thing, in path order.
    private func uses(of target: IdentifierTarget) -> [IdentifierUse] {
        workspace?.identifierUses().filter { $0.target == target } ?? []
    }

    /// The file and byte offset of a request's text position.
    private func place(_ params: [String: Any]) -> (String, Int)? {
        guard let workspace, let document = params["textDocument"] as? [String: Any], let path = Self.path(document["uri"]),
              let position = params["position"] as? [String: Any], let line = position["line"] as? Int,
              let character = position["character"] as? Int, let file = workspace.source(of: path) else { return nil }
        return (path, Self.offset(file, line: line, character: character))
    }

    private func location(_ use: IdentifierUse) -> [String: Any] {
        ["uri": Self.uri(use.path), "range": Self.range(use.file, use.span)]
    }

    /// Every use of the id renamed, in every file: one workspace edit. A new name must be one an
    /// id can take (letters, digits, '-', '_', '.'), or the rename is refused.
    private func rename(_ params: [String: Any]) -> Any {
        guard let use = identifier(at: params), let newName = params["newName"] as? String else { return NSNull() }
        guard !newName.isEmpty, newName.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }) else {
            return NSNull()
        }
        var changes: [String: [[String: Any]]] = [:]
        for place in uses(of: use.target) {
            changes[Self.uri(place.path), default: []].append(["range": Self.range(place.file, place.span), "newText": newName])
        }
        return ["changes": changes]
    }

    /// What an id names (its kind, title and level, where it is defined), or what a field is for.
    private func hover(_ params: [String: Any]) -> [String: Any]? {
        if let use = identifier(at: params), let text = describe(use.target) {
            return ["contents": ["kind": "markdown", "value": text], "range": Self.range(use.file, use.span)]
        }
        guard let workspace, let (path, offset) = place(params), let file = workspace.source(of: path),
              let place = CursorPlace.find(in: file.bytes, at: offset) else { return nil }
        // On a key: the field it is. On a value: the field it is the value of.
        var steps = place.path
        if case .key = place.role { steps.append(.key(file.text(of: place.typed))) }
        while case .item? = steps.last { steps.removeLast() }
        guard case .key(let field)? = steps.last, let outline = place.outline(in: workspace.schemas, along: steps),
              let description = outline.description else { return nil }
        var text = "**\(field)**: \(description)"
        let values = outline.allowedValues
        if !values.isEmpty { text += "\n\nOne of: " + values.map { "`\($0)`" }.joined(separator: ", ") }
        return ["contents": ["kind": "markdown", "value": text], "range": Self.range(file, place.typed)]
    }

    private func describe(_ target: IdentifierTarget) -> String? {
        guard let workspace else { return nil }
        switch target {
        case .entity(let reference):
            guard let entity = workspace.entity(reference) else { return nil }
            let title = entity.text(.name) ?? entity.text(.title) ?? entity.text(.objective) ?? entity.id
            var text = "**\(entity.kind.displayName)** `\(entity.id)`: \(Whitespace.oneLine(title))"
            if let level = entity.text(.level) { text += "\n\nlevel: \(level)" }
            return text + "\n\nDefined in \(entity.file.path)"
        case .keyResult(let okr, let id):
            guard let entity = workspace.entity(EntityRef(.okr, okr)),
                  let item = (entity.root[.keyResults]?.sequence ?? []).first(where: { $0[.id]?.string == id }) else { return nil }
            var text = "**Key result** `\(okr)/\(id)`"
            if let result = item[.result]?.string { text += ": \(Whitespace.oneLine(result))" }
            let numbers = [("baseline", item[.baseline]), ("target", item[.target])].compactMap { name, node in node?.scalar.map { "\(name) \($0.text)" } }
            if !numbers.isEmpty { text += "\n\n" + numbers.joined(separator: ", ") }
            return text + "\n\nIn OKR `\(okr)`, \(entity.file.path)"
        }
    }

    // MARK: - Completion

    /// Keys the schema allows in the mapping at the cursor (with what each is for), the values a
    /// field allows, and the ids of the kind a reference names.
    private func completion(_ params: [String: Any]) -> [String: Any] {
        let none: [String: Any] = ["isIncomplete": false, "items": [Any]()]
        guard let workspace, let (path, offset) = place(params), let file = workspace.source(of: path),
              let place = CursorPlace.find(in: file.bytes, at: offset) else { return none }
        let range = Self.range(file, Span(start: place.typed.start, end: offset))
        let typed = file.text(of: Span(start: place.typed.start, end: offset))
        switch place.role {
        case .key(let existing):
            guard let outline = place.outline(in: workspace.schemas) else {
                // A file without a kind yet: its first two keys.
                guard place.path.isEmpty, place.root["kind"] == nil else { return none }
                return ["isIncomplete": false, "items": ["kind", "id"].filter { !existing.contains($0) }.map { name in
                    ["label": name, "kind": 5, "textEdit": ["range": range, "newText": name + ": "]] as [String: Any]
                }]
            }
            let fields = outline.fields.filter { !existing.contains($0.name) }
            let items: [[String: Any]] = fields.enumerated().map { index, field in
                var item: [String: Any] = [
                    "label": field.name, "kind": 5, "detail": field.isRequired ? "required" : "optional",
                    "sortText": String(format: "%d%04d", field.isRequired ? 0 : 1, index),
                    "textEdit": ["range": range, "newText": field.name + ": "],
                ]
                if let description = field.description { item["documentation"] = ["kind": "markdown", "value": description] }
                return item
            }
            return ["isIncomplete": false, "items": items]
        case .value:
            if place.path == [.key("kind")] {
                return ["isIncomplete": false, "items": EntityKind.allCases.map { kind in
                    ["label": kind.rawValue, "kind": 20, "textEdit": ["range": range, "newText": kind.rawValue]] as [String: Any]
                }]
            }
            guard let outline = place.outline(in: workspace.schemas) else { return none }
            var items: [[String: Any]] = outline.allowedValues.map { value in
                ["label": value, "kind": 20, "textEdit": ["range": range, "newText": value]]
            }
            var incomplete = false
            if let kindName = outline.referenceKind {
                let (ids, more) = identifiers(of: kindName, matching: typed)
                incomplete = more
                items += ids.map { id, detail in
                    var item: [String: Any] = ["label": id, "kind": 18, "textEdit": ["range": range, "newText": id]]
                    if let detail { item["detail"] = detail }
                    return item
                }
            }
            return ["isIncomplete": incomplete, "items": items]
        }
    }

    /// The ids of a kind that contain what was typed, with each one's title, at most 200 (and
    /// whether there were more): a reference to a key result is `okr/kr`.
    private func identifiers(of kindName: String, matching typed: String) -> (ids: [(String, String?)], more: Bool) {
        guard let workspace else { return ([], false) }
        let limit = 200
        var found: [(String, String?)] = []
        var more = false
        func offer(_ id: String, _ entity: @autoclosure () -> String?) {
            guard typed.isEmpty || id.contains(typed) else { return }
            if found.count == limit { more = true; return }
            found.append((id, entity()))
        }
        if kindName == "key-result" {
            for okr in workspace.ids(of: .okr).sorted() {
                guard let entity = workspace.entity(EntityRef(.okr, okr)) else { continue }
                for item in entity.root[.keyResults]?.sequence ?? [] {
                    guard let id = item[.id]?.string else { continue }
                    offer("\(okr)/\(id)", item[.result]?.string.map(Whitespace.oneLine))
                }
            }
        } else if let kind = EntityKind(rawValue: kindName) {
            for id in workspace.ids(of: kind).sorted() {
                offer(id, workspace.entity(EntityRef(kind, id)).flatMap { $0.text(.name) ?? $0.text(.title) ?? $0.text(.objective) }.map(Whitespace.oneLine))
            }
        }
        return (found, more)
    }

    // MARK: - Code actions

    /// For each finding in the range: its fixes, and for a quality rule's finding, a comment that
    /// suppresses it on that line, whose reason the writer then gives.
    private func codeActions(_ params: [String: Any]) -> [[String: Any]] {
        guard let workspace, let document = params["textDocument"] as? [String: Any], let path = Self.path(document["uri"]),
              let file = workspace.source(of: path), let range = params["range"] as? [String: Any],
              let start = Self.offset(file, range["start"]), let end = Self.offset(file, range["end"]) else { return [] }
        let uri = Self.uri(path)
        var actions: [[String: Any]] = []
        for diagnostic in workspace.findings[path] ?? [] where diagnostic.span.start <= end && start <= diagnostic.span.end {
            for fix in diagnostic.fixes {
                actions.append([
                    "title": fix.title.capitalizedFirst, "kind": "quickfix",
                    "diagnostics": [Self.json(diagnostic, root: workspace.root)], "isPreferred": diagnostic.fixes.count == 1,
                    "edit": ["changes": [uri: fix.edits.map { ["range": Self.range(file, $0.span), "newText": $0.replacement] }]],
                ])
            }
            if RuleRegistry.configurableKeys.contains(diagnostic.code.name) {
                actions.append([
                    "title": "Suppress \(diagnostic.code.name) on this line (then write why)", "kind": "quickfix",
                    "diagnostics": [Self.json(diagnostic, root: workspace.root)],
                    "edit": ["changes": [uri: [Self.suppression(of: diagnostic, in: file)]]],
                ])
            }
        }
        return actions
    }

    /// The edit that puts `# pathc: ignore[NAME] ` on its own line above the finding, indented as
    /// that line is; the reason is left for the writer, and until it is written pathc says so.
    static func suppression(of diagnostic: Diagnostic, in file: SourceFile) -> [String: Any] {
        let line = file.lineRange(file.position(of: diagnostic.span.start).line)
        var indent = line.lowerBound
        while indent < line.upperBound, file.bytes[indent] == 0x20 { indent += 1 }
        let spaces = String(repeating: " ", count: indent - line.lowerBound)
        return ["range": range(file, Span(start: line.lowerBound, end: line.lowerBound)),
                "newText": "\(spaces)# pathc: ignore[\(diagnostic.code.name)] \n"]
    }

    // MARK: - Findings

    /// Sends the findings of each of `paths` when they differ from what the editor was last sent
    /// (a file that had findings and has none gets an empty list), so that a change in one file of
    /// a large repository sends a message or two, not one per file.
    private func publish(_ paths: Set<String>) {
        guard let workspace else { return }
        for path in paths.sorted() { publish(path, workspace.findings[path] ?? [], root: workspace.root) }
    }

    /// Sends findings made outside a workspace (an invalid configuration), by file.
    private func publish(_ diagnostics: [Diagnostic], root: String) {
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics { byFile[Paths.absolute(diagnostic.file.path, from: root), default: []].append(diagnostic) }
        for path in published.keys where byFile[path] == nil { byFile[path] = [] }
        for path in byFile.keys.sorted() { publish(path, byFile[path]!, root: root) }
    }

    private func publish(_ path: String, _ found: [Diagnostic], root: String) {
        // What the editor shows of each finding, compared before anything is encoded.
        let shown = found.map { "\($0.code.code) \($0.severity) \($0.span.start) \($0.span.end) \($0.message) \($0.help ?? "")" }
            .joined(separator: "\n")
        guard published[path] != shown, !(published[path] == nil && found.isEmpty) else { return }
        published[path] = found.isEmpty ? nil : shown
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics",
              "params": ["uri": Self.uri(path), "diagnostics": found.map { Self.json($0, root: root) }] as [String: Any]])
    }

    /// A finding as LSP has it: its code linked to its explanation, and its other places (the
    /// first definition of a duplicate id) as related information.
    static func json(_ diagnostic: Diagnostic, root: String) -> [String: Any] {
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: " + help }
        let severity: Int
        switch diagnostic.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .info: severity = 3
        }
        var json: [String: Any] = [
            "range": range(diagnostic.file, diagnostic.span),
            "severity": severity,
            "code": diagnostic.code.code,
            "codeDescription": ["href": CodeCatalogue.entry(diagnostic.code).documentationURL],
            "source": "pathc " + diagnostic.code.name,
            "message": message,
        ]
        let related = diagnostic.secondary.map { label -> [String: Any] in
            let file = label.file ?? diagnostic.file
            return ["location": ["uri": uri(Paths.absolute(file.path, from: root)), "range": range(file, label.span)], "message": label.message]
        }
        if !related.isEmpty { json["relatedInformation"] = related }
        return json
    }

    // MARK: - Positions

    /// The byte offset of an LSP position (UTF-16 code units from the line's start) in a file.
    static func offset(_ file: SourceFile, line: Int, character: Int) -> Int {
        // A position before the text is its start, one after it its end (editors may send either).
        guard line >= 0 else { return 0 }
        guard line < file.lineCount else { return file.bytes.count }
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

    static func offset(_ file: SourceFile, _ position: Any?) -> Int? {
        guard let position = position as? [String: Any], let line = position["line"] as? Int, let character = position["character"] as? Int else {
            return nil
        }
        return offset(file, line: line, character: character)
    }

    /// An LSP position: 0-based line, and the character as UTF-16 code units from the line's start.
    static func position(_ file: SourceFile, _ offset: Int) -> [String: Int] {
        let point = file.position(of: offset)
        let line = file.lineRange(point.line)
        let end = max(line.lowerBound, min(point.offset, line.upperBound))
        let character = String(decoding: file.bytes[line.lowerBound..<end], as: UTF8.self).utf16.count
        return ["line": point.line - 1, "character": character]
    }

    static func range(_ file: SourceFile, _ span: Span) -> [String: Any] {
        ["start": position(file, span.start), "end": position(file, span.end)]
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
