struct HedgedCommitmentRule: TextRule {
    var description: RuleDescription { Self.description }
    /// "by 31 May", "May 2027", "in May": the month, not the modal.
    static func isMonth(_ analysis: TextAnalysis, _ index: Int) -> Bool {
        let token = analysis.tokens[index]
        guard token.text == "may" else { return false }
        guard let position = analysis.words.firstIndex(of: index) else { return false }
        let before = position > 0 ? analysis.tokens[analysis.words[position - 1]] : nil
        let after = position + 1 < analysis.words.count ? analysis.tokens[analysis.words[position + 1]] : nil
        if before?.kind == .number || after?.kind == .number { return true }
        if ["in", "by", "since", "until", "end", "mid", "early", "late", "of"].contains(before?.text ?? "") { return true }
        return token.capitalized && position > 0
    }

    static let description = RuleDescription(
        code: "PW3006", name: "hedged-commitment", severity: .info, axis: .specific,
        summary: "a hedge that softens the commitment: may, might, could, hopefully, ideally",
        why: """
            A goal that "might" happen has already excused itself. Objectives and targets are commitments; \
            uncertainty belongs in the confidence of the check-ins, not in the statement.
            """,
        fix: "state the commitment plainly: \"Account executives resolve ...\"",
        bad: [RuleExample("Account executives ↓might resolve objections within two interactions", field: .objective),
              RuleExample("↓Hopefully cut onboarding time to 6 weeks", field: .keyResult)],
        good: [RuleExample("Account executives resolve objections within two interactions", field: .objective)])
    /// Behaviours, descriptors, criteria and outcomes have hedged-standard.
    let fields: Set<StatementField> = [.objective, .keyResult, .task, .other]

    func check(_ statement: Statement, _ context: RuleContext) -> [Finding] {
        let analysis = statement.analysis
        var range: Range<Int>?
        if let index = analysis.words.first(where: { index in
            analysis.info[index].flags.contains(.hedge) && !Self.isMonth(analysis, index) && !Self.qualifiesAWord(analysis, index)
        }) {
            range = statement.range(index)
        } else if let (_, positions) = context.vocabulary.hedgePhrases.first(in: analysis) {
            range = analysis.characters(positions)
        }
        guard let range else { return [] }
        let word = statement.substring(range)
        return [statement.finding(at: range, "'\(word)' hedges the commitment", label: "hedge",
                                  help: "state what will happen, without '\(word)'")]
    }

    /// "typically overrepresented groups": the hedge describes a word, not the commitment.
    static func qualifiesAWord(_ analysis: TextAnalysis, _ index: Int) -> Bool {
        guard let next = analysis.wordAfter(index) else { return false }
        let tag = analysis.tags[next]
        if tag.tag == .adjective || (tag.tag == .verb && tag.form == .past && !analysis.predicates.contains(next)) { return true }
        // A word the lexicon lacks, before a noun: a modifier of it.
        if !tag.known, let after = analysis.wordAfter(next), analysis.tags[after].tag == .noun { return true }
        return false
    }
}
