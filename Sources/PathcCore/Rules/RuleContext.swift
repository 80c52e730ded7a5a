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

    /// `answers` come from the whole repository: a check passes those it has worked out; without
    /// them they are worked out from the model (a model made in memory, as tests make).
    init(model: Model, vocabulary: Vocabulary, config: ProjectConfig, today: CalendarDate, answers: RepositoryAnswers? = nil) {
        self.model = model
        self.vocabulary = vocabulary
        self.config = config
        self.today = today
        let answers = answers ?? RepositoryFacts(model: model).answers()
        rubricLevels = answers.rubricLevels
        supportedStrategies = answers.supportedStrategies
    }
}
