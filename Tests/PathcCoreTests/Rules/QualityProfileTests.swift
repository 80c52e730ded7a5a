import XCTest
@testable import PathcCore

/// `profile:` in pathc.yaml: default, strict and lenient severities, the vocabulary lenient trims,
/// and `rules:` winning over the profile.
final class QualityProfileTests: XCTestCase {
    private func check(_ config: String, behaviours: [String]) throws -> [(name: String, severity: Severity, message: String)] {
        let folder = try competencyRepository(config: config, behaviours: behaviours)
        let result = Checker(root: folder.path, currentDirectory: folder.path).run()
        XCTAssertFalse(result.setupFailed, result.diagnostics.map(\.message).joined(separator: "; "))
        return result.diagnostics.filter { $0.code.code.hasPrefix("PW3") || $0.code.code.hasPrefix("house:") }
            .map { (name: $0.code.name, severity: $0.severity, message: $0.message) }
    }

    let behaviours = ["Writes clear tests and reviews code", "Mostly works independently", "Fosters a culture of learning",
                      "Escalates incidents appropriately"]

    func testDefaultStrictAndLenient() throws {
        let standard = try check("name: t\n", behaviours: behaviours)
        XCTAssertEqual(Set(standard.map(\.name)), ["compound-statement", "empty-verb", "hedged-standard", "vague-term"])
        XCTAssertTrue(standard.contains { $0.message == "'clear' is a standard no one can check" })
        XCTAssertTrue(standard.allSatisfy { $0.severity == .warning })

        let strict = try check("profile: strict\n", behaviours: behaviours)
        XCTAssertEqual(strict.map(\.name).sorted(), standard.map(\.name).sorted())
        XCTAssertTrue(strict.allSatisfy { $0.severity == .error }, "\(strict)")

        let lenient = try check("profile: lenient\n", behaviours: behaviours)
        // 'clear' is a borderline word lenient leaves out; style findings become information.
        XCTAssertFalse(lenient.contains { $0.message.contains("'clear'") })
        let severities = Dictionary(lenient.map { ($0.name, $0.severity) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(severities["compound-statement"], .info)
        XCTAssertEqual(severities["vague-term"], .info)
        XCTAssertEqual(severities["empty-verb"], .warning)
    }

    func testRulesWinOverTheProfileAndVocabularyAddsBack() throws {
        let found = try check("""
            profile: lenient
            rules: {compound-statement: error}
            vocabulary:
              behaviour_vague_terms: {add: [clear]}
            """, behaviours: behaviours)
        XCTAssertEqual(found.first { $0.name == "compound-statement" }?.severity, .error)
        XCTAssertEqual(found.first { $0.message.contains("'clear'") }?.severity, .info, "added back, at lenient's severity")
    }

    func testEveryWordListHasAConfigKey() {
        let schema = BuiltinSchemas.files["config.schema.yaml"] ?? ""
        for list in WordListID.allCases {
            XCTAssertTrue(schema.contains("      \(list.key):"), "config.schema.yaml has no vocabulary key \(list.key)")
        }
    }

    func testTheProfileTable() {
        let vague = RuleRegistry.find("vague-term")!, hedged = RuleRegistry.find("hedged-commitment")!, cycle = RuleRegistry.find("due-outside-cycle")!
        XCTAssertEqual(QualityProfile.strict.severity(of: vague), .error)
        XCTAssertEqual(QualityProfile.strict.severity(of: hedged), .warning)
        XCTAssertNil(QualityProfile.lenient.severity(of: hedged))
        XCTAssertEqual(QualityProfile.lenient.severity(of: vague), .info)
        // Rules about structure and dates are the same in every profile.
        XCTAssertEqual(QualityProfile.lenient.severity(of: cycle), cycle.severity)
        XCTAssertEqual(QualityProfile.strict.severity(of: cycle), cycle.severity)
    }
}
