import XCTest
@testable import PathcCore

/// One catalogue of every code pathc can print: each with a summary and an explanation, examples
/// that produce it, and docs/codes.md made from it.
final class CodeCatalogueTests: XCTestCase {
    /// Every code declared anywhere, rules and the rest.
    private var declared: [DiagnosticCode] {
        RuleRegistry.descriptions.map(\.code) + SyntaxCode.all + SchemaViolationCode.all + ModelCode.all
            + [CheckCode.unreadableFile, CheckCode.linkNotFollowed, CheckCode.tooManyFindings, CheckCode.tooManyFindingsInRun,
               SuppressionCode.invalid, SuppressionCode.unused, SchemaCode.invalidSchema, SchemaCode.unsupportedKeyword,
               SchemaCode.unresolvedReference, SchemaCode.unsupportedDialect, ConfigCode.unknownRule, ConfigCode.pathOutsideRepository, ConfigCode.unsafeBaseURL,
               BaselineCode.invalid, HouseRuleCode.invalid, HouseRuleCode.exampleFails]
    }

    func testEveryCodeIsDescribedOnceWithAnExplanation() {
        let codes = CodeCatalogue.all.map(\.code.code)
        XCTAssertEqual(Set(codes).count, codes.count, "a code used twice")
        for code in declared {
            let entry = CodeCatalogue.find(code.code)
            XCTAssertNotNil(entry, "\(code.code) is not in the catalogue")
            XCTAssertEqual(entry?.code.name, code.name, code.code)
            XCTAssertGreaterThan(entry?.details.count ?? 0, 60, "\(code.code) has no real explanation")
            XCTAssertEqual(CodeCatalogue.find(code.name)?.code.code, code.code, code.name)
        }
        for description in CodeDescriptions.all {
            XCTAssertTrue(declared.contains { $0.code == description.code && $0.name == description.name },
                          "\(description.code) \(description.name) describes no code")
        }
    }

    /// Each example produces its code, and its corrected form does not.
    func testEachExampleProducesItsCode() throws {
        for description in CodeDescriptions.all {
            guard let example = description.example, let path = description.exampleFile else { continue }
            func codes(_ text: String) throws -> [String] {
                let root = try copyOfRepository()
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
                return Checker(root: root.path, currentDirectory: root.path).run().diagnostics.map(\.code.code)
            }
            XCTAssertTrue(try codes(example).contains(description.code), "\(description.code)'s example does not produce it")
            if let fixed = description.fixed {
                XCTAssertFalse(try codes(fixed).contains(description.code), "\(description.code)'s fixed example still produces it")
            }
        }
    }

    func testTheCodesPageIsCurrent() throws {
        let page = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/codes.md"), encoding: .utf8)
        XCTAssertTrue(page == CodeCatalogue.markdown, "docs/codes.md differs from the catalogue: run scripts/generate-codes-doc")
    }
}
