import Foundation

/// Judges one statement on its own, outside a repository: the text rules for its field, as
/// `pathc review` shows them and as the statement sets in the tests measure them. A key result
/// is read as a lagging one.
public struct StatementReview: Sendable {
    public struct Finding: Sendable {
        public let code: DiagnosticCode
        public let severity: Severity
        public let message: String
        public let help: String?
        /// The words the finding points at, when it points at some.
        public let words: String?
    }

    let vocabulary: Vocabulary
    let config: ProjectConfig
    let severities: [String: Severity]
    let houseRules: [HouseRule]

    /// The review of the repository at or above `folder` (its pathc.yaml and house rules), or the
    /// defaults outside one.
    public static func ofRepository(around folder: String) -> StatementReview {
        guard let root = Checker.findRoot(from: folder) else { return StatementReview() }
        let display = { (path: String) in Paths.relative(path, from: folder) }
        let schemas = SchemaSet.load(folder: Paths.isDirectory(root + "/schemas") ? root + "/schemas" : nil, displayPath: display)
        let (config, problems) = ProjectConfig.load(root: root, schema: schemas.config, displayPath: display)
        guard problems.isEmpty else { return StatementReview() }
        return StatementReview(config: config,
                               houseRules: HouseRuleSet.load(folder: Paths.absolute(config.houseRules, from: root), displayPath: display).rules)
    }

    public init(config: ProjectConfig = ProjectConfig(), houseRules: [HouseRule] = []) {
        self.config = config
        self.houseRules = houseRules
        vocabulary = Vocabulary.with(config.effectiveVocabulary)
        var severities: [String: Severity] = [:]
        let engine = RuleEngine(context: RuleContext(model: Model(), vocabulary: vocabulary, config: config,
                                                     today: config.evaluationDay),
                                rootRelative: { $0.path })
        for rule in RuleRegistry.descriptions { if let severity = engine.severity(of: rule) { severities[rule.code.code] = severity } }
        self.severities = severities
    }

    /// The findings of every text rule that reads the field and is on, in rule order.
    public func review(_ text: String, as field: StatementField) -> [Finding] {
        let statement = Statement.standalone(text, field: field, vocabulary)
        let context = RuleContext(model: Model(), vocabulary: vocabulary, config: config,
                                  today: config.evaluationDay)
        var findings: [Finding] = []
        for rule in RuleRegistry.textRules where rule.fields.contains(field) {
            guard let severity = severities[rule.description.code.code] else { continue }
            for finding in rule.check(statement, context) {
                let span = finding.node.span
                let words = span == statement.node.span ? nil : statement.entity.file.text(of: span)
                findings.append(Finding(code: rule.description.code, severity: severity, message: finding.message,
                                        help: finding.help, words: words))
            }
        }
        for rule in houseRules where rule.applies(to: statement) {
            let setting = config.setting(code: rule.code.code, name: rule.name)
            guard setting != .off else { continue }
            for finding in rule.findings(in: statement) {
                let span = finding.node.span
                findings.append(Finding(code: rule.code, severity: setting?.severity ?? rule.severity,
                                        message: finding.message, help: finding.help,
                                        words: span == statement.node.span ? nil : statement.entity.file.text(of: span)))
            }
        }
        if field == .keyResult, let severity = severities[ActivityAsResultRule().description.code.code],
           let word = ActivityAsResultRule.activity(in: statement.analysis) {
            findings.append(Finding(code: ActivityAsResultRule().description.code, severity: severity,
                                    message: "the key result counts activity ('\(word)'), not impact",
                                    help: "measure what the activity should change on the job or in the business", words: word))
        }
        return findings
    }

    /// How pathc reads the statement: each word with its class, the main verbs marked.
    public func reading(_ text: String) -> String {
        let analysis = TextAnalysis(text, vocabulary: vocabulary)
        var parts: [String] = []
        for index in analysis.tokens.indices {
            let tag = analysis.tags[index]
            var part = analysis.tokens[index].text + "/" + "\(tag.tag)"
            if tag.tag == .verb { part += "." + "\(tag.form)" + (tag.lemma != analysis.tokens[index].text ? "(\(tag.lemma))" : "") }
            if analysis.predicates.contains(index) { part = "[" + part + "]" }
            if analysis.subordinate[index] { part = "_" + part }
            parts.append(part)
        }
        return parts.joined(separator: " ")
    }
}

extension HouseRuleSet {
    /// The house rules of the repository at or above `folder`, as `check` would load them (none
    /// outside a repository, or when its pathc.yaml is invalid).
    public static func ofRepository(around folder: String) -> HouseRuleSet {
        HouseRuleSet(rules: StatementReview.ofRepository(around: folder).houseRules)
    }
}
