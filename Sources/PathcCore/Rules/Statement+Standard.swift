extension Statement {
    /// The statement sets a standard: a number, a degree phrase ("without assistance",
    /// "within"), a rubric level or a word such as "score" or "threshold".
    /// With `quantifiers`, "every decision" and "all tickets" count too (a completeness standard
    /// for a criterion, but no target for a key result's direction).
    func hasStandard(_ context: RuleContext, quantifiers: Bool = false) -> Bool {
        if analysis.hasNumber { return true }
        for index in analysis.words {
            let flags = analysis.info[index].flags
            if flags.contains(.standardWord) || (quantifiers && flags.contains(.quantifier)) { return true }
        }
        if context.vocabulary.degreePhrases.contains(in: analysis) { return true }
        // A rubric level name ("scored Proficient"), or "level" and a level ("level 3").
        guard !context.rubricLevels.isEmpty || analysis.words.contains(where: { analysis.tokens[$0].text == "level" }) else { return false }
        for (position, index) in analysis.words.enumerated() {
            let word = analysis.tokens[index].text
            if context.rubricLevels.contains(word) { return true }
            if word == "level", position + 1 < analysis.words.count, analysis.tokens[analysis.words[position + 1]].kind == .number { return true }
        }
        return false
    }
}
