import Foundation
import XCTest

/// `check --format github|sarif|junit|gitlab|markdown`, `--statistics` and the baseline, run as a
/// CI would run them.
final class CIFormatCommandTests: XCTestCase {
    private let okr = "pathways/okrs/team/customer-support-2026-q3.okr.yaml"

    /// A copy of this repository with one error and two warnings in one objective.
    private func repositoryWithFindings() throws -> URL {
        let folder = try CLI.temporaryFolder(self)
        for item in ["pathways", "schemas", "pathc.yaml"] {
            try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        try edit(folder) {
            $0.replacingOccurrences(of: "objective: >\n  Customer success managers resolve priority escalations within five working days",
                                    with: "objective: Understand leadership and improve collaboration")
        }
        return folder
    }

    private func edit(_ folder: URL, _ change: (String) -> String) throws {
        let url = folder.appendingPathComponent(okr)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertNotEqual(change(text), text)
        try change(text).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs a Python check; skips when python3 or the package it needs is missing.
    private func python(_ script: String, module: String, _ arguments: [String]) throws -> CLIResult {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import \(module)"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        do {
            try probe.run()
            probe.waitUntilExit()
        } catch {
            throw XCTSkip("python3 is not available; skipping the \(module) check")
        }
        guard probe.terminationStatus == 0 else { throw XCTSkip("python3 has no \(module) (pip install \(module)); skipping") }
        let folder = try CLI.temporaryFolder(self)
        let path = folder.appendingPathComponent("check.py")
        try script.write(to: path, atomically: true, encoding: .utf8)
        return try CLI.execute(URL(fileURLWithPath: "/usr/bin/env"), ["python3", path.path] + arguments, in: folder)
    }

    private func diagnosticCount(_ folder: URL) throws -> Int {
        let json = try CLI.run(["check", "--format", "json"], in: folder).stdout
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try XCTUnwrap(object["diagnostics"] as? [Any]).count
    }

    func testSARIFValidatesAgainstTheSARIFSchema() throws {
        let schema = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/conformance/sarif/sarif-schema-2.1.0.json")
        guard FileManager.default.fileExists(atPath: schema.path) else {
            throw XCTSkip("shared/conformance/sarif is not beside the repository; skipping the SARIF schema validation")
        }
        let folder = try repositoryWithFindings()
        // A finding with a fix, so that SARIF's form of fixes is validated too.
        try edit(folder) { $0.replacingOccurrences(of: "\nlevel: team\n", with: "\nlevel: tem\n") }
        let result = try CLI.run(["check", "--format", "sarif"], in: folder)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("\"insertedContent\""), "a fix in the log")
        let output = folder.appendingPathComponent("out.sarif")
        try result.stdout.write(to: output, atomically: true, encoding: .utf8)
        let validation = try python("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            errors = list(jsonschema.Draft4Validator(schema).iter_errors(document))
            for error in errors[:10]: print(list(error.path), error.message)
            print(len(document["runs"][0]["results"]), "results")
            sys.exit(1 if errors else 0)
            """, module: "jsonschema", [schema.path, output.path])
        XCTAssertEqual(validation.status, 0, validation.stdout + validation.stderr)
        XCTAssertEqual(validation.stdout, "\(try diagnosticCount(folder)) results\n")
    }

    /// A finding's safe fixes travel with it: in the JSON report (valid by pathc's own output
    /// schema) and in SARIF's own form, a replacement of a region of the file.
    func testFixesInTheJSONAndSARIFReports() throws {
        let folder = try repositoryWithFindings()
        try edit(folder) { $0.replacingOccurrences(of: "\nlevel: team\n", with: "\nlevel: tem\n") }
        let json = try CLI.run(["check", "--format", "json"], in: folder)
        let output = folder.appendingPathComponent("out.json")
        try json.stdout.write(to: output, atomically: true, encoding: .utf8)
        let valid = try CLI.run(["validate", "--schema", "schemas/output/diagnostics.schema.json", "out.json"], in: folder)
        XCTAssertEqual(valid.status, 0, valid.stdout + valid.stderr)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        let level = try XCTUnwrap(diagnostics.first { $0["code"] as? String == "PW1004" }, "\(diagnostics)")
        let edit = try XCTUnwrap(((level["fixes"] as? [[String: Any]])?.first?["edits"] as? [[String: Any]])?.first)
        XCTAssertEqual(edit["text"] as? String, "team")
        XCTAssertEqual(edit["line"] as? Int, level["line"] as? Int)
        XCTAssertEqual(edit["column"] as? Int, 8)
        XCTAssertEqual(edit["endColumn"] as? Int, 11)
        XCTAssertTrue(diagnostics.contains { $0["fixes"] == nil }, "a finding without fixes has no 'fixes'")

        let sarif = try CLI.run(["check", "--format", "sarif"], in: folder)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let fixed = try XCTUnwrap(results.first { $0["ruleId"] as? String == "PW1004" })
        let change = try XCTUnwrap(((fixed["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try XCTUnwrap((change["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual((replacement["insertedContent"] as? [String: Any])?["text"] as? String, "team")
        XCTAssertEqual((replacement["deletedRegion"] as? [String: Any])?["startColumn"] as? Int, 8)
        XCTAssertEqual((change["artifactLocation"] as? [String: Any])?["uri"] as? String, okr)
    }

    func testJUnitReadsBackWithJunitparser() throws {
        let folder = try repositoryWithFindings()
        let result = try CLI.run(["check", "--format", "junit"], in: folder)
        XCTAssertEqual(result.status, 1)
        let output = folder.appendingPathComponent("junit.xml")
        try result.stdout.write(to: output, atomically: true, encoding: .utf8)
        let read = try python("""
            import sys
            from junitparser import JUnitXml
            xml = JUnitXml.fromfile(sys.argv[1])
            failing = sum(1 for suite in xml for case in suite if not case.is_passed)
            print(xml.tests, xml.failures, failing)
            """, module: "junitparser", [output.path])
        XCTAssertEqual(read.status, 0, read.stderr)
        let count = try diagnosticCount(folder)
        XCTAssertEqual(read.stdout, "\(count) \(count) \(count)\n")
    }

    func testGitHubAnnotationsAndStepSummary() throws {
        let folder = try repositoryWithFindings()
        let summary = folder.appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", "--format", "github"], in: folder.appendingPathComponent("pathways"),
                                 environment: ["GITHUB_STEP_SUMMARY": summary.path])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, try diagnosticCount(folder))
        XCTAssertTrue(lines.contains { $0.hasPrefix("::error file=\(okr),line=8,col=12,endLine=8,endColumn=22,title=PW3001 unobservable-verb::") },
                      "paths are relative to the repository root: \(result.stdout)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("::warning file=") })
        let markdown = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("earlier step\n"), markdown)
        XCTAssertTrue(markdown.contains("## pathc check"), markdown)
        XCTAssertTrue(markdown.contains("**1 error, 2 warnings, 0 info** in 26 files."), markdown)
        XCTAssertTrue(markdown.contains("### Weakest statements"), markdown)
    }

    func testGitLabAndMarkdown() throws {
        let folder = try repositoryWithFindings()
        let gitlab = try CLI.run(["check", "--format", "gitlab"], in: folder)
        XCTAssertEqual(gitlab.status, 1)
        let issues = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(gitlab.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(issues.count, try diagnosticCount(folder))
        XCTAssertEqual(issues.first?["severity"] as? String, "critical")
        let markdown = try CLI.run(["check", "--format", "markdown"], in: folder)
        XCTAssertTrue(markdown.stdout.contains("| \(okr) | 8 | objective | Understand leadership and improve collaboration | fail: PW3003, PW3007 | fail: PW3001 | pass |"),
                      markdown.stdout)
    }

    func testStatistics() throws {
        let folder = try repositoryWithFindings()
        let text = try CLI.run(["check", "--statistics"], in: folder)
        XCTAssertEqual(text.status, 1)
        XCTAssertEqual(text.stdout, "1  PW3001  unobservable-verb\n1  PW3003  vague-term\n1  PW3007  compound-statement\n1 error, 2 warnings in 26 files\n")
        let json = try CLI.run(["check", "--statistics", "--format", "json"], in: folder)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let rules = try XCTUnwrap(object["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["rule"] as? String }, ["unobservable-verb", "vague-term", "compound-statement"])
        XCTAssertEqual(try CLI.run(["check", "--statistics", "--format", "sarif"], in: folder).status, 2)
    }

    func testBaselineHidesRecordedFindingsAfterLinesMove() throws {
        let folder = try repositoryWithFindings()
        let written = try CLI.run(["check", "--write-baseline", "baseline.json"], in: folder)
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertTrue(written.stderr.contains("wrote 3 findings to baseline.json"), written.stderr)
        let first = try String(contentsOf: folder.appendingPathComponent("baseline.json"), encoding: .utf8)
        XCTAssertEqual(try CLI.run(["check", "--write-baseline", "again.json"], in: folder).status, 0)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("again.json"), encoding: .utf8), first, "deterministic")

        // Lines added above the findings do not bring them back.
        try edit(folder) { "# a comment\n# and another\n" + $0 }
        let hidden = try CLI.run(["check", "--baseline", "baseline.json"], in: folder)
        XCTAssertEqual(hidden.status, 0, hidden.stdout)
        XCTAssertEqual(hidden.stdout, "0 errors, 0 warnings in 26 files (3 hidden by the baseline)\n")
        XCTAssertEqual(try CLI.run(["check", "--baseline", "baseline.json", "--strict"], in: folder).status, 0)

        // A new problem is reported, and fails the check.
        try edit(folder) { $0.replacingOccurrences(of: "kind: okr\n", with: "kind: okr\nextra: 1\n") }
        let fresh = try CLI.run(["check", "--baseline", "baseline.json", "--format", "json"], in: folder)
        XCTAssertEqual(fresh.status, 1)
        XCTAssertEqual(findings(fresh.stdout).map(\.code), ["PW1002"])

        try "{\"version\": 1, \"findings\": 3}\n".write(to: folder.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check", "--baseline", "bad.json"], in: folder)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("bad.json:1:28: error[PW1104]: a baseline needs a 'findings' list"), bad.stderr)
        let missing = try CLI.run(["check", "--baseline", "nope.json"], in: folder)
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no such file 'nope.json'"), missing.stderr)
    }
}
