// Compiled twice: into the tests (importing PathcCore) and, by fuzz/run, into the fuzz targets'
// own copy of the PathcCore module (with PATHC_FUZZ defined), so that both check the same promises.
import Foundation
#if !PATHC_FUZZ
@testable import PathcCore
#endif

/// The promises the check pipeline, the reports and the site emitters keep whatever the content, checked by
/// the `check` fuzz target (`fuzz/targets/CheckFuzz.swift`) and by the regression tests that
/// replay what it found. Files are held in memory; nothing touches the disk.
enum CheckInvariants {
    static let root = "/fuzz"

    private static let schemas = SchemaSet.load(folder: nil, displayPath: { $0 })

    private static let config: ProjectConfig = {
        var config = ProjectConfig()
        config.today = "2026-06-01"
        config.baseURL = "https://example.com/pathways/"
        return config
    }()

    /// Content files from one input: up to sixteen, separated by NUL bytes (the parser rejects NUL
    /// in a file anyway), so that references between files resolve.
    static func files(from bytes: [UInt8]) -> [SourceFile] {
        bytes.split(separator: 0x00, maxSplits: 15, omittingEmptySubsequences: false).enumerated().map { index, part in
            SourceFile(path: "pathways/x\(index).yaml", bytes: Array(part))
        }
    }

    /// Checks the files as `Checker.run` would, with verdicts; after a clean check renders every
    /// file of the site. Returns each broken promise as a line of text, and the check's result.
    static func violations(checking bytes: [UInt8]) -> (violations: [String], result: CheckResult) {
        let files = files(from: bytes)
        var checker = Checker(root: root, currentDirectory: root)
        checker.computesVerdicts = true
        let outcomes = files.map { FileCheck.run(file: $0, schemas: schemas) }
        let result = checker.analyse(outcomes, config: config)

        var violations: [String] = []
        for diagnostic in result.diagnostics {
            violations += diagnostic.invariantViolations()
            if !files.contains(where: { $0 === diagnostic.file }) {
                violations.append("\(diagnostic.code.code) '\(diagnostic.message)' points into an unknown file '\(diagnostic.file.path)'")
            }
        }
        for verdict in result.verdicts {
            let span = verdict.statement.node.span
            if span.start < 0 || span.start > span.end || span.end > verdict.entity.file.bytes.count {
                violations.append("verdict span \(span.start)..<\(span.end) outside its file")
            }
        }
        violations += reportViolations(result, fileCount: files.count)
        if result.errorCount == 0 {
            violations += siteViolations(result)
        }
        return (violations, result)
    }

    /// Every CI format renders, and the baseline pathc writes reads back as the same baseline and
    /// hides every finding (nothing lost, nothing left over, whatever text the findings quote).
    static func reportViolations(_ result: CheckResult, fileCount: Int) -> [String] {
        var violations: [String] = []
        let report = Report(diagnostics: result.diagnostics, fileCount: fileCount, verdicts: result.verdicts)
        _ = SARIFReport.string(report)
        _ = GitLabReport.string(report)
        _ = GitHubReport.string(report)
        _ = JUnitReport.string(report)
        _ = MarkdownReport.string(report)
        _ = StatisticsReport.text(report)
        _ = JSONWriter(pretty: false).bytes(DiagnosticReport.json(result.diagnostics, files: fileCount))
        let baseline = Baseline(recording: report)
        let (read, problems) = Baseline.parse(SourceFile(path: "baseline.json", text: baseline.string()))
        if read != baseline {
            violations.append("the baseline does not read back: \(problems.map { "\($0.code.code) \($0.message)" })")
        }
        let (kept, hidden) = baseline.apply(to: report)
        if !kept.diagnostics.isEmpty || hidden != report.diagnostics.count {
            violations.append("the baseline hides \(hidden) of \(report.diagnostics.count) findings")
        }
        return violations
    }

    /// Every site file renders, is not empty, has a path of its own, and stays inside the output
    /// folder whatever the ids.
    static func siteViolations(_ result: CheckResult) -> [String] {
        var violations: [String] = []
        let builder = SiteBuilder(result: result, root: root, currentDirectory: root)
        var paths = Set<String>()
        for job in builder.jobs {
            let (path, page) = builder.render(job)
            if !paths.insert(path).inserted { violations.append("two site files at '\(path)'") }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || path.utf8.contains(0) || parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) {
                violations.append("unsafe site path '\(path)'")
            }
            if page.isEmpty { violations.append("site file '\(path)' is empty") }
        }
        return violations
    }
}
