struct AbilityWordingRule: TextRule, DeclaresWords {
    var description: RuleDescription { Self.description }
    /// Words that open a clause of its own: "... so that a new user can finish setup".
    static let subordinators: Set<String> = ["that", "so", "which", "who", "where", "when", "until", "unless", "if", "whether"]
    static let lexiconWords = [WordMark(.subordinator, subordinators)]

    static let thingSubjects = WordList("thing_subjects", "things whose capacity \"can\" describes: the system can handle 1 TB", [
        "api", "apis", "app", "apps", "application", "applications", "cluster", "clusters", "component", "components",
        "database", "databases", "dashboard", "feature", "features", "infrastructure", "library", "model", "models",
        "pipeline", "pipelines", "platform", "platforms", "process", "processes", "product", "products", "server", "servers",
        "service", "services", "site", "software", "solution", "system", "systems", "tool", "tooling", "tools", "website",
        "it", "they", "users", "customers", "readers", "anyone", "everyone", "others", "people", "visitors", "developers",
        "contributors", "teams", "clients", "members", "we",
    ])

    static let description = RuleDescription(
        code: "PW3008", name: "ability-wording", severity: .warning, axis: .observable,
        summary: "\"be able to\", \"can\", \"will be capable of\": an ability, not the behaviour itself",
        why: """
            Being able to do something is a potential no one sees; doing it is what an assessor observes. \
            "Can write tests" passes on a promise; "Writes tests for every change" passes on evidence.
            """,
        fix: "state the behaviour itself: \"Writes tests\", not \"Can write tests\"",
        bad: [RuleExample("Participants will ↓be able to write unit tests for their changes", field: .outcome),
              RuleExample("↓Can present the quarterly forecast to the leadership team", field: .criterion)],
        good: [RuleExample("Writes unit tests for every change before review", field: .criterion),
               RuleExample("Raise the share of requests the service can handle within 200 ms to 99%", field: .keyResult)])
    let fields = allStatementFields

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        guard let (_, positions) = context.vocabulary.abilityPhrases.first(in: statement.analysis) else { return [] }
        // "The pipeline can handle 1 TB a day": the capacity of a thing, not a person's ability.
        let analysis = statement.analysis
        if positions.lowerBound > 0 {
            let before = analysis.words[positions.lowerBound - 1]
            if analysis.lists.contains(.thingSubjects, token: before) || (analysis.tags[before].tag == .noun && analysis.tags[before].field == .nounArtifact) {
                return []
            }
        }
        // "... so that a new user can finish setup": the ability belongs to someone else's clause.
        if (max(0, positions.lowerBound - 4)..<positions.lowerBound).contains(where: { statement.analysis.flags(atWord: $0).contains(.subordinator) }) {
            return []
        }
        let range = statement.analysis.characters(positions)
        let words = statement.substring(range)
        return [statement.finding(at: range, "'\(words)' states an ability, not the behaviour", label: "ability",
                                  help: "state the behaviour itself: 'Writes tests', not 'Can write tests'")]
    }
}
