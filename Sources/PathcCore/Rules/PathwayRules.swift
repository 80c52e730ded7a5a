/// Shared example content for the pathway rules: a clean pathway, and ways to break it.
enum PathwayExamples {
    static let clean = """
        kind: pathway
        id: support-onboarding
        title: Support engineer onboarding
        owner: support-enablement
        competencies:
          - {competency: ticket-diagnosis, from: 1, to: 2}
        drives: [faster-onboarding/time-to-proficiency]
        baseline: {type: baseline, method: rubric, rubric: diagnosis-rubric}
        stages:
          - id: shadow
            title: Shadow real tickets
            level: 1
            practice:
              - task: Reproduce 10 shadowed tickets by following the runbook
                type: shadowing
                success_criteria: [Reproduces 8 of 10 tickets within 30 minutes each]
            coaching: {cadence: weekly, format: one-to-one}
            assessments:
              - {type: formative, method: observation}
          - id: resolve
            title: Resolve routine tickets
            level: 2
            practice:
              - task: Resolve 20 routine tickets in the live queue
                type: on-the-job
                success_criteria: [Resolves 18 of 20 tickets without escalation]
            coaching: {cadence: weekly, format: one-to-one}
            assessments:
              - {type: summative, method: rubric, rubric: diagnosis-rubric, pass: 2}
        retention: {type: retention, method: rubric, rubric: diagnosis-rubric, after: 3m}
        """

    static func with(_ replacements: [(String, String)]) -> String {
        replacements.reduce(clean) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static func stages(_ pathway: Entity) -> [(node: Node, index: Int)] {
        pathway.items("stages").enumerated().map { ($1, $0) }
    }
}

struct NoBaselineRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5001", name: "no-baseline", severity: .error, axis: .measurable,
        summary: "a pathway without a baseline assessment",
        why: "Without knowing where people start, no one can tell what the pathway changed, or tailor the stages to the gap.",
        fix: "add 'baseline:' with an assessment, ideally on the rubric the summative assessment uses",
        bad: [RuleExample(PathwayExamples.with([("baseline: {type: baseline, method: rubric, rubric: diagnosis-rubric}\n", "")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard pathway.root["baseline"]?.mapping == nil else { return [] }
        return [pathway.finding(pathway.root["title"], "/title", "pathway '\(pathway.id)' has no baseline assessment",
                                label: "no 'baseline'", help: "add 'baseline:' with an assessment of where people start")]
    }
}

struct IncompleteTriadRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5002", name: "incomplete-triad", severity: .warning, axis: nil,
        summary: "a stage without practice, without coaching, or without an assessment",
        why: "Skills grow when practice on real work, coaching and assessment come together in every stage; a stage missing one of them leaves the learner guessing.",
        fix: "give the stage practice tasks, a coaching cadence and at least one assessment",
        bad: [RuleExample(PathwayExamples.with([("    coaching: {cadence: weekly, format: one-to-one}\n    assessments:\n      - {type: formative, method: observation}\n", "")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        PathwayExamples.stages(pathway).compactMap { stage in
            var missing: [String] = []
            if (stage.node["practice"]?.sequence ?? []).isEmpty { missing.append("practice") }
            if stage.node["coaching"]?.mapping == nil { missing.append("coaching") }
            if (stage.node["assessments"]?.sequence ?? []).isEmpty { missing.append("an assessment") }
            guard !missing.isEmpty else { return nil }
            let id = stage.node["id"]?.string ?? "#\(stage.index + 1)"
            return pathway.finding(stage.node["id"] ?? stage.node, "/stages/\(stage.index)",
                                   "stage '\(id)' has no \(missing.joined(separator: " and no "))", label: "incomplete stage",
                                   help: "give every stage practice tasks, a coaching cadence and at least one assessment")
        }
    }
}

struct NoSuccessCriteriaRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5003", name: "no-success-criteria", severity: .error, axis: .measurable,
        summary: "a practice task with no success criteria",
        why: "Without criteria neither the learner nor the coach knows what good looks like, so practice cannot be corrected.",
        fix: "add 'success_criteria:' with at least one observable standard",
        bad: [RuleExample(PathwayExamples.with([("        success_criteria: [Resolves 18 of 20 tickets without escalation]\n", "")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for stage in PathwayExamples.stages(pathway) {
            for (index, practice) in (stage.node["practice"]?.sequence ?? []).enumerated()
            where (practice["success_criteria"]?.sequence ?? []).isEmpty {
                findings.append(pathway.finding(practice["task"] ?? practice, "/stages/\(stage.index)/practice/\(index)",
                                                "practice task has no success criteria", label: "no 'success_criteria'",
                                                help: "add 'success_criteria:' with at least one observable standard"))
            }
        }
        return findings
    }
}

struct SummativeWithoutRubricRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5004", name: "summative-without-rubric", severity: .warning, axis: .measurable,
        summary: "a summative assessment whose method is not a rubric, or that has no pass threshold",
        why: "A summative assessment decides whether someone reached the level; without a calibrated rubric and a threshold that decision depends on who assesses.",
        fix: "use 'method: rubric' with a rubric and a 'pass' threshold",
        bad: [RuleExample(PathwayExamples.with([("{type: summative, method: rubric, rubric: diagnosis-rubric, pass: 2}", "{type: summative, method: observation}")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for stage in PathwayExamples.stages(pathway) {
            for (index, assessment) in (stage.node["assessments"]?.sequence ?? []).enumerated() where assessment["type"]?.string == "summative" {
                let pointer = "/stages/\(stage.index)/assessments/\(index)"
                if assessment["method"]?.string != "rubric" {
                    findings.append(pathway.finding(assessment["method"] ?? assessment, pointer + "/method",
                                                    "summative assessment uses '\(assessment["method"]?.string ?? "no method")', not a rubric",
                                                    label: "not a rubric", help: "use 'method: rubric' with a rubric and a 'pass' threshold"))
                } else if assessment["pass"] == nil {
                    findings.append(pathway.finding(assessment["method"] ?? assessment, pointer,
                                                    "summative assessment has no pass threshold", label: "no 'pass'",
                                                    help: "add 'pass:' with the rubric level or score that passes"))
                }
            }
        }
        return findings
    }
}

struct NoRetentionCheckRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5005", name: "no-retention-check", severity: .warning, axis: .measurable,
        summary: "a pathway with no assessment spaced after its last stage",
        why: "Skills fade without use: only an assessment weeks after the pathway ends shows whether the change lasted.",
        fix: "add 'retention:' with an assessment and 'after:' a duration such as 3m",
        bad: [RuleExample(PathwayExamples.with([("retention: {type: retention, method: rubric, rubric: diagnosis-rubric, after: 3m}", "")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        guard pathway.root["retention"]?.mapping == nil else { return [] }
        return [pathway.finding(pathway.root["title"], "/title", "pathway '\(pathway.id)' never checks that the skill was retained",
                                label: "no 'retention'", help: "add 'retention:' with an assessment and 'after:' a duration such as 3m")]
    }
}

struct DifficultyRegressionRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5006", name: "difficulty-regression", severity: .warning, axis: nil,
        summary: "a stage whose level is lower than the stage before it",
        why: "A learning journey rises in difficulty; a step down usually means the stages are out of order.",
        fix: "reorder the stages, or correct their levels",
        bad: [RuleExample(PathwayExamples.with([("    level: 2\n", "    level: 1\n"), ("    level: 1\n    practice:\n      - task: Reproduce", "    level: 3\n    practice:\n      - task: Reproduce")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        var previous: (level: Int, id: String)?
        for stage in PathwayExamples.stages(pathway) {
            guard let level = stage.node["level"]?.integer else { continue }
            let id = stage.node["id"]?.string ?? "#\(stage.index + 1)"
            if let previous, level < previous.level {
                findings.append(pathway.finding(stage.node["level"], "/stages/\(stage.index)/level",
                                                "stage '\(id)' drops to level \(level) after '\(previous.id)' at level \(previous.level)",
                                                label: "lower than the stage before", help: "reorder the stages, or correct their levels"))
            }
            previous = (level, id)
        }
        return findings
    }
}

struct LevelOutOfRangeRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5007", name: "level-out-of-range", severity: .error, axis: nil,
        summary: "a competency level that the competency does not define, or a pathway whose 'from' is not below its 'to'",
        why: "A level names observable behaviours; a level the competency does not define promises behaviours nobody wrote down.",
        fix: "use a level the competency defines, and let each pathway rise from a lower level to a higher one",
        bad: [RuleExample(PathwayExamples.with([("from: 1, to: 2", "from: 1, to: 5")]) + "\n---\n" + Self.competency)],
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
        return competency.items("levels").compactMap { $0["level"]?.integer }
    }

    func check(_ entity: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, item) in entity.items("competencies").enumerated() {
            guard let id = item["competency"]?.string, let defined = levels(id, context.model) else { continue }
            let fields = entity.kind == .role ? ["level"] : ["from", "to"]
            for field in fields {
                guard let node = item[field], let level = node.integer, !defined.contains(level) else { continue }
                findings.append(entity.finding(node, "/competencies/\(index)/\(field)", "competency '\(id)' has no level \(level)",
                                               label: "not a level of '\(id)'",
                                               help: "use one of its levels: \(defined.sorted().map(String.init).joined(separator: ", "))"))
            }
            if entity.kind == .pathway, let from = item["from"]?.integer, let to = item["to"]?.integer, from >= to {
                findings.append(entity.finding(item["to"], "/competencies/\(index)/to",
                                               "the pathway takes '\(id)' from level \(from) to level \(to), which is no rise",
                                               label: "must be above 'from' (\(from))", help: "set 'to' to a level above \(from)"))
            }
        }
        return findings
    }
}

struct DrivesNothingRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5008", name: "drives-nothing", severity: .warning, axis: nil,
        summary: "an active pathway that names no key result it is meant to move",
        why: "A pathway earns its cost by moving a business result; naming the key results it drives keeps learning tied to outcomes.",
        fix: "add 'drives:' with the OKR-ID/KR-ID of the key results the pathway should move",
        bad: [RuleExample(PathwayExamples.with([("drives: [faster-onboarding/time-to-proficiency]\n", "")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let status = pathway.text("status") ?? "active"
        guard status == "active", pathway.items("drives").isEmpty else { return [] }
        return [pathway.finding(pathway.root["title"], "/title", "active pathway '\(pathway.id)' names no key result it drives",
                                label: "no 'drives'", help: "add 'drives: [OKR-ID/KR-ID]' with the key results it should move")]
    }
}

struct UnlinkedCompetencyRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5009", name: "unlinked-competency", severity: .info, axis: nil,
        summary: "a competency that supports no strategic OKR",
        why: "Competencies matter because they serve the strategy; one linked to no strategic OKR may be a nice-to-have.",
        fix: "add 'supports:' with the strategic OKRs the competency serves",
        bad: [RuleExample(LevelOutOfRangeRule.competency)],
        good: [RuleExample(LevelOutOfRangeRule.competency + "\nsupports: [support-speed]\n---\n" + OKRExamples.clean)])
    let kinds: Set<EntityKind> = [.competency]

    func check(_ competency: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let strategic = competency.items("supports").contains { item in
            item.string.flatMap { context.model.entity(.okr, $0) }?.level == "strategic"
        }
        guard !strategic else { return [] }
        return [competency.finding(competency.root["name"], "/name", "competency '\(competency.id)' supports no strategic OKR",
                                   label: "not linked to strategy", help: "add 'supports:' with the strategic OKRs it serves")]
    }
}

struct RubricGapRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW5010", name: "rubric-gap", severity: .error, axis: .measurable,
        summary: "a rubric criterion missing a descriptor for a scale level (or with more descriptors than levels)",
        why: "An assessor needs an observable descriptor at every level, or two assessors will score the same work differently.",
        fix: "write one descriptor per scale level, lowest first",
        bad: [RuleExample(Self.rubric.replacingOccurrences(of: "\n      - Names the cause with evidence and rules out two alternatives", with: ""))],
        good: [RuleExample(Self.rubric)])
    let kinds: Set<EntityKind> = [.rubric]

    static let rubric = """
        kind: rubric
        id: diagnosis-rubric
        title: Ticket diagnosis
        scale: [Emerging, Proficient, Exemplary]
        calibrated: 2026-06-01
        criteria:
          - id: cause
            name: Finding the cause
            descriptors:
              - Names a cause without evidence from the ticket
              - Names the cause with two pieces of evidence from the ticket
              - Names the cause with evidence and rules out two alternatives
        """

    func check(_ rubric: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let levels = rubric.items("scale").count
        guard levels > 0 else { return [] }
        return rubric.items("criteria").enumerated().compactMap { index, criterion in
            let count = (criterion["descriptors"]?.sequence ?? []).count
            guard count != levels else { return nil }
            let id = criterion["id"]?.string ?? "#\(index + 1)"
            return rubric.finding(criterion["descriptors"] ?? criterion, "/criteria/\(index)/descriptors",
                                  "criterion '\(id)' has \(count) descriptor\(count == 1 ? "" : "s") for a scale of \(levels) levels",
                                  label: count < levels ? "missing descriptors" : "too many descriptors",
                                  help: "write one descriptor per scale level, lowest first")
        }
    }
}

struct ShallowPathwayRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW3010", name: "shallow-pathway", severity: .info, axis: nil,
        summary: "a pathway whose practice never rises above remembering and understanding (Bloom)",
        why: "Listing and describing prepare for the work but are not the work: a pathway should end in applying, analysing, evaluating or creating on real tasks.",
        fix: "add practice where learners apply the skill to real work: resolve, diagnose, present, design",
        bad: [RuleExample(PathwayExamples.with([("task: Resolve 20 routine tickets in the live queue", "task: Describe 20 routine tickets from the live queue"),
                                                 ("task: Reproduce 10 shadowed tickets by following the runbook", "task: List the 10 most common ticket types")]))],
        good: [RuleExample(PathwayExamples.clean)])
    let kinds: Set<EntityKind> = [.pathway]

    func check(_ pathway: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        var levels: [BloomLevel] = []
        for stage in PathwayExamples.stages(pathway) {
            for practice in stage.node["practice"]?.sequence ?? [] {
                guard let task = practice["task"]?.string else { continue }
                let analysis = context.analyses[task] ?? TextAnalysis(task, vocabulary: context.vocabulary)
                if case .observable(let level)? = analysis.mainVerb?.kind { levels.append(level) }
                if case .unobservable? = analysis.mainVerb?.kind { levels.append(.understand) }
            }
        }
        guard let highest = levels.max(), highest <= .understand else { return [] }
        return [pathway.finding(pathway.root["stages"], "/stages",
                                "pathway '\(pathway.id)' never rises above \(highest.rawValue) in its practice",
                                label: "shallow practice", help: "add practice where learners apply the skill to real work: resolve, diagnose, present, design")]
    }
}

struct FileNameRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW2008", name: "file-name-mismatch", severity: .info, axis: nil,
        summary: "a file whose name does not start with the id of the entity it holds",
        why: "When file names follow ids, people find an entity from a reference, and reviews show at a glance what changed.",
        fix: "rename the file to start with the id, such as support-speed.okr.yaml",
        bad: [RuleExample("# file: notes.yaml\n" + OKRExamples.clean)],
        good: [RuleExample("# file: support-speed.okr.yaml\n" + OKRExamples.clean)])
    let kinds: Set<EntityKind> = Set(EntityKind.allCases)

    func check(_ entity: Entity, statements _: [Statement], _ context: RuleContext) -> [Finding] {
        let path = entity.file.path.utf8
        let nameStart = path.lastIndex(of: UInt8(ascii: "/")).map { path.index(after: $0) } ?? path.startIndex
        guard !path[nameStart...].starts(with: entity.id.utf8) else { return [] }
        let name = String(decoding: path[nameStart...], as: UTF8.self)
        return [entity.finding(entity.idNode, "/id", "file '\(name)' holds \(entity.kind.withArticle) with id '\(entity.id)'",
                               label: "id differs from the file name", help: "rename the file to '\(entity.id).\(entity.kind.rawValue).yaml'")]
    }
}

let pathwayRules: [any ModelRule] = [
    ShallowPathwayRule(), NoBaselineRule(), IncompleteTriadRule(), NoSuccessCriteriaRule(), SummativeWithoutRubricRule(),
    NoRetentionCheckRule(), DifficultyRegressionRule(), LevelOutOfRangeRule(), DrivesNothingRule(), UnlinkedCompetencyRule(),
    RubricGapRule(), FileNameRule(),
]
