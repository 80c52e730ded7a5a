/// docs/rules.md: every built-in rule as its description and the examples its tests run (without
/// their markers), so that the page always says what pathc does. A test compares the page with
/// this text; `pathc-bench rules-doc` prints it (scripts/generate-rules-doc).
public enum RulesDocument {
    public static var markdown: String {
        var text = """
            # Rules

            Every rule pathc runs over the content, with its default severity, what it finds, why it
            matters, what to write instead and its examples: a bad example triggers the rule and a good
            one does not, for the examples are the rules' tests too. This page is generated from the
            rules' own descriptions by `scripts/generate-rules-doc`. `pathc explain RULE` shows the same
            in the terminal, [codes.md](codes.md) lists every code pathc prints,
            [judgement.md](judgement.md) says how the rules read a statement, and
            [guide.md](guide.md) how to change a rule's severity or silence one finding.

            | code | name | severity | what it finds |
            | --- | --- | --- | --- |

            """
        let rules = (RuleRegistry.textRules.map { ($0.description, reads(fields: $0.fields)) }
            + RuleRegistry.modelRules.map { ($0.description, reads(kinds: $0.kinds)) }).sorted { $0.0.code.code < $1.0.code.code }
        for (rule, _) in rules {
            let anchor = "\(rule.code.code) \(rule.name)".lowercased().replacingSpaces(with: "-")
            text += "| [\(rule.code.code)](#\(anchor)) | \(rule.name) | \(rule.severity.rawValue) | \(rule.summary.escapingPipes) |\n"
        }
        for (rule, reads) in rules {
            text += "\n## \(rule.code.code) \(rule.name)\n\n"
            text += "Severity: \(rule.severity.rawValue)"
            if let axis = rule.axis { text += "; fails the \(axis.rawValue) axis" }
            text += ". Reads \(reads).\n\n"
            text += "What it finds: \(rule.summary).\n\n\(rule.why)\n\n**Instead:** \(rule.fix).\n"
            for (title, examples) in [("Bad", rule.bad), ("Good", rule.good)] where !examples.isEmpty {
                text += "\n\(title):\n\n"
                for example in examples {
                    if let field = example.field {
                        text += "- \(field.words): `\(example.text)`\n"
                    } else {
                        text += "```yaml\n\(example.text)\n```\n"
                    }
                }
            }
        }
        return text
    }

    private static func reads(fields: Set<StatementField>) -> String {
        guard fields.count < StatementField.allCases.count else { return "every statement" }
        return StatementField.allCases.filter(fields.contains).map { field in
            switch field {
            case .criterion: return "success criteria"
            case .other: return "other text marked for review"
            default: return field.words + "s"
            }
        }.joined(separator: ", ")
    }

    private static func reads(kinds: Set<EntityKind>) -> String {
        guard kinds.count < EntityKind.allCases.count else { return "every file" }
        return EntityKind.allCases.filter(kinds.contains).map { $0 == .okr ? "OKRs" : $0.plural }.joined(separator: ", ")
    }
}

private extension String {
    var escapingPipes: String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }

    func replacingSpaces(with replacement: String) -> String { split(separator: " ").joined(separator: replacement) }
}
