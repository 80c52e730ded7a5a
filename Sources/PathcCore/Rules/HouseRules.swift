import Foundation

/// Diagnostic codes about house rule files.
public enum HouseRuleCode {
    public static let invalid = DiagnosticCode("PW1105", "invalid-house-rule")
    public static let exampleFails = DiagnosticCode("PW1106", "house-rule-example-fails")
}

/// A team's own rule about wording, declared in a file of the house-rules folder (see
/// `schemas/house-rule.schema.yaml` and docs/house-rules.md): a word or pattern that must not
/// appear, a substitution, a capital first, or a pattern the text must match. It runs on the
/// statements the schemas mark with `x-quality`, like the built-in text rules, and its examples
/// are its tests.
public struct HouseRule: Sendable {
    public enum Check: Sendable {
        case forbid([String])
        case forbidPattern(String, SchemaRegex)
        case substitute([(words: String, preferred: String)])
        case capitalization(upper: Bool)
        case requirePattern(String, SchemaRegex)
    }

    public let code: DiagnosticCode
    public let severity: Severity
    public let message: String
    public let help: String?
    public let why: String?
    public let fields: Set<StatementField>?
    public let kinds: Set<EntityKind>?
    public let check: Check
    public let bad: [String]
    public let good: [String]
    /// Where it was declared.
    public let file: SourceFile

    public var name: String { code.name }

    /// The code of a house rule: its id, under "house:" so that it cannot be taken for a built-in rule.
    static func code(for id: String) -> DiagnosticCode { DiagnosticCode("house:\(id)", id) }

    /// The rule's description as `pathc explain` and the reports show it.
    public var description: RuleDescription {
        RuleDescription(code: code.code, name: code.name, severity: severity, summary: message,
                        why: why ?? "A rule of this repository's own, declared in \(file.path).", fix: help ?? "see the good examples",
                        bad: bad.map { RuleExample(verbatim: $0) }, good: good.map { RuleExample(verbatim: $0) })
    }

    func applies(to statement: Statement) -> Bool {
        (fields?.contains(statement.field) ?? true) && (kinds?.contains(statement.entity.kind) ?? true)
    }

    /// The findings of the rule on one statement: the first place it is broken, if any.
    func findings(in statement: Statement) -> [Finding] {
        guard let (range, words, preferred) = firstViolation(statement.text, statement.analysis) else { return [] }
        var text = message.replacingOccurrences(of: "{words}", with: words)
        text = text.replacingOccurrences(of: "{preferred}", with: preferred ?? "")
        return [statement.finding(at: range, text, label: code.name, help: help.map {
            $0.replacingOccurrences(of: "{words}", with: words).replacingOccurrences(of: "{preferred}", with: preferred ?? "")
        })]
    }

    /// Where the text breaks the rule (UTF-8 byte range, the words there, the preferred words).
    func firstViolation(_ text: String, _ analysis: TextAnalysis) -> (Range<Int>?, String, String?)? {
        func substring(_ range: Range<Int>) -> String {
            let bytes = Array(text.utf8)
            return String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
        }
        switch check {
        case .forbid(let phrases):
            guard let (range, _) = Self.firstPhrase(phrases, in: analysis) else { return nil }
            let characters = analysis.characters(range)
            return (characters, substring(characters), nil)
        case .substitute(let pairs):
            guard let (range, index) = Self.firstPhrase(pairs.map(\.words), in: analysis) else { return nil }
            let characters = analysis.characters(range)
            return (characters, substring(characters), pairs[index].preferred)
        case .forbidPattern(_, let regex):
            guard regex.matches(text) else { return nil }
            let range = Self.matchRange(regex, in: text)
            return (range, range.map(substring) ?? text, nil)
        case .requirePattern(_, let regex):
            return regex.matches(text) ? nil : (nil, text, nil)
        case .capitalization(let upper):
            guard let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return nil }
            let isUpper = first.properties.isUppercase
            guard isUpper != upper else { return nil }
            let offset = text.unicodeScalars.prefix { $0 != first }.reduce(0) { $0 + String($1).utf8.count }
            let range = offset..<(offset + String(first).utf8.count)
            return (range, String(first), nil)
        }
    }

    /// The first of the phrases among the statement's words, as word positions, with its index.
    static func firstPhrase(_ phrases: [String], in analysis: TextAnalysis) -> (Range<Int>, Int)? {
        let words = analysis.words.map { analysis.tokens[$0].text }
        var best: (Range<Int>, Int)?
        for (index, phrase) in phrases.enumerated() {
            let parts = TextAnalysis.tokenize(phrase).filter { $0.kind != .punctuation }.map(\.text)
            guard !parts.isEmpty, parts.count <= words.count else { continue }
            for start in 0...(words.count - parts.count) where words[start] == parts[0] {
                if Array(words[start..<(start + parts.count)]) == parts {
                    if best == nil || start < best!.0.lowerBound { best = (start..<(start + parts.count), index) }
                    break
                }
            }
        }
        return best
    }

    /// The shortest match that ends first: found by asking the engine about prefixes, then
    /// suffixes of that prefix (statements are short; the engine answers yes or no).
    static func matchRange(_ regex: SchemaRegex, in text: String) -> Range<Int>? {
        let scalars = Array(text.unicodeScalars)
        func string(_ range: Range<Int>) -> String {
            var result = String.UnicodeScalarView()
            result.append(contentsOf: scalars[range])
            return String(result)
        }
        var low = 0, high = scalars.count
        while low < high {
            let middle = (low + high) / 2
            if regex.matches(string(0..<middle)) { high = middle } else { low = middle + 1 }
        }
        let end = low
        var lowStart = 0, highStart = end
        while lowStart < highStart {
            let middle = (lowStart + highStart + 1) / 2
            if regex.matches(string(middle..<end)) { lowStart = middle } else { highStart = middle - 1 }
        }
        let start = lowStart
        let byteStart = string(0..<start).utf8.count
        return byteStart..<(byteStart + string(start..<end).utf8.count)
    }
}

/// A house rule file that cannot be compiled.
public struct HouseRuleProblem: Error {
    public let diagnostic: Diagnostic
    init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}

/// The house rules of a repository, loaded from its house-rules folder.
public struct HouseRuleSet: Sendable {
    public var rules: [HouseRule] = []
    /// Problems in the rule files: invalid files and examples that do not behave.
    public var problems: [Diagnostic] = []

    public init() {}

    init(rules: [HouseRule]) { self.rules = rules }

    /// Every `*.yaml` file of the folder, checked against the built-in house-rule schema and
    /// compiled; a file with a problem is reported and left out.
    public static func load(folder: String, displayPath: (String) -> String) -> HouseRuleSet {
        var set = HouseRuleSet()
        guard Paths.isDirectory(folder) else { return set }
        let schema = SchemaValidator(BuiltinSchemas.document("house-rule.schema.yaml"))
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var seen: [String: SourceFile] = [:]
        for name in names {
            let path = folder + "/" + name
            let file: SourceFile
            do {
                file = try SourceFile.read(path: path, displayPath: displayPath(path))
            } catch {
                set.problems.append(Diagnostic(code: CheckCode.unreadableFile, message: error.message,
                                               file: SourceFile(path: displayPath(path), bytes: []), span: .at(0)))
                continue
            }
            let tree = SyntaxTree.parse(file)
            if !tree.diagnostics.isEmpty {
                set.problems += tree.diagnostics
                continue
            }
            guard let root = tree.root else { continue }
            let validation = schema.validate(root)
            if !validation.isValid {
                set.problems += validation.violations.map { SchemaMessages.diagnostic(for: $0, in: file) }
                continue
            }
            switch compile(root, file: file) {
            case .failure(let problem):
                set.problems.append(problem.diagnostic)
            case .success(let rule):
                if let earlier = seen[rule.name] {
                    set.problems.append(Diagnostic(code: HouseRuleCode.invalid, message: "house rule '\(rule.name)' is declared twice",
                                                   file: file, span: root[.id]?.span ?? root.span, label: "duplicate id",
                                                   help: "it is also declared in \(earlier.path); rename one of them"))
                    continue
                }
                if RuleRegistry.find(rule.name) != nil {
                    set.problems.append(Diagnostic(code: HouseRuleCode.invalid, message: "house rule '\(rule.name)' has the name of a built-in rule",
                                                   file: file, span: root[.id]?.span ?? root.span, label: "taken",
                                                   help: "choose another id; to change the built-in rule, set its severity under 'rules:' in pathc.yaml"))
                    continue
                }
                let exampleProblems = checkExamples(rule, root: root)
                set.problems += exampleProblems
                seen[rule.name] = file
                if exampleProblems.isEmpty { set.rules.append(rule) }
            }
        }
        return set
    }

    static func compile(_ root: Node, file: SourceFile) -> Result<HouseRule, HouseRuleProblem> {
        func strings(_ key: String) -> [String]? { root[key]?.sequence?.compactMap { $0.scalar?.text } }
        func regex(_ key: String) -> Result<(String, SchemaRegex), HouseRuleProblem>? {
            guard let node = root[key], let pattern = node.scalar?.text else { return nil }
            do {
                return .success((pattern, try SchemaRegex(pattern)))
            } catch {
                return .failure(HouseRuleProblem(Diagnostic(
                    code: HouseRuleCode.invalid, message: "'\(key)' is not a valid regular expression: \(error.message)",
                    file: file, span: node.span, label: "invalid pattern",
                    help: "write it as JSON Schema's 'pattern' takes it (ECMA-262), such as '\\.$'")))
            }
        }
        let check: HouseRule.Check
        if let words = strings("forbid") {
            check = .forbid(words)
        } else if let result = regex("forbid_pattern") {
            switch result {
            case .success(let (pattern, compiled)): check = .forbidPattern(pattern, compiled)
            case .failure(let problem): return .failure(problem)
            }
        } else if let pairs = root["substitute"]?.mapping {
            check = .substitute(pairs.map { (words: $0.keyText, preferred: $0.value.scalar?.text ?? "") })
        } else if let capital = root["capitalization"]?.scalar?.text {
            check = .capitalization(upper: capital == "upper")
        } else if let result = regex("require_pattern") {
            switch result {
            case .success(let (pattern, compiled)): check = .requirePattern(pattern, compiled)
            case .failure(let problem): return .failure(problem)
            }
        } else {
            return .failure(HouseRuleProblem(Diagnostic(
                code: HouseRuleCode.invalid, message: "the house rule says nothing to check", file: file, span: root.span,
                help: "add one of forbid, forbid_pattern, substitute, capitalization or require_pattern")))
        }
        let id = root[.id]?.scalar?.text ?? ""
        return .success(HouseRule(
            code: HouseRule.code(for: id), severity: (root["severity"]?.scalar?.text).flatMap(Severity.init(rawValue:)) ?? .warning,
            message: root["message"]?.scalar?.text ?? "", help: root["help"]?.scalar?.text, why: root["why"]?.scalar?.text,
            fields: strings("fields").map { Set($0.compactMap(StatementField.init(rawValue:))) },
            kinds: strings("kinds").map { Set($0.compactMap(EntityKind.init(rawValue:))) },
            check: check, bad: root["examples"]?["bad"]?.sequence?.compactMap { $0.scalar?.text } ?? [],
            good: root["examples"]?["good"]?.sequence?.compactMap { $0.scalar?.text } ?? [], file: file))
    }

    /// The examples are the rule's tests: each bad one must be flagged, each good one must not.
    static func checkExamples(_ rule: HouseRule, root: Node) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let vocabulary = Vocabulary.standard
        for (list, shouldFlag) in [("bad", true), ("good", false)] {
            for node in root["examples"]?[list]?.sequence ?? [] {
                guard let text = node.scalar?.text else { continue }
                let flagged = rule.firstViolation(text, TextAnalysis(text, vocabulary: vocabulary)) != nil
                guard flagged != shouldFlag else { continue }
                problems.append(Diagnostic(
                    code: HouseRuleCode.exampleFails,
                    message: shouldFlag ? "house rule '\(rule.name)' does not flag its bad example" : "house rule '\(rule.name)' flags its good example",
                    file: rule.file, span: node.span, label: shouldFlag ? "not flagged" : "flagged",
                    help: "change the rule or the example, so that the example shows what the rule does; the rule is off until they agree"))
            }
        }
        return problems
    }
}
