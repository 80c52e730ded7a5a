import Foundation
import XCTest
@testable import PathcCore

/// The engine's lists of rules are made from the rule files by scripts/generate-rule-registry: a
/// rule file added, removed or renamed without a run of the script fails here, instead of a rule
/// that silently never runs.
final class RuleRegistryTests: XCTestCase {
    func testTheRegistryIsWhatTheScriptWrites() throws {
        guard let bash = ["/bin/bash", "/usr/bin/bash", "/usr/local/bin/bash"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("bash is not installed, so scripts/generate-rule-registry cannot run; skipping the registry check")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bash)
        process.arguments = [TestPaths.repository.appendingPathComponent("scripts/generate-rule-registry").path, "--stdout"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let written = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "scripts/generate-rule-registry failed: \(problems)")
        let committed = try String(contentsOf: TestPaths.repository.appendingPathComponent("Sources/PathcCore/Rules/RuleRegistry+Generated.swift"),
                                   encoding: .utf8)
        XCTAssertTrue(written == committed, "RuleRegistry+Generated.swift differs from the rule files: run scripts/generate-rule-registry")
    }

    /// The script lists each kind of rule in code order, the order the engine runs them in.
    func testEachListIsInCodeOrder() {
        let textCodes = RuleRegistry.textRules.map(\.description.code.code)
        let modelCodes = RuleRegistry.modelRules.map(\.description.code.code)
        XCTAssertEqual(textCodes, textCodes.sorted())
        XCTAssertEqual(modelCodes, modelCodes.sorted())
    }

    /// Each word a rule declares gets its flag in the lexicon, and in every inflection for a verb.
    func testTheLexiconHoldsTheWordsTheRulesDeclare() {
        let vocabulary = Vocabulary()
        XCTAssertFalse(RuleRegistry.wordDeclarations.isEmpty)
        for declaration in RuleRegistry.wordDeclarations {
            for mark in declaration.lexiconWords {
                for word in mark.words {
                    XCTAssertTrue(vocabulary.lexicon[word]?.flags.contains(mark.flag) ?? false, "\(declaration): '\(word)' lacks its flag")
                }
            }
        }
        XCTAssertTrue(vocabulary.lexicon["gained"]?.flags.contains(.acquireVerb) ?? false)
        XCTAssertTrue(vocabulary.degreePhrases.phrases.contains { $0.text == "at least" })
    }
}
