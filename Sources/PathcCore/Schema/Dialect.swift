/// The JSON Schema drafts pathc reads, chosen by a schema's `$schema`.
public enum Dialect: Sendable, Equatable {
    case draft2020_12
    case draft2019_09

    /// The metaschema URI that names the draft, as written in `$schema` (without the optional `#`).
    public var uri: String {
        switch self {
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        case .draft2019_09: return "https://json-schema.org/draft/2019-09/schema"
        }
    }

    public var name: String {
        switch self {
        case .draft2020_12: return "JSON Schema 2020-12"
        case .draft2019_09: return "JSON Schema 2019-09"
        }
    }

    /// The draft a `$schema` value names directly; nil for any other metaschema.
    init?(metaschema text: String) {
        let bare = text.hasSuffix("#") ? String(text.dropLast()) : text
        switch bare {
        case Dialect.draft2020_12.uri: self = .draft2020_12
        case Dialect.draft2019_09.uri: self = .draft2019_09
        default: return nil
        }
    }

    /// Every vocabulary of the draft, which its own metaschema declares.
    var vocabularies: Vocabularies {
        switch self {
        case .draft2020_12: return [.core, .applicator, .unevaluated, .validation, .metaData, .format, .content]
        // 2019-09 counts `unevaluated*` in its applicator vocabulary.
        case .draft2019_09: return [.core, .applicator, .unevaluated, .validation, .metaData, .format, .content]
        }
    }

    /// The vocabulary a `$vocabulary` URI names in this draft; nil when pathc does not implement it.
    func vocabulary(named uri: String) -> Vocabularies? {
        let prefix: String
        switch self {
        case .draft2020_12: prefix = "https://json-schema.org/draft/2020-12/vocab/"
        case .draft2019_09: prefix = "https://json-schema.org/draft/2019-09/vocab/"
        }
        guard uri.hasPrefix(prefix) else { return nil }
        switch (self, uri.dropFirst(prefix.count)) {
        case (_, "core"): return .core
        case (_, "applicator"): return .applicator
        case (.draft2020_12, "unevaluated"): return .unevaluated
        case (_, "validation"): return .validation
        case (_, "meta-data"): return .metaData
        case (.draft2019_09, "format"), (.draft2020_12, "format-annotation"), (.draft2020_12, "format-assertion"): return .format
        case (_, "content"): return .content
        default: return nil
        }
    }
}

/// The vocabularies a schema's metaschema turns on. A keyword of a vocabulary that is off is
/// not applied: a metaschema without the validation vocabulary makes `minimum` an annotation.
struct Vocabularies: OptionSet, Sendable {
    let rawValue: UInt8
    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    /// 2020-12 only: 2019-09 counts `unevaluated*` in the applicator vocabulary.
    static let unevaluated = Vocabularies(rawValue: 1 << 2)
    static let validation = Vocabularies(rawValue: 1 << 3)
    static let metaData = Vocabularies(rawValue: 1 << 4)
    static let format = Vocabularies(rawValue: 1 << 5)
    static let content = Vocabularies(rawValue: 1 << 6)
}
