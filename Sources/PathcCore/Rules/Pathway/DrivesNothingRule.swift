struct DrivesNothingRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5008", name: "drives-nothing", severity: .warning, axis: nil,
        summary: "an active pathway that names no key result it is meant to move",
        why: "A pathway earns its cost by moving a business result; naming the key results it drives keeps learning tied to outcomes.",
        fix: "add 'drives:' with the OKR-ID/KR-ID of the key results the pathway should move",
        bad: [RuleExample(PathwayExamples.with([("drives: [faster-onboarding/time-to-proficiency]\n", ""), PathwayExamples.markTitle]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let status = pathway.text(.status) ?? "active"
        guard status == "active", pathway.items(.drives).isEmpty else { return [] }
        return [pathway.finding(pathway.root[.title], "/title", "active pathway '\(pathway.id)' names no key result it drives",
                                label: "no 'drives'", help: "add 'drives: [OKR-ID/KR-ID]' with the key results it should move")]
    }
}
