import Foundation

/// Runs every rule over the model, applies the configuration (severities, `ignore` globs) and
/// suppression comments, and computes the quality verdicts.
package struct RuleEngine {
    var context: RuleContext
    /// A file's path relative to the repository root, for `ignore` globs.
    let rootRelative: @Sendable (SourceFile) -> String
    /// Analyses of the statements' texts, by text, made once per run.
    var analyses: [String: TextAnalysis] = [:]
    /// The text rules' findings for each distinct statement key, made once per run.
    var textFindings: [Statement.Key: [TextFinding]] = [:]

    /// A text rule's finding on a statement's text, before it is placed in a file: the rule, the
    /// byte range of the words in the text (nil: the whole value) and what it says.
    struct TextFinding: Sendable {
        let rule: Int
        let words: Range<Int>?
        let message: String
        let label: String?
        let help: String?
        let notes: [String]
    }
    var plan = Plan()
    /// Verdicts are only needed for the JSON outputs.
    var computesVerdicts = true

    package init(context: RuleContext, rootRelative: @escaping @Sendable (SourceFile) -> String) {
        self.context = context
        self.rootRelative = rootRelative
        plan = Self.plan(self)
    }

    package struct Output {
        var diagnostics: [Diagnostic] = []
        var verdicts: [QualityVerdict] = []
    }

    /// Fields that get a verdict (quality.md: objectives, key results, milestones, practice tasks).
    static let verdictFields: Set<StatementField> = [.objective, .keyResult, .outcome, .task]

    /// Every entity is one unit of work, on all cores: its rules, its file's suppressions and its
    /// verdicts all stay within its file.
    package func run() -> Output {
        // Analysis depends on the text alone, and repositories repeat statements (OKRs copied from
        // a template, criteria shared by pathways): analyse each distinct text once, on all cores.
        let vocabulary = context.vocabulary
        var clock = PhaseClock()
        // The distinct statements (text, place, axes), and the distinct texts among them and the
        // metrics of lagging key results, which activity-as-result reads too.
        let entityKeys = parallelMap(context.model.ordered) { Statement.keys(in: $0) }
        clock.lap("  statement keys")
        let keys = parallelDistinct(Array(entityKeys.indices)) { index, key in for entry in entityKeys[index] { key(entry.key) } }
        clock.lap("  distinct keys")
        var seen = Set<String>()
        var distinct: [String] = []
        for key in keys where seen.insert(key.text).inserted { distinct.append(key.text) }
        for metric in Statement.laggingMetrics(in: context.model) where seen.insert(metric).inserted { distinct.append(metric) }
        let texts = distinct
        clock.lap("  \(keys.count) distinct statements, \(texts.count) distinct texts")
        let tokens = parallelMap(texts, chunk: 64) { TextAnalysis.tokenize($0) }
        clock.lap("  tokens")
        // Each distinct word looked up in the lexicon once, not once per statement.
        let words = parallelDistinct(Array(tokens.indices)) { index, word in
            for token in tokens[index] where token.kind == .word { word(token.text) }
        }
        let table = WordTable(words: words, tagger: vocabulary.tagger())
        clock.lap("  \(words.count) distinct words")
        let analysed = parallelMap(Array(texts.indices)) { TextAnalysis(texts[$0], vocabulary: vocabulary, tokens: tokens[$0], table: table) }
        clock.lap("  analyses")
        var engine = self
        engine.analyses = Dictionary(zip(texts, analysed), uniquingKeysWith: { first, _ in first })
        engine.context.analyses = engine.analyses
        // The text rules run once per distinct statement key: a repository repeats its statements.
        let prepared = engine
        let found = parallelMap(keys, chunk: 32) { prepared.textFindings(for: $0) }
        engine.textFindings = Dictionary(zip(keys, found), uniquingKeysWith: { first, _ in first })
        clock.lap("  text rules of \(keys.count) distinct statements")
        let frozen = engine
        let entities = context.model.ordered
        let perEntity = parallelMap(Array(entities.indices)) { frozen.run(entities[$0], keys: entityKeys[$0]) }
        clock.lap("  rules of \(context.model.ordered.count) entities")
        var output = Output()
        for result in perEntity {
            output.diagnostics += result.diagnostics
            output.verdicts += result.verdicts
        }
        return output
    }

    private func run(_ entity: Entity, keys: [(key: Statement.Key, annotation: Int)]) -> Output {
        let plan = self.plan
        var findings: [(rule: Int, finding: Finding)] = []
        // The text rules' findings, made once per distinct statement, placed in this file.
        let annotations = entity.annotations
        for (key, annotation) in keys {
            let found = textFindings[key] ?? textFindings(for: key)
            guard !found.isEmpty else { continue }
            let node = annotations[annotation].node, pointer = annotations[annotation].pointer
            for text in found {
                let place = text.words.map { Statement.node(for: $0, of: key.text, at: node, in: entity.file) } ?? node
                findings.append((text.rule, Finding(node: place, file: entity.file, message: text.message, label: text.label,
                                                    help: text.help, pointer: pointer, notes: text.notes)))
            }
        }
        // Statements as objects only for the verdicts; the model rules find the analyses by text.
        let statements = computesVerdicts ? Statement.all(in: entity, vocabulary: context.vocabulary, analyses: analyses) : []
        let kind = entity.kind.bit
        for planned in plan.model where planned.kinds & kind != 0 {
            for finding in planned.rule.check(entity, statements: statements, context) { findings.append((planned.index, finding)) }
        }

        var output = Output()
        let file = entity.file
        var suppressions = Suppression.parse(file)
        output.diagnostics += Suppression.problems(in: &suppressions, file: file, houseRules: plan.houseNames)
        let ignored: Set<String>
        if context.config.ignores.isEmpty {
            ignored = []
        } else {
            let relative = rootRelative(file)
            ignored = Set(context.config.ignores.filter { entry in entry.globs.contains { Glob($0).matches(relative) } }.flatMap(\.rules))
        }
        var kept: [(rule: Int, finding: Finding)] = []
        for (index, finding) in findings {
            guard let severity = plan.severities[index] else { continue }
            let code = plan.codes[index]
            if !ignored.isEmpty, ignored.contains(code.code) || ignored.contains(code.name) { continue }
            if !suppressions.isEmpty {
                let line = file.position(of: finding.node.span.start).line
                if let position = suppressions.firstIndex(where: { $0.applies(to: code, line: line) }) {
                    suppressions[position].used = true
                    continue
                }
            }
            kept.append((index, finding))
            output.diagnostics.append(Diagnostic(code: code, severity: severity, message: finding.message, file: file,
                                                 span: finding.node.span, label: finding.label, notes: finding.notes,
                                                 help: finding.help, pointer: finding.pointer))
        }
        if let unusedSeverity = plan.unusedSuppression {
            for suppression in suppressions where !suppression.used && suppression.valid {
                output.diagnostics.append(Diagnostic(
                    code: SuppressionCode.unused, severity: unusedSeverity,
                    message: "this suppression silences nothing: no \(suppression.rules.joined(separator: ", ")) finding here",
                    file: file, span: suppression.span, label: "unused", help: "remove the comment, or move it to the line before the finding"))
            }
        }
        if computesVerdicts { output.verdicts = verdicts(statements, kept) }
        return output
    }

    /// The text rules' findings on a statement key, run on a statement of its own whose file holds
    /// just the text (so that a finding's span is the range of its words in the text).
    func textFindings(for key: Statement.Key) -> [TextFinding] {
        let statement = Statement.standalone(key.text, pointer: key.field.canonicalPointer, kind: key.kind, axes: QualityAxes(rawValue: key.axes),
                                                  leading: key.leading, context.vocabulary, analysis: analyses[key.text])
        let field = statement.field.bit
        let whole = statement.node.span
        var found: [TextFinding] = []
        func add(_ findings: [Finding], rule: Int) {
            for finding in findings {
                let span = finding.node.span
                found.append(TextFinding(rule: rule, words: span == whole ? nil : span.start..<span.end, message: finding.message,
                                         label: finding.label, help: finding.help, notes: finding.notes))
            }
        }
        for planned in plan.text where planned.fields & field != 0 {
            if let axis = planned.axis, !statement.axes.contains(axis) { continue }
            add(planned.rule.check(statement, context), rule: planned.index)
        }
        for planned in plan.house where planned.rule.applies(to: statement) {
            add(planned.rule.findings(in: statement), rule: planned.index)
        }
        return found
    }

    /// The rules as the engine runs them: each with the fields or kinds it reads as bits, its
    /// axis, and its configured severity (nil: off), looked up once per run instead of per statement.
    struct Plan: Sendable {
        struct Text: Sendable {
            let rule: any TextRule
            let index: Int
            let fields: UInt16
            let axis: QualityAxis?
        }
        struct Model: Sendable {
            let rule: any ModelRule
            let index: Int
            let kinds: UInt8
        }
        struct House: Sendable {
            let rule: HouseRule
            let index: Int
        }
        var text: [Text] = []
        var model: [Model] = []
        var house: [House] = []
        var houseNames: [String] = []
        var codes: [DiagnosticCode] = []
        var axes: [QualityAxis?] = []
        var severities: [Severity?] = []
        var unusedSuppression: Severity?
    }

    static func plan(_ engine: RuleEngine) -> Plan {
        var plan = Plan()
        plan.unusedSuppression = engine.configuredSeverity(SuppressionCode.unused.code, SuppressionCode.unused.name, default: .warning)
        for rule in RuleRegistry.textRules {
            let description = rule.description
            // A rule that is off is not run at all.
            let severity = engine.severity(of: description)
            if severity != nil {
                plan.text.append(Plan.Text(rule: rule, index: plan.codes.count, fields: rule.fields.reduce(0) { $0 | $1.bit },
                                           axis: description.axis))
            }
            plan.codes.append(description.code)
            plan.axes.append(description.axis)
            plan.severities.append(severity)
        }
        for rule in RuleRegistry.modelRules {
            let description = rule.description
            let severity = engine.severity(of: description)
            if severity != nil {
                plan.model.append(Plan.Model(rule: rule, index: plan.codes.count, kinds: rule.kinds.reduce(0) { $0 | $1.bit }))
            }
            plan.codes.append(description.code)
            plan.axes.append(description.axis)
            plan.severities.append(severity)
        }
        for rule in engine.context.houseRules {
            let severity = engine.configuredSeverity(rule.code.code, rule.name, default: rule.severity)
            if severity != nil { plan.house.append(Plan.House(rule: rule, index: plan.codes.count)) }
            plan.houseNames.append(rule.name)
            plan.codes.append(rule.code)
            plan.axes.append(nil)
            plan.severities.append(severity)
        }
        return plan
    }


    private func configuredSeverity(_ code: String, _ name: String, default fallback: Severity) -> Severity? {
        guard let setting = context.config.setting(code: code, name: name) else { return fallback }
        return setting.severity
    }

    func severity(of rule: RuleDescription) -> Severity? {
        if let setting = context.config.setting(code: rule.code.code, name: rule.name) { return setting.severity }
        return context.config.profile.severity(of: rule)
    }

    /// Verdicts of one entity's statements, from the findings kept in its file.
    private func verdicts(_ statements: [Statement], _ findings: [(rule: Int, finding: Finding)]) -> [QualityVerdict] {
        statements.filter { Self.verdictFields.contains($0.field) }.map { statement in
            let owner = statement.field == .objective ? statement.pointer
                : String(statement.pointer[..<(statement.pointer.lastIndex(of: "/") ?? statement.pointer.endIndex)])
            var axes = AxisVerdicts()
            for axis in QualityAxis.allCases where statement.axes.contains(axis) { axes[axis] = [] }
            for (rule, finding) in findings {
                guard let axis = plan.axes[rule], axes[axis] != nil, let pointer = finding.pointer,
                      pointer == owner || pointer.hasPrefix(owner + "/") || pointer == statement.pointer else { continue }
                let code = plan.codes[rule].code
                if !axes[axis]!.contains(code) { axes[axis]!.append(code) }
            }
            var bloom: BloomLevel?
            if let verb = statement.analysis.mainVerb {
                switch verb.kind {
                case .observable(let level): bloom = level
                case .unobservable: bloom = .understand
                // "Cut cycle time from 20 to 17 days": a direction with a number is an outcome someone delivers.
                case .vague, .activity: bloom = context.vocabulary.verb(statement.analysis.tokens[verb.index].text)?.observableLevel
                }
            }
            return QualityVerdict(entity: statement.entity, statement: statement, axes: axes, bloom: bloom)
        }
    }
}
