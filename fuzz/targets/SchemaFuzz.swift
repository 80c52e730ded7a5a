import Foundation

// libFuzzer target: what a pull request can change besides content, the schemas and pathc.yaml.
// Compiled by fuzz/run together with Sources/PathcCore (one module), so internal APIs are in reach.
//
// The input is a schema and an instance separated by a NUL byte. The schema is compiled; when it
// compiles, the instance is validated against it, its violations made into messages and rendered.
// The schema is also read as a pathc.yaml (against the built-in config schema, with the checks
// made in code), and when that gives a configuration, its vocabulary is built and a statement
// analysed with it. It holds when nothing traps and every diagnostic points into its file, has a
// message and renders to a bounded text; libFuzzer's timeout and memory limit catch unbounded work.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let separator = bytes.firstIndex(of: 0) ?? size
    let schemaFile = SourceFile(path: "schemas/fuzz.schema.yaml", bytes: Array(bytes[0..<separator]))
    let instanceFile = SourceFile(path: "pathways/fuzz.yaml", bytes: separator < size ? Array(bytes[(separator + 1)...]) : [])

    let document = SchemaDocument.compile(schemaFile)
    SchemaFuzz.checkAll(document.problems)
    if document.problems.isEmpty {
        let tree = SyntaxTree.parse(instanceFile)
        SchemaFuzz.checkAll(tree.diagnostics)
        if let root = tree.root {
            let validation = SchemaValidator(document).validate(root, budget: RunBudget(steps: 20_000_000))
            let shown = validation.violations.prefix(CheckCode.findingsPerFile)
            SchemaFuzz.checkAll(shown.map { SchemaMessages.diagnostic(for: $0, in: instanceFile) })
            for annotation in validation.annotations where annotation.node.span.end > instanceFile.bytes.count {
                fatalError("an annotation outside the instance")
            }
        }
    }

    let (config, problems) = ProjectConfig.load(schemaFile, root: SchemaFuzz.root, schema: SchemaFuzz.configSchema)
    SchemaFuzz.checkAll(problems)
    if problems.isEmpty {
        let vocabulary = Vocabulary.with(config.effectiveVocabulary)
        _ = TextAnalysis(SchemaFuzz.statement, vocabulary: vocabulary)
    }
    return 0
}

enum SchemaFuzz {
    static let configSchema = BuiltinSchemas.document("config.schema.yaml")
    /// A repository root that exists, for the checks that resolve pathc.yaml's folders.
    static let root: String = {
        let path = "/tmp/pathc-fuzz-root"
        _ = mkdir(path, 0o755)
        _ = mkdir(path + "/pathways", 0o755)
        return path
    }()
    static let statement = "Improve the onboarding experience and be aware of various customer needs to increase retention"
    static let renderer = DiagnosticRenderer()

    static func checkAll(_ diagnostics: some Sequence<Diagnostic>) {
        for diagnostic in diagnostics {
            let count = diagnostic.file.bytes.count
            if diagnostic.message.isEmpty { fatalError("a diagnostic without a message: \(diagnostic.code.code)") }
            if diagnostic.span.start < 0 || diagnostic.span.start > diagnostic.span.end || diagnostic.span.end > count {
                fatalError("\(diagnostic.code.code) points outside its file: \(diagnostic.span) of \(count) bytes")
            }
            let text = renderer.render(diagnostic)
            // A window of each line, a few notes: never the whole of a long value.
            if text.utf8.count > 16_384 { fatalError("\(diagnostic.code.code) renders to \(text.utf8.count) bytes") }
            if text.unicodeScalars.contains(where: { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }) {
                fatalError("\(diagnostic.code.code) renders a control character raw")
            }
        }
    }
}
