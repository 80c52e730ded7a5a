import Foundation
import PathcCore

/// `pathc validate --schema SCHEMA FILE...`: the JSON Schema validator on its own.
extension CommandDescriptor {
    static let validate = CommandDescriptor(
        name: "validate",
        summary: "validate YAML or JSON files against one JSON Schema",
        synopsis: "validate --schema SCHEMA[#/POINTER] FILE...",
        details: """
            Like check-jsonschema, with pathc's diagnostics. SCHEMA and FILEs may be YAML or JSON
            (JSON is a subset of pathc's YAML). Values are typed as YAML 1.2 reads them, then checked
            by JSON Schema 2020-12, or 2019-09 when the schema's $schema says so; every format is
            asserted (docs/validator.md). SCHEMA#/$defs/Name validates against the schema at that
            JSON Pointer of the file. Exit 0: every file is valid; 1: some file is not; 2: the schema
            itself is invalid or uses a keyword or dialect pathc does not implement.
            """,
        options: [
            ValidateOptions.schema.spec,
            ValidateOptions.format.spec,
        ],
        positionals: 1...Int.max,
        positionalName: "at least one FILE to validate",
        run: runValidate)
}

enum ValidateOptions {
    static let schema = Option<String>("--schema", "SCHEMA", "the JSON Schema file (YAML or JSON), optionally with #/POINTER to one of its schemas")
    static let format = Option<TextOrJSON>("--format", "FORMAT", "output format: text (default) or json")
}

private func runValidate(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    guard let schemaPath = arguments[ValidateOptions.schema] else {
        context.terminal.error("'pathc validate' needs --schema SCHEMA", help: "write 'pathc validate --schema schema.yaml file.yaml'")
        return ExitCode.usage
    }
    let format = arguments[ValidateOptions.format] ?? .text
    let (path, pointer) = splitSchemaArgument(schemaPath)
    guard let schemaFile = readSource(path, context: context) else { return ExitCode.usage }
    let document = SchemaDocument.compile(schemaFile, options: SchemaDocument.Options(entryPointer: pointer))
    if !document.problems.isEmpty {
        report(document.problems, files: 0, format: format, context: context)
        return ExitCode.usage
    }
    let validator = SchemaValidator(document)
    let budget = RunBudget.regexSteps()
    var diagnostics: [Diagnostic] = []
    for path in arguments.positionals {
        let file: SourceFile
        do {
            file = try SourceFile.read(path: path)
        } catch {
            context.terminal.error(error.message)
            return ExitCode.usage
        }
        let tree = SyntaxTree.parse(file)
        if !tree.diagnostics.isEmpty {
            diagnostics += tree.diagnostics
            continue
        }
        let validation = validator.validate(tree.root ?? .null(at: 0), budget: budget)
        // Only what a file may show becomes a message; the rest are counted, as check counts them.
        let (shown, omitted) = SchemaMessages.firstDiagnostics(for: validation.violations, in: file)
        diagnostics += shown
        if let first = omitted.first {
            diagnostics.append(Checker.moreFindings(omitted.count, worst: .error, at: SchemaMessages.diagnostic(for: first, in: file)))
        }
    }
    let shown = Report(diagnostics: diagnostics, fileCount: arguments.positionals.count).limited()
    report(shown.diagnostics, files: arguments.positionals.count, format: format, context: context)
    return diagnostics.isEmpty ? ExitCode.success : ExitCode.findings
}

/// `schema.json#/$defs/Name` as the file and the JSON Pointer; a file whose own name has a `#`
/// is taken whole.
private func splitSchemaArgument(_ argument: String) -> (path: String, pointer: String?) {
    guard let hash = argument.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: argument) else { return (argument, nil) }
    let fragment = String(argument[argument.index(after: hash)...])
    guard fragment.isEmpty || fragment.hasPrefix("/") else { return (argument, nil) }
    return (String(argument[..<hash]), fragment.isEmpty ? nil : fragment)
}
