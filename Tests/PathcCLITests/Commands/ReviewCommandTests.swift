import Foundation
import XCTest

/// `pathc review`: statements judged before they go into a file, with the repository's config and
/// house rules; `pathc explain` and `pathc rules` with house rules.
final class ReviewCommandTests: XCTestCase {
    func testReviewSaysWhatIsWrongAndExitsOnWarnings() throws {
        let folder = try CLI.temporaryFolder(self)
        let weak = try CLI.run(["review", "Fosters a culture of continuous learning"], in: folder)
        XCTAssertEqual(weak.status, 1)
        XCTAssertTrue(weak.stdout.contains("warning[PW3011] empty-verb: 'Fosters' names no act anyone could watch"), weak.stdout)
        let good = try CLI.run(["review", "Runs a retrospective every two weeks and records one change to try"], in: folder)
        XCTAssertEqual(good.status, 1, "two behaviours")
        let fine = try CLI.run(["review", "--as", "key_result", "Raise organic sign-ups from 300 to 450 a month"], in: folder)
        XCTAssertEqual(fine.status, 0, fine.stdout)
        XCTAssertTrue(fine.stdout.contains("no findings"))
        let json = try CLI.run(["review", "--as", "key_result", "--format", "json", "Publish 5 blog posts"], in: folder)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let statements = try XCTUnwrap(document?["statements"] as? [[String: Any]])
        let findings = try XCTUnwrap(statements.first?["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.first?["rule"] as? String, "output-as-result")
    }

    func testReviewUsesTheRepositorysProfileAndHouseRules() throws {
        let folder = try CLI.temporaryFolder(self)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("house-rules"), withIntermediateDirectories: true)
        try "profile: lenient\n".write(to: folder.appendingPathComponent("pathc.yaml"), atomically: true, encoding: .utf8)
        try """
            id: no-full-stop
            message: no full stop at the end
            fields: [behavior]
            forbid_pattern: '\\.$'
            examples: {bad: [Writes tests.], good: [Writes tests]}
            """.write(to: folder.appendingPathComponent("house-rules/no-full-stop.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["review", "Writes clear unit tests for every change."], in: folder)
        XCTAssertTrue(result.stdout.contains("warning[house:no-full-stop]"), result.stdout)
        XCTAssertFalse(result.stdout.contains("'clear'"), "lenient leaves 'clear' out: \(result.stdout)")
        let explained = try CLI.run(["explain", "no-full-stop"], in: folder)
        XCTAssertEqual(explained.status, 0, explained.stderr)
        XCTAssertTrue(explained.stdout.contains("a house rule of this repository"), explained.stdout)
        XCTAssertTrue(explained.stdout.contains("Writes tests."))
        XCTAssertTrue(try CLI.run(["rules"], in: folder).stdout.contains("house:no-full-stop"))
    }
}
