import Foundation
import XCTest
@testable import PathcCore

/// `check --since` checks only the files a change can affect and the files they need; its findings
/// must be exactly those of the full check for the same files, for every kind of edit, with the
/// fact cache cold and warm.
final class SinceCheckTests: XCTestCase {
    /// A git repository in a temporary folder, with one commit of `source`'s content.
    private func repository(from source: URL, items: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-since-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        for item in items where FileManager.default.fileExists(atPath: source.appendingPathComponent(item).path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        guard (try? Git(folder: folder.path).run(["init", "-q"])) != nil else { throw XCTSkip("git is not installed") }
        try git(folder, ["add", "-A"])
        try git(folder, ["-c", "user.name=pathc tests", "-c", "user.email=tests@pathc.invalid", "-c", "commit.gpgsign=false",
                         "commit", "-q", "--no-verify", "-m", "content"])
        return folder
    }

    private func git(_ folder: URL, _ arguments: [String]) throws {
        let output = try Git(folder: folder.path).run(arguments)
        XCTAssertNotNil(output, "git \(arguments.joined(separator: " ")) failed")
    }

    /// A generated corpus (shared/bench/gen_corpus.py) of 300 developmental OKRs in a git repository.
    private func corpus() throws -> URL {
        let generator = try TestPaths.sharedFolder("bench").appendingPathComponent("gen_corpus.py")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-corpus-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", generator.path, out.path, "--okrs", "300"]
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { throw XCTSkip("python3 is not installed") }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("the corpus generator failed") }
        return try repository(from: out, items: ["pathways", "schemas", "pathc.yaml"])
    }

    private func line(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.file.path):\(diagnostic.span.start)-\(diagnostic.span.end) \(diagnostic.code.code) \(diagnostic.severity) "
            + "\(diagnostic.message) | \(diagnostic.label ?? "") | \(diagnostic.notes) | \(diagnostic.help ?? "") | \(diagnostic.pointer ?? "")"
    }

    /// Runs `--since HEAD` twice (cache cold, then warm) and compares each with the full check
    /// filtered to the affected files; returns the affected files.
    @discardableResult
    private func assertSameAsFullCheck(_ folder: URL, _ edit: String, reports code: String? = nil,
                                       file: StaticString = #filePath, line number: UInt = #line) throws -> Set<String>? {
        let checker = Checker(root: folder.path, currentDirectory: folder.path)
        let full = checker.run()
        var affectedFiles: Set<String>?
        for attempt in ["cold", "warm"] {
            if attempt == "cold" { try? FileManager.default.removeItem(at: folder.appendingPathComponent(".git/pathc")) }
            let (since, affected) = try checker.run(since: "HEAD")
            affectedFiles = affected
            let reported = { (diagnostic: Diagnostic) in affected.map { $0.contains(checker.rootRelative(diagnostic.file.path)) } ?? true }
            let expected = full.diagnostics.filter(reported).map(self.line)
            let actual = since.diagnostics.filter(reported).map(self.line)
            XCTAssertEqual(actual, expected, "\(edit) (\(attempt) cache): the findings differ from the full check's", file: file, line: number)
            if let code {
                XCTAssertTrue(actual.contains { $0.contains(" \(code) ") }, "\(edit): no \(code) reported", file: file, line: number)
            }
            XCTAssertEqual(since.fileCount, full.fileCount, "\(edit): file count", file: file, line: number)
            let verdicts = { (list: [QualityVerdict]) in
                list.filter { verdict in affected.map { $0.contains(checker.rootRelative(verdict.entity.file.path)) } ?? true }
                    .map { "\($0.json)" }
            }
            XCTAssertEqual(verdicts(since.verdicts), verdicts(full.verdicts), "\(edit) (\(attempt) cache): verdicts", file: file, line: number)
        }
        return affectedFiles
    }

    private func restore(_ folder: URL) throws {
        try git(folder, ["checkout", "-q", "--", "."])
        try git(folder, ["clean", "-q", "-f", "-d"])
    }

    func testGeneratedCorpusEveryKindOfEdit() throws {
        let folder = try corpus()
        let competency = "pathways/competencies/competency-0003.yaml"
        let developmental = "pathways/okrs/developmental/dev-0001/dev-000123.yaml"
        let team = "pathways/okrs/team/team-00004.yaml"
        let strategic = "pathways/okrs/strategic/strategy-0001.yaml"
        let pathway = "pathways/journeys/pathway-00012.yaml"

        // Nothing changed: nothing reported, nothing read but the cache.
        XCTAssertEqual(try assertSameAsFullCheck(folder, "no change"), [])

        // Rename a competency id: the roles and pathways still using the old id are reported.
        try edit(folder, competency) { $0.replacingOccurrences(of: "id: competency-0003", with: "id: competency-0003-renamed") }
        let renamed = try XCTUnwrap(try assertSameAsFullCheck(folder, "rename a competency", reports: "PW2002"))
        XCTAssertTrue(renamed.contains("pathways/journeys/pathway-00003.yaml"), "\(renamed.sorted())")
        try restore(folder)

        // Break a reference.
        try edit(folder, pathway) { $0.replacingOccurrences(of: "  - competency: competency-", with: "  - competency: competenci-") }
        try assertSameAsFullCheck(folder, "break a reference", reports: "PW2002")
        try restore(folder)

        // Change OKR levels: a team OKR made developmental (its children now align to one of their
        // own level) and a developmental OKR made strategic.
        try edit(folder, team) { $0.replacingOccurrences(of: "level: team", with: "level: developmental") }
        try edit(folder, developmental) { $0.replacingOccurrences(of: "level: developmental", with: "level: strategic") }
        try assertSameAsFullCheck(folder, "change OKR levels", reports: "PW4010")
        try restore(folder)

        // Add a duplicate id, untracked, and edit the objective of the OKR it duplicates.
        try FileManager.default.copyItem(at: folder.appendingPathComponent(developmental),
                                         to: folder.appendingPathComponent("pathways/okrs/developmental/copy.yaml"))
        try edit(folder, developmental) { $0.replacingOccurrences(of: "objective: >\n  ", with: "objective: >\n  Consistently ") }
        try assertSameAsFullCheck(folder, "add a duplicate id", reports: "PW2001")
        try restore(folder)

        // Take a strategic OKR's support away: its competencies support another, its team OKRs align elsewhere.
        try edit(folder, strategic) { $0.replacingOccurrences(of: "id: strategy-0001", with: "id: strategy-0001-b") }
        try assertSameAsFullCheck(folder, "rename a strategic OKR")
        try restore(folder)

        // An alignment cycle: a strategic OKR aligned to a developmental one below it.
        try edit(folder, strategic) { $0.replacingOccurrences(of: "level: strategic", with: "level: strategic\naligned_to: [dev-000001]") }
        let cycle = try XCTUnwrap(try assertSameAsFullCheck(folder, "an alignment cycle", reports: "PW2006"))
        XCTAssertTrue(cycle.contains(strategic))
        try restore(folder)

        // Delete a file others refer to, and break a file's syntax.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(team))
        try edit(folder, "pathways/roles/role-0001.yaml") { $0 + "  - {broken\n" }
        try assertSameAsFullCheck(folder, "delete a team OKR, break a role")
        try restore(folder)

        // Reworded text, the facts as they were (the fast path: the model and every repository-wide
        // answer are the revision's): a team OKR's objective made vague, a developmental one's
        // reworded, and a pathway's title changed while its reference to a missing competency,
        // committed, still needs the ids of every competency for its suggestion.
        try edit(folder, pathway) { $0.replacingOccurrences(of: "  - competency: competency-", with: "  - competency: competenci-") }
        try git(folder, ["-c", "user.name=pathc tests", "-c", "user.email=tests@pathc.invalid", "-c", "commit.gpgsign=false",
                         "commit", "-q", "--no-verify", "-am", "a broken reference"])
        try edit(folder, team) { $0.replacingOccurrences(of: "objective: >\n  ", with: "objective: >\n  Try to improve things; ") }
        try edit(folder, developmental) { $0.replacingOccurrences(of: "objective: >\n  ", with: "objective: >\n  Consistently ") }
        try edit(folder, pathway) { $0.replacingOccurrences(of: "title: ", with: "title: Renamed ") }
        let reworded = try XCTUnwrap(try assertSameAsFullCheck(folder, "reword three files", reports: "PW2002"))
        XCTAssertTrue(reworded.isSuperset(of: [team, developmental, pathway]), "\(reworded.sorted())")
        try restore(folder)
        try git(folder, ["reset", "-q", "--hard", "HEAD~1"])

        // A rubric's scale changes: every statement may read differently, so every file is reported.
        try edit(folder, "pathways/rubrics/rubric-0001.yaml") { $0.replacingOccurrences(of: "Exemplary", with: "Outstanding") }
        XCTAssertNil(try assertSameAsFullCheck(folder, "change a rubric scale"))
        try restore(folder)
    }

    func testThisRepository() throws {
        let folder = try repository(from: TestPaths.repository, items: ["pathways", "schemas", "pathc.yaml"])
        let competency = "pathways/competencies/pipeline-forecasting.competency.yaml"
        try edit(folder, competency) { $0.replacingOccurrences(of: "id: pipeline-forecasting", with: "id: pipeline-forecast") }
        let renamed = try XCTUnwrap(try assertSameAsFullCheck(folder, "rename a competency"))
        XCTAssertTrue(renamed.isSuperset(of: [competency, "pathways/roles/account-executive.role.yaml", "pathways/roles/sales-manager.role.yaml"]),
                      "\(renamed.sorted())")
        try restore(folder)

        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.appendingPathComponent("pathways/okrs").path).sorted()
        where path.hasSuffix(".yaml") && !path.hasPrefix("strategic/") {
            try edit(folder, "pathways/okrs/" + path) { $0.replacingOccurrences(of: "level: team", with: "level: strategic")
                .replacingOccurrences(of: "level: developmental", with: "level: team") }
        }
        try assertSameAsFullCheck(folder, "every OKR one level up")
        try restore(folder)

        try edit(folder, "schemas/okr.schema.yaml") { $0 + "\n" }
        XCTAssertNil(try assertSameAsFullCheck(folder, "a schema changed"))
    }

    /// Content files not in the revision's tree come from the folder record (`FolderCache`): a
    /// folder unchanged since it was read holds the names it held then, one whose time moved is
    /// read again, and a new tree starts a new record.
    func testFilesNotInTheTreeFromTheFolderRecord() throws {
        let folder = try repository(from: TestPaths.repository, items: ["pathways", "schemas", "pathc.yaml"])
        func first(in subfolder: String) throws -> String {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(subfolder).path).sorted()
            return subfolder + "/" + (try XCTUnwrap(names.first { $0.hasSuffix(".yaml") }))
        }
        func copy(_ from: String, _ to: String) throws {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(from), to: folder.appendingPathComponent(to))
        }
        let untracked = "pathways/okrs/developmental/untracked-copy.yaml"
        try copy(try first(in: "pathways/okrs/developmental"), untracked)
        // Every folder last changed an hour ago: records of them are trusted, not read again.
        let past = Date(timeIntervalSinceNow: -3600)
        let content = folder.appendingPathComponent("pathways")
        for subfolder in [""] + (try FileManager.default.subpathsOfDirectory(atPath: content.path)) {
            let path = content.appendingPathComponent(subfolder).path
            guard Paths.isDirectory(path) else { continue }
            try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: path)
        }
        // Cold, every folder read; warm, the copy comes from the record of its folder.
        let copied = try XCTUnwrap(try assertSameAsFullCheck(folder, "an untracked copy", reports: "PW2001"))
        XCTAssertTrue(copied.contains(untracked), "\(copied.sorted())")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git/pathc/folders").path))

        // A new file in a folder whose record was trusted: its time moved, so it is read again.
        let checker = Checker(root: folder.path, currentDirectory: folder.path)
        let second = "pathways/okrs/team/untracked-team.yaml"
        try copy(try first(in: "pathways/okrs/team"), second)
        let both = try XCTUnwrap(try checker.run(since: "HEAD").affected)
        XCTAssertTrue(both.isSuperset(of: [untracked, second]), "\(both.sorted())")
        // Removed again: no longer reported; the first copy still is.
        try FileManager.default.removeItem(at: folder.appendingPathComponent(second))
        let one = try XCTUnwrap(try checker.run(since: "HEAD").affected)
        XCTAssertTrue(one.contains(untracked) && !one.contains(second), "\(one.sorted())")
        // Committed, the copy is in the new tree: a new record, and nothing changed since HEAD.
        try git(folder, ["add", "-A"])
        try git(folder, ["-c", "user.name=pathc tests", "-c", "user.email=tests@pathc.invalid", "-c", "commit.gpgsign=false",
                         "commit", "-q", "--no-verify", "-m", "the copy"])
        XCTAssertEqual(try checker.run(since: "HEAD").affected, [])
    }

    /// A folder recorded within two seconds of its last change is read again: a file added in the
    /// same tick of the file system's clock would leave the folder's time as recorded.
    func testAFolderChangedJustBeforeItsRecordIsReadAgain() throws {
        let folder = try repository(from: TestPaths.repository, items: ["pathways", "schemas", "pathc.yaml"])
        let checker = Checker(root: folder.path, currentDirectory: folder.path)
        let developmental = folder.appendingPathComponent("pathways/okrs/developmental")
        // Changed now, then recorded.
        try Data().write(to: developmental.appendingPathComponent("notes.txt"))
        XCTAssertEqual(try checker.run(since: "HEAD").affected, [])
        var recorded = stat()
        XCTAssertEqual(lstat(developmental.path, &recorded), 0)
        // A new file, and the folder's time put back to the nanosecond: a change the time does not show.
        let names = try FileManager.default.contentsOfDirectory(atPath: developmental.path).sorted()
        let source = try XCTUnwrap(names.first { $0.hasSuffix(".yaml") })
        try FileManager.default.copyItem(at: developmental.appendingPathComponent(source), to: developmental.appendingPathComponent("same-tick.yaml"))
        let times = [recorded.st_atim, recorded.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, developmental.path, times, 0), 0)
        var after = stat()
        XCTAssertEqual(lstat(developmental.path, &after), 0)
        XCTAssertEqual(after.st_mtim.tv_nsec, recorded.st_mtim.tv_nsec)
        let affected = try XCTUnwrap(try checker.run(since: "HEAD").affected)
        XCTAssertTrue(affected.contains("pathways/okrs/developmental/same-tick.yaml"), "\(affected.sorted())")
    }

    func testFactsSurviveTheCacheWhateverTheirText() throws {
        let facts = FileFacts(
            entity: EntityRef(.okr, "tab\there, new\nline, back\\slash, unit\u{1F}sep, ünï"),
            references: [EntityRef(.competency, ""), EntityRef(.okr, "a/b")], level: "", alignedToTexts: ["", "x"],
            alignedTo: ["x"], supports: ["\r"], drives: ["okr-1/impact"], competencies: ["c"], scale: ["proficient", ""])
        let blob = String(repeating: "ab", count: 20)
        let path = "pathways/okrs/a\tb.yaml"
        let line = FactRecord.line(path: path, blob: blob, facts: facts)
        XCTAssertFalse(line.contains("\n") || line.contains("\r"))
        let emptyLine = FactRecord.line(path: "empty.yaml", blob: blob, facts: FileFacts())
        let lines = try XCTUnwrap(FactLines(Array((line + "\n" + emptyLine + "\n").utf8), from: 0))
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.path(0), path)
        XCTAssertEqual(lines.facts(0), facts)
        XCTAssertEqual(lines.facts(1), FileFacts())
        XCTAssertEqual(lines.entityID(0), facts.entity?.id)
        // The cached line's look-ups are the facts' look-ups, field for field.
        for id in facts.lookups { XCTAssertTrue(lines.looksUp(0, anyOf: [id]), id) }
        for id in facts.scale + facts.alignedToTexts where !facts.lookups.contains(id) {
            XCTAssertFalse(lines.looksUp(0, anyOf: [id]), id)
        }
        XCTAssertFalse(lines.looksUp(1, anyOf: ["okr-1/impact", ""]))
        // A line with a field of the wrong shape is not read at all.
        XCTAssertNil(FactLines(Array((line.replacingOccurrences(of: blob, with: "not-a-blob") + "\n").utf8), from: 0))
    }

    /// Every model rule, from its own examples: the example's files committed, each edited in turn
    /// (and, when there are several, each removed in turn), and `check --since HEAD` compared with
    /// the full check. A rule that reads a field of another entity that the fact cache does not
    /// carry gives `--since` other findings than the full check and fails here, naming the rule
    /// and the example.
    func testEveryModelRulesExamplesEditedFileByFile() throws {
        var compared = 0
        for rule in RuleRegistry.modelRules {
            let examples = rule.description.bad.map { ($0, "bad") } + rule.description.good.map { ($0, "good") }
            for (example, which) in examples {
                let source = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-rule-\(UUID().uuidString)")
                addTeardownBlock { try? FileManager.default.removeItem(at: source) }
                try FileManager.default.createDirectory(at: source.appendingPathComponent("pathways"), withIntermediateDirectories: true)
                try "today: \(RuleExampleTests.today)\n".write(to: source.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
                var names: [String] = []
                for (index, text) in example.files.enumerated() {
                    let name = "pathways/" + RuleExampleTests.fileName(text, index: index)
                    try text.write(to: source.appendingPathComponent(name), atomically: true, encoding: .utf8)
                    names.append(name)
                }
                let folder = try repository(from: source, items: ["pathways", "pathc.yaml"])
                for name in names {
                    try edit(folder, name) { $0 + "\n# edited\n" }
                    try assertSameAsFullCheck(folder, "\(rule.description.name), \(which) example, \(name) edited",
                                              file: example.file, line: example.line)
                    try restore(folder)
                    compared += 1
                    guard names.count > 1 else { continue }
                    // Taking a file away changes what the others see: the repository-wide answers
                    // are worked out again from the facts.
                    try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
                    try assertSameAsFullCheck(folder, "\(rule.description.name), \(which) example, \(name) removed",
                                              file: example.file, line: example.line)
                    try restore(folder)
                    compared += 1
                }
            }
        }
        XCTAssertGreaterThan(compared, 50, "every model rule's examples")
    }
}
