struct SummativeWithoutRubricRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5004", name: "summative-without-rubric", severity: .warning, axis: .measurable,
        summary: "a summative assessment whose method is not a rubric, or that has no pass threshold",
        why: "A summative assessment decides whether someone reached the level; without a calibrated rubric and a threshold that decision depends on who assesses.",
        fix: "use 'method: rubric' with a rubric and a 'pass' threshold",
        bad: [RuleExample(PathwayExamples.with([("{type: summative, method: rubric, rubric: diagnosis-rubric, pass: 2}", "{type: summative, method: ↓observation}")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for stage in pathway.indexedStages {
            for (index, assessment) in (stage.node[.assessments]?.sequence ?? []).enumerated() where assessment[.type]?.string == "summative" {
                let pointer = "/stages/\(stage.index)/assessments/\(index)"
                if assessment[.method]?.string != "rubric" {
                    findings.append(pathway.finding(assessment[.method] ?? assessment, pointer + "/method",
                                                    "summative assessment uses '\(assessment[.method]?.string ?? "no method")', not a rubric",
                                                    label: "not a rubric", help: "use 'method: rubric' with a rubric and a 'pass' threshold"))
                } else if assessment[.pass] == nil {
                    findings.append(pathway.finding(assessment[.method] ?? assessment, pointer,
                                                    "summative assessment has no pass threshold", label: "no 'pass'",
                                                    help: "add 'pass:' with the rubric level or score that passes"))
                }
            }
        }
        return findings
    }
}
