struct DifficultyRegressionRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5006", name: "difficulty-regression", severity: .warning, axis: nil,
        summary: "a stage whose level is lower than the stage before it",
        why: "A learning journey rises in difficulty; a step down usually means the stages are out of order.",
        fix: "reorder the stages, or correct their levels",
        bad: [RuleExample(PathwayExamples.with([("    level: 2\n", "    level: ↓1\n"), ("    level: 1\n    practice:\n      - task: Reproduce", "    level: 3\n    practice:\n      - task: Reproduce")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var previous: (level: Int, id: String)?
        for stage in pathway.indexedStages {
            guard let level = stage.node[.level]?.integer else { continue }
            let id = stage.node[.id]?.string ?? "#\(stage.index + 1)"
            if let previous, level < previous.level {
                findings.append(pathway.finding(stage.node[.level], "/stages/\(stage.index)/level",
                                                "stage '\(id)' drops to level \(level) after '\(previous.id)' at level \(previous.level)",
                                                label: "lower than the stage before", help: "reorder the stages, or correct their levels"))
            }
            previous = (level, id)
        }
        return findings
    }
}
