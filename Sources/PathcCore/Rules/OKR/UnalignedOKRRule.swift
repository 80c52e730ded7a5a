struct UnalignedOKRRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW4010", name: "unaligned-okr", severity: .error, axis: nil,
        summary: "a team or developmental OKR with no aligned_to, or aligned to an OKR of the same or a lower level",
        why: "Developmental and team OKRs exist to serve the strategy; one that aligns to nothing above it cannot show what it serves.",
        fix: "align team OKRs to a strategic OKR, and developmental OKRs to a team or strategic OKR",
        bad: [
            RuleExample(OKRExamples.with([("level: strategic", "level: ↓developmental")])),
            // Aligned to an OKR of its own level: the finding depends on the other file.
            RuleExample(OKRExamples.with([("level: strategic", "level: ↓team")]) + """

                ---
                kind: okr
                id: support-pairing
                level: team
                cycle: 2026-Q3
                owner: support-lead
                aligned_to: [↓support-speed]
                objective: Support engineers pair on priority tickets every week
                review: {cadence: monthly}
                key_results:
                  - id: paired-tickets
                    result: Each engineer pairs on 4 priority tickets a month
                    metric: paired priority tickets per engineer per month
                    baseline: 0
                    target: 4
                    indicator: leading
                    source: pairing log, monthly
                    checkins:
                      - {date: 2026-07-31, value: 2}
                      - {date: 2026-08-14, value: 3}
                """),
        ],
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
        let targets = okr.items(.alignedTo)
        if rank > 0 && targets.isEmpty {
            let node = okr.root[.alignedTo] ?? okr.root[.level]
            return [okr.finding(node, okr.root[.alignedTo] != nil ? "/aligned_to" : "/level",
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
