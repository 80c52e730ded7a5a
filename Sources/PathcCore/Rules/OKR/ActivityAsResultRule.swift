struct ActivityAsResultRule: ModelRule, DeclaresWords {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4001", name: "activity-as-result", severity: .warning, axis: .measurable,
        summary: "a lagging key result that counts activity (courses completed, sessions attended), not impact",
        why: """
            Completing three courses shows that time was spent, not that anything changed. Participation \
            is a leading indicator at best; the strong measures are behaviour on the job and business \
            results (Kirkpatrick levels 3 and 4).
            """,
        fix: "measure what the activity should change (\"Cut escalations per engineer from 9 to 4 a month\"), or mark the activity as a leading indicator",
        bad: [RuleExample(OKRExamples.with([("result: Cut median resolution time from 30 to 8 hours", "result: ↓Complete three courses on ticket triage"),
                                            ("metric: median hours from ticket opened to resolved", "metric: courses completed per engineer"),
                                            ("baseline: 30\n    target: 8", "baseline: 0\n    target: 3"),
                                            ("value: 22", "value: 1"), ("value: 17", "value: 2")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for result in okr.keyResults where result.isLagging {
            let text = result.result
            let analysis = statements.first { $0.pointer == result.resultPointer }?.analysis ?? text.flatMap { context.analyses[$0] }
            var word = analysis.map { Self.activity(in: $0) } ?? text.flatMap { Self.activity(in: $0, context.vocabulary) }
            if word == nil, let metric = result.metric {
                word = context.analyses[metric].map { Self.activity(in: $0) } ?? Self.activity(inMetric: metric, context.vocabulary)
            }
            guard let word else { continue }
            let node = result.node[.result] ?? result.node
            findings.append(okr.finding(
                node, result.pointer + "/result",
                "lagging key result '\(result.id)' counts activity ('\(word)'), not impact",
                label: "activity, not a result",
                help: "measure what the activity should change on the job or in the business, or make this a leading indicator"))
        }
        return findings
    }

}

extension ActivityAsResultRule {
    /// The word that shows a statement counts learning activity ("complete ... courses",
    /// "training hours", "attendance"), if it does.
    static func activity(in text: String, _ vocabulary: Vocabulary) -> String? {
        activity(in: TextAnalysis(text, vocabulary: vocabulary))
    }

    /// The cheaper test for a metric: its words only, no sentence structure.
    static func activity(inMetric text: String, _ vocabulary: Vocabulary) -> String? {
        let tokens = TextAnalysis.tokenize(text)
        var verb: String?, object = false
        var previousWasObject = false
        for token in tokens where token.kind == .word {
            let flags = vocabulary.lexicon[token.text]?.flags ?? []
            if flags.contains(.activityVerb) { verb = verb ?? token.text } else if flags.contains(.activityObject) { object = true }
            if flags.contains(.countedActivity) || (previousWasObject && flags.contains(.countingWord)) { return token.text }
            previousWasObject = flags.contains(.activityObject)
        }
        return object ? verb : nil
    }


    static let countedWords: Set<String> = ["attendance", "participation", "enrolment", "enrollment", "completions"]
    static let countingWords: Set<String> = ["hours", "held", "completed", "attended", "taken", "delivered", "logged"]
    static let lexiconWords = [WordMark(.countedActivity, countedWords), WordMark(.countingWord, countingWords)]
    static let activityMainVerbs: Set<String> = ["consult", "help", "attend", "participate"]

    static func activity(in analysis: TextAnalysis) -> String? {
        var verb: Int?, object = false
        for (position, index) in analysis.words.enumerated() {
            let flags = analysis.info[index].flags
            if flags.contains(.activityVerb) {
                verb = verb ?? index
            } else if flags.contains(.activityObject) {
                object = true
            }
            if flags.contains(.countedActivity) { return analysis.tokens[index].text }
            // "training hours", "sessions held", "courses completed", "completion rate"
            guard position + 1 < analysis.words.count else { continue }
            let next = analysis.words[position + 1]
            if flags.contains(.activityObject), analysis.info[next].flags.contains(.countingWord) {
                return analysis.tokens[index].text + " " + analysis.tokens[next].text
            }
            if analysis.tokens[index].range.count == 10, analysis.tokens[index].text == "completion",
               analysis.tokens[next].text.hasPrefix("rate") { return "completion rate" }
        }
        if object, let verb { return analysis.tokens[verb].text }
        if let main = analysis.mainVerb, activityMainVerbs.contains(main.base) { return analysis.tokens[main.index].text }
        return nil
    }

}
