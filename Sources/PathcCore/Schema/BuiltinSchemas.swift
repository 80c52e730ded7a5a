extension BuiltinSchemas {
    /// A default schema, as built into pathc, compiled.
    static func document(_ name: String) -> SchemaDocument {
        SchemaDocument.compile(SourceFile(path: "<built-in>/schemas/\(name)", text: files[name] ?? ""))
    }
}
