import Foundation
import XCTest
@testable import PathcCore

/// `check --fix` over copies of this repository with mistakes put in: each kind of fix brings
/// the file back to what it was; a fix that makes the check worse is left out; rounds let one
/// fix follow another; a second run has nothing to do; files are written only where they may be.
final class FixRunTests: XCTestCase {
    private let journey = "pathways/journeys/consultative-selling-journey.pathway.yaml"
    private let retention = "pathways/okrs/strategic/customer-retention-2026.okr.yaml"
    private let role = "pathways/roles/sales-manager.role.yaml"
    private let rootCause = "pathways/competencies/root-cause-diagnosis.competency.yaml"
    private let coaching = "pathways/competencies/performance-coaching.competency.yaml"

    private func fix(_ folder: URL, write: Bool = true, inScope: (String) -> Bool = { _ in true }) throws -> FixOutcome {
        let checker = Checker(root: folder.path, currentDirectory: folder.path)
        guard let outcome = FixRun.run(checker, inScope: inScope, write: write) else {
            throw XCTSkip("the check could not run: \(checker.run().diagnostics.map(\.message))")
        }
        return outcome
    }

    private func text(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    private func findings(_ remaining: [Diagnostic]) -> [String] {
        remaining.map { "\($0.file.path):\($0.start.line) \($0.code.code) \($0.message)" }
    }

    func testEachKindOfFixGivesBackTheFileAsItWas() throws {
        let folder = try copyOfRepository()
        let originals = try [journey, retention, role].map { try text(folder, $0) }
        try edit(folder, journey) { text in
            text.replacingOccurrences(of: "sponsor: vp-sales", with: "sponsr: vp-sales")
                .replacingOccurrences(of: "status: active", with: "status: actve")
                .replacingOccurrences(of: "  - consultative-selling-2026-q3/two-touch-resolution", with: "  - consultative-selling-2026-q3/two-touch-resoluton")
                .replacingOccurrences(of: "  - consultative-selling-2026-q3/forecast-accuracy", with: "  - consultative-seling-2026-q3/forecast-accuracy")
        }
        try edit(folder, retention) { text in
            text.replacingOccurrences(of: "{date: 2026-02-27,", with: "{date: 2026/02/27,")
                .replacingOccurrences(of: "{date: 2026-04-30,", with: "{date: 30 April 2026,")
        }
        try edit(folder, role) { text in
            text.replacingOccurrences(of: "competency: pipeline-forecasting", with: "competency: pipeline-forcasting")
                .replacingOccurrences(of: "title: Enterprise sales manager", with: "title: 1.10")
        }
        let outcome = try fix(folder)
        XCTAssertEqual(findings(outcome.remaining), [])
        XCTAssertEqual(outcome.declined, [])
        XCTAssertEqual(outcome.rounds, 1)
        XCTAssertEqual(outcome.files.map(\.path), [journey, retention, role])
        XCTAssertEqual(outcome.files.flatMap(\.fixes).map { "\($0.line) \($0.code.code) \($0.title)" }, [
            "8 PW1002 replace 'sponsr' with 'sponsor'",
            "9 PW1004 replace 'actve' with 'active'",
            "19 PW2002 replace 'consultative-selling-2026-q3/two-touch-resoluton' with 'consultative-selling-2026-q3/two-touch-resolution'",
            "20 PW2002 replace 'consultative-seling-2026-q3/forecast-accuracy' with 'consultative-selling-2026-q3/forecast-accuracy'",
            "21 PW1005 replace '2026/02/27' with '2026-02-27'",
            "22 PW1005 replace '30 April 2026' with '2026-04-30'",
            "36 PW1005 replace '2026/02/27' with '2026-02-27'",
            "37 PW1005 replace '30 April 2026' with '2026-04-30'",
            "49 PW1005 replace '2026/02/27' with '2026-02-27'",
            "50 PW1005 replace '30 April 2026' with '2026-04-30'",
            "3 PW1001 quote 1.10 to make it text",
            "8 PW2002 replace 'pipeline-forcasting' with 'pipeline-forecasting'",
        ])
        XCTAssertEqual(try text(folder, journey), originals[0])
        XCTAssertEqual(try text(folder, retention), originals[1])
        XCTAssertEqual(try text(folder, role), originals[2].replacingOccurrences(of: "title: Enterprise sales manager", with: "title: \"1.10\""))
        // The data as the check reads it: the title is the text 1.10.
        let entity = try XCTUnwrap(Checker(root: folder.path, currentDirectory: folder.path).run().model.entity(.role, "sales-manager"))
        XCTAssertEqual(entity.root["title"]?.scalarValue, .string("1.10"))

        // A second run has nothing to do.
        let again = try fix(folder)
        XCTAssertEqual(again.files.count, 0)
        XCTAssertEqual(try text(folder, journey), originals[0])
    }

    func testAMisspeltKindIsFixedWhenTheFileThenChecksClean() throws {
        let folder = try copyOfRepository()
        let original = try text(folder, role)
        try edit(folder, role) { $0.replacingOccurrences(of: "kind: role", with: "kind: rol") }
        let outcome = try fix(folder)
        XCTAssertEqual(outcome.files.flatMap(\.fixes).map(\.title), ["replace 'rol' with 'role'"])
        XCTAssertEqual(try text(folder, role), original)
    }

    func testNoFixForAReferenceBetweenTwoIdsAsClose() throws {
        let folder = try copyOfRepository()
        let forecasting = "pathways/competencies/pipeline-forecasting.competency.yaml"
        try Data(text(folder, forecasting).replacingOccurrences(of: "id: pipeline-forecasting", with: "id: pipeline-forecastings").utf8)
            .write(to: folder.appendingPathComponent("pathways/competencies/pipeline-forecastings.competency.yaml"))
        try edit(folder, role) { $0.replacingOccurrences(of: "competency: pipeline-forecasting", with: "competency: pipeline-forecastingz") }
        let result = Checker(root: folder.path, currentDirectory: folder.path).run()
        let unknown = result.diagnostics.filter { $0.file.path == role }
        XCTAssertEqual(unknown.map(\.message), ["unknown competency 'pipeline-forecastingz'"])
        XCTAssertEqual(unknown.first?.help, "did you mean 'pipeline-forecasting'?")
        XCTAssertEqual(unknown.flatMap(\.fixes), [], "'pipeline-forecastings' is as close")
        XCTAssertEqual(try fix(folder).files.count, 0)
    }

    func testAFixThatMakesTheCheckWorseIsLeftOutAndTheOthersOfItsFileKept() throws {
        let folder = try copyOfRepository()
        let original = try text(folder, rootCause)
        // As an id, 'Performance Coaching' is 'performance-coaching': a competency that exists.
        try edit(folder, rootCause) { text in
            text.replacingOccurrences(of: "id: root-cause-diagnosis", with: "id: Performance Coaching")
                .replacingOccurrences(of: "category: problem solving", with: "categry: problem solving")
        }
        let outcome = try fix(folder)
        XCTAssertEqual(outcome.files.flatMap(\.fixes).map(\.title), ["replace 'categry' with 'category'"])
        XCTAssertEqual(outcome.declined.map { "\($0.line) \($0.title)" }, ["2 replace 'Performance Coaching' with 'performance-coaching'"])
        XCTAssertEqual(try text(folder, rootCause), original.replacingOccurrences(of: "id: root-cause-diagnosis", with: "id: Performance Coaching"))
        XCTAssertTrue(findings(outcome.remaining).contains("\(rootCause):2 PW1005 'Performance Coaching' is not an id: lowercase letters and digits, words joined by '-'"),
                      "\(findings(outcome.remaining))")
    }

    func testAReferenceIsFixedOnceTheIdItMeansIsFixed() throws {
        let folder = try copyOfRepository()
        let originals = try [retention, coaching].map { try text(folder, $0) }
        try edit(folder, retention) { $0.replacingOccurrences(of: "id: customer-retention-2026", with: "id: Customer Retention 2026") }
        try edit(folder, coaching) { $0.replacingOccurrences(of: "customer-retention-2026]", with: "customer-retension-2026]") }
        let outcome = try fix(folder)
        XCTAssertEqual(findings(outcome.remaining), [])
        // First the id; only then is the misspelt reference one letter from an id.
        XCTAssertEqual(outcome.files.flatMap(\.fixes).map(\.title), [
            "replace 'customer-retension-2026' with 'customer-retention-2026'",
            "replace 'Customer Retention 2026' with 'customer-retention-2026'",
        ])
        XCTAssertEqual(outcome.rounds, 2)
        XCTAssertEqual(try text(folder, retention), originals[0])
        XCTAssertEqual(try text(folder, coaching), originals[1])
    }

    func testOnlyTheFilesInScopeAreFixedAndDiffModeWritesNothing() throws {
        let folder = try copyOfRepository()
        try edit(folder, journey) { $0.replacingOccurrences(of: "status: active", with: "status: actve") }
        try edit(folder, role) { $0.replacingOccurrences(of: "competency: pipeline-forecasting", with: "competency: pipeline-forcasting") }
        let edited = try [journey, role].map { try text(folder, $0) }
        let preview = try fix(folder, write: false)
        XCTAssertEqual(preview.files.map(\.path), [journey, role])
        XCTAssertEqual(try [journey, role].map { try text(folder, $0) }, edited)

        let scoped = try fix(folder, inScope: { $0 == self.role })
        XCTAssertEqual(scoped.files.map(\.path), [role])
        XCTAssertEqual(try text(folder, journey), edited[0])
        XCTAssertEqual(findings(scoped.remaining).count, 1)
        XCTAssertEqual(scoped.declined, [], "the finding out of scope is not counted as left out")
    }

    func testAFileIsNotWrittenWhenItChangedSinceItWasReadOrLiesOutsideTheContentFolder() throws {
        let folder = try copyOfRepository()
        let path = folder.appendingPathComponent(role).path
        let original = Array(try text(folder, role).utf8)
        let fixed = Array("kind: role\n".utf8)
        try edit(folder, role) { $0 + "# edited meanwhile\n" }
        var file = FixedFile(path: role, absolutePath: path, original: original, fixed: fixed, fixes: [])
        XCTAssertEqual(FixRun.write(file, contentFolder: folder.appendingPathComponent("pathways").path),
                       "'\(role)' changed since pathc read it; left as it is")
        XCTAssertTrue(try text(folder, role).hasSuffix("# edited meanwhile\n"))

        // A link in the content folder to a file elsewhere in the repository.
        let outside = folder.appendingPathComponent("notes.yaml")
        try Data(original).write(to: outside)
        let link = folder.appendingPathComponent("pathways/notes.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)
        file = FixedFile(path: "pathways/notes.yaml", absolutePath: link.path, original: original, fixed: fixed, fixes: [])
        XCTAssertEqual(FixRun.write(file, contentFolder: folder.appendingPathComponent("pathways").path),
                       "'pathways/notes.yaml' is not inside the content folder once its links are followed; left as it is")
        XCTAssertEqual(Array(try Data(contentsOf: outside)), original)
    }
}
