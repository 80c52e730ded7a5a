import Foundation
import XCTest

/// The pre-commit hook and `check --since`, in real git repositories.
final class GitWorkflowTests: XCTestCase {
    private let supportOKR = "pathways/okrs/team/customer-support-2026-q3.okr.yaml"
    private let competency = "pathways/competencies/pipeline-forecasting.competency.yaml"

    /// An OKR whose objective is vague and states a state of mind (an error), in a file whose
    /// name has a space and a non-ASCII letter.
    private let newOKR = "pathways/okrs/team/new é okr.okr.yaml"

    private func vagueOKR(_ repository: GitRepository) throws -> String {
        try repository.read("pathways/okrs/team/product-delivery-2026-q3.okr.yaml")
            .replacingOccurrences(of: "id: product-delivery-2026-q3", with: "id: new-okr")
            .replacingOccurrences(of: "  Delivery teams resolve cross-team blockers on key projects within three working days",
                                  with: "  Understand leadership and improve collaboration")
    }

    // MARK: - The pre-commit hook

    func testHookChecksTheStagedSnapshot() throws {
        let repository = try GitRepository.make(self, hook: true)
        let bad = try vagueOKR(repository)
        XCTAssertTrue(bad.contains("Understand leadership"))
        try repository.write(newOKR, bad)
        try repository.git(["add", "--", newOKR], expecting: 0)
        let refused = try repository.git(["commit", "-m", "a vague objective"])
        XCTAssertNotEqual(refused.status, 0, "the commit must fail")
        XCTAssertTrue(refused.stderr.contains("new é okr.okr.yaml:9:3: error[PW3001]: 'Understand' is a state of mind"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("stage the fix"), refused.stderr)

        // Fixed in the working tree but not staged: the commit still fails.
        let fixed = bad.replacingOccurrences(of: "Understand leadership and improve collaboration",
                                             with: "Delivery teams resolve cross-team blockers on key projects within two working days")
        try repository.write(newOKR, fixed)
        let unstaged = try repository.git(["commit", "-m", "a vague objective"])
        XCTAssertNotEqual(unstaged.status, 0, "an unstaged fix must not let the commit through")
        XCTAssertTrue(unstaged.stderr.contains("error[PW3001]"), unstaged.stderr)

        // A problem only in the working tree of another file is not what is committed.
        try repository.edit(supportOKR) { $0.replacingOccurrences(of: "kind: okr", with: "kind: okrr") }
        try repository.git(["add", "--", newOKR], expecting: 0)
        let accepted = try repository.git(["commit", "-m", "a specific objective"])
        XCTAssertEqual(accepted.status, 0, accepted.stdout + accepted.stderr)
        XCTAssertFalse(accepted.stderr.contains("error["), accepted.stderr)
    }

    func testHookPassesFastWhenNoContentIsStaged() throws {
        let repository = try GitRepository.make(self, hook: true)
        try repository.write("README.md", "notes\n")
        // A broken content file that is not staged does not matter either.
        try repository.edit(supportOKR) { $0.replacingOccurrences(of: "kind: okr", with: "kind: okrr") }
        try repository.git(["add", "README.md"], expecting: 0)
        let start = Date()
        let hook = try repository.run(repository.folder.appendingPathComponent(".githooks/pre-commit"), [])
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(hook.status, 0, hook.stderr)
        XCTAssertEqual(hook.stdout + hook.stderr, "")
        XCTAssertLessThan(elapsed, 1.0, "the hook took \(elapsed) s with nothing to check")
        try repository.git(["commit", "-q", "-m", "notes"], expecting: 0)
    }

    func testHookChecksEveryFileWhenAContentFileIsDeleted() throws {
        let repository = try GitRepository.make(self, hook: true)
        try repository.git(["rm", "-q", "--", competency], expecting: 0)
        let refused = try repository.git(["commit", "-m", "remove a competency"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("pathways/roles/account-executive.role.yaml:9:17: error[PW2002]: unknown competency 'pipeline-forecasting'"),
                      refused.stderr)
    }

    // MARK: - check --since

    func testSinceReportsTheFilesStillUsingARenamedIDAndNothingUnaffected() throws {
        let repository = try GitRepository.make(self)
        // A problem on main in a file the branch does not touch.
        try repository.edit(supportOKR) { $0.replacingOccurrences(of: "kind: okr\n", with: "kind: okr\nextra: 1\n") }
        try repository.git(["commit", "-q", "-am", "an unrelated problem"], expecting: 0)
        try repository.git(["checkout", "-q", "-b", "rename"], expecting: 0)
        try repository.edit(competency) { $0.replacingOccurrences(of: "id: pipeline-forecasting", with: "id: pipeline-forecast") }
        let renamed = "pathways/competencies/pipeline forecast é.competency.yaml"
        try repository.git(["mv", competency, renamed], expecting: 0)
        try repository.git(["commit", "-q", "-am", "rename the competency"], expecting: 0)

        let everything = findings(try CLI.run(["check", "--format", "json"], in: repository.folder).stdout)
        XCTAssertTrue(everything.contains { $0.file == supportOKR }, "\(everything)")

        let since = try CLI.run(["check", "--since", "main", "--format", "json"], in: repository.folder)
        XCTAssertEqual(since.status, 1, since.stderr)
        let reported = findings(since.stdout)
        let referrers = ["pathways/journeys/consultative-selling-journey.pathway.yaml", "pathways/roles/account-executive.role.yaml",
                         "pathways/roles/sales-manager.role.yaml", "pathways/okrs/developmental/consultative-selling-2026-q3.okr.yaml"]
        for file in referrers {
            XCTAssertTrue(reported.contains { $0.file == file && $0.code == "PW2002" }, "\(file) still uses the old id: \(reported)")
        }
        XCTAssertEqual(Set(reported.map(\.file)).subtracting(referrers + [renamed]), [], "only affected files are reported")

        // Unstaged edits and untracked files count as changed too.
        try repository.write("pathways/untracked one.yaml", "id: x\n")
        let withNew = findings(try CLI.run(["check", "--since", "main", "--format", "json"], in: repository.folder).stdout)
        XCTAssertTrue(withNew.contains { $0.file == "pathways/untracked one.yaml" && $0.code == "PW2005" }, "\(withNew)")
        XCTAssertFalse(withNew.contains { $0.file == supportOKR })

        // A change to pathc.yaml can change any finding.
        try repository.write("pathc.yaml", try repository.read("pathc.yaml") + "# changed\n")
        let config = findings(try CLI.run(["check", "--since", "HEAD", "--format", "json"], in: repository.folder).stdout)
        XCTAssertTrue(config.contains { $0.file == supportOKR }, "\(config)")
    }

    func testSinceNeedsARevisionAndARepository() throws {
        let repository = try GitRepository.make(self)
        let bad = try CLI.run(["check", "--since", "no-such-branch"], in: repository.folder)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("error: unknown git revision 'no-such-branch'"), bad.stderr)
        let option = try CLI.run(["check", "--since=--output=x"], in: repository.folder)
        XCTAssertEqual(option.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: repository.folder.appendingPathComponent("x").path))

        let plain = try CLI.temporaryFolder(self)
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: plain.appendingPathComponent(item))
        }
        let none = try CLI.run(["check", "--since", "main"], in: plain, environment: ["GIT_CEILING_DIRECTORIES": plain.deletingLastPathComponent().path])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("is not inside a git repository"), none.stderr)
    }

    func testSinceWithNoChangesReportsNothing() throws {
        let repository = try GitRepository.make(self)
        try repository.edit(supportOKR) { $0.replacingOccurrences(of: "kind: okr\n", with: "kind: okr\nextra: 1\n") }
        try repository.git(["commit", "-q", "-am", "a problem"], expecting: 0)
        let result = try CLI.run(["check", "--since", "HEAD"], in: repository.folder)
        XCTAssertEqual(result.status, 0, result.stdout)
        // Nothing changed, so nothing was reported on: the count says so.
        XCTAssertTrue(result.stdout.hasPrefix("0 errors, 0 warnings in 0 files"), result.stdout)
    }
}
