import Foundation

struct KeyResultCountRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4008", name: "key-result-count", severity: .warning, axis: .measurable,
        summary: "an OKR with fewer than 2 or more than 5 key results",
        why: "One key result rarely captures an objective, and more than five split attention until none gets it.",
        fix: "keep two to five key results: at least one leading and one lagging",
        bad: [RuleExample(OKRExamples.with([OKRExamples.markKeyResults]).components(separatedBy: "  - id: pairing")[0])],
        good: [RuleExample(OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.okr]

    func check(_ okr: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let count = okr.keyResults.count
        guard count < 2 || count > 5, let node = okr.root[.keyResults] else { return [] }
        return [okr.finding(node, "/key_results", "OKR '\(okr.id)' has \(count) key result\(count == 1 ? "" : "s"); 2 to 5 work best",
                            label: count < 2 ? "too few" : "too many",
                            help: count < 2 ? "add a key result, so that there is at least one leading and one lagging"
                                : "keep the 5 that matter most; move the rest to another OKR or drop them")]
    }
}
