// libFuzzer target: the text pipeline (tokens, the lexicon, the tagger, clauses, every text rule
// and the house rules' kinds) on any bytes as a statement. Compiled by fuzz/run together with
// Sources/PathcCore (one module), so internal APIs are in reach.

/// The first byte chooses the field; the rest, as UTF-8 (invalid bytes replaced, as the parser
/// would have rejected them), is the statement. Traps on any finding that points outside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let fields = StatementField.allCases
    let field = fields[Int(data[0]) % fields.count]
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let review = TextFuzz.review
    let findings = review.review(text, as: field)
    let length = text.utf8.count
    for finding in findings {
        if finding.message.isEmpty { fatalError("a finding without a message on \(text.debugDescription)") }
        if let words = finding.words, words.utf8.count > length { fatalError("a finding's words are longer than the text") }
    }
    let analysis = TextAnalysis(text, vocabulary: Vocabulary.standard)
    for index in analysis.predicates where index >= analysis.tokens.count { fatalError("a predicate outside the tokens") }
    if let range = analysis.placeholder, range.upperBound > length { fatalError("a placeholder outside the text") }
    for rule in TextFuzz.houseRules { _ = rule.firstViolation(text, analysis) }
    return 0
}

enum TextFuzz {
    static let review = StatementReview()
    /// One house rule of each kind.
    static let houseRules: [HouseRule] = {
        let rules = """
            id: a
            message: m
            forbid: [sanity check, crazy]
            examples: {bad: [a crazy idea], good: [a fine idea]}
            \u{0}id: b
            message: m
            forbid_pattern: '\\.$'
            examples: {bad: [Writes tests.], good: [Writes tests]}
            \u{0}id: c
            message: m
            substitute: {utilise: use, in order to: to}
            examples: {bad: [Utilise it], good: [Use it]}
            \u{0}id: d
            message: m
            capitalization: upper
            examples: {bad: [writes], good: [Writes]}
            \u{0}id: e
            message: m
            require_pattern: '^[A-Z][a-z]+s '
            examples: {bad: [For each, writes], good: [Writes tests]}
            """
        return rules.split(separator: "\u{0}").compactMap { text in
            let file = SourceFile(path: "rule.yaml", text: String(text))
            guard let root = SyntaxTree.parse(file).root, case .success(let rule) = HouseRuleSet.compile(root, file: file) else { return nil }
            return rule
        }
    }()
}
