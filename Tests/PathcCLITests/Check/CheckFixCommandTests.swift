import Foundation
import XCTest

/// `pathc check --fix` and `--fix --diff` as a user runs them: what is fixed is listed on stderr,
/// what remains is reported as `check` reports it, with its exit status; --diff writes nothing.
final class CheckFixCommandTests: XCTestCase {
    private let role = "pathways/roles/sales-manager.role.yaml"
    private let journey = "pathways/journeys/consultative-selling-journey.pathway.yaml"

    private func text(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private func replace(_ root: URL, _ path: String, _ old: String, _ new: String) throws {
        let before = try text(root, path)
        XCTAssertTrue(before.contains(old), "\(path) has no '\(old)'")
        try CLI.write(before.replacingOccurrences(of: old, with: new), to: path, in: root)
    }

    /// A copy of the repository with a misspelt reference in a role and an enum value in a
    /// pathway; and the two files as they were.
    private func repositoryWithMistakes() throws -> (URL, [String]) {
        let root = try CLI.copyOfRepository(self)
        let originals = try [role, journey].map { try text(root, $0) }
        try replace(root, role, "competency: pipeline-forecasting", "competency: pipeline-forcasting")
        try replace(root, journey, "status: active", "status: actve")
        return (root, originals)
    }

    func testFixWritesTheFixesListsThemAndReportsWhatRemains() throws {
        let (root, originals) = try repositoryWithMistakes()
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: root.appendingPathComponent(role).path)
        let before = try CLI.run(["check"], in: root)
        XCTAssertEqual(before.status, 1)

        let fixed = try CLI.run(["check", "--fix"], in: root)
        XCTAssertEqual(fixed.status, 0, fixed.stdout + fixed.stderr)
        XCTAssertEqual(fixed.stderr, """
            \(journey):9: fixed PW1004: replace 'actve' with 'active'
            \(role):8: fixed PW2002: replace 'pipeline-forcasting' with 'pipeline-forecasting'
            fixed 2 findings in 2 files

            """)
        XCTAssertEqual(fixed.stdout, "0 errors, 0 warnings in 26 files\n")
        XCTAssertEqual(try [role, journey].map { try text(root, $0) }, originals)
        let mode = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(role).path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("pathways/roles").path)
        XCTAssertFalse(leftovers.contains { $0.hasSuffix(".tmp") }, "\(leftovers)")

        // Idempotent: nothing more to do, and nothing written.
        let again = try CLI.run(["check", "--fix"], in: root)
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(again.stderr, "nothing fixed\n")
        XCTAssertEqual(try [role, journey].map { try text(root, $0) }, originals)
    }

    func testDiffPrintsTheFixesAndWritesNothing() throws {
        let (root, _) = try repositoryWithMistakes()
        let edited = try [role, journey].map { try text(root, $0) }
        let result = try CLI.run(["check", "--fix", "--diff"], in: root)
        XCTAssertEqual(result.status, 0, "nothing would remain: " + result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("--- a/\(journey)\n+++ b/\(journey)\n@@ -6,7 +6,7 @@\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n-status: actve\n+status: active\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("--- a/\(role)\n+++ b/\(role)\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n-  - competency: pipeline-forcasting\n+  - competency: pipeline-forecasting\n"), result.stdout)
        XCTAssertTrue(result.stderr.contains("\(role):8: would fix PW2002: replace 'pipeline-forcasting' with 'pipeline-forecasting'\n"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("would fix 2 findings in 2 files; then 0 errors, 0 warnings in 26 files\n"), result.stderr)
        XCTAssertEqual(try [role, journey].map { try text(root, $0) }, edited)

        // The diff applies: git apply takes it as it is.
        let git = URL(fileURLWithPath: "/usr/bin/git")
        if FileManager.default.isExecutableFile(atPath: git.path) {
            try CLI.write(result.stdout, to: "fixes.patch", in: root)
            let applied = try CLI.execute(git, ["apply", "fixes.patch"], in: root)
            XCTAssertEqual(applied.status, 0, applied.stderr)
            XCTAssertEqual(try CLI.run(["check", "--quiet"], in: root).status, 0)
        }
    }

    func testWhatCannotBeFixedRemainsWithItsExitStatus() throws {
        let (root, _) = try repositoryWithMistakes()
        // No competency is close to this one: no fix.
        try replace(root, journey, "  - competency: pipeline-forecasting", "  - competency: negotiation")
        let diff = try CLI.run(["check", "--diff"], in: root)
        XCTAssertEqual(diff.status, 1, "an error would remain")
        XCTAssertTrue(diff.stderr.hasSuffix("would fix 2 findings in 2 files; then 1 error, 0 warnings in 26 files\n"), diff.stderr)

        let fixed = try CLI.run(["check", "--fix"], in: root)
        XCTAssertEqual(fixed.status, 1)
        XCTAssertTrue(fixed.stderr.hasSuffix("fixed 2 findings in 2 files\n"), fixed.stderr)
        XCTAssertTrue(fixed.stdout.contains("error[PW2002]: unknown competency 'negotiation'"), fixed.stdout)
        XCTAssertTrue(fixed.stdout.hasSuffix("1 error, 0 warnings in 26 files\n"), fixed.stdout)
    }

    func testAFixThatBringsNewFindingsIsLeftOutAndSaidSo() throws {
        let root = try CLI.copyOfRepository(self)
        // Quoted, the cycle is valid, and the rules about it have something new to say.
        let path = "pathways/okrs/team/customer-support-2026-q3.okr.yaml"
        try replace(root, path, "cycle: 2026-Q3", "cycle: 2026")
        let edited = try text(root, path)
        let result = try CLI.run(["check", "--fix"], in: root)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, """
            \(path):5: left out PW1001: quote 2026 to make it text
            nothing fixed; 1 fix left out: with it the check was not strictly better

            """)
        XCTAssertEqual(try text(root, path), edited)
    }

    func testFixKeepsToThePathsAndFormatsAsked() throws {
        let (root, originals) = try repositoryWithMistakes()
        let result = try CLI.run(["check", "--fix", "--format", "json", role], in: root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "\(role):8: fixed PW2002: replace 'pipeline-forcasting' with 'pipeline-forecasting'\nfixed 1 finding in 1 file\n")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((report?["summary"] as? [String: Any])?["errors"] as? Int, 0)
        XCTAssertEqual(try text(root, role), originals[0])
        XCTAssertTrue(try text(root, journey).contains("status: actve"), "outside the path asked for")

        let quiet = try CLI.run(["check", "--fix", "--quiet"], in: root)
        XCTAssertEqual(quiet.status, 0)
        XCTAssertEqual(quiet.stderr + quiet.stdout, "")
        XCTAssertEqual(try text(root, journey), originals[1])

        let refused = try CLI.run(["check", "--diff", "--format", "sarif"], in: root)
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--diff prints the fixes as a unified diff"), refused.stderr)
    }

    func testSinceFixesOnlyWhatChangedSinceTheRevision() throws {
        let repository = try GitRepository.make(self)
        try repository.edit(journey) { $0.replacingOccurrences(of: "status: active", with: "status: actve") }
        try repository.git(["commit", "-q", "--no-verify", "-am", "a mistake committed"], expecting: 0)
        try repository.edit(role) { $0.replacingOccurrences(of: "competency: pipeline-forecasting", with: "competency: pipeline-forcasting") }
        let result = try repository.run(CLI.executable, ["check", "--fix", "--since", "HEAD"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertEqual(result.stderr, "\(role):8: fixed PW2002: replace 'pipeline-forcasting' with 'pipeline-forecasting'\nfixed 1 finding in 1 file\n")
        XCTAssertEqual(try repository.git(["status", "--porcelain"]).stdout, "", "the role is as committed")
        XCTAssertTrue(try repository.read(journey).contains("status: actve"), "committed before HEAD: not fixed")
    }

    func testHelpListsTheOptions() throws {
        let help = try CLI.run(["help", "check"])
        XCTAssertTrue(help.stdout.contains("--fix"), help.stdout)
        XCTAssertTrue(help.stdout.contains("--diff"), help.stdout)
    }
}
