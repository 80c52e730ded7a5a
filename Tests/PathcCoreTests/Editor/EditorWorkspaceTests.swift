import Foundation
import XCTest
@testable import PathcCore

/// The language server's workspace re-checks only what an edit affects; these tests hold it to
/// the full check: after every edit, the findings it keeps for every file are the findings
/// `pathc check` gives for the repository with the same text on disk.
final class EditorWorkspaceTests: XCTestCase {
    private func folder(files: [String: String], config: String = "today: \(RuleExampleTests.today)\n") throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-editor-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("pathways"), withIntermediateDirectories: true)
        try config.write(to: folder.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func open(_ folder: URL) throws -> EditorWorkspace {
        switch EditorWorkspace.open(at: folder.path) {
        case .success(let workspace): return workspace
        case .failure(let problems): throw XCTSkip("the folder's configuration is invalid: \(problems.diagnostics.map(\.message))")
        }
    }

    private func line(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file.path):\(diagnostic.span.start)-\(diagnostic.span.end) \(diagnostic.code.code) \(diagnostic.severity) "
            + "\(diagnostic.message) | \(diagnostic.label ?? "") | \(diagnostic.notes) | \(diagnostic.help ?? "") | \(diagnostic.pointer ?? "")"
    }

    /// Every finding the workspace keeps equals the full check's of the folder as it is on disk.
    private func assertSameAsFullCheck(_ workspace: EditorWorkspace, _ folder: URL, _ edit: String, reports code: String? = nil,
                                       file: StaticString = #filePath, line number: UInt = #line) {
        let full = Checker(root: folder.path, currentDirectory: folder.path).run().diagnostics.map(line)
        let kept = workspace.findings.keys.sorted().flatMap { workspace.findings[$0]! }.sorted(by: Diagnostic.reportOrder).map(line)
        XCTAssertEqual(kept, full, "\(edit): the editor's findings differ from the full check's", file: file, line: number)
        if let code { XCTAssertTrue(kept.contains { $0.contains(" \(code) ") }, "\(edit): no \(code)", file: file, line: number) }
    }

    /// Changes a file on disk and gives the editor the same text, as a buffer being typed in.
    @discardableResult
    private func type(_ workspace: EditorWorkspace, _ folder: URL, _ name: String, _ change: (String) -> String) throws -> Set<String> {
        let url = folder.appendingPathComponent(name)
        let text = change((try? String(contentsOf: url, encoding: .utf8)) ?? "")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return workspace.update(url.standardizedFileURL.path, text: Array(text.utf8))
    }

    func testEveryModelRulesExamplesTypedFileByFile() throws {
        var compared = 0
        for rule in RuleRegistry.modelRules {
            let examples = rule.description.bad.map { ($0, "bad") } + rule.description.good.map { ($0, "good") }
            for (example, which) in examples {
                var files: [String: String] = [:]
                for (index, text) in example.files.enumerated() { files["pathways/" + RuleExampleTests.fileName(text, index: index)] = text }
                let folder = try folder(files: files)
                let workspace = try open(folder)
                let label = "\(rule.description.name), \(which) example"
                assertSameAsFullCheck(workspace, folder, label + ", opened", file: example.file, line: example.line)
                for name in files.keys.sorted() {
                    let path = folder.appendingPathComponent(name).standardizedFileURL.path
                    try type(workspace, folder, name) { $0 + "\n# edited\n" }
                    assertSameAsFullCheck(workspace, folder, "\(label), \(name) typed in", file: example.file, line: example.line)
                    // Its id changed, then the file gone, then back as it was.
                    try type(workspace, folder, name) { $0.replacingOccurrences(of: "\nid: ", with: "\nid: x-") }
                    assertSameAsFullCheck(workspace, folder, "\(label), \(name)'s id changed", file: example.file, line: example.line)
                    _ = workspace.reload(path, closing: true)
                    try FileManager.default.removeItem(atPath: path)
                    _ = workspace.reload(path)
                    assertSameAsFullCheck(workspace, folder, "\(label), \(name) removed", file: example.file, line: example.line)
                    try files[name]!.write(toFile: path, atomically: true, encoding: .utf8)
                    _ = workspace.reload(path)
                    assertSameAsFullCheck(workspace, folder, "\(label), \(name) back", file: example.file, line: example.line)
                    compared += 4
                }
            }
        }
        XCTAssertGreaterThan(compared, 100, "every model rule's examples")
    }

    func testThisRepositoryEveryFileBrokenRenamedAndMended() throws {
        let source = TestPaths.repository
        var files: [String: String] = [:]
        let content = source.appendingPathComponent("pathways")
        for case let url as URL in FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)! where url.pathExtension == "yaml" {
            files["pathways" + url.path.dropFirst(content.path.count)] = try String(contentsOf: url, encoding: .utf8)
        }
        XCTAssertGreaterThan(files.count, 20)
        let folder = try folder(files: files, config: try String(contentsOf: source.appendingPathComponent("pathc.yaml"), encoding: .utf8))
        let workspace = try open(folder)
        assertSameAsFullCheck(workspace, folder, "opened")
        for name in files.keys.sorted() {
            try type(workspace, folder, name) { $0.replacingOccurrences(of: "\nid: ", with: "\nid: renamed-") }
            assertSameAsFullCheck(workspace, folder, "\(name)'s id changed")
            try type(workspace, folder, name) { $0 + "\n  - {broken\n" }
            assertSameAsFullCheck(workspace, folder, "\(name) broken")
            try type(workspace, folder, name) { _ in files[name]! }
            assertSameAsFullCheck(workspace, folder, "\(name) mended")
        }
    }

    func testAnEditReChecksWhatItAffectsOnly() throws {
        let folder = try folder(files: [
            "pathways/a.yaml": "kind: competency\nid: listening\nname: Listening\ndescription: Hears what the customer needs.\n",
            "pathways/b.yaml": "kind: competency\nid: writing\nname: Writing\ndescription: Writes plainly.\n",
        ])
        let workspace = try open(folder)
        let changed = try type(workspace, folder, "pathways/a.yaml") { $0.replacingOccurrences(of: "Hears", with: "Understands") }
        XCTAssertEqual(changed, [folder.appendingPathComponent("pathways/a.yaml").standardizedFileURL.path], "an unrelated file is not re-checked")
        assertSameAsFullCheck(workspace, folder, "reworded")
    }
}
