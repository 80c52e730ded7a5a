/// What rules see besides their subject: the whole model, the word lists, the config and the date.
public struct RuleContext: Sendable {
    public let model: Model
    public let vocabulary: Vocabulary
    public let config: ProjectConfig
    /// The evaluation date (`today` in pathc.yaml, or the current date).
    public let today: CalendarDate
    /// The level names of every rubric in the repository, lowercased ("proficient"), which count
    /// as a standard in a criterion.
    let rubricLevels: Set<String>
    /// Strategic OKRs that something develops people for (see unsupported-strategy).
    let supportedStrategies: Set<String>
    /// Analyses of texts made once per run by the engine, by text.
    var analyses: [String: TextAnalysis] = [:]
    /// The repository's own rules about wording.
    var houseRules: [HouseRule] = []

    /// `rubricLevels` and `supportedStrategies` come from the whole repository: pass them when
    /// the model holds only part of it (`check --since`).
    init(model: Model, vocabulary: Vocabulary, config: ProjectConfig, today: CalendarDate,
         rubricLevels: Set<String>? = nil, supportedStrategies: Set<String>? = nil) {
        self.model = model
        self.vocabulary = vocabulary
        self.config = config
        self.today = today
        if let rubricLevels {
            self.rubricLevels = rubricLevels
        } else {
            var levels: Set<String> = []
            for rubric in model.all(.rubric) {
                for level in rubric.root["scale"]?.sequence ?? [] { if let name = level.scalar?.text { levels.insert(name.lowercased()) } }
            }
            self.rubricLevels = levels
        }
        self.supportedStrategies = supportedStrategies ?? UnsupportedStrategyRule.supported(model)
    }
}
