/// Open Badges 3.0 Achievements: one per competency level (earned by showing that level's
/// behaviours) and one per pathway milestone (earned with the milestone's evidence). Each is
/// aligned to its CASE item (the same identifiers as `CASEExport`) and describes the results it
/// takes: the competency's levels for a level, the scale of the rubric that scores the stage
/// before a milestone.
struct BadgesExport {
    let model: Model
    let identity: FrameworkIdentity

    func document() -> JSONValue {
        var achievements: [JSONValue] = []
        for competency in model.all(.competency) {
            let name = competency.text(.name) ?? competency.id
            let levels = competency.root[.levels]?.sequence ?? []
            let levelNames = levels.map { $0[.name]?.scalar?.text ?? $0[.level]?.scalar?.text ?? "" }
            for level in levels {
                guard let number = level[.level]?.integer else { continue }
                let levelName = level[.name]?.scalar?.text ?? String(number)
                let caseItem = identity.identifier(competency, part: "level/\(number)")
                let behaviours = (level[.behaviors]?.sequence ?? []).map { Whitespace.oneLine($0.scalar?.text ?? "") }
                var members = header(NameBasedUUID(namespace: caseItem, name: "achievement"), type: "Competency",
                                     name: "\(name): \(levelName)")
                members.append(JSONMember("description", .string(
                    "\(name) at level \(number), \(levelName)" + (competency.text(.description).map { ". " + Whitespace.oneLine($0) } ?? ""))))
                members.append(JSONMember("criteria", .object([JSONMember("narrative", .string(
                    "Shows each of these behaviours, with evidence:\n" + behaviours.map { "- " + $0 }.joined(separator: "\n")))])))
                members.append(JSONMember("alignment", .array([alignment(caseItem, name: "\(name) · \(number) · \(levelName)",
                                                                          code: "\(competency.id).\(number)")])))
                members.append(JSONMember("resultDescription", .array([.object([
                    JSONMember("id", .string(identity.uri(NameBasedUUID(namespace: caseItem, name: "result")))),
                    JSONMember("type", .array([.string("ResultDescription")])),
                    JSONMember("name", .string("Level of \(name)")),
                    JSONMember("resultType", .string("PerformanceLevel")),
                    JSONMember("allowedValue", .array(levelNames.map { .string($0) })),
                    JSONMember("requiredValue", .string(levelName)),
                ])])))
                if let category = competency.text(.category) { members.append(JSONMember("tag", .array([.string(category)]))) }
                members.append(JSONMember("humanCode", .string("\(competency.id).\(number)")))
                achievements.append(.object(members))
            }
        }
        for pathway in model.all(.pathway) {
            let title = pathway.text(.title) ?? pathway.id
            let stages = pathway.root[.stages]?.sequence ?? []
            for milestone in pathway.root[.milestones]?.sequence ?? [] {
                guard let id = milestone[.id]?.scalar?.text else { continue }
                let outcome = Whitespace.oneLine(milestone[.outcome]?.scalar?.text ?? id)
                let identifier = identity.identifier(pathway, part: "milestone/\(id)")
                var members = header(identifier, type: "Achievement", name: "\(title): \(outcome)")
                members.append(JSONMember("description", .string(outcome)))
                var narrative = outcome
                if let evidence = milestone[.evidence]?.scalar?.text { narrative += "\nEvidence: " + Whitespace.oneLine(evidence) }
                members.append(JSONMember("criteria", .object([JSONMember("narrative", .string(narrative))])))
                // Aligned to the levels the pathway takes its people to.
                var alignments: [JSONValue] = []
                for item in pathway.root[.competencies]?.sequence ?? [] {
                    guard let competencyID = item[.competency]?.string, let to = item[.to]?.integer,
                          let competency = model.entity(.competency, competencyID) else { continue }
                    let levelName = competency.competencyLevel(to)?[.name]?.scalar?.text ?? String(to)
                    alignments.append(alignment(identity.identifier(competency, part: "level/\(to)"),
                                                name: "\(competency.text(.name) ?? competencyID) · \(to) · \(levelName)",
                                                code: "\(competencyID).\(to)"))
                }
                if !alignments.isEmpty { members.append(JSONMember("alignment", .array(alignments))) }
                let stage = stages.first { $0[.id]?.scalar?.text == milestone[.after]?.scalar?.text }
                let results = (stage?[.assessments]?.sequence ?? []).compactMap { assessment in
                    assessment[.rubric]?.string.flatMap { model.entity(.rubric, $0) }.map { rubricResult($0, pass: assessment[.pass]?.scalar?.text) }
                }
                if !results.isEmpty { members.append(JSONMember("resultDescription", .array(results))) }
                members.append(JSONMember("humanCode", .string("\(pathway.id).\(id)")))
                achievements.append(.object(members))
            }
        }
        return .object([
            JSONMember("framework", .object([
                JSONMember("title", .string(identity.title)),
                JSONMember("version", .string(identity.version)),
                JSONMember("changed", .string(identity.changed)),
                JSONMember("case", .string(identity.uri(identity.documentIdentifier))),
            ])),
            JSONMember("achievements", .array(achievements)),
        ])
    }

    private func header(_ identifier: NameBasedUUID, type: String, name: String) -> [JSONMember] {
        [
            JSONMember("id", .string(identity.uri(identifier))),
            JSONMember("type", .array([.string("Achievement")])),
            JSONMember("achievementType", .string(type)),
            JSONMember("name", .string(name)),
            JSONMember("creator", .object([
                JSONMember("id", .string(identity.uri(identity.documentIdentifier))),
                JSONMember("type", .array([.string("Profile")])),
                JSONMember("name", .string(identity.title)),
            ])),
            JSONMember("version", .string(identity.version)),
        ]
    }

    private func alignment(_ caseItem: NameBasedUUID, name: String, code: String) -> JSONValue {
        .object([
            JSONMember("type", .array([.string("Alignment")])),
            JSONMember("targetName", .string(name)),
            JSONMember("targetUrl", .string(identity.uri(caseItem))),
            JSONMember("targetCode", .string(code)),
            JSONMember("targetFramework", .string(identity.title)),
            JSONMember("targetType", .string("CFItem")),
        ])
    }

    /// The rubric that scores the stage before a milestone: a result per criterion, its levels the
    /// rubric's scale with the criterion's descriptors.
    private func rubricResult(_ rubric: Entity, pass: String?) -> JSONValue {
        let scale = (rubric.root[.scale]?.sequence ?? []).map { $0.scalar?.text ?? "" }
        let rubricID = identity.identifier(rubric)
        var members = [
            JSONMember("id", .string(identity.uri(NameBasedUUID(namespace: rubricID, name: "result")))),
            JSONMember("type", .array([.string("ResultDescription")])),
            JSONMember("name", .string(rubric.text(.title) ?? rubric.id)),
            JSONMember("resultType", .string("RubricCriterionLevel")),
            JSONMember("allowedValue", .array(scale.map { .string($0) })),
        ]
        if let pass, let step = Int(pass), step >= 1, step <= scale.count { members.append(JSONMember("requiredLevel", .string(scale[step - 1]))) }
        members.append(JSONMember("rubricCriterionLevel", .array(scale.enumerated().map { step, name -> JSONValue in
            let descriptors = (rubric.root[.criteria]?.sequence ?? []).compactMap { criterion -> String? in
                guard let descriptor = criterion[.descriptors]?.sequence?.dropFirst(step).first?.scalar?.text else { return nil }
                return "\(criterion[.name]?.scalar?.text ?? ""): \(Whitespace.oneLine(descriptor))"
            }
            return .object([
                JSONMember("id", .string(identity.uri(NameBasedUUID(namespace: rubricID, name: "scale/\(step + 1)")))),
                JSONMember("type", .array([.string("RubricCriterionLevel")])),
                JSONMember("name", .string(name)),
                JSONMember("description", .string(descriptors.joined(separator: "\n"))),
                JSONMember("level", .string(String(step + 1))),
            ])
        })))
        return .object(members)
    }
}
