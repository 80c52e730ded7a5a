struct LevelOutOfRangeRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5007", name: "level-out-of-range", severity: .error, axis: nil,
        summary: "a competency level that the competency does not define, or a pathway whose 'from' is not below its 'to'",
        why: "A level names observable behaviours; a level the competency does not define promises behaviours nobody wrote down.",
        fix: "use a level the competency defines, and let each pathway rise from a lower level to a higher one",
        bad: [RuleExample(PathwayExamples.with([("from: 1, to: 2", "from: 1, to: ↓5")]) + "\n---\n" + Self.competency)],
        good: [RuleExample(PathwayExamples.clean + "\n---\n" + Self.competency)])
    let kinds: Set<EntityKind> = [.pathway, .role]

    static let competency = """
        kind: competency
        id: ticket-diagnosis
        name: Ticket diagnosis
        levels:
          - {level: 1, name: Guided, behaviors: [Reproduces a reported problem by following the runbook]}
          - {level: 2, name: Independent, behaviors: [Diagnoses the cause of a routine ticket without escalating it]}
        """

    private func levels(_ id: String, _ model: Model) -> [Int]? {
        guard let competency = model.entity(.competency, id) else { return nil }
        return competency.items(.levels).compactMap { $0[.level]?.integer }
    }

    func check(_ entity: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, item) in entity.items(.competencies).enumerated() {
            guard let id = item[.competency]?.string, let defined = levels(id, context.model) else { continue }
            let fields: [FieldKey] = entity.kind == .role ? [.level] : [.from, .to]
            for field in fields {
                guard let node = item[field], let level = node.integer, !defined.contains(level) else { continue }
                findings.append(entity.finding(node, "/competencies/\(index)/\(field.rawValue)", "competency '\(id)' has no level \(level)",
                                               label: "not a level of '\(id)'",
                                               help: "use one of its levels: \(defined.sorted().map(String.init).joined(separator: ", "))"))
            }
            if entity.kind == .pathway, let from = item[.from]?.integer, let to = item[.to]?.integer, from >= to {
                findings.append(entity.finding(item[.to], "/competencies/\(index)/to",
                                               "the pathway takes '\(id)' from level \(from) to level \(to), which is no rise",
                                               label: "must be above 'from' (\(from))", help: "set 'to' to a level above \(from)"))
            }
        }
        return findings
    }
}
