import Foundation

/// Every rule pathc has, for `explain`, `rules`, configuration and the engine. The lists of
/// rules, `textRules` and `modelRules`, are made from the rule files by
/// scripts/generate-rule-registry (RuleRegistry+Generated.swift).
public enum RuleRegistry {
    /// Every rule's description, by code.
    public static let descriptions: [RuleDescription] =
        (textRules.map(\.description) + modelRules.map(\.description)).sorted { $0.code.code < $1.code.code }

    /// The rules that declare words of the lexicon, in registry order.
    static var wordDeclarations: [any DeclaresWords.Type] {
        textRules.compactMap { type(of: $0) as? any DeclaresWords.Type } + modelRules.compactMap { type(of: $0) as? any DeclaresWords.Type }
    }

    /// A rule by code (`PW3003`) or name (`vague-term`), case-insensitively.
    public static func find(_ key: String) -> RuleDescription? {
        let key = key.lowercased()
        return descriptions.first { $0.code.code.lowercased() == key || $0.name == key }
    }

    /// Codes and names that configuration and suppressions may name: the rules, and
    /// unused-suppression.
    public static var configurableKeys: [String] {
        descriptions.flatMap { [$0.code.code, $0.name] } + [SuppressionCode.unused.code, SuppressionCode.unused.name]
    }
}
