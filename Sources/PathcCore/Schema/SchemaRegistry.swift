/// Schema documents that `$ref` and `$schema` may name by URI, served from memory: pathc never
/// fetches. `standard` holds the official metaschemas of 2020-12 and 2019-09; tests add the
/// JSON Schema test suite's remote documents.
public struct SchemaRegistry: Sendable {
    private var files: [String: SourceFile] = [:]

    public init() {}

    public static let standard: SchemaRegistry = {
        var registry = SchemaRegistry()
        for (uri, text) in Metaschemas.documents {
            registry.register(SourceFile(path: "<built-in>/\(uri.dropFirst("https://".count))", text: text), as: uri)
        }
        return registry
    }()

    /// Makes `file` the document at `uri` (absolute, without a fragment).
    public mutating func register(_ file: SourceFile, as uri: String) {
        files[Self.key(uri)] = file
    }

    func file(for uri: String) -> SourceFile? {
        files[Self.key(uri)]
    }

    /// `https://json-schema.org/draft/2020-12/schema#` and the same without `#` are one document.
    private static func key(_ uri: String) -> String {
        uri.hasSuffix("#") ? String(uri.dropLast()) : uri
    }
}
