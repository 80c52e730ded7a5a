/// PW4013: a key result without the measure that makes it one: what is counted (metric), where
/// it stands (baseline), where it should get to (target) and where the figure comes from (source).
/// One finding per key result, whatever is missing, instead of one schema error per field.
struct NoMeasureRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4013", name: "no-measure", severity: .error, axis: .measurable,
        summary: "a key result with no measure: no metric, baseline, target or source of the figure",
        why: """
            A key result is a measure: what is counted, where it stands today, where it should be by the \
            end of the cycle, and where the figure comes from. Without them progress cannot be tracked, \
            and numbers invented to fill the fields are worse than none: find out what you would count \
            and who can read it for you.
            """,
        fix: "name the metric and the source of its figure, then read today's value as the baseline and set the target",
        bad: [RuleExample(OKRExamples.with([("    metric: median hours from ticket opened to resolved\n    baseline: 30\n    target: 8\n", ""),
                                            ("    source: support desk report, weekly\n    checkins:\n      - {date: 2026-07-31, value: 22}\n      - {date: 2026-08-14, value: 17}\n", ""),
                                            ("result: Cut median", "result: ↓Cut median")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        okr.keyResults.compactMap { result in
            var missing: [String] = []
            if result.metric == nil { missing.append("metric") }
            if result.baseline == nil && result.node[.baseline] == nil { missing.append("baseline") }
            if result.target == nil && result.node[.target] == nil { missing.append("target") }
            if !result.hasSource { missing.append("source") }
            guard !missing.isEmpty else { return nil }
            let message: String
            let help: String
            if missing.count >= 3 || (missing.contains("metric") && missing.contains("target")) {
                message = "key result '\(result.id)' has no measure"
                help = "say what will be counted ('metric:') and where the figure comes from ('source:'); then read today's value as the 'baseline:' and set the 'target:'"
            } else {
                message = "key result '\(result.id)' has no \(Self.list(missing))"
                help = Self.help(for: missing)
            }
            return okr.finding(result.node[.result] ?? result.node, result.resultPointer, message, label: "no measure", help: help)
        }
    }

    static func list(_ words: [String]) -> String {
        words.count <= 1 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }

    static func help(for missing: [String]) -> String {
        var parts: [String] = []
        if missing.contains("metric") { parts.append("say what is counted ('metric:')") }
        if missing.contains("source") { parts.append("say where the figure comes from and how often ('source:')") }
        if missing.contains("baseline") { parts.append("read where the metric stands today from its source ('baseline:')") }
        if missing.contains("target") { parts.append("set where it should be by the end of the cycle ('target:')") }
        return parts.joined(separator: "; ")
    }
}
