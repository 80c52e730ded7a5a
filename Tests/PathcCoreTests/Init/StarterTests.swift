import Testing
import XCTest
@testable import PathcCore

/// What `pathc init` writes: a complete organisation, dated the day it is written, so that a new
/// repository is clean under `check --strict` on any day of the year.
final class StarterTests: XCTestCase {
    func testTheStarterIsCleanOnAnyDay() throws {
        for day in ["2027-01-01", "2027-01-10", "2026-03-31", "2028-02-29", "2026-12-31", "2026-07-01"] {
            let folder = try temporaryFolder()
            let today = try XCTUnwrap(CalendarDate(day))
            let files = StarterFiles.all(today: today)
            for (path, contents) in files {
                let url = folder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try contents.write(to: url, atomically: true, encoding: .utf8)
            }
            let config = folder.appendingPathComponent("pathc.yaml")
            try (try String(contentsOf: config, encoding: .utf8) + "today: \(day)\n").write(to: config, atomically: true, encoding: .utf8)
            let result = Checker(root: folder.path, currentDirectory: folder.path).run()
            XCTAssertFalse(result.setupFailed, day)
            XCTAssertEqual(result.diagnostics.map { "\($0.file.path):\($0.start.line) \($0.code.code) \($0.message)" }, [], day)
            let okrs = files.filter { $0.path.hasSuffix(".okr.yaml") }.map(\.contents)
            for level in ["team", "developmental"] {
                XCTAssertTrue(okrs.contains { $0.contains("level: \(level)") && $0.contains("aligned_to:") && $0.contains("checkins:") }, level)
            }
        }
    }

    /// The CI workflow init writes is YAML pathc reads, pins a version of pathc, and installs it
    /// with the script this repository has.
    func testTheWorkflowPinsAndInstallsPathc() throws {
        let workflow = try XCTUnwrap(StarterFiles.all(today: CalendarDate(year: 2026, month: 5, day: 4)!)
            .first { $0.path == ".github/workflows/pathc.yml" }?.contents)
        let tree = SyntaxTree.parse(SourceFile(path: "pathc.yml", text: workflow))
        XCTAssertEqual(tree.diagnostics.map(\.message), [])
        XCTAssertEqual(tree.root?["env"]?["PATHC_VERSION"]?.scalar?.text, "v" + PathcVersion.current)
        XCTAssertTrue(workflow.contains(".pathc/source/scripts/install --prefix"))
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: TestPaths.repository.appendingPathComponent("scripts/install").path))
        XCTAssertTrue(StarterFiles.gitignore.contains("/.pathc/"))
    }

}

/// Dates counted in days both ways, as the starter's check-ins are placed. (Swift Testing, so
/// that `swift test`'s second runner reports tests of its own rather than none.)
@Suite struct CalendarDateDayTests {
    @Test func daysCountBothWays() {
        let day = CalendarDate(year: 2028, month: 3, day: 1)!
        #expect(day.adding(days: -1).description == "2028-02-29")
        #expect(day.adding(days: 365).description == "2029-03-01")
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
    }

    @Test(arguments: stride(from: -800_000, to: 800_000, by: 99_991).map { $0 })
    func dayNumbersRoundTrip(_ number: Int) {
        #expect(CalendarDate(dayNumber: number).dayNumber == number)
    }
}
