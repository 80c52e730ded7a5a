/// What each profile makes of the rules and the word lists.
extension QualityProfile {
    /// The rules that judge wording: the text rules, and the rules of key results that read what
    /// a result counts. (Rules about structure, dates and references are the same in every profile.)
    static let judgementRules: Set<String> = Set(RuleRegistry.textRules.map(\.description.name)).union(["activity-as-result", "no-measure"])

    static func judges(_ rule: RuleDescription) -> Bool { judgementRules.contains(rule.name) }

    /// What lenient makes of the judgement rules: information, or nothing.
    static let lenientSeverities: [String: Severity?] = [
        "compound-statement": .info, "hedged-standard": .info, "too-long": .info, "too-short": .info,
        "trait-statement": .info, "absence": .info, "aspirational-objective": .info, "vague-term": .info,
        "hedged-commitment": nil, "placeholder": .warning, "unobservable-verb": .warning, "no-measure": .warning,
    ]

    /// The severity of a rule under this profile, nil when it is off.
    public func severity(of rule: RuleDescription) -> Severity? {
        switch self {
        case .standard:
            return rule.severity
        case .strict:
            guard Self.judges(rule) else { return rule.severity }
            return rule.severity == .info ? .warning : .error
        case .lenient:
            guard Self.judges(rule) else { return rule.severity }
            if let lenient = Self.lenientSeverities[rule.name] { return lenient }
            return rule.severity == .error ? .warning : rule.severity
        }
    }

    /// Borderline words that lenient takes out of the lists, by `vocabulary` key: qualities that are
    /// vague in a strict reading but common in frameworks people are happy with.
    var vocabularyRemovals: [String: [String]] {
        guard self == .lenient else { return [:] }
        return [
            "behaviour_vague_terms": ["clean", "clear", "clearly", "concise", "concisely", "constructive", "constructively", "good",
                                      "healthy", "modern", "professional", "professionally", "quickly", "relevant", "reliable",
                                      "right", "sound", "strong", "thoughtful", "thoughtfully", "well", "widely", "accurate",
                                      "accurately", "maintainable", "sustained", "promptly", "positively"],
            "empty_phrases": ["work with", "work closely with", "work alongside", "work within", "partner with", "liaise with"],
        ]
    }
}

extension ProjectConfig {
    /// The word-list changes a run uses: the profile's, then pathc.yaml's own (which may add back
    /// what the profile took out).
    public var effectiveVocabulary: [String: WordListChange] {
        var changes = vocabulary
        for (key, removed) in profile.vocabularyRemovals {
            var change = changes[key] ?? WordListChange()
            let added = Set(change.add.map { $0.lowercased() })
            change.remove += removed.filter { !added.contains($0) }
            changes[key] = change
        }
        return changes
    }
}
