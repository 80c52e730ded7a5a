import XCTest
@testable import PathcCore

/// The answers that need the whole repository, from the facts of its files: what every check
/// (full or `--since`) gives the checks and rules.
final class RepositoryFactsTests: XCTestCase {
    private func okr(_ id: String, _ level: String, alignedTo: [String] = []) -> FileFacts {
        FileFacts(entity: EntityRef(.okr, id), level: level, alignedToTexts: alignedTo, alignedTo: alignedTo)
    }

    func testSupportFollowsTheAlignmentChainFromEverythingThatDevelopsPeople() {
        let facts = RepositoryFacts([
            ("s1.yaml", okr("s1", "strategic")),
            ("s2.yaml", okr("s2", "strategic")),
            ("s3.yaml", okr("s3", "strategic")),
            ("s4.yaml", okr("s4", "strategic")),
            ("t1.yaml", okr("t1", "team", alignedTo: ["s1"])),
            ("t2.yaml", okr("t2", "team", alignedTo: ["s2"])),
            ("t3.yaml", okr("t3", "team", alignedTo: ["s3"])),
            ("d1.yaml", okr("d1", "developmental", alignedTo: ["t1"])),
            // A competency supporting a team OKR supports the strategy above it too.
            ("c.yaml", FileFacts(entity: EntityRef(.competency, "c"), supports: ["t2"])),
            ("p.yaml", FileFacts(entity: EntityRef(.pathway, "p"), drives: ["t3/kr-1"])),
        ])
        let supported = facts.supportedStrategies()
        XCTAssertTrue(supported.isSuperset(of: ["s1", "s2", "s3", "t1", "t2", "t3"]), "\(supported.sorted())")
        XCTAssertFalse(supported.contains("s4"), "nothing develops people for s4")
        XCTAssertEqual(facts.answers().supportedStrategies, supported)
    }

    func testALosingDuplicateCountsForNothing() {
        // Two OKRs with one id: the first path wins; the other's alignment is not followed.
        let facts = RepositoryFacts([
            ("b.yaml", okr("d", "developmental", alignedTo: ["s2"])),
            ("a.yaml", okr("d", "developmental", alignedTo: ["s1"])),
            ("s1.yaml", okr("s1", "strategic")),
            ("s2.yaml", okr("s2", "strategic")),
        ])
        XCTAssertEqual(facts.winnerIndex(.okr, "d"), 1)
        XCTAssertFalse(facts.isWinner(0))
        XCTAssertEqual(facts.supportedStrategies().intersection(["s1", "s2"]), ["s1"])
        XCTAssertEqual(facts.definers("d"), [0, 1])
        XCTAssertEqual(facts.all(.okr).map(\.id).sorted(), ["d", "s1", "s2"])
    }

    func testRubricLevelsAndCycles() {
        let facts = RepositoryFacts([
            ("r.yaml", FileFacts(entity: EntityRef(.rubric, "r"), scale: ["novice", "proficient"])),
            ("x.yaml", okr("x", "team", alignedTo: ["y"])),
            ("y.yaml", okr("y", "team", alignedTo: ["x"])),
        ])
        XCTAssertEqual(facts.rubricLevels(), ["novice", "proficient"])
        XCTAssertEqual(facts.alignmentCycles(), [["x", "y"]])
        XCTAssertTrue(facts.cycleThrough(["y"]))
    }

    /// A model made in memory gives the same answers as the files it came from.
    func testTheModelsFactsAreTheFilesFacts() throws {
        let text = """
            kind: okr
            id: s1
            level: strategic
            cycle: 2026-H1
            objective: Make support faster for every customer
            key_results:
              - id: kr-1
                result: Median first response time falls from 8 hours to 2 hours
                metric: first response time
                baseline: 8
                target: 2
                unit: hours
            """
        let file = SourceFile(path: "s1.yaml", bytes: Array(text.utf8))
        let outcome = FileCheck.run(file: file, schemas: SchemaSet.load(folder: nil, displayPath: { $0 }))
        let entity = try XCTUnwrap(outcome.entity)
        var model = Model()
        var diagnostics: [Diagnostic] = []
        model.add([entity], into: &diagnostics)
        XCTAssertEqual(RepositoryFacts(model: model).files.map(\.facts), [outcome.facts])
        XCTAssertEqual(outcome.facts.level, "strategic")
    }
}
