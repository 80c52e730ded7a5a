import XCTest
@testable import PathcCore

/// Which files a change can affect, from the reference index of this repository's own model.
final class ChangeSetTests: XCTestCase {
    private let root = TestPaths.repository.path

    private func affected(_ changed: Set<String>, previous: [String: (defines: EntityRef?, references: [EntityRef])] = [:],
                          everything: Bool = false) -> Set<String>? {
        let checker = Checker(root: root, currentDirectory: root)
        let result = checker.run()
        let changes = ChangeSet(revision: "HEAD", changedFiles: changed, affectsEverything: everything, previous: previous)
        return changes.affectedFiles(in: result.model) { checker.rootRelative($0.file.path) }
    }

    func testReferrersAndReferencedFilesOfAChangedFile() throws {
        let competency = "pathways/competencies/pipeline-forecasting.competency.yaml"
        let files = try XCTUnwrap(affected([competency]))
        XCTAssertTrue(files.isSuperset(of: [competency, "pathways/roles/account-executive.role.yaml", "pathways/roles/sales-manager.role.yaml",
                                            "pathways/journeys/consultative-selling-journey.pathway.yaml",
                                            "pathways/okrs/strategic/enterprise-revenue-2026.okr.yaml"]), "\(files.sorted())")
        XCTAssertFalse(files.contains("pathways/okrs/team/customer-support-2026-q3.okr.yaml"))
    }

    func testAnIDAtTheRevisionStillCounts() throws {
        // A file that defined a competency at the revision and is gone now: its users are affected.
        let files = try XCTUnwrap(affected(["pathways/competencies/gone.competency.yaml"],
                                           previous: ["pathways/competencies/gone.competency.yaml": (EntityRef(.competency, "root-cause-diagnosis"), [])]))
        XCTAssertTrue(files.isSuperset(of: ["pathways/roles/engineering-team-lead.role.yaml",
                                            "pathways/journeys/escalation-diagnosis-journey.pathway.yaml"]), "\(files.sorted())")
        XCTAssertNil(affected(["pathc.yaml"], everything: true))
    }

    func testKeyResultReferencesNameTheirOKR() {
        let annotations = [SchemaAnnotation(node: Node(.scalar(Scalar(text: "okr-a/kr-1", style: .plain)), span: .at(0)),
                                            pointer: "/drives/0", referenceKind: "key-result", qualityAxes: nil)]
        XCTAssertEqual(ReferenceIndex.references(annotations), [EntityRef(.okr, "okr-a")])
    }
}
