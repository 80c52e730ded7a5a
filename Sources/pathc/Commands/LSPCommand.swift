import PathcCore

/// `pathc lsp`: the language server, for editors.
extension CommandDescriptor {
    static let lsp = CommandDescriptor(
        name: "lsp",
        summary: "run the language server on standard input and output, for editors",
        synopsis: "lsp",
        details: """
            Speaks the Language Server Protocol on standard input and output: an editor starts it
            and shows pathc's findings in the files as they are typed, before they are saved. The
            repository is the folder the editor opens (or --root, or the current folder's). Nothing
            else is printed on standard output; docs/editors.md says how to set up each editor.
            """,
        options: [],
        positionals: 0...0,
        positionalName: "",
        run: runLanguageServer)
}

private func runLanguageServer(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    LanguageServer().run()
}
