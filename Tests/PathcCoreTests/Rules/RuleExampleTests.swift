import XCTest
@testable import PathcCore

/// Every rule's examples are its tests (and its `pathc explain` text): each bad example must
/// trigger the rule where its markers (`↓`) say, and only there; each good example must not
/// trigger it.
final class RuleExampleTests: XCTestCase {
    static let today = CalendarDate("2026-08-20")!

    func testEveryRuleHasExamplesAndDocumentation() {
        XCTAssertGreaterThanOrEqual(RuleRegistry.descriptions.count, 33)
        var names: Set<String> = [], codes: Set<String> = []
        for rule in RuleRegistry.descriptions {
            XCTAssertTrue(names.insert(rule.name).inserted, "duplicate name \(rule.name)")
            XCTAssertTrue(codes.insert(rule.code.code).inserted, "duplicate code \(rule.code.code)")
            XCTAssertFalse(rule.bad.isEmpty, "\(rule.name) has no bad example")
            XCTAssertFalse(rule.good.isEmpty, "\(rule.name) has no good example")
            XCTAssertFalse(rule.why.isEmpty || rule.fix.isEmpty || rule.summary.isEmpty, rule.name)
            XCTAssertTrue(rule.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.name) is not kebab-case")
        }
    }

    func testTextRuleExamples() {
        let vocabulary = Vocabulary()
        let context = RuleContext(model: Model(), vocabulary: vocabulary, config: ProjectConfig(), today: Self.today)
        for rule in RuleRegistry.textRules {
            for example in rule.description.bad {
                let statement = Self.statement(example.text, field: example.field ?? .objective, vocabulary)
                let findings = rule.check(statement, context)
                XCTAssertFalse(findings.isEmpty, "\(rule.description.name) should flag: \(example.text)", file: example.file, line: example.line)
                Self.assertFindingsAtMarkers(example, [statement.entity.file], findings, rule: rule.description.name)
            }
            for example in rule.description.good {
                let findings = rule.check(Self.statement(example.text, field: example.field ?? .objective, vocabulary), context)
                XCTAssertEqual(findings.map(\.message), [], "\(rule.description.name) should pass: \(example.text)", file: example.file, line: example.line)
            }
        }
    }

    func testModelRuleExamples() throws {
        for rule in RuleRegistry.modelRules {
            for (examples, shouldFlag) in [(rule.description.bad, true), (rule.description.good, false)] {
                for example in examples {
                    let model = try Self.model(example.files)
                    let context = RuleContext(model: model, vocabulary: Vocabulary(), config: ProjectConfig(), today: Self.today)
                    let findings = model.ordered.filter { rule.kinds.contains($0.kind) }.flatMap { rule.check($0, context) }
                    if shouldFlag {
                        XCTAssertFalse(findings.isEmpty, "\(rule.description.name): bad example not flagged", file: example.file, line: example.line)
                        let files = example.files.enumerated().map { SourceFile(path: Self.fileName($1, index: $0), text: $1) }
                        Self.assertFindingsAtMarkers(example, files, findings, rule: rule.description.name)
                    } else {
                        XCTAssertEqual(findings.map(\.message), [], "\(rule.description.name): good example flagged", file: example.file, line: example.line)
                    }
                }
            }
        }
    }

    func testGoodExamplesHaveNoMarkers() {
        for rule in RuleRegistry.descriptions {
            for example in rule.good {
                XCTAssertEqual(example.markers, [], "\(rule.name): a good example has nothing to mark", file: example.file, line: example.line)
            }
        }
    }

    func testMarkersAreLeftOutOfTheText() {
        let example = RuleExample("Grow ↓revenue, then ↓résumé")
        XCTAssertEqual(example.text, "Grow revenue, then résumé")
        XCTAssertEqual(example.markers, [5, 19])
        XCTAssertEqual(RuleExample(verbatim: "a ↓ b").text, "a ↓ b")
    }

    /// The findings of a bad example start exactly where its markers stand (file, line and column),
    /// one finding per marker; an example without a marker fails.
    static func assertFindingsAtMarkers(_ example: RuleExample, _ files: [SourceFile], _ findings: [Finding], rule: String) {
        func place(_ file: SourceFile, _ offset: Int) -> String { "\(file.path):\(file.position(of: offset))" }
        // Markers count in the whole text; each file after the first follows a "\n---\n".
        var expected: [String] = []
        var fileIndex = 0, fileStart = 0
        for marker in example.markers {
            while fileIndex + 1 < files.count, marker > fileStart + files[fileIndex].bytes.count {
                fileStart += files[fileIndex].bytes.count + "\n---\n".utf8.count
                fileIndex += 1
            }
            expected.append(place(files[fileIndex], marker - fileStart))
        }
        let found = findings.map { place($0.file, $0.node.span.start) }
        guard expected.sorted() != found.sorted() else { return }
        // Each line with a finding, marked where the finding starts, to copy into the example.
        let marked = findings.map { finding -> String in
            let file = finding.file, start = finding.node.span.start
            let line = file.lineRange(file.position(of: start).line)
            let split = min(max(start, line.lowerBound), line.upperBound)
            return "\(place(file, start)) " + String(decoding: file.bytes[line.lowerBound..<split], as: UTF8.self) + String(RuleExample.marker)
                + String(decoding: file.bytes[split..<line.upperBound], as: UTF8.self)
        }
        XCTFail("\(rule): the example's markers (\(expected.isEmpty ? "none" : expected.joined(separator: ", "))) are not where the findings start:\n"
                + marked.joined(separator: "\n"), file: example.file, line: example.line)
    }

    /// A statement of a synthetic entity, as the schema would mark it.
    static func statement(_ text: String, field: StatementField, _ vocabulary: Vocabulary) -> Statement {
        Statement.standalone(text, field: field, vocabulary)
    }

    /// An example file's name: the one a first line `# file: NAME` gives, else its id and kind.
    static func fileName(_ text: String, index: Int) -> String {
        if text.hasPrefix("# file: ") { return String(text.split(separator: "\n")[0].dropFirst("# file: ".count)) }
        if let id = text.split(separator: "\n").first(where: { $0.hasPrefix("id: ") })?.dropFirst(4),
           let kind = text.split(separator: "\n").first(where: { $0.hasPrefix("kind: ") })?.dropFirst(6) {
            return "\(id).\(kind).yaml"
        }
        return "example-\(index).yaml"
    }

    /// Entities from example files, checked against the built-in schemas (for their annotations).
    /// A first line `# file: NAME` names the file; otherwise it is named after its id and kind.
    static func model(_ files: [String]) throws -> Model {
        var schemas = SchemaSet.load(folder: nil, displayPath: { $0 })
        XCTAssertEqual(schemas.problems.count, 0)
        var entities: [Entity] = []
        for (index, text) in files.enumerated() {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-example-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let name = fileName(text, index: index)
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let check = FileCheck.run(path: path, displayPath: name, schemas: schemas)
            XCTAssertTrue(check.diagnostics.filter { $0.code.code.hasPrefix("PW0") }.isEmpty, "example does not parse: \(check.diagnostics.map(\.message))")
            if let entity = check.entity { entities.append(entity) }
        }
        schemas = SchemaSet.load(folder: nil, displayPath: { $0 })
        var model = Model()
        var ignored: [Diagnostic] = []
        model.add(entities, into: &ignored)
        return model
    }
}

import Foundation
