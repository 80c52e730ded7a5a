struct MissingDegreeRule: TextRule, DeclaresWords {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3009", name: "missing-degree", severity: .warning, axis: .measurable,
        summary: "a milestone outcome, success criterion or key result with no standard to meet",
        why: """
            The degree in the ABCD objective model (audience, behaviour, condition, degree) is what turns \
            a behaviour into a pass or a fail: a number, a threshold, a time limit, a rubric level, or \
            "without assistance". Without it every attempt passes.
            """,
        fix: "add the standard: \"within 30 minutes\", \"8 of 10\", \"scored Proficient on the rubric\", \"without assistance\"",
        bad: [RuleExample("↓Presents the quarterly forecast to the leadership team", field: .criterion),
              RuleExample("↓Diagnoses the cause of routine tickets", field: .outcome),
              RuleExample("↓Launch the redesigned onboarding flow", field: .keyResult)],
        good: [RuleExample("Presents the quarterly forecast in under 10 minutes", field: .criterion),
               RuleExample("Diagnoses the cause of routine tickets without assistance", field: .outcome),
               RuleExample("Scores Proficient on every criterion of the facilitation rubric", field: .criterion)])
    let fields: Set<StatementField> = [.outcome, .criterion, .keyResult]

    static let comparators: [Phrase] = ["at least", "at most", "no more than", "no fewer than", "fewer than", "less than",
                                        "more than", "within", "under", "before", "zero", "none"].map(Phrase.init)
    static let standardWords: Set<String> = ["proficient", "rubric", "score", "scored", "scores", "rated", "threshold",
                                             "benchmark", "deadline", "pass", "passes", "passed", "sla"]
    static let lexiconWords = [WordMark(.standardWord, standardWords)]
    static var degreePhrases: [Phrase] { comparators }

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        // "Every release has a rollback plan", "No incident goes without a review": all, every,
        // none and always are standards too.
        if statement.hasStandard(context, quantifiers: true) { return [] }
        if statement.analysis.words.contains(where: { ["always", "never", "zero"].contains(statement.analysis.tokens[$0].text) }) { return [] }
        return [statement.finding(
            at: nil, "the \(statement.field.words) sets no standard to meet", label: "no number, threshold, time limit or rubric level",
            help: "add the degree: a number (8 of 10), a time limit (within 30 minutes), a rubric level, or 'without assistance'")]
    }
}
