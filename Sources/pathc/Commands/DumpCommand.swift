import PathcCore

/// `pathc dump FILE`: the parsed document as JSON, for comparison with any YAML 1.2 loader.
extension CommandDescriptor {
    static let dump = CommandDescriptor(
        name: "dump",
        summary: "print a file's data as JSON, typed as YAML 1.2 reads it",
        synopsis: "dump FILE",
        details: """
            Plain scalars are typed by the YAML 1.2 core schema (null, booleans, integers, floats);
            everything else is text. Keys keep their source order. A syntax error or an unsupported
            construct exits 1 with the diagnostic on stderr and nothing on stdout.
            """,
        options: [DumpOptions.compact.spec],
        positionals: 1...1,
        positionalName: "a FILE to read",
        run: runDump)
}

enum DumpOptions {
    static let compact = Flag("--compact", "print the JSON on one line")
}

private func runDump(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    guard let file = readSource(arguments.positionals[0], context: context) else { return ExitCode.usage }
    let tree = SyntaxTree.parse(file)
    if !tree.diagnostics.isEmpty {
        let renderer = DiagnosticRenderer(useColor: context.terminal.useColor)
        context.terminal.err(tree.diagnostics.map(renderer.render).joined(separator: "\n"))
        return ExitCode.findings
    }
    let json = tree.root?.json ?? .null
    context.terminal.out(JSONWriter(pretty: !arguments[DumpOptions.compact]).string(json) + "\n")
    return ExitCode.success
}

/// Reads a file named on the command line, or says why it cannot (the caller exits 2).
func readSource(_ path: String, context: CommandContext) -> SourceFile? {
    do {
        return try SourceFile.read(path: path)
    } catch {
        context.terminal.error(error.message)
        return nil
    }
}
