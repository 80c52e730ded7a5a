import Foundation
import XCTest
@testable import PathcCore

/// The invariants of `FormatInvariants` over real files: this repository's pathways, a generated
/// corpus of 1,000 OKRs, and every file of the YAML test suite that pathc's parser accepts.
final class FormatCorpusTests: XCTestCase {
    /// Formats each file and returns how many were checked; fails on any problem.
    private func checkAll(_ paths: [String], label: String, file: StaticString = #filePath, line: UInt = #line) throws -> (checked: Int, changed: Int) {
        var checked = 0, changed = 0
        var failures: [String] = []
        for path in paths {
            let source = try SourceFile.read(path: path)
            guard SyntaxTree.parse(source).diagnostics.isEmpty else { continue }
            checked += 1
            switch SourceFormatter.format(source) {
            case .formatted(let output):
                if Array(output.utf8) != source.bytes { changed += 1 }
                let problems = FormatInvariants.problems(source: source, output: output)
                if !problems.isEmpty { failures.append("\(path): \(problems.joined(separator: "; "))") }
            case let other:
                failures.append("\(path): \(other)")
            }
        }
        print("fmt \(label): \(checked) files checked, \(changed) changed by formatting")
        XCTAssertEqual(failures, [], file: file, line: line)
        return (checked, changed)
    }

    func testThisRepositorysPathways() throws {
        let folder = TestPaths.repository.appendingPathComponent("pathways").path
        let paths = Paths.contentFiles(under: folder, boundary: folder).files
        let (checked, _) = try checkAll(paths, label: "pathways/")
        XCTAssertEqual(checked, paths.count, "every content file parses")
        XCTAssertGreaterThan(checked, 20)
    }

    func testGeneratedCorpus() throws {
        let folder = try generatedCorpus(okrs: 1_000)
        let paths = Paths.contentFiles(under: folder.path, boundary: folder.path).files
        let (checked, _) = try checkAll(paths, label: "generated corpus")
        XCTAssertGreaterThan(checked, 1_000)
    }

    func testEveryYAMLTestSuiteFileTheParserAccepts() throws {
        let suite = try TestPaths.sharedFolder("conformance/yaml-test-suite")
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: suite.path)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix("/in.yaml") || relative == "in.yaml" { paths.append(suite.appendingPathComponent(relative).path) }
        }
        paths.sort()
        XCTAssertGreaterThan(paths.count, 300, "the suite looks incomplete")
        let (checked, changed) = try checkAll(paths, label: "yaml-test-suite (\(paths.count) in.yaml files)")
        // Each accepted case is one the parser reads exactly (YAMLConformanceTests): most of the
        // suite, less the constructs pathc rejects (anchors, tags, several documents...).
        XCTAssertGreaterThan(checked, 150)
        XCTAssertGreaterThan(changed, 100)
    }

    /// `pathc init` writes content files and a pathc.yaml that `pathc fmt --check` accepts, so
    /// that a team can add the check to CI on its first day. (Its copies of the schemas are not
    /// content: `pathc fmt` leaves them alone unless named.)
    func testTheStarterFilesAreFormatted() throws {
        for day in ["2026-03-31", "2027-12-01"] {
            for (path, contents) in StarterFiles.all(today: try XCTUnwrap(CalendarDate(day)))
            where path == "pathc.yaml" || path.hasPrefix("pathways/") {
                XCTAssertEqual(formatted(contents), contents, "\(path) on \(day)")
            }
        }
    }
}
