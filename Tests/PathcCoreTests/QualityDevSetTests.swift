import Foundation
import XCTest
@testable import PathcCore

/// Precision and recall of the text rules on a hand-labeled development set of real-world
/// statements (Fixtures/quality-dev-set.tsv; see Fixtures/README.md). A weak row counts as caught
/// when any rule flags it; a good row as a false alarm when any rule does.
final class QualityDevSetTests: XCTestCase {
    struct Row {
        let field: StatementField
        let weak: Bool
        let expected: [String]
        let text: String
    }

    static func rows() throws -> [Row] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/quality-dev-set.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return lines.compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4, let field = StatementField(rawValue: columns[0]) else { return nil }
            return Row(field: field, weak: columns[1] == "weak", expected: columns[2] == "-" ? [] : columns[2].split(separator: ",").map(String.init), text: columns[3])
        }
    }

    /// The rules that flag a statement: the text rules for its field, and activity-as-result for
    /// key results (read as lagging).
    static func flags(_ row: Row, vocabulary: Vocabulary) -> [String] {
        let statement = RuleExampleTests.statement(row.text, field: row.field, vocabulary)
        let context = RuleContext(model: Model(), vocabulary: vocabulary, config: ProjectConfig(), today: RuleExampleTests.today)
        var names: [String] = []
        for rule in RuleRegistry.textRules where rule.fields.contains(row.field) && !rule.check(statement, context).isEmpty {
            names.append(rule.description.name)
        }
        if row.field == .keyResult, ActivityAsResultRule.activity(in: row.text, vocabulary) != nil { names.append("activity-as-result") }
        return names
    }

    func testPrecisionAndRecall() throws {
        let rows = try Self.rows()
        XCTAssertGreaterThan(rows.count, 250)
        let vocabulary = Vocabulary()
        var caught = 0, missed: [Row] = [], falseAlarms: [(Row, [String])] = []
        for row in rows {
            let flagged = Self.flags(row, vocabulary: vocabulary)
            if row.weak {
                if flagged.isEmpty { missed.append(row) } else { caught += 1 }
            } else if !flagged.isEmpty {
                falseAlarms.append((row, flagged))
            }
        }
        let weak = rows.filter(\.weak).count
        let precision = Double(caught) / Double(caught + falseAlarms.count)
        let recall = Double(caught) / Double(weak)
        print("quality dev set: \(rows.count) statements, \(weak) weak; precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall))")
        for row in missed { print("  missed [\(row.field.rawValue)] \(row.text)  (expected \(row.expected.joined(separator: ",")))") }
        for (row, flags) in falseAlarms { print("  false alarm [\(row.field.rawValue)] \(row.text)  (\(flags.joined(separator: ",")))") }
        XCTAssertGreaterThanOrEqual(precision, 0.9)
        XCTAssertGreaterThanOrEqual(recall, 0.9)
    }
}
