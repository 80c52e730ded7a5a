/// Shared example content for the OKR rules: a clean strategic OKR, and ways to break it.
enum OKRExamples {
    static let clean = """
        kind: okr
        id: support-speed
        level: strategic
        cycle: 2026-Q3
        owner: support-lead
        objective: Support engineers resolve priority tickets within one working day
        review: {cadence: monthly}
        key_results:
          - id: resolution-time
            result: Cut median resolution time from 30 to 8 hours
            metric: median hours from ticket opened to resolved
            baseline: 30
            target: 8
            indicator: lagging
            source: support desk report, weekly
            checkins:
              - {date: 2026-07-31, value: 22}
              - {date: 2026-08-14, value: 17}
          - id: pairing
            result: Each engineer pairs on 4 priority tickets a month
            metric: paired priority tickets per engineer per month
            baseline: 0
            target: 4
            indicator: leading
            source: pairing log, monthly
            checkins:
              - {date: 2026-07-31, value: 2}
              - {date: 2026-08-14, value: 3}
        """

    /// The clean example with one piece of text replaced.
    static func with(_ replacements: [(String, String)]) -> String {
        replacements.reduce(clean) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

struct ActivityAsResultRule: ModelRule {
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
        bad: [RuleExample(OKRExamples.with([("result: Cut median resolution time from 30 to 8 hours", "result: Complete three courses on ticket triage"),
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
            let node = result.node["result"] ?? result.node
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

struct TargetEqualsBaselineRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4002", name: "target-equals-baseline", severity: .error, axis: .measurable,
        summary: "a key result whose target equals its baseline while its direction is increase or decrease",
        why: "A target that is already met asks for no change: the key result is done before the cycle starts.",
        fix: "set the target the cycle should reach, or make the direction maintain",
        bad: [RuleExample(OKRExamples.with([("target: 8\n", "target: 30\n    direction: decrease\n")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        okr.keyResults.compactMap { result in
            guard let baseline = result.baseline, let target = result.target, baseline == target,
                  let direction = result.direction, direction == "increase" || direction == "decrease" else { return nil }
            return okr.finding(result.node["target"], result.pointer + "/target",
                               "key result '\(result.id)' has target \(target.text) equal to its baseline, yet its direction is \(direction)",
                               label: "same as the baseline", help: "set the target the cycle should reach, or make the direction maintain")
        }
    }
}

struct DirectionMismatchRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4003", name: "direction-mismatch", severity: .error, axis: .measurable,
        summary: "a key result whose direction contradicts its baseline and target (decrease with a target above the baseline)",
        why: "Either the direction or the numbers are wrong, and progress will be computed the wrong way round.",
        fix: "correct the direction, or swap the baseline and target if they were entered the wrong way",
        bad: [RuleExample(OKRExamples.with([("target: 8\n", "target: 8\n    direction: increase\n")]))],
        good: [RuleExample(OKRExamples.with([("target: 8\n", "target: 8\n    direction: decrease\n")]))])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        okr.keyResults.compactMap { result in
            guard let direction = result.direction, let baseline = result.baseline, let target = result.target else { return nil }
            let contradicts = (direction == "increase" && target.value < baseline.value)
                || (direction == "decrease" && target.value > baseline.value)
                || (direction == "maintain" && target.value != baseline.value)
            guard contradicts else { return nil }
            let implied = target.value > baseline.value ? "increase" : target.value < baseline.value ? "decrease" : "maintain"
            return okr.finding(result.node["direction"], result.pointer + "/direction",
                               "key result '\(result.id)' says \(direction), but goes from \(baseline.text) to \(target.text)",
                               label: "contradicts baseline and target",
                               help: "write 'direction: \(implied)', or correct the baseline and target")
        }
    }
}

struct UnitMismatchRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4004", name: "unit-mismatch", severity: .error, axis: .measurable,
        summary: "a key result whose baseline, target and check-ins mix percentages and plain numbers",
        why: "42% and 42 are different quantities: progress between them cannot be computed, and one of them is a typo.",
        fix: "write every value of the key result the same way: all with %, or none",
        bad: [RuleExample(OKRExamples.with([("baseline: 30\n", "baseline: 30%\n")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for result in okr.keyResults {
            guard let target = result.target else { continue }
            // Values are parsed already: look up nodes and build pointers only for a mismatch.
            var mismatch: (node: Node?, pointer: String, quantity: Quantity)?
            if let baseline = result.baseline, baseline.percent != target.percent {
                mismatch = (result.node["baseline"], result.pointer + "/baseline", baseline)
            } else if let index = result.checkins.firstIndex(where: { $0.value.map { $0.percent != target.percent } ?? false }) {
                mismatch = (result.checkins[index].node["value"], result.pointer + "/checkins/\(index)/value", result.checkins[index].value!)
            }
            guard let mismatch else { continue }
            findings.append(okr.finding(
                mismatch.node, mismatch.pointer,
                "key result '\(result.id)' mixes \(target.percent ? "a percentage target" : "a plain-number target") (\(target.text)) with \(mismatch.quantity.text)",
                label: target.percent ? "not a percentage" : "a percentage",
                help: "write every value of the key result the same way: all with %, or none"))
        }
        return findings
    }
}

struct DueOutsideCycleRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4005", name: "due-outside-cycle", severity: .error, axis: .measurable,
        summary: "a due date or check-in outside the OKR's cycle",
        why: "A key result belongs to its cycle: a date outside it is a typo, or a result that belongs to another OKR.",
        fix: "move the date inside the cycle, or the key result to the OKR of that cycle",
        bad: [RuleExample(OKRExamples.with([("{date: 2026-07-31, value: 22}", "{date: 2026-10-02, value: 22}")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let cycle = okr.cycle else { return [] }
        let cycleText = cycle.text
        var findings: [Finding] = []
        var range: String { "\(cycle.start) to \(cycle.end)" }
        for result in okr.keyResults {
            if let date = result.due, !cycle.contains(date), let due = result.node["due"] {
                findings.append(okr.finding(due, result.pointer + "/due", "key result '\(result.id)' is due \(date), outside the cycle \(cycleText)",
                                            label: "outside \(range)", help: "use a date from \(range)"))
            }
            var previous: CalendarDate?
            for (index, checkin) in result.checkins.enumerated() {
                guard let date = checkin.date else { continue }
                if !cycle.contains(date), let node = checkin.node["date"] {
                    findings.append(okr.finding(node, result.pointer + "/checkins/\(index)/date",
                                                "check-in of '\(result.id)' on \(date) is outside the cycle \(cycleText)",
                                                label: "outside \(range)", help: "use a date from \(range)"))
                } else if let previous, date < previous, let node = checkin.node["date"] {
                    findings.append(okr.finding(node, result.pointer + "/checkins/\(index)/date",
                                                "check-ins of '\(result.id)' are out of order: \(date) comes after \(previous)",
                                                label: "earlier than the check-in above", help: "list check-ins in date order"))
                }
                previous = max(previous ?? date, date)
            }
        }
        return findings
    }
}

struct MissingLeadingIndicatorRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4006", name: "missing-leading-indicator", severity: .warning, axis: .measurable,
        summary: "an OKR with no leading key result, so nothing shows progress during the cycle",
        why: "Lagging results arrive at the end of the cycle; a leading indicator (practice done, behaviour observed) shows within weeks whether they will.",
        fix: "add a key result that moves during the cycle, with 'indicator: leading'",
        bad: [RuleExample(OKRExamples.with([("indicator: leading", "indicator: lagging")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let results = okr.keyResults
        guard !results.isEmpty, !results.contains(where: { $0.indicator == "leading" }) else { return [] }
        return [okr.finding(okr.root["key_results"], "/key_results", "OKR '\(okr.id)' has no leading key result",
                            label: "all lagging", help: "add a key result that moves during the cycle, with 'indicator: leading'")]
    }
}

struct MissingLaggingResultRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4007", name: "missing-lagging-result", severity: .warning, axis: .measurable,
        summary: "an OKR with no lagging key result, so nothing measures the business impact",
        why: "Activity and behaviour matter because of what they change; without a lagging result no one checks that they did.",
        fix: "add the business result the OKR should change, with 'indicator: lagging'",
        bad: [RuleExample(OKRExamples.with([("indicator: lagging", "indicator: leading")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let results = okr.keyResults
        guard !results.isEmpty, !results.contains(where: { $0.indicator == "lagging" }) else { return [] }
        return [okr.finding(okr.root["key_results"], "/key_results", "OKR '\(okr.id)' has no lagging key result",
                            label: "all leading", help: "add the business result the OKR should change, with 'indicator: lagging'")]
    }
}

struct KeyResultCountRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4008", name: "key-result-count", severity: .warning, axis: .measurable,
        summary: "an OKR with fewer than 2 or more than 5 key results",
        why: "One key result rarely captures an objective, and more than five split attention until none gets it.",
        fix: "keep two to five key results: at least one leading and one lagging",
        bad: [RuleExample(OKRExamples.clean.components(separatedBy: "  - id: pairing")[0])],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let count = okr.keyResults.count
        guard count < 2 || count > 5, let node = okr.root["key_results"] else { return [] }
        return [okr.finding(node, "/key_results", "OKR '\(okr.id)' has \(count) key result\(count == 1 ? "" : "s"); 2 to 5 work best",
                            label: count < 2 ? "too few" : "too many",
                            help: count < 2 ? "add a key result, so that there is at least one leading and one lagging"
                                : "keep the 5 that matter most; move the rest to another OKR or drop them")]
    }
}

struct TextTargetDisagreesRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4009", name: "text-target-disagrees", severity: .warning, axis: .measurable,
        summary: "a key result statement that quotes a number different from its structured target",
        why: "When the sentence says 75% and the target says 80%, one of them is out of date, and readers and the progress bar disagree.",
        fix: "make the statement quote the target, or drop the number from the statement",
        bad: [RuleExample(OKRExamples.with([("from 30 to 8 hours", "from 30 to 6 hours")]))],
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
            guard let node = result.node["result"] else { continue }
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

struct UnalignedOKRRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4010", name: "unaligned-okr", severity: .error, axis: nil,
        summary: "a team or developmental OKR with no aligned_to, or aligned to an OKR of the same or a lower level",
        why: "Developmental and team OKRs exist to serve the strategy; one that aligns to nothing above it cannot show what it serves.",
        fix: "align team OKRs to a strategic OKR, and developmental OKRs to a team or strategic OKR",
        bad: [RuleExample(OKRExamples.with([("level: strategic", "level: developmental")]))],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    static func rank(_ level: String?) -> Int? {
        switch level {
        case "strategic": return 0
        case "team": return 1
        case "developmental": return 2
        default: return nil
        }
    }

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard let level = okr.level, let rank = Self.rank(level) else { return [] }
        let targets = okr.items("aligned_to")
        if rank > 0 && targets.isEmpty {
            let node = okr.root["aligned_to"] ?? okr.root["level"]
            return [okr.finding(node, okr.root["aligned_to"] != nil ? "/aligned_to" : "/level",
                                "\(level) OKR '\(okr.id)' is not aligned to any higher-level OKR", label: "no 'aligned_to'",
                                help: "add 'aligned_to: [OKR-ID]' naming the \(rank == 1 ? "strategic" : "team or strategic") OKR it serves")]
        }
        var findings: [Finding] = []
        for (index, target) in targets.enumerated() {
            guard let id = target.string, let parent = context.model.entity(.okr, id), let parentLevel = parent.level,
                  let parentRank = Self.rank(parentLevel), parentRank >= rank else { continue }
            findings.append(okr.finding(
                target, "/aligned_to/\(index)",
                "\(level) OKR '\(okr.id)' is aligned to '\(id)', \(parentRank == rank ? "an OKR of the same level" : "a lower-level OKR") (\(parentLevel))",
                label: "must be a higher level",
                help: rank == 0 ? "a strategic OKR aligns to nothing: remove 'aligned_to'" : "align it to \(rank == 1 ? "a strategic" : "a team or strategic") OKR"))
        }
        return findings
    }
}

struct UnsupportedStrategyRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4011", name: "unsupported-strategy", severity: .info, axis: nil,
        summary: "a strategic OKR that no developmental OKR, pathway or competency supports",
        why: "Talent development serves the strategy: a strategic OKR nothing supports is a gap in the plan, or a sign the links are missing.",
        fix: "align a developmental OKR to it, name its key results in a pathway's drives, or list it in a competency's supports",
        bad: [RuleExample(OKRExamples.clean)],
        good: [RuleExample(OKRExamples.clean + """

            ---
            kind: competency
            id: ticket-triage
            name: Ticket triage
            supports: [support-speed]
            levels:
              - {level: 1, name: Guided, behaviors: [Sorts tickets by priority using the runbook]}
              - {level: 2, name: Independent, behaviors: [Sorts tickets by priority without assistance]}
            """)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard okr.level == "strategic", !context.supportedStrategies.contains(okr.id) else { return [] }
        return [okr.finding(okr.root["objective"] ?? okr.idNode, okr.root["objective"] != nil ? "/objective" : "/id",
                            "strategic OKR '\(okr.id)' has nothing that develops people for it", label: "unsupported",
                            help: "align a developmental OKR to it, name its key results in a pathway's 'drives', or list it in a competency's 'supports'")]
    }
}

let okrRules: [any ModelRule] = [
    ActivityAsResultRule(), TargetEqualsBaselineRule(), DirectionMismatchRule(), UnitMismatchRule(), DueOutsideCycleRule(),
    MissingLeadingIndicatorRule(), MissingLaggingResultRule(), KeyResultCountRule(), TextTargetDisagreesRule(),
    UnalignedOKRRule(), UnsupportedStrategyRule(), NoMeasureRule(),
]

import Foundation
