import XCTest
@testable import PathcCore

/// The CI formats are listed once; each has a name of its own that `--format` can take.
final class ReportFormatTests: XCTestCase {
    func testEachFormatHasItsOwnName() {
        let names = ReportFormats.all.map { $0.name }
        XCTAssertEqual(Set(names).count, names.count, "two formats with one name: \(names)")
        for name in names {
            XCTAssertFalse(["text", "json"].contains(name), "\(name) is the check's own format")
            XCTAssertEqual(name, name.lowercased())
            XCTAssertNotNil(ReportFormats.named(name))
        }
        XCTAssertTrue(ReportFormats.named("markdown")?.showsVerdicts == true)
        XCTAssertFalse(ReportFormats.named("github")?.showsVerdicts ?? true)
    }
}
