import PathcCore

/// `pathc explain RULE` and `pathc rules`: the rule catalogue, from the same descriptions that test the rules.
extension CommandDescriptor {
    static let explain = CommandDescriptor(
        name: "explain",
        summary: "explain a code or a rule: what it finds, why it matters, examples, what to do",
        synopsis: "explain CODE",
        details: "CODE is any code pathc prints, such as PW0102 or PW3003, or a name such as duplicate-key or vague-term. 'pathc rules' lists the rules; docs/codes.md lists every code.",
        options: [],
        positionals: 1...1,
        positionalName: "a RULE (code or name)",
        run: runExplain)

    static let rules = CommandDescriptor(
        name: "rules",
        summary: "list every rule with its code, name, default severity and what it finds",
        synopsis: "rules",
        details: "Severities can be changed per repository in pathc.yaml: rules: {vague-term: error, at-risk: off}.",
        options: [ExplainOptions.format.spec],
        positionals: 0...0,
        positionalName: "",
        run: runRules)
}

enum ExplainOptions {
    static let format = Option<TextOrJSON>("--format", "FORMAT", "output format: text (default) or json")
}

private func runExplain(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    let key = arguments.positionals[0]
    let house = HouseRuleSet.ofRepository(around: context.root ?? FileManager.default.currentDirectoryPath).rules
    let houseRule = house.first { $0.name == key || $0.code.code == key }
    guard let rule = RuleRegistry.find(key) ?? houseRule?.description else {
        if let entry = CodeCatalogue.find(key.uppercased().hasPrefix("PW") ? key.uppercased() : key) {
            context.terminal.out(explanation(of: entry, context: context))
            return ExitCode.success
        }
        let names = CodeCatalogue.all.flatMap { [$0.code.code, $0.code.name] } + house.map(\.name)
        context.terminal.error("unknown code or rule '\(key)'",
                               help: (Suggestion.closest(to: key, in: names).map { "did you mean '\($0)'? " } ?? "")
                                   + "'pathc rules' lists the rules; docs/codes.md lists every code")
        return ExitCode.usage
    }
    var text = "\(heading("\(rule.code.code) \(rule.name)", context)) (\(houseRule.map { "a house rule of this repository, in \($0.file.path); " } ?? "")default severity: \(rule.severity.rawValue)"
    if let axis = rule.axis { text += "; fails the \(axis.rawValue) axis" }
    text += ")\n\n"
    text += "What it finds\n  \(rule.summary.prefix(1).uppercased() + rule.summary.dropFirst()).\n\n"
    text += "Why it matters\n" + wrap(rule.why, indent: "  ") + "\n\n"
    text += "Instead\n" + wrap(rule.fix.prefix(1).uppercased() + rule.fix.dropFirst() + ".", indent: "  ") + "\n"
    for (title, examples) in [("Example that triggers it", rule.bad), ("Example that passes", rule.good)] {
        guard let example = examples.first else { continue }
        text += "\n\(title)\n"
        if let field = example.field {
            text += "  \(field.words): \(example.text)\n"
        } else if houseRule != nil {
            text += "  \(example.text)\n"
        } else {
            text += indented(example.text)
        }
    }
    text += """

        Suppress it
          where a person has decided the finding is fine, with a comment on the line before or at the end of the line:
            # pathc: ignore[\(rule.name)] the reason
          or for the whole repository, in pathc.yaml:
            rules: {\(rule.name): off}

        """
    context.terminal.out(text)
    return ExitCode.success
}

/// A code that is not a quality rule: a problem in the file, its schema, the configuration or
/// the references between files.
private func explanation(of entry: CodeEntry, context: CommandContext) -> String {
    var text = "\(heading("\(entry.code.code) \(entry.code.name)", context)) (severity: \(entry.severity.rawValue))\n\n"
    text += "What it finds\n  \(entry.summary.prefix(1).uppercased() + entry.summary.dropFirst()).\n\n"
    text += "What to do\n" + wrap(entry.details, indent: "  ") + "\n"
    if let example = entry.example {
        text += "\nExample (\(example.file))\n" + indented(example.text)
        if let fixed = example.fixed {
            text += "\nFixed\n" + indented(fixed)
        }
    }
    return text
}

/// A code and its name, bold on a terminal that shows colour.
private func heading(_ text: String, _ context: CommandContext) -> String {
    context.terminal.useColor && Terminal.isTerminal(1) ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
}

/// An example, each line indented four spaces.
private func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
}

private func wrap(_ text: String, indent: String, width: Int = 96) -> String {
    var lines: [String] = []
    var line = indent
    for word in text.split(separator: " ") {
        if line.count + word.count + 1 > width, line != indent {
            lines.append(line)
            line = indent
        }
        line += (line == indent ? "" : " ") + word
    }
    lines.append(line)
    return lines.joined(separator: "\n")
}

private func runRules(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    let house = HouseRuleSet.ofRepository(around: context.root ?? FileManager.default.currentDirectoryPath).rules.map(\.description)
    let all = RuleRegistry.descriptions + house
    if arguments[ExplainOptions.format] == .json {
        let rules: [JSONValue] = all.map { rule in
            .object([
                JSONMember("code", .string(rule.code.code)),
                JSONMember("name", .string(rule.name)),
                JSONMember("severity", .string(rule.severity.rawValue)),
                JSONMember("axis", rule.axis.map { .string($0.rawValue) } ?? .null),
                JSONMember("summary", .string(rule.summary)),
                JSONMember("why", .string(rule.why)),
                JSONMember("fix", .string(rule.fix)),
            ])
        }
        context.terminal.out(JSONWriter(pretty: true).string(.object([JSONMember("rules", .array(rules))])) + "\n")
        return ExitCode.success
    }
    let width = all.map(\.name.count).max() ?? 0
    let codeWidth = all.map(\.code.code.count).max() ?? 0
    var text = ""
    for rule in all {
        text += "\(rule.code.code.padding(toLength: codeWidth, withPad: " ", startingAt: 0))  \(rule.name.padding(toLength: width, withPad: " ", startingAt: 0))  "
        text += "\(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)\n"
    }
    context.terminal.out(text)
    return ExitCode.success
}

import Foundation
