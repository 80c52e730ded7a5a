import Foundation
import XCTest

/// `pathc diff` in a real git repository: a release's edits, each reported once, in every format,
/// and `build --changes-since` making the page of them.
final class DiffCommandTests: XCTestCase {
    /// The release the issue describes: a competency renamed (and every reference to it), a
    /// behaviour reworded, a key result's target moved; committed as a second revision.
    private func release() throws -> GitRepository {
        let repository = try GitRepository.make(self)
        try repository.git(["tag", "v1"], expecting: 0)
        let competency = "pathways/competencies/consultative-selling.competency.yaml"
        try repository.edit(competency) {
            $0.replacingOccurrences(of: "id: consultative-selling", with: "id: value-selling")
                .replacingOccurrences(of: "by tying the answer to a stated customer goal", with: "by tying each answer to a goal the buyer stated")
        }
        for path in ["pathways/roles/account-executive.role.yaml", "pathways/roles/sales-manager.role.yaml",
                     "pathways/roles/customer-success-manager.role.yaml", "pathways/journeys/consultative-selling-journey.pathway.yaml",
                     "pathways/okrs/developmental/consultative-selling-2026-q3.okr.yaml"] {
            try repository.edit(path) {
                $0.replacingOccurrences(of: "competency: consultative-selling\n", with: "competency: value-selling\n")
                    .replacingOccurrences(of: "[consultative-selling, ", with: "[value-selling, ")
            }
        }
        try repository.edit("pathways/okrs/developmental/consultative-selling-2026-q3.okr.yaml") {
            $0.replacingOccurrences(of: "    target: 75%", with: "    target: 80%")
                .replacingOccurrences(of: "two interactions to 75%", with: "two interactions to 80%")
        }
        try repository.git(["commit", "-q", "-a", "-m", "release 2"], expecting: 0)
        return repository
    }

    func testAReleaseIsReportedChangeByChangeOnceInEveryFormat() throws {
        let repository = try release()
        let text = try repository.run(CLI.executable, ["diff", "v1", "HEAD"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("Changes from v1 ("), text.stdout)
        XCTAssertTrue(text.stdout.contains("1 entity renamed"), text.stdout)
        XCTAssertEqual(text.stdout.components(separatedBy: "renamed from consultative-selling").count - 1, 1, text.stdout)
        XCTAssertEqual(text.stdout.components(separatedBy: "level 3 · Advanced, behaviour reworded").count - 1, 1, text.stdout)
        XCTAssertTrue(text.stdout.contains("    - Resolves unfamiliar objections within two interactions by tying the answer to a stated customer goal\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("    + Resolves unfamiliar objections within two interactions by tying each answer to a goal the buyer stated\n"), text.stdout)
        XCTAssertEqual(text.stdout.components(separatedBy: "key result two-touch-resolution, target moved from 75% to 80%").count - 1, 1, text.stdout)
        // The references that only followed the rename are not changes, nor is the statement
        // that quotes the target (it is reworded, and said so once).
        for quiet in ["role account-executive", "role sales-manager", "pathway consultative-selling-journey", "develops"] {
            XCTAssertFalse(text.stdout.contains(quiet), "\(quiet) changed only with the rename:\n\(text.stdout)")
        }

        let markdown = try repository.run(CLI.executable, ["diff", "v1", "HEAD", "--format", "markdown"])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.hasPrefix("## What changed from v1 ("), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("### Competencies\n\n- **Consultative selling** (`value-selling`)\n  - renamed from consultative-selling\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("  - level 3 · Advanced, behaviour reworded: ~~Resolves unfamiliar objections"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("  - key result two-touch-resolution, target moved from 75% to 80%\n"), markdown.stdout)

        let json = try repository.run(CLI.executable, ["diff", "v1", "HEAD", "--format", "json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entities = try XCTUnwrap(document["entities"] as? [[String: Any]])
        XCTAssertEqual(entities.map { "\($0["kind"]!) \($0["id"]!)" }, ["competency value-selling", "okr consultative-selling-2026-q3"])
        let changes = entities.flatMap { ($0["changes"] as? [[String: Any]]) ?? [] }
        XCTAssertEqual(changes.map { $0["change"] as? String }, ["renamed", "reworded", "reworded", "moved"])
        XCTAssertEqual(changes[3]["path"] as? String, "/key_results/0/target")
        XCTAssertEqual(changes[3]["before"] as? String, "75%")
        XCTAssertEqual(changes[3]["after"] as? String, "80%")

        // The JSON is what its schema says.
        try json.stdout.write(to: repository.folder.appendingPathComponent("diff.json"), atomically: true, encoding: .utf8)
        let valid = try CLI.run(["validate", "--schema", CLI.repository.appendingPathComponent("schemas/output/diff.schema.json").path,
                                 repository.folder.appendingPathComponent("diff.json").path])
        XCTAssertEqual(valid.status, 0, valid.stdout + valid.stderr)
    }

    func testEntitiesAddedAndRemovedAndALevelMovedAgainstTheWorkingTree() throws {
        let repository = try GitRepository.make(self)
        try repository.git(["rm", "-q", "pathways/rubrics/facilitation-rubric.rubric.yaml"], expecting: 0)
        try repository.write("pathways/roles/support-lead.role.yaml", """
            kind: role
            id: support-lead
            title: Support team lead
            family: support
            competencies:
              - competency: escalation-management
                level: 3
            """)
        try repository.edit("pathways/roles/account-executive.role.yaml") {
            $0.replacingOccurrences(of: "  - competency: consultative-selling\n    level: 3", with: "  - competency: consultative-selling\n    level: 4")
        }
        try repository.edit("pathways/competencies/root-cause-diagnosis.competency.yaml") {
            $0.replacingOccurrences(of: "    behaviors:\n", with: "    behaviors:\n      - Writes the incident's timeline before naming any cause\n", options: [], range: $0.range(of: "    behaviors:\n"))
        }
        let diff = try repository.run(CLI.executable, ["diff", "HEAD"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.hasPrefix("Changes from HEAD ("), diff.stdout)
        XCTAssertTrue(diff.stdout.contains(") to the working tree: 1 entity added, 1 entity removed, 2 entities changed"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("role support-lead · Support team lead\n  added\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("rubric facilitation-rubric · "), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("  removed\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("  competency consultative-selling, level moved from 3 to 4\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("level 1 · Foundational, behaviour added\n    + Writes the incident's timeline before naming any cause\n"), diff.stdout)

        let unchanged = try repository.run(CLI.executable, ["diff", "HEAD", "HEAD"])
        XCTAssertEqual(unchanged.status, 0)
        XCTAssertTrue(unchanged.stdout.contains(": no changes\n"), unchanged.stdout)
    }

    func testAnUnknownRevisionOrNoRepositoryIsAUsageError() throws {
        let repository = try GitRepository.make(self)
        let unknown = try repository.run(CLI.executable, ["diff", "no-such-tag"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown git revision 'no-such-tag'"), unknown.stderr)
        let outside = try CLI.copyOfRepository(self)
        let noGit = try CLI.run(["diff", "HEAD"], in: outside, environment: ["GIT_CEILING_DIRECTORIES": outside.deletingLastPathComponent().path])
        XCTAssertEqual(noGit.status, 2)
        XCTAssertTrue(noGit.stderr.contains("is not inside a git repository"), noGit.stderr)
    }

    func testTheSiteGetsAPageOfWhatChanged() throws {
        let repository = try release()
        let output = try CLI.temporaryFolder(self).appendingPathComponent("site")
        let build = try repository.run(CLI.executable, ["build", "--out", output.path, "--changes-since", "v1"])
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try String(contentsOf: output.appendingPathComponent("changes.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h1>What changed since v1 ("), page)
        XCTAssertTrue(page.contains("<a href=\"competencies/value-selling.html\">Consultative selling</a>"), page)
        XCTAssertTrue(page.contains("<del>Resolves unfamiliar objections within two interactions by tying the answer to a stated customer goal</del>"), page)
        XCTAssertTrue(page.contains("key result two-touch-resolution, target moved from 75% to 80%"), page)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<a href=\"changes.html\">What changed since v1 ("), home)
        let json = try Data(contentsOf: output.appendingPathComponent("api/changes.json"))
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        XCTAssertEqual(document["$schema"] as? String, "schemas/diff.schema.json")
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("api/schemas/diff.schema.json").path))

        // Without the option there is no such page, and a bad revision builds nothing.
        let plain = try CLI.temporaryFolder(self).appendingPathComponent("site")
        XCTAssertEqual(try repository.run(CLI.executable, ["build", "--out", plain.path]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: plain.appendingPathComponent("changes.html").path))
        let bad = try CLI.temporaryFolder(self).appendingPathComponent("site")
        let failed = try repository.run(CLI.executable, ["build", "--out", bad.path, "--changes-since", "v9"])
        XCTAssertEqual(failed.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: bad.path))
    }
}
