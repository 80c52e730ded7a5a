import Foundation
import XCTest

/// `pathc lsp` driven as an editor drives it: the process started with pipes, JSON-RPC messages
/// framed with Content-Length, and every answer waited for with a deadline.
final class LanguageServerTests: XCTestCase {
    /// An editor's end of the connection.
    private final class Editor: @unchecked Sendable {
        let process = Process()
        private let input = Pipe()
        private let output = Pipe()
        private let lock = NSLock()
        private var received: [UInt8] = []
        private var nextID = 0

        init(in folder: URL) throws {
            process.executableURL = CLI.executable
            process.arguments = ["lsp"]
            process.currentDirectoryURL = folder
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.lock()
                self.received += data
                self.lock.unlock()
            }
            try process.run()
        }

        func notify(_ method: String, _ params: [String: Any] = [:]) throws {
            try write(["jsonrpc": "2.0", "method": method, "params": params])
        }

        /// Sends a request and returns its id.
        @discardableResult
        func request(_ method: String, _ params: [String: Any] = [:]) throws -> Int {
            nextID += 1
            try write(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params])
            return nextID
        }

        /// Sends a request whose params may be any JSON value, and returns its id.
        func requestRaw(_ method: String, _ params: Any) throws -> Int {
            nextID += 1
            try write(["jsonrpc": "2.0", "id": nextID, "method": method, "params": params])
            return nextID
        }

        func write(_ message: [String: Any]) throws {
            let body = try JSONSerialization.data(withJSONObject: message)
            // A server that died is a failed test, not a test process killed by SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            try input.fileHandleForWriting.write(contentsOf: Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
        }

        /// The next message the server sends that `matches`, skipping the others; fails after 20 s.
        func wait(for what: String, file: StaticString = #filePath, line: UInt = #line,
                  _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                if let message = nextMessage() {
                    if matches(message) { return message }
                    continue
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
            XCTFail("no \(what) from the server within 20 s", file: file, line: line)
            return nil
        }

        private func nextMessage() -> [String: Any]? {
            lock.lock()
            defer { lock.unlock() }
            let separator: [UInt8] = [13, 10, 13, 10]
            guard let headerEnd = (0..<max(0, received.count - 3)).first(where: { Array(received[$0..<$0 + 4]) == separator }) else { return nil }
            let header = String(decoding: received[..<headerEnd], as: UTF8.self)
            guard let lengthText = header.split(separator: ":").last, let length = Int(lengthText.trimmingCharacters(in: .whitespaces)),
                  received.count >= headerEnd + 4 + length else { return nil }
            let body = Data(received[(headerEnd + 4)..<(headerEnd + 4 + length)])
            received.removeFirst(headerEnd + 4 + length)
            return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }
    }

    private func diagnostics(for uri: String, in message: [String: Any]) -> [[String: Any]]? {
        guard message["method"] as? String == "textDocument/publishDiagnostics", let params = message["params"] as? [String: Any],
              params["uri"] as? String == uri else { return nil }
        return params["diagnostics"] as? [[String: Any]]
    }

    func testAConversation() throws {
        let root = try CLI.copyOfRepository(self)
        let editor = try Editor(in: root)
        defer { if editor.process.isRunning { editor.process.terminate() } }

        let initialize = try editor.request("initialize", ["processId": NSNull(), "rootUri": root.absoluteString, "capabilities": [
            "workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]],
        ]])
        let answer = editor.wait(for: "the answer to initialize") { ($0["id"] as? Int) == initialize }
        let capabilities = (answer?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        XCTAssertEqual((capabilities?["textDocumentSync"] as? [String: Any])?["change"] as? Int, 1, "full synchronisation")
        try editor.notify("initialized")
        // The server asks to be told of files changed on disk; the editor answers.
        let registration = try XCTUnwrap(editor.wait(for: "the watchers' registration") { $0["method"] as? String == "client/registerCapability" })
        try editor.write(["jsonrpc": "2.0", "id": registration["id"]!, "result": NSNull()])

        // A behaviour made vague in the buffer, not on disk: the finding comes as it is typed.
        let file = root.appendingPathComponent("pathways/competencies/escalation-management.competency.yaml")
        let uri = file.absoluteString
        let saved = try String(contentsOf: file, encoding: .utf8)
        let lines = saved.components(separatedBy: "\n")
        let behaviours = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("behaviors:") }, "a list of behaviours in the example")
        let behaviourLine = behaviours + 1
        let indent = lines[behaviourLine].prefix { $0 == " " }
        var edited = lines
        edited[behaviourLine] = indent + "- Communicates well with customers"
        try editor.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1,
                                                                     "text": edited.joined(separator: "\n")]])
        let published = editor.wait(for: "findings for the edited buffer") { (diagnostics(for: uri, in: $0)?.isEmpty == false) }
        let found = try XCTUnwrap(published.flatMap { diagnostics(for: uri, in: $0) })
        let vague = try XCTUnwrap(found.first { ($0["code"] as? String)?.hasPrefix("PW3") == true }, "\(found)")
        let vagueRange = try XCTUnwrap(vague["range"] as? [String: Any])
        let start = vagueRange["start"] as? [String: Int]
        XCTAssertEqual(start?["line"], behaviourLine, "the finding is on the edited line (0-based)")
        XCTAssertEqual(vague["severity"] as? Int, 2, "a warning")
        XCTAssertTrue((vague["message"] as? String)?.contains("help:") == true)
        let explanation = (vague["codeDescription"] as? [String: Any])?["href"] as? String
        XCTAssertTrue(explanation?.hasPrefix("https://") == true && explanation?.contains("codes.md#pw3") == true, explanation ?? "no link")

        // The finding's code action: a suppression comment above the line, indented as it is.
        let actions = try editor.request("textDocument/codeAction", ["textDocument": ["uri": uri], "range": vagueRange,
                                                                     "context": ["diagnostics": [vague]]])
        let offered = try XCTUnwrap(editor.wait(for: "the code actions") { ($0["id"] as? Int) == actions }?["result"] as? [[String: Any]])
        let suppress = try XCTUnwrap(offered.first { ($0["title"] as? String)?.hasPrefix("Suppress") == true }, "\(offered)")
        let suppression = try XCTUnwrap(((suppress["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[uri]?.first)
        let rule = try XCTUnwrap(vague["source"] as? String).replacingOccurrences(of: "pathc ", with: "")
        XCTAssertEqual(suppression["newText"] as? String, indent + "# pathc: ignore[\(rule)] \n")
        XCTAssertEqual(((suppression["range"] as? [String: Any])?["start"] as? [String: Int])?["line"], behaviourLine)

        // Back to the saved text: the findings are cleared.
        try editor.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": saved]]])
        _ = editor.wait(for: "the findings cleared") { diagnostics(for: uri, in: $0)?.isEmpty == true }

        // From a role's reference to the competency: its definition, every use, a rename, a hover.
        let role = root.appendingPathComponent("pathways/roles/customer-success-manager.role.yaml")
        let roleLines = try String(contentsOf: role, encoding: .utf8).components(separatedBy: "\n")
        let referenceLine = try XCTUnwrap(roleLines.firstIndex { $0.hasSuffix("competency: escalation-management") })
        let column = roleLines[referenceLine].count - "management".count
        let at: [String: Any] = ["textDocument": ["uri": role.absoluteString], "position": ["line": referenceLine, "character": column]]

        let definition = try editor.request("textDocument/definition", at)
        let defined = try XCTUnwrap(editor.wait(for: "the definition") { ($0["id"] as? Int) == definition }?["result"] as? [[String: Any]])
        XCTAssertEqual(defined.first?["uri"] as? String, uri)
        XCTAssertEqual(((defined.first?["range"] as? [String: Any])?["start"] as? [String: Int])?["line"], 1, "the id line of the competency")

        let references = try editor.request("textDocument/references", at.merging(["context": ["includeDeclaration": true]]) { $1 })
        let used = try XCTUnwrap(editor.wait(for: "the references") { ($0["id"] as? Int) == references }?["result"] as? [[String: Any]])
        let files = Set(used.compactMap { ($0["uri"] as? String).map { URL(string: $0)!.lastPathComponent } })
        XCTAssertEqual(files, ["escalation-management.competency.yaml", "customer-success-manager.role.yaml",
                               "escalation-diagnosis-journey.pathway.yaml", "escalation-handling-2026-q3.okr.yaml"], "\(used)")

        let rename = try editor.request("textDocument/rename", at.merging(["newName": "escalation-leadership"]) { $1 })
        let edit = try XCTUnwrap(editor.wait(for: "the rename") { ($0["id"] as? Int) == rename }?["result"] as? [String: Any])
        let changes = try XCTUnwrap(edit["changes"] as? [String: [[String: Any]]])
        XCTAssertEqual(changes.values.map(\.count).reduce(0, +), used.count, "every use renamed")
        XCTAssertTrue(changes.values.joined().allSatisfy { $0["newText"] as? String == "escalation-leadership" })
        let refusedName = try editor.request("textDocument/rename", at.merging(["newName": "two words"]) { $1 })
        XCTAssertTrue(editor.wait(for: "a refused rename") { ($0["id"] as? Int) == refusedName }?["result"] is NSNull)

        let hover = try editor.request("textDocument/hover", at)
        let shown = editor.wait(for: "the hover") { ($0["id"] as? Int) == hover }
        let contents = ((shown?["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        XCTAssertTrue(contents?.contains("competency") == true && contents?.contains("escalation-management") == true, contents ?? "no hover")

        // A key result reference: the part after the slash leads to the key result's own id.
        let pathway = root.appendingPathComponent("pathways/journeys/escalation-diagnosis-journey.pathway.yaml")
        let pathwayLines = try String(contentsOf: pathway, encoding: .utf8).components(separatedBy: "\n")
        let drive = try XCTUnwrap(pathwayLines.firstIndex { $0.hasSuffix("- escalation-handling-2026-q3/repeat-escalations") })
        let keyResultAt: [String: Any] = ["textDocument": ["uri": pathway.absoluteString],
                                          "position": ["line": drive, "character": pathwayLines[drive].count - 3]]
        let keyResult = try editor.request("textDocument/definition", keyResultAt)
        let okr = root.appendingPathComponent("pathways/okrs/developmental/escalation-handling-2026-q3.okr.yaml")
        let okrLines = try String(contentsOf: okr, encoding: .utf8).components(separatedBy: "\n")
        let keyResultLine = try XCTUnwrap(okrLines.firstIndex { $0.hasSuffix("- id: repeat-escalations") })
        let keyResultDefined = try XCTUnwrap(editor.wait(for: "the key result") { ($0["id"] as? Int) == keyResult }?["result"] as? [[String: Any]])
        XCTAssertEqual(keyResultDefined.first?["uri"] as? String, okr.absoluteString)
        XCTAssertEqual(((keyResultDefined.first?["range"] as? [String: Any])?["start"] as? [String: Int])?["line"], keyResultLine)
        let keyResultHover = try editor.request("textDocument/hover", keyResultAt)
        let keyResultShown = ((editor.wait(for: "the key result's hover") { ($0["id"] as? Int) == keyResultHover }?["result"] as? [String: Any])?["contents"]
            as? [String: Any])?["value"] as? String
        XCTAssertTrue(keyResultShown?.contains("Key result") == true && keyResultShown?.contains("target") == true, keyResultShown ?? "no hover")

        // Completion: a key being typed (the schema's fields not yet in the mapping, with what
        // each is for), an enum value, and the ids of the kind a reference names.
        func complete(_ uri: String, _ text: String, line: Int, character: Int) throws -> [[String: Any]] {
            try editor.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 10], "contentChanges": [["text": text]]])
            let asked = try editor.request("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": line, "character": character]])
            let answer = editor.wait(for: "completion") { ($0["id"] as? Int) == asked }?["result"] as? [String: Any]
            return answer?["items"] as? [[String: Any]] ?? []
        }
        let typingKey = saved + (saved.hasSuffix("\n") ? "" : "\n") + "uu"
        let keyLine = typingKey.components(separatedBy: "\n").count - 1
        let keys = try complete(uri, typingKey, line: keyLine, character: 2)
        let labels = keys.compactMap { $0["label"] as? String }
        XCTAssertEqual(labels, ["uuid"], "the one field the competency does not have yet")
        XCTAssertNotNil((keys.first?["documentation"] as? [String: Any])?["value"], "what the field is for")
        // An empty line in a level without its name: the field it lacks.
        let levelLine = try XCTUnwrap(lines.firstIndex { $0 == "  - level: 1" })
        var withoutName = lines
        withoutName[levelLine + 1] = "    "
        let levelKeys = try complete(uri, withoutName.joined(separator: "\n"), line: levelLine + 1, character: 4).compactMap { $0["label"] as? String }
        XCTAssertEqual(levelKeys, ["name"])
        // The saved text again: while a file does not parse, its id is not one to offer.
        try editor.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 11], "contentChanges": [["text": saved]]])

        try editor.notify("textDocument/didOpen", ["textDocument": ["uri": okr.absoluteString, "languageId": "yaml", "version": 1,
                                                                     "text": okrLines.joined(separator: "\n")]])
        var typingLevel = okrLines
        let okrLevelLine = try XCTUnwrap(okrLines.firstIndex { $0.hasPrefix("level:") })
        typingLevel[okrLevelLine] = "level: "
        let levels = try complete(okr.absoluteString, typingLevel.joined(separator: "\n"), line: okrLevelLine, character: 7).compactMap { $0["label"] as? String }
        XCTAssertEqual(Set(levels), ["strategic", "team", "developmental"])

        try editor.notify("textDocument/didOpen", ["textDocument": ["uri": role.absoluteString, "languageId": "yaml", "version": 1,
                                                                     "text": roleLines.joined(separator: "\n")]])
        var typingReference = roleLines
        typingReference[referenceLine] = roleLines[referenceLine].replacingOccurrences(of: "escalation-management", with: "escal")
        let ids = try complete(role.absoluteString, typingReference.joined(separator: "\n"), line: referenceLine,
                               character: typingReference[referenceLine].count)
        XCTAssertEqual(ids.first { $0["label"] as? String == "escalation-management" }?["kind"] as? Int, 18, "\(ids)")
        XCTAssertFalse(ids.contains { ($0["label"] as? String)?.contains("escal") == false }, "only ids with what was typed: \(ids)")

        // A misspelt value: its fix is a code action, the one edit `check --fix` would make.
        var misspelt = okrLines
        misspelt[okrLevelLine] = "level: developmentl"
        try editor.notify("textDocument/didChange", ["textDocument": ["uri": okr.absoluteString, "version": 12],
                                                     "contentChanges": [["text": misspelt.joined(separator: "\n")]]])
        let misspeltFound = editor.wait(for: "the misspelt level") { diagnostics(for: okr.absoluteString, in: $0)?.isEmpty == false }
        let wrongValue = try XCTUnwrap(misspeltFound.flatMap { diagnostics(for: okr.absoluteString, in: $0) }?.first { $0["code"] as? String == "PW1004" })
        let fixes = try editor.request("textDocument/codeAction", ["textDocument": ["uri": okr.absoluteString], "range": wrongValue["range"]!,
                                                                   "context": ["diagnostics": [wrongValue]]])
        let fixOffered = try XCTUnwrap(editor.wait(for: "the fix") { ($0["id"] as? Int) == fixes }?["result"] as? [[String: Any]])
        let fix = try XCTUnwrap(fixOffered.first { $0["isPreferred"] as? Bool == true }, "\(fixOffered)")
        let fixEdit = try XCTUnwrap(((fix["edit"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])?[okr.absoluteString]?.first)
        XCTAssertEqual(fixEdit["newText"] as? String, "developmental")
        XCTAssertEqual(((fixEdit["range"] as? [String: Any])?["start"] as? [String: Int]), ["line": okrLevelLine, "character": 7])
        XCTAssertFalse(fixOffered.contains { ($0["title"] as? String)?.hasPrefix("Suppress") == true }, "a schema finding is not suppressed")
        try editor.notify("textDocument/didChange", ["textDocument": ["uri": okr.absoluteString, "version": 13],
                                                     "contentChanges": [["text": okrLines.joined(separator: "\n")]]])

        // Hover on a key: what the field is for.
        let keyHover = try editor.request("textDocument/hover", ["textDocument": ["uri": okr.absoluteString],
                                                                  "position": ["line": okrLevelLine, "character": 2]])
        let keyShown = ((editor.wait(for: "the key's hover") { ($0["id"] as? Int) == keyHover }?["result"] as? [String: Any])?["contents"]
            as? [String: Any])?["value"] as? String
        XCTAssertTrue(keyShown?.hasPrefix("**level**") == true, keyShown ?? "no hover")

        // A new buffer with an id the repository has: the duplicate's first definition is related.
        let copy = root.appendingPathComponent("pathways/competencies/zz-copy.competency.yaml")
        try editor.notify("textDocument/didOpen", ["textDocument": ["uri": copy.absoluteString, "languageId": "yaml", "version": 1, "text": saved]])
        let duplicate = try XCTUnwrap(editor.wait(for: "the duplicate's findings") { diagnostics(for: copy.absoluteString, in: $0)?.isEmpty == false }
            .flatMap { diagnostics(for: copy.absoluteString, in: $0) }?.first { $0["code"] as? String == "PW2001" })
        let related = try XCTUnwrap((duplicate["relatedInformation"] as? [[String: Any]])?.first)
        XCTAssertEqual((related["location"] as? [String: Any])?["uri"] as? String, uri, "the first definition")

        // A file changed on disk, not open in the editor: read again when the editor says so.
        let rubric = root.appendingPathComponent("pathways/rubrics/facilitation-rubric.rubric.yaml")
        let rubricText = try String(contentsOf: rubric, encoding: .utf8)
        try rubricText.replacingOccurrences(of: "\nid: ", with: "\nid: Not A Slug ").write(to: rubric, atomically: true, encoding: .utf8)
        try editor.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": rubric.absoluteString, "type": 2]]])
        _ = editor.wait(for: "the changed file's findings") { diagnostics(for: rubric.absoluteString, in: $0)?.isEmpty == false }
        try rubricText.write(to: rubric, atomically: true, encoding: .utf8)
        try editor.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": rubric.absoluteString, "type": 2]]])
        _ = editor.wait(for: "the mended file's findings cleared") { diagnostics(for: rubric.absoluteString, in: $0)?.isEmpty == true }

        // pathc.yaml changed: the configuration is read again and the open buffers kept. A rule
        // turned off takes its findings away; the unsaved buffer's own finding is still there.
        let config = root.appendingPathComponent("pathc.yaml")
        let configText = try String(contentsOf: config, encoding: .utf8)
        try editor.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 20],
                                                     "contentChanges": [["text": edited.joined(separator: "\n")]]])
        _ = editor.wait(for: "the vague behaviour again") { diagnostics(for: uri, in: $0)?.contains { $0["code"] as? String == vague["code"] as? String } == true }
        try (configText + "\nrules:\n  \(try XCTUnwrap(vague["source"] as? String).replacingOccurrences(of: "pathc ", with: "")): off\n")
            .write(to: config, atomically: true, encoding: .utf8)
        try editor.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": config.absoluteString, "type": 2]]])
        _ = editor.wait(for: "the rule's findings gone") { diagnostics(for: uri, in: $0)?.contains { $0["code"] as? String == vague["code"] as? String } == false }
        try configText.write(to: config, atomically: true, encoding: .utf8)
        try editor.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": config.absoluteString, "type": 2]]])
        try editor.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 21], "contentChanges": [["text": saved]]])

        // A request the server does not serve is answered with an error, and the server goes on.
        let completion = try editor.request("textDocument/documentSymbol", ["textDocument": ["uri": uri]])
        let refused = editor.wait(for: "the refusal") { ($0["id"] as? Int) == completion }
        XCTAssertEqual((refused?["error"] as? [String: Any])?["code"] as? Int, -32601)

        let shutdown = try editor.request("shutdown")
        _ = editor.wait(for: "the answer to shutdown") { ($0["id"] as? Int) == shutdown }
        try editor.notify("exit")
        let deadline = Date().addingTimeInterval(10)
        while editor.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertFalse(editor.process.isRunning)
        XCTAssertEqual(editor.process.terminationStatus, 0, "exit after shutdown")
    }

    /// Positions no editor should send, and requests without what they need: each is answered
    /// (a position past the text is its end), and the server goes on.
    func testOddRequestsAreAnswered() throws {
        let root = try CLI.copyOfRepository(self)
        let editor = try Editor(in: root)
        defer { if editor.process.isRunning { editor.process.terminate() } }
        let initialize = try editor.request("initialize", ["processId": NSNull(), "rootUri": root.absoluteString, "capabilities": [:]])
        _ = editor.wait(for: "the answer to initialize") { ($0["id"] as? Int) == initialize }
        try editor.notify("initialized")
        let uri = root.appendingPathComponent("pathways/competencies/escalation-management.competency.yaml").absoluteString
        try editor.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1,
                                                                     "text": try String(contentsOf: URL(string: uri)!, encoding: .utf8)]])
        let odd: [(String, Any)] = [
            ("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": Int.max, "character": 5]]),
            ("textDocument/hover", ["textDocument": ["uri": uri], "position": ["line": -5, "character": Int.min]]),
            ("textDocument/completion", ["textDocument": ["uri": uri], "position": ["line": Int.max - 1, "character": Int.max]]),
            ("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": 1.5, "character": "x"]]),
            ("textDocument/codeAction", ["textDocument": ["uri": uri], "range": ["start": ["line": 50, "character": 0], "end": ["line": 1, "character": 0]]]),
            ("textDocument/completion", ["textDocument": ["uri": "untitled:Untitled-1"], "position": ["line": 0, "character": 0]]),
            ("textDocument/references", [Any]()),
            ("textDocument/hover", "nonsense"),
        ]
        for (method, params) in odd {
            let asked = try editor.requestRaw(method, params)
            let answer = editor.wait(for: "the answer to \(method)") { ($0["id"] as? Int) == asked }
            XCTAssertNotNil(answer?["result"], "\(method) \(params): \(answer ?? [:])")
        }
        let shutdown = try editor.request("shutdown")
        _ = editor.wait(for: "the answer to shutdown") { ($0["id"] as? Int) == shutdown }
        try editor.notify("exit")
        let deadline = Date().addingTimeInterval(10)
        while editor.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertEqual(editor.process.terminationStatus, 0, "still serving after the odd requests")
    }
}
