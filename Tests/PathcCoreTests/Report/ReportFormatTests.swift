import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import PathcCore

/// The CI format writers, on diagnostics made by hand: escaping at the edges, fingerprints that
/// survive moved lines, and documents that other tools can read.
final class ReportFormatTests: XCTestCase {
    private let vague = DiagnosticCode("PW3003", "vague-term")
    private let unobservable = DiagnosticCode("PW3001", "unobservable-verb")

    /// A diagnostic on the first occurrence of `flagged` (after `after`) in `file`.
    private func finding(_ file: SourceFile, _ flagged: String, after: String = "", code: DiagnosticCode? = nil,
                         severity: Severity = .warning, message: String? = nil, help: String? = "say how much") -> Diagnostic {
        let text = String(decoding: file.bytes, as: UTF8.self)
        let searchStart = after.isEmpty ? text.startIndex : text.range(of: after)!.upperBound
        let range = text.range(of: flagged, range: searchStart..<text.endIndex)!
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return Diagnostic(code: code ?? vague, severity: severity, message: message ?? "'\(flagged)' cannot be measured", file: file,
                          span: Span(start: start, end: start + flagged.utf8.count), help: help)
    }

    private func object(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    // MARK: - Fingerprints

    func testFingerprintsIgnoreLineNumbersAndTellIdenticalFindingsApart() {
        let before = SourceFile(path: "p/okr.yaml", text: "objective: Improve reach\nnote: Improve reach\n")
        let after = SourceFile(path: "p/okr.yaml", text: "# a comment\n\nobjective: Improve reach\nnote: Improve reach\n")
        let first = Report(diagnostics: [finding(before, "Improve"), finding(before, "Improve", after: "note")], fileCount: 1)
        let moved = Report(diagnostics: [finding(after, "Improve"), finding(after, "Improve", after: "note")], fileCount: 1)
        XCTAssertEqual(first.fingerprints, moved.fingerprints)
        XCTAssertNotEqual(first.fingerprints[0], first.fingerprints[1])
        XCTAssertTrue(first.fingerprints[0].hasSuffix(":1") && first.fingerprints[1].hasSuffix(":2"), "\(first.fingerprints)")
        XCTAssertEqual(first.fingerprints[0].count, 16 + 2)
        let otherRule = Report(diagnostics: [finding(before, "Improve", code: unobservable)], fileCount: 1)
        XCTAssertNotEqual(otherRule.fingerprints[0], first.fingerprints[0])
        let otherFile = Report(diagnostics: [finding(SourceFile(path: "p/other.yaml", text: "objective: Improve reach\n"), "Improve")], fileCount: 1)
        XCTAssertNotEqual(otherFile.fingerprints[0], first.fingerprints[0])
    }

    func testFNV1aMatchesTheReferenceValues() {
        // Published FNV-1a 64 test vectors.
        var empty = FNV1a64()
        empty.add("")
        XCTAssertEqual(empty.hex, "cbf29ce484222325")
        var a = FNV1a64()
        a.add("a")
        XCTAssertEqual(a.hex, "af63dc4c8601ec8c")
        var foobar = FNV1a64()
        foobar.add("foobar")
        XCTAssertEqual(foobar.hex, "85944171f73967e8")
    }

    func testRootRelativePathsAreWhatTheFormatsShow() {
        let file = SourceFile(path: "../repo/pathways/a.yaml", text: "objective: Improve reach\n")
        let report = Report(diagnostics: [finding(file, "Improve")], fileCount: 1) { $0.replacingOccurrences(of: "../repo/", with: "") }
        XCTAssertEqual(report.paths, ["pathways/a.yaml"])
        XCTAssertEqual(report.keys.first, FindingKey(file: "pathways/a.yaml", code: "PW3003", text: "Improve"))
    }

    // MARK: - GitHub

    func testGitHubWorkflowCommandEscaping() {
        XCTAssertEqual(GitHubReport.escapeData("100% done\r\nnext: a, b"), "100%25 done%0D%0Anext: a, b")
        XCTAssertEqual(GitHubReport.escapeProperty("dir:x/a,b%.yaml"), "dir%3Ax/a%2Cb%25.yaml")
        XCTAssertEqual(GitHubReport.escapeData("::error::"), "::error::", "data may hold '::'; only line breaks and % end it")
    }

    func testGitHubOneCommandPerFindingWithLevels() {
        let file = SourceFile(path: "p/a, b:c.yaml", text: "objective: Understand 50% of it\nnote: Improve\n")
        let report = Report(diagnostics: [
            finding(file, "Understand", code: unobservable, severity: .error, message: "'Understand' is not observable", help: "use a verb\nsuch as 'resolve'"),
            finding(file, "50%", severity: .warning, message: "'50%' of what", help: nil),
            finding(file, "Improve", severity: .info, message: "an info", help: nil),
        ], fileCount: 1)
        let lines = GitHubReport.string(report).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], "::error file=p/a%2C b%3Ac.yaml,line=1,col=12,endLine=1,endColumn=22,title=PW3001 unobservable-verb::'Understand' is not observable%0Ahelp: use a verb%0Asuch as 'resolve'")
        XCTAssertEqual(lines[1], "::warning file=p/a%2C b%3Ac.yaml,line=1,col=23,endLine=1,endColumn=26,title=PW3003 vague-term::'50%25' of what")
        XCTAssertTrue(lines[2].hasPrefix("::notice file="), String(lines[2]))
        XCTAssertEqual(lines[3], "")
    }

    // MARK: - SARIF

    func testSARIFRulesResultsAndURIs() throws {
        let file = SourceFile(path: "pathways/my okr é.yaml", text: "objective: Improve reach\n")
        let report = Report(diagnostics: [finding(file, "Improve"), finding(file, "Improve", code: DiagnosticCode("PW9999", "brand-new"), severity: .info)],
                            fileCount: 1)
        let sarif = try XCTUnwrap(try object(SARIFReport.string(report, repositoryRoot: "/work/my repo")) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "pathc")
        XCTAssertEqual(driver["version"] as? String, PathcVersion.current)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        for code in RuleRegistry.descriptions.map(\.code.code) + SyntaxCode.all.map(\.code) + ModelCode.all.map(\.code)
            + SchemaViolationCode.all.map(\.code) + ["PW9999"] {
            XCTAssertTrue(ids.contains(code), "no rule for \(code)")
        }
        XCTAssertEqual(Set(ids).count, ids.count, "rule ids are unique")
        let vagueRule = try XCTUnwrap(rules.first { $0["id"] as? String == "PW3003" })
        XCTAssertEqual(vagueRule["name"] as? String, "vague-term")
        XCTAssertNotNil((vagueRule["help"] as? [String: Any])?["markdown"] as? String)
        XCTAssertEqual((vagueRule["defaultConfiguration"] as? [String: Any])?["level"] as? String, "warning")

        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String, "ruleIndex points at the result's rule")
        }
        XCTAssertEqual(results[1]["level"] as? String, "note")
        let location = try XCTUnwrap(((results[0]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
        XCTAssertEqual(artifact["uri"] as? String, "pathways/my%20okr%20%C3%A9.yaml")
        XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
        let region = try XCTUnwrap(location["region"] as? [String: Int])
        XCTAssertEqual(region, ["startLine": 1, "startColumn": 12, "endLine": 1, "endColumn": 19])
        XCTAssertEqual((results[0]["partialFingerprints"] as? [String: String])?.values.first, report.fingerprints[0])
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"] as? [String: Any])
        XCTAssertEqual(base["uri"] as? String, "file:///work/my%20repo/")
    }

    // MARK: - JUnit

    func testJUnitIsWellFormedWithHostileText() throws {
        let hostile = SourceFile(path: "p/<a&b>.yaml", text: "objective: \"Improve \u{1}\u{1B}[31m ]]> </failure> & 'q' \u{FFFE}\"\n")
        let clean = SourceFile(path: "p/b.yaml", text: "objective: Improve reach\n")
        let report = Report(diagnostics: [
            finding(hostile, "Improve", message: "'Improve \u{1}\u{1B}[31m ]]> </failure> & \"q\" \u{FFFE}' is vague", help: "a\nb\tc"),
            finding(hostile, "Improve", code: unobservable, severity: .error),
            finding(clean, "Improve"),
        ], fileCount: 3)
        let xml = JUnitReport.string(report)
        XCTAssertFalse(xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "no control character but line breaks and tabs")
        XCTAssertTrue(xml.contains("\\u{1}\\u{1b}[31m ]]&gt; &lt;/failure&gt; &amp;"), xml)
        let counts = try junitCounts(xml)
        XCTAssertEqual(counts.suites, 2)
        XCTAssertEqual(counts.testcases, 3)
        XCTAssertEqual(counts.failures, 3)
        XCTAssertEqual(counts.attributes["testsuites.tests"], "3")
        XCTAssertEqual(counts.attributes["testsuites.failures"], "3")
        XCTAssertEqual(counts.firstFailureMessage, "'Improve \\u{1}\\u{1b}[31m ]]> </failure> & \"q\" \\u{fffe}' is vague")
    }

    func testJUnitCleanRunIsOnePassingTestcase() throws {
        let counts = try junitCounts(JUnitReport.string(Report(diagnostics: [], fileCount: 4)))
        XCTAssertEqual(counts.suites, 1)
        XCTAssertEqual(counts.testcases, 1)
        XCTAssertEqual(counts.failures, 0)
    }

    private struct JUnitCounts {
        var suites = 0, testcases = 0, failures = 0
        var attributes: [String: String] = [:]
        var firstFailureMessage: String?
    }

    /// Reads the XML back with Foundation's parser: any well-formedness error fails the test.
    private func junitCounts(_ xml: String) throws -> JUnitCounts {
        final class Delegate: NSObject, XMLParserDelegate {
            var counts = JUnitCounts()
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                switch name {
                case "testsuites": for (key, value) in attributes { counts.attributes["testsuites.\(key)"] = value }
                case "testsuite": counts.suites += 1
                case "testcase": counts.testcases += 1
                case "failure":
                    counts.failures += 1
                    if counts.firstFailureMessage == nil { counts.firstFailureMessage = attributes["message"] }
                default: break
                }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        XCTAssertTrue(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        return delegate.counts
    }

    // MARK: - GitLab

    func testGitLabCodeQualityFields() throws {
        let file = SourceFile(path: "p/a.yaml", text: "objective: Improve reach\nnote: Improve reach\n")
        let report = Report(diagnostics: [
            finding(file, "Improve", code: unobservable, severity: .error),
            finding(file, "Improve", after: "note", code: unobservable, severity: .error),
            finding(file, "reach", severity: .warning), finding(file, "note", severity: .info),
        ], fileCount: 1)
        let issues = try XCTUnwrap(try object(GitLabReport.string(report)) as? [[String: Any]])
        XCTAssertEqual(issues.count, 4)
        XCTAssertEqual(issues.map { $0["severity"] as? String }, ["critical", "critical", "major", "info"])
        XCTAssertEqual(Set(issues.compactMap { $0["fingerprint"] as? String }).count, 4, "fingerprints are unique")
        XCTAssertEqual(issues[0]["check_name"] as? String, "PW3001 unobservable-verb")
        XCTAssertEqual(issues[0]["description"] as? String, "'Improve' cannot be measured; help: say how much")
        let location = try XCTUnwrap(issues[1]["location"] as? [String: Any])
        XCTAssertEqual(location["path"] as? String, "p/a.yaml")
        XCTAssertEqual((location["lines"] as? [String: Int])?["begin"], 2)
    }

    // MARK: - Markdown and statistics

    func testMarkdownEscapesCellsAndCountsEverything() {
        let file = SourceFile(path: "p/a|b.yaml", text: "objective: Improve *x* | `y` <b>\n")
        let many = (0..<(MarkdownReport.maximumRows + 5)).map { _ in finding(file, "Improve", message: "a | b *c* <img> [l](u)\nnext") }
        let markdown = MarkdownReport.string(Report(diagnostics: many, fileCount: 1))
        XCTAssertTrue(markdown.contains("**0 errors, 205 warnings, 0 info** in 1 file."), markdown)
        XCTAssertTrue(markdown.contains("| PW3003 | vague-term | 205 |"), markdown)
        XCTAssertTrue(markdown.contains("| p/a\\|b.yaml | 1 | PW3003 vague-term | a \\| b \\*c\\* \\<img\\> \\[l\\](u) next<br>help: say how much |"), markdown)
        XCTAssertTrue(markdown.contains("and 5 more"), markdown)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ⚠️") }
        XCTAssertEqual(rows.count, MarkdownReport.maximumRows)
        XCTAssertEqual(MarkdownReport.escape("a\u{1}b"), "a\u{FFFD}b")
    }

    func testStatisticsSortByCountThenCode() {
        let file = SourceFile(path: "a.yaml", text: "a b c d\n")
        let report = Report(diagnostics: [
            finding(file, "a", code: DiagnosticCode("PW3009", "z-rule")), finding(file, "b", code: DiagnosticCode("PW3002", "y-rule")),
            finding(file, "c", code: DiagnosticCode("PW3002", "y-rule")), finding(file, "d", code: DiagnosticCode("PW3001", "x-rule")),
        ], fileCount: 1)
        XCTAssertEqual(StatisticsReport.rows(report).map { "\($0.code.code) \($0.count)" }, ["PW3002 2", "PW3001 1", "PW3009 1"])
        XCTAssertEqual(StatisticsReport.text(report), "2  PW3002  y-rule\n1  PW3001  x-rule\n1  PW3009  z-rule\n")
    }

    // MARK: - Baseline

    func testBaselineSurvivesMovedLinesAndCountsCopies() throws {
        let before = SourceFile(path: "a.yaml", text: "objective: Improve reach\nnote: Improve reach\n")
        let baseline = Baseline(recording: Report(diagnostics: [finding(before, "Improve")], fileCount: 1))
        let after = SourceFile(path: "a.yaml", text: "# new\n# lines\nobjective: Improve reach\nnote: Improve reach\n")
        let moved = Report(diagnostics: [finding(after, "Improve")], fileCount: 1)
        let (kept, hidden) = baseline.apply(to: moved)
        XCTAssertEqual(kept.diagnostics.count, 0)
        XCTAssertEqual(hidden, 1)
        // A second copy of the accepted finding is new.
        let twice = Report(diagnostics: [finding(after, "Improve"), finding(after, "Improve", after: "note")], fileCount: 1)
        let partly = baseline.apply(to: twice)
        XCTAssertEqual(partly.hidden, 1)
        XCTAssertEqual(partly.report.diagnostics.map { $0.start.line }, [4])
        XCTAssertEqual(partly.report.fingerprints, [twice.fingerprints[1]])
    }

    func testBaselineRoundTripIsSortedAndDeterministic() throws {
        let file = SourceFile(path: "b é.yaml", text: "x: \"Improve \\\"q\\\" \\t reach\"\ny: Improve\n")
        let other = SourceFile(path: "a.yaml", text: "z: Improve\n")
        let report = Report(diagnostics: [finding(file, "Improve"), finding(file, "Improve", after: "y:"), finding(other, "Improve")], fileCount: 2)
        let baseline = Baseline(recording: report)
        let text = baseline.string()
        XCTAssertEqual(text, Baseline(recording: report).string())
        let entries = try XCTUnwrap((try object(text) as? [String: Any])?["findings"] as? [[String: Any]])
        XCTAssertEqual(entries.map { $0["file"] as? String }, ["a.yaml", "b é.yaml"])
        XCTAssertEqual(entries[1]["count"] as? Int, 2)
        XCTAssertEqual(entries[1]["rule"] as? String, "vague-term")
        let (parsed, problems) = Baseline.parse(SourceFile(path: "baseline.json", text: text))
        XCTAssertEqual(problems.map(\.message), [])
        XCTAssertEqual(parsed, baseline)
    }

    func testInvalidBaselinesPointIntoTheFile() {
        for (text, message) in [
            ("[]", "a baseline must be an object with 'version' and 'findings'"),
            ("{\"version\": 2, \"findings\": []}", "unsupported baseline version; this pathc reads version 1"),
            ("{\"version\": 1}", "a baseline needs a 'findings' list"),
            ("{\"version\": 1, \"findings\": [{\"file\": \"a\", \"code\": 3, \"text\": \"x\"}]}", "a baseline entry needs 'file', 'code' and 'text' as text"),
            ("{\"version\": 1, \"findings\": [{\"file\": \"a\", \"code\": \"PW1\", \"text\": \"x\", \"count\": 0}]}",
             "a baseline entry's 'count' must be a whole number of at least 1"),
        ] {
            let (baseline, problems) = Baseline.parse(SourceFile(path: "b.json", text: text))
            XCTAssertNil(baseline, text)
            XCTAssertEqual(problems.map(\.message), [message], text)
            XCTAssertEqual(problems.first?.code, BaselineCode.invalid, text)
        }
        XCTAssertEqual(Baseline.parse(SourceFile(path: "b.json", text: "{\"version\": 1,")).problems.first?.code.code.hasPrefix("PW0"), true)
    }

    /// The CI formats are listed once; each has a name of its own that `--format` can take.
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
