import Foundation

/// Diagnostic codes about pathc.yaml beyond its schema.
public enum ConfigCode {
    public static let unknownRule = DiagnosticCode("PW1103", "unknown-rule")
    public static let pathOutsideRepository = DiagnosticCode("PW1107", "path-outside-repository")
    public static let unsafeBaseURL = DiagnosticCode("PW1108", "unsafe-base-url")
}

/// The project configuration, `pathc.yaml` at the repository root. Every setting is optional.
public struct ProjectConfig: Sendable {
    public var name: String?
    /// The framework's version, as exports stamp it; else the git revision.
    public var version: String?
    /// The namespace of the exports' name-based UUIDs.
    public var uuidNamespace: String?
    public var baseURL: String?
    public var content = "pathways"
    public var schemas = "schemas"
    public var output = "site"
    /// The date cycles and check-ins are evaluated against (YYYY-MM-DD); nil means today.
    public var today: String?
    /// Rule severities by code or name: "off", "info", "warning" or "error".
    public var rules: [String: RuleSetting] = [:]
    public var ignores: [IgnoreEntry] = []
    /// Word-list changes for the quality rules, by list name.
    public var vocabulary: [String: WordListChange] = [:]
    /// How strict the judgement rules are.
    public var profile: QualityProfile = .standard
    /// The folder of the repository's own rules about wording, relative to the root.
    public var houseRules = "house-rules"
    /// The rule names pathc.yaml mentions (under `rules:` and `ignore:`), to check once the
    /// repository's house rules are known.
    var ruleNameNodes: [Node] = []
    public var objectiveMaxWords = 30
    public var objectiveMinWords = 4
    /// The file it was read from, if any.
    public var file: SourceFile?

    public struct IgnoreEntry: Sendable {
        public var globs: [String]
        public var rules: [String]
    }

    public struct WordListChange: Sendable {
        public var add: [String] = []
        public var remove: [String] = []
    }

    public init() {}

    /// The rule names of pathc.yaml that name no rule: built-in, or the repository's house rules.
    public func unknownRules(known: [String]) -> [Diagnostic] {
        guard let file else { return [] }
        return ruleNameNodes.filter { !known.contains($0.scalar?.text ?? "") }.map { node in
            let name = node.scalar?.text ?? ""
            return Diagnostic(code: ConfigCode.unknownRule, message: "unknown rule '\(name)'", file: file, span: node.span,
                              label: "no such rule",
                              help: Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'? 'pathc rules' lists them" }
                                  ?? "'pathc rules' lists the rules")
        }
    }

    /// What `rules` says of a rule, by its code (either case) or its name.
    public func setting(code: String, name: String) -> RuleSetting? {
        rules[code] ?? rules[name] ?? rules[code.lowercased()]
    }

    /// The day progress is evaluated on: `today` from the config (the schema makes it a real date),
    /// else the current UTC date. Parsed here once, for every stage that needs it.
    public var evaluationDay: CalendarDate {
        if let today, let day = CalendarDate(today) { return day }
        return CalendarDate(secondsSince1970: Int(Date().timeIntervalSince1970))
    }

    /// Reads `pathc.yaml` from `root`, checked against the config schema. A missing file gives the
    /// defaults; an invalid one gives diagnostics that point into it.
    public static func load(root: String, schema: SchemaDocument, displayPath: (String) -> String,
                            knownRules: [String] = []) -> (ProjectConfig, [Diagnostic]) {
        let path = root + "/pathc.yaml"
        guard FileManager.default.fileExists(atPath: path) else { return (ProjectConfig(), []) }
        let file: SourceFile
        do {
            file = try SourceFile.read(path: path, displayPath: displayPath(path))
        } catch {
            let empty = SourceFile(path: displayPath(path), bytes: [])
            return (ProjectConfig(), [Diagnostic(code: CheckCode.unreadableFile, message: error.message, file: empty, span: .at(0))])
        }
        return load(file, root: root, schema: schema, knownRules: knownRules)
    }

    /// The configuration in `file`, the pathc.yaml of the repository at `root`.
    static func load(_ file: SourceFile, root repositoryRoot: String, schema: SchemaDocument,
                     knownRules: [String] = []) -> (ProjectConfig, [Diagnostic]) {
        var config = ProjectConfig()
        config.file = file
        let tree = SyntaxTree.parse(file)
        guard tree.diagnostics.isEmpty else { return (config, tree.diagnostics) }
        guard let root = tree.root else { return (config, []) }
        let validation = SchemaValidator(schema).validate(root)
        if !validation.isValid {
            return (config, validation.violations.map { SchemaMessages.diagnostic(for: $0, in: file) })
        }
        // Rule names must exist: a misspelt one would silently do nothing.
        var ruleNodes = (root["rules"]?.mapping ?? []).map(\.key)
        for entry in root["ignore"]?.sequence ?? [] { ruleNodes += entry["rules"]?.sequence ?? [] }
        config.ruleNameNodes = ruleNodes
        if !knownRules.isEmpty {
            let unknown = config.unknownRules(known: knownRules)
            if !unknown.isEmpty { return (config, unknown) }
        }
        func text(_ key: String) -> String? {
            if case .string(let value)? = root[key]?.scalarValue { return value }
            return nil
        }
        config.name = text("name")
        // A version is text even when YAML reads it as a number (2026.2), and kept as written.
        config.version = root["version"]?.scalar?.text
        config.uuidNamespace = text("uuid_namespace")
        config.baseURL = text("base_url")
        config.content = text("content") ?? config.content
        config.schemas = text("schemas") ?? config.schemas
        config.output = text("output") ?? config.output
        config.today = text("today")
        config.houseRules = text("house_rules") ?? config.houseRules
        if let profile = text("profile").flatMap(QualityProfile.init(rawValue:)) { config.profile = profile }
        for pair in root["rules"]?.mapping ?? [] {
            if let setting = pair.value.scalar.flatMap({ RuleSetting(rawValue: $0.text) }) { config.rules[pair.keyText] = setting }
        }
        for entry in root["ignore"]?.sequence ?? [] {
            let paths = entry["paths"]
            let globs = paths?.sequence?.compactMap { $0.scalar?.text } ?? paths?.scalar.map { [$0.text] } ?? []
            config.ignores.append(IgnoreEntry(globs: globs, rules: entry["rules"]?.sequence?.compactMap { $0.scalar?.text } ?? []))
        }
        for pair in root["vocabulary"]?.mapping ?? [] {
            config.vocabulary[pair.keyText] = WordListChange(
                add: pair.value["add"]?.sequence?.compactMap { $0.scalar?.text } ?? [],
                remove: pair.value["remove"]?.sequence?.compactMap { $0.scalar?.text } ?? [])
        }
        if case .int(let value)? = root["thresholds"]?["objective_max_words"]?.scalarValue { config.objectiveMaxWords = value }
        if case .int(let value)? = root["thresholds"]?["objective_min_words"]?.scalarValue { config.objectiveMinWords = value }
        return (config, safetyProblems(root, repository: repositoryRoot, file: file))
    }

    /// What pathc.yaml may not say, whatever its schema allows: the schema is a file a pull
    /// request can change, so what keeps pathc inside the repository and the site inert is
    /// checked here, in code. Folders must stay inside the repository (after symbolic links);
    /// the site's address must be http or https.
    static func safetyProblems(_ root: Node, repository: String, file: SourceFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for key in ["content", "schemas", "output", "house_rules"] {
            guard let node = root[key], case .string(let value)? = node.scalarValue else { continue }
            guard !Paths.staysInside(value, root: repository) else { continue }
            problems.append(Diagnostic(
                code: ConfigCode.pathOutsideRepository, message: "'\(key)' leads outside the repository: '\(value)'", file: file,
                span: node.span, label: "outside the repository",
                notes: ["pathc.yaml arrives in pull requests like any file: a folder outside the repository would let one read or replace files elsewhere on the machine that runs pathc"],
                help: "name a folder inside the repository, relative to pathc.yaml, without '..' and not through a symbolic link that leaves it",
                pointer: "/\(key)"))
        }
        if let node = root["base_url"], case .string(let value)? = node.scalarValue {
            let lowered = value.lowercased()
            let scheme = lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
            if !scheme || value.unicodeScalars.contains(where: { $0.value <= 0x20 || TerminalSafe.isControl($0.value) }) {
                problems.append(Diagnostic(
                    code: ConfigCode.unsafeBaseURL, message: "'base_url' must be an http or https address: '\(TerminalSafe.line(value))'",
                    file: file, span: node.span, label: "not an http or https address",
                    help: "write the address the site is published at, such as https://people.example.com/pathways/",
                    pointer: "/base_url"))
            }
        }
        return problems
    }
}

/// A rule's severity as `rules` in pathc.yaml sets it, or off.
public enum RuleSetting: String, Sendable {
    case off, info, warning, error

    /// The severity to report at; nil when the rule is off.
    public var severity: Severity? {
        switch self {
        case .off: return nil
        case .info: return .info
        case .warning: return .warning
        case .error: return .error
        }
    }
}
