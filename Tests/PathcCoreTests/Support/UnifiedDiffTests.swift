import XCTest
@testable import PathcCore

/// `pathc fmt --diff`: the changes as `diff -u` prints them.
final class UnifiedDiffTests: XCTestCase {
    func testEqualTextsHaveNoDiff() {
        XCTAssertEqual(UnifiedDiff.render(old: "a\nb\n", new: "a\nb\n", path: "x.yaml"), "")
    }

    func testOneChangeWithItsContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        XCTAssertEqual(UnifiedDiff.render(old: old, new: new, path: "x.yaml"), """
            --- a/x.yaml
            +++ b/x.yaml
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    func testDistantChangesMakeSeparateHunks() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 2\n", with: "").replacingOccurrences(of: "line 19\n", with: "line 19\nadded\n")
        XCTAssertEqual(UnifiedDiff.render(old: old, new: new, path: "x.yaml"), """
            --- a/x.yaml
            +++ b/x.yaml
            @@ -1,5 +1,4 @@
             line 1
            -line 2
             line 3
             line 4
             line 5
            @@ -17,4 +16,5 @@
             line 17
             line 18
             line 19
            +added
             line 20

            """)
    }

    func testAMissingFinalLineBreakIsShown() {
        XCTAssertEqual(UnifiedDiff.render(old: "a: 1", new: "a: 1\n", path: "x.yaml"), """
            --- a/x.yaml
            +++ b/x.yaml
            @@ -1,1 +1,1 @@
            -a: 1
            \\ No newline at end of file
            +a: 1

            """)
    }

    func testTheShortestScriptIsFound() {
        let a: [Substring] = ["a", "b", "c", "a", "b", "b", "a"], b: [Substring] = ["c", "b", "a", "b", "a", "c"]
        let script = UnifiedDiff.script(a, b)
        XCTAssertEqual(script?.filter { $0 != .keep }.count, 5)
    }
}
