import XCTest
@testable import PathcCore

/// Dates written in other forms than YYYY-MM-DD: the one day they say, or the two they may.
final class CalendarDateReadingTests: XCTestCase {
    private func day(_ text: String) -> String? {
        if case .day(let date)? = CalendarDate.reading(text) { return date.description }
        return nil
    }

    func testUnambiguousForms() {
        for text in ["2026/12/01", "2026.12.01", "2026-12-1", "2026/12/1", "1 December 2026", "1 Dec 2026", "1st December 2026",
                     "December 1, 2026", "Dec 1 2026", "december 1, 2026", "1-Dec-2026", "2026 Dec 01", " 1 December 2026 "] {
            XCTAssertEqual(day(text), "2026-12-01", text)
        }
        XCTAssertEqual(day("2026-1-5"), "2026-01-05")
        XCTAssertEqual(day("Sept 3, 2026"), "2026-09-03")
        XCTAssertEqual(day("31/12/2026"), "2026-12-31", "no month 31: the day comes first")
        XCTAssertEqual(day("12/31/2026"), "2026-12-31", "no month 31: the month comes first")
        XCTAssertEqual(day("07.07.2026"), "2026-07-07", "either way the same day")
    }

    func testAmbiguousForms() {
        XCTAssertEqual(CalendarDate.reading("01/02/2026"), .ambiguous(dayFirst: CalendarDate(year: 2026, month: 2, day: 1)!,
                                                                      monthFirst: CalendarDate(year: 2026, month: 1, day: 2)!))
        XCTAssertEqual(CalendarDate(year: 2026, month: 2, day: 1)!.spelledOut, "1 February 2026")
        if case .ambiguous? = CalendarDate.reading("3.4.2026") {} else { XCTFail("3.4.2026 is ambiguous") }
    }

    func testWhatIsNotADate() {
        for text in ["", "2026", "2026-Q3", "2026/02/30", "1/2/26", "32 December 2026", "December 2026", "2026-12-01T09:00:00Z",
                     "next Monday", "1 Smarch 2026", "2026/12-01", "1, 2, 3", "Monday 1 December 2026", "1 December, 2026 10:00",
                     "1 December 26", "١ December 2026"] {
            XCTAssertNil(CalendarDate.reading(text), text)
        }
    }
}
