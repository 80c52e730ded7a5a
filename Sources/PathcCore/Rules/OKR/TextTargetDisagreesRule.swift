struct TextTargetDisagreesRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4009", name: "text-target-disagrees", severity: .warning, axis: .measurable,
        summary: "a key result statement that quotes a number different from its structured target",
        why: "When the sentence says 75% and the target says 80%, one of them is out of date, and readers and the progress bar disagree.",
        fix: "make the statement quote the target, or drop the number from the statement",
        bad: [RuleExample(OKRExamples.with([("result: Cut median resolution time from 30 to 8 hours", "result: ↓Cut median resolution time from 30 to 6 hours")]))],
        good: [RuleExample(OKRExamples.clean),
               // A ratio in words is the target as a percentage: 8 of 10 is 80%.
               RuleExample(OKRExamples.with([("result: Cut median resolution time from 30 to 8 hours", "result: Resolve 8 of 10 priority tickets within a day"),
                                             ("baseline: 30\n    target: 8", "baseline: 50%\n    target: 80%"),
                                             ("value: 22", "value: 60%"), ("value: 17", "value: 70%")]))])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for result in okr.keyResults {
            guard let target = result.target, let text = result.result else { continue }
            let tokens = (statements.first { $0.pointer == result.resultPointer }?.analysis ?? context.analyses[text])?.tokens ?? TextAnalysis.tokenize(text)
            let numbers = Self.numbers(in: tokens)
            guard !numbers.isEmpty else { continue }
            // The baseline may be quoted too ("from 42% to 75%"), but the target must be.
            if numbers.contains(where: { abs($0 - target.value) < 1e-9 }) { continue }
            guard let node = result.node[.result] else { continue }
            let quoted = numbers.map { $0.rounded() == $0 ? String(Int($0)) : String($0) }
            findings.append(okr.finding(node, result.pointer + "/result",
                                        "key result '\(result.id)' quotes \(quoted.joined(separator: ", ")) but its target is \(target.text)",
                                        label: "does not match the target",
                                        help: "quote the target (\(target.text)) in the statement, or correct the target"))
        }
        return findings
    }


    /// The numbers a statement quotes, leaving out years, quarters and dates, and scaling 2k and $2M.
    static func numbers(in text: String) -> [Double] { numbers(in: TextAnalysis.tokenize(text)) }

    static func numbers(in tokens: [Token]) -> [Double] {
        var found: [Double] = []
        for (index, token) in tokens.enumerated() {
            guard token.kind == .number, let value = token.number else { continue }
            // A year on its own ("by 2026") is a date, not a quantity.
            if token.text.utf8.count == 4, value.rounded() == value, (1900...2100).contains(value),
               token.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { continue }
            found.append(value)
            // "8 of 10", "1 in 5", "9 out of 10": a ratio, which a target may give as a percentage.
            if let whole = TextAnalysis.ratioDenominator(after: index, in: tokens), whole > 0, value <= whole {
                found.append((value / whole * 1000).rounded() / 10)
            }
        }
        return found
    }



}
