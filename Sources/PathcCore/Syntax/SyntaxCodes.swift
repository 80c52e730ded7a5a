/// The parser's diagnostic codes (`PW0xxx`). Encoding and limits first, then structure, then the
/// YAML constructs pathc does not support.
public enum SyntaxCode {
    // Encoding
    public static let invalidUTF8 = DiagnosticCode("PW0001", "invalid-utf8")
    public static let loneCarriageReturn = DiagnosticCode("PW0002", "lone-carriage-return")
    public static let nonPrintable = DiagnosticCode("PW0003", "non-printable-character")
    // Limits
    public static let fileTooLarge = DiagnosticCode("PW0010", "file-too-large")
    public static let nestingTooDeep = DiagnosticCode("PW0011", "nesting-too-deep")
    public static let scalarTooLarge = DiagnosticCode("PW0012", "scalar-too-large")
    public static let tooManyErrors = DiagnosticCode("PW0013", "too-many-errors")
    // Structure
    public static let tabIndentation = DiagnosticCode("PW0101", "tab-indentation")
    public static let duplicateKey = DiagnosticCode("PW0102", "duplicate-key")
    public static let badIndentation = DiagnosticCode("PW0103", "bad-indentation")
    public static let unexpectedContent = DiagnosticCode("PW0104", "unexpected-content")
    public static let unterminatedString = DiagnosticCode("PW0105", "unterminated-string")
    public static let unterminatedFlow = DiagnosticCode("PW0106", "unterminated-flow-collection")
    public static let invalidEscape = DiagnosticCode("PW0107", "invalid-escape")
    public static let missingColon = DiagnosticCode("PW0108", "missing-colon")
    public static let invalidBlockScalarHeader = DiagnosticCode("PW0109", "invalid-block-scalar-header")
    public static let multilineKey = DiagnosticCode("PW0110", "multiline-key")
    public static let commentWithoutSpace = DiagnosticCode("PW0111", "comment-without-space")
    public static let reservedIndicator = DiagnosticCode("PW0112", "reserved-indicator")
    public static let inlineBlockCollection = DiagnosticCode("PW0113", "inline-block-collection")
    public static let blockScalarIndentation = DiagnosticCode("PW0114", "block-scalar-indentation")
    public static let markerInsideValue = DiagnosticCode("PW0115", "document-marker-inside-value")
    // Constructs of YAML that pathc rejects
    public static let anchor = DiagnosticCode("PW0201", "anchor")
    public static let alias = DiagnosticCode("PW0202", "alias")
    public static let tag = DiagnosticCode("PW0203", "tag")
    public static let directive = DiagnosticCode("PW0204", "directive")
    public static let explicitKey = DiagnosticCode("PW0205", "explicit-key")
    public static let complexKey = DiagnosticCode("PW0206", "complex-key")
    public static let emptyKey = DiagnosticCode("PW0207", "empty-key")
    public static let mergeKey = DiagnosticCode("PW0208", "merge-key")
    public static let multipleDocuments = DiagnosticCode("PW0209", "multiple-documents")
    public static let contentAfterDocumentEnd = DiagnosticCode("PW0210", "content-after-document-end")

    /// The codes that mean "valid YAML, but outside the language pathc reads".
    public static let unsupported: Set<String> = [
        anchor, alias, tag, directive, explicitKey, complexKey, emptyKey, mergeKey,
        multipleDocuments, contentAfterDocumentEnd,
    ].reduce(into: []) { $0.insert($1.code) }

    public static let all: [DiagnosticCode] = [
        invalidUTF8, loneCarriageReturn, nonPrintable, fileTooLarge, nestingTooDeep, scalarTooLarge, tooManyErrors,
        tabIndentation, duplicateKey, badIndentation, unexpectedContent, unterminatedString, unterminatedFlow,
        invalidEscape, missingColon, invalidBlockScalarHeader, multilineKey, commentWithoutSpace, reservedIndicator,
        inlineBlockCollection, blockScalarIndentation, markerInsideValue,
        anchor, alias, tag, directive, explicitKey, complexKey, emptyKey, mergeKey, multipleDocuments,
        contentAfterDocumentEnd,
    ]
}

/// The YAML constructs outside pathc's language, each with why it is left out and what to write.
enum UnsupportedConstruct {
    case anchor, alias, tag, directive, explicitKey, complexKey, emptyKey, mergeKey, multipleDocuments, contentAfterEnd

    var code: DiagnosticCode {
        switch self {
        case .anchor: return SyntaxCode.anchor
        case .alias: return SyntaxCode.alias
        case .tag: return SyntaxCode.tag
        case .directive: return SyntaxCode.directive
        case .explicitKey: return SyntaxCode.explicitKey
        case .complexKey: return SyntaxCode.complexKey
        case .emptyKey: return SyntaxCode.emptyKey
        case .mergeKey: return SyntaxCode.mergeKey
        case .multipleDocuments: return SyntaxCode.multipleDocuments
        case .contentAfterEnd: return SyntaxCode.contentAfterDocumentEnd
        }
    }

    var message: String {
        switch self {
        case .anchor: return "anchors are not supported: they make files hard to review and allow exponential expansion"
        case .alias: return "aliases are not supported: they make files hard to review and allow exponential expansion"
        case .tag: return "tags are not supported: values are typed by the schemas, not in the file"
        case .directive: return "directives are not supported: every file is plain YAML 1.2"
        case .explicitKey: return "explicit keys ('? ') are not supported: a key is one line of text"
        case .complexKey: return "a collection as a key is not supported: a key is one line of text"
        case .emptyKey: return "empty keys are not supported: every entry needs a key before ':'"
        case .mergeKey: return "merge keys ('<<') are not supported: they hide where values come from"
        case .multipleDocuments: return "multiple documents in one file are not supported: a file holds one entity"
        case .contentAfterEnd: return "content after the document end marker '...' is not supported: a file holds one document"
        }
    }

    var label: String {
        switch self {
        case .anchor: return "anchor"
        case .alias: return "alias"
        case .tag: return "tag"
        case .directive: return "directive"
        case .explicitKey: return "explicit key"
        case .complexKey: return "collection used as a key"
        case .emptyKey: return "entry without a key"
        case .mergeKey: return "merge key"
        case .multipleDocuments: return "a second document starts here"
        case .contentAfterEnd: return "content after '...'"
        }
    }

    var help: String {
        switch self {
        case .anchor: return "remove the anchor and write the value out in full wherever it is needed"
        case .alias: return "write the value out in full here instead of referring to an anchor"
        case .tag: return "remove the tag; quote the value if it must be read as text"
        case .directive: return "remove the directive line"
        case .explicitKey: return "write the entry as 'key: value' on one line"
        case .complexKey: return "use plain or quoted text as the key"
        case .emptyKey: return "write a key before the ':', or quote the value if the ':' is part of the text"
        case .mergeKey: return "write the merged fields out in full"
        case .multipleDocuments: return "move each document into a file of its own"
        case .contentAfterEnd: return "remove the '...' line, or move the content after it into a file of its own"
        }
    }
}
