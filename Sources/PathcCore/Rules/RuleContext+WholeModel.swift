extension RuleContext {
    /// The context of a run over the whole model with the repository's word lists, for the
    /// package's other targets (pathc-bench times the rules in it).
    package static func wholeModel(_ model: Model, config: ProjectConfig) -> RuleContext {
        RuleContext(model: model, vocabulary: .with(config.effectiveVocabulary), config: config, today: config.evaluationDay)
    }
}
