import Foundation
import XCTest
@testable import PathcCore

/// The standards' own schemas (1EdTech CASE 1.1, Open Badges 3.0), dialects, vocabularies and the
/// built-in metaschemas. Verdicts on hand-written files are compared with check-jsonschema's
/// when it is installed.
final class StandardSchemaTests: XCTestCase {
    private static let casePath = "conformance/case/case-v1p1-cfpackage.schema.json"
    private static let badgesPath = "conformance/openbadges/ob-v3p0-achievementcredential.schema.json"
    private static let fixtures = TestPaths.repository.appendingPathComponent("Tests/PathcCoreTests/Fixtures/standards")

    /// (schema in shared/, JSON Pointer to validate against, fixture, expected verdict)
    private static let cases: [(schema: String, pointer: String?, fixture: String, valid: Bool)] = [
        (casePath, nil, "case-valid.json", true),
        (casePath, nil, "case-invalid.json", false),
        (badgesPath, "/$defs/Achievement", "achievement-valid.json", true),
        (badgesPath, "/$defs/Achievement", "achievement-invalid.json", false),
    ]

    private func validate(_ schema: URL, pointer: String?, _ fixture: String) throws -> (SchemaDocument, SchemaValidation) {
        let document = SchemaDocument.compile(try SourceFile.read(path: schema.path), options: SchemaDocument.Options(entryPointer: pointer))
        let tree = SyntaxTree.parse(try SourceFile.read(path: Self.fixtures.appendingPathComponent(fixture).path))
        return (document, SchemaValidator(document).validate(tree.root ?? .null(at: 0)))
    }

    func testStandardsSchemasLoadAndGiveTheExpectedVerdicts() throws {
        for entry in Self.cases {
            let (document, validation) = try validate(try TestPaths.sharedFolder(entry.schema), pointer: entry.pointer, entry.fixture)
            XCTAssertEqual(document.problems.map(\.message), [], entry.schema)
            XCTAssertEqual(document.dialect, .draft2019_09)
            XCTAssertEqual(validation.isValid, entry.valid, entry.fixture)
        }
        let (_, caseResult) = try validate(try TestPaths.sharedFolder(Self.casePath), pointer: nil, "case-invalid.json")
        XCTAssertEqual(caseResult.violations.map(\.pointer), ["/CFDocument/identifier"])
    }

    func testVerdictsAgreeWithCheckJSONSchema() throws {
        guard let tool = Self.executable("check-jsonschema") else {
            throw XCTSkip("check-jsonschema is not installed (pip install check-jsonschema); skipping the comparison")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pathc-standards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        for entry in Self.cases {
            var schema = try TestPaths.sharedFolder(entry.schema)
            if let pointer = entry.pointer {
                // check-jsonschema takes no pointer: the same definitions with the root referring to one.
                let original = try JSONSerialization.jsonObject(with: Data(contentsOf: schema)) as! [String: Any]
                let wrapper: [String: Any] = ["$schema": original["$schema"]!, "$defs": original["$defs"]!, "$ref": "#" + pointer]
                schema = scratch.appendingPathComponent("wrapper.json")
                try JSONSerialization.data(withJSONObject: wrapper).write(to: schema)
            }
            let process = Process()
            process.executableURL = tool
            process.arguments = ["--schemafile", schema.path, Self.fixtures.appendingPathComponent(entry.fixture).path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus == 0, entry.valid, "check-jsonschema on \(entry.fixture)")
        }
    }

    private static func executable(_ name: String) -> URL? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    // MARK: - Dialects and vocabularies

    private func compile(_ text: String, registry: SchemaRegistry = .standard) -> SchemaDocument {
        SchemaDocument.compile(SourceFile(path: "s.json", text: text), options: SchemaDocument.Options(registry: registry))
    }

    func testDialectComesFromSchemaWithOrWithoutHash() {
        XCTAssertEqual(compile(#"{"type": "string"}"#).dialect, .draft2020_12)
        XCTAssertEqual(compile(#"{"$schema": "https://json-schema.org/draft/2019-09/schema#"}"#).dialect, .draft2019_09)
        XCTAssertEqual(compile(#"{"$schema": "https://json-schema.org/draft/2020-12/schema#"}"#).problems.count, 0)
        // 2019-09's list form of items is a tuple; additionalItems covers the rest.
        let tuple = compile(#"{"$schema": "https://json-schema.org/draft/2019-09/schema", "items": [{"type": "string"}], "additionalItems": false}"#)
        XCTAssertTrue(SchemaValidator(tuple).validate(parse(#"["a"]"#).root!).isValid)
        XCTAssertFalse(SchemaValidator(tuple).validate(parse(#"["a", 1]"#).root!).isValid)
    }

    func testUnknownDialectIsAnError() {
        let document = compile(#"{"$schema": "http://json-schema.org/draft-07/schema#", "type": "string"}"#)
        XCTAssertEqual(document.problems.map(\.code.code), ["PW1109"])
        XCTAssertEqual(document.problems.first?.message, "unknown dialect 'http://json-schema.org/draft-07/schema#'")
        XCTAssertTrue(document.problems.first?.help?.contains("https://json-schema.org/draft/2020-12/schema") ?? false)
    }

    func testRequiredUnknownVocabularyIsAnError() {
        var registry = SchemaRegistry.standard
        registry.register(SourceFile(path: "meta.json", text: """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/meta",
             "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true, "https://example.org/vocab/units": true}}
            """), as: "https://example.org/meta")
        let document = compile(#"{"$schema": "https://example.org/meta", "type": "string"}"#, registry: registry)
        XCTAssertEqual(document.problems.map(\.code.code), ["PW1109"])
        XCTAssertTrue(document.problems.first?.message.contains("'https://example.org/vocab/units'") ?? false)
    }

    func testMetaschemasAreBuiltIn() {
        let document = compile(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#)
        XCTAssertEqual(document.problems.map(\.message), [])
        let validator = SchemaValidator(document)
        XCTAssertTrue(validator.validate(parse(#"{"type": "string", "minLength": 1}"#).root!).isValid)
        XCTAssertFalse(validator.validate(parse(#"{"minLength": -1}"#).root!).isValid)
        XCTAssertFalse(validator.validate(parse(#"{"properties": {"a": {"type": "text"}}}"#).root!).isValid)
    }

    func testEntryPointerThatDoesNotExistIsAnError() {
        let document = SchemaDocument.compile(SourceFile(path: "s.json", text: #"{"$defs": {"a": {"type": "string"}}}"#),
                                              options: SchemaDocument.Options(entryPointer: "/$defs/b"))
        XCTAssertEqual(document.problems.map(\.code.code), ["PW1102"])
    }

    func testEveryFormatHasAMessage() {
        for format in Format.allCases { XCTAssertNotNil(SchemaMessages.formatWords[format.rawValue], format.rawValue) }
    }
}
