/// The framework as a 1EdTech CASE 1.1 CFPackage: the document; a CFItem per competency, level,
/// behaviour and role; CFAssociations for the tree (a level is a child of its competency, a
/// behaviour of its level, a competency and a role of the document) and for what a role needs (the
/// role is related to the level of each competency it needs); a CFRubric per rubric, its criteria
/// and their levels. Identifiers are name-based UUIDs (`FrameworkIdentity`), the same from build
/// to build and across versions.
struct CASEExport {
    let model: Model
    let identity: FrameworkIdentity

    /// A node as an association names it: its title, identifier and address.
    private struct CASENode {
        let title: String
        let identifier: NameBasedUUID
        var link: JSONValue {
            .object([JSONMember("title", .string(title)), JSONMember("identifier", .string(identifier.description)),
                     JSONMember("uri", .string(uri))])
        }
        let uri: String
    }

    func document() -> JSONValue {
        var items: [JSONValue] = []
        var associations: [JSONValue] = []
        let framework = CASENode(title: identity.title, identifier: identity.documentIdentifier, uri: identity.uri(identity.documentIdentifier))
        func node(_ title: String, _ identifier: NameBasedUUID) -> CASENode { CASENode(title: title, identifier: identifier, uri: identity.uri(identifier)) }
        func item(_ node: CASENode, statement: String, type: String, code: String, enumeration: Int? = nil, abbreviated: String? = nil,
                  notes: String? = nil) {
            var members = [
                JSONMember("identifier", .string(node.identifier.description)),
                JSONMember("fullStatement", .string(statement)),
            ]
            if let abbreviated { members.append(JSONMember("abbreviatedStatement", .string(abbreviated))) }
            members += [
                JSONMember("CFItemType", .string(type)),
                JSONMember("uri", .string(node.uri)),
                JSONMember("humanCodingScheme", .string(code)),
            ]
            if let enumeration { members.append(JSONMember("listEnumeration", .string(String(enumeration)))) }
            if let notes { members.append(JSONMember("notes", .string(notes))) }
            members += [JSONMember("language", .string("en")), JSONMember("lastChangeDateTime", .string(identity.changed))]
            items.append(.object(members))
        }
        func associate(_ origin: CASENode, _ type: String, _ destination: CASENode, sequence: Int? = nil) {
            let identifier = NameBasedUUID(namespace: identity.namespace,
                                           name: "association/\(origin.identifier)/\(type)/\(destination.identifier)")
            var members = [
                JSONMember("identifier", .string(identifier.description)),
                JSONMember("associationType", .string(type)),
            ]
            if let sequence { members.append(JSONMember("sequenceNumber", .int(sequence))) }
            members += [
                JSONMember("uri", .string(identity.uri(identifier))),
                JSONMember("originNodeURI", origin.link),
                JSONMember("destinationNodeURI", destination.link),
                JSONMember("lastChangeDateTime", .string(identity.changed)),
            ]
            associations.append(.object(members))
        }

        var levelNodes: [String: CASENode] = [:]
        for (position, competency) in model.all(.competency).enumerated() {
            let name = competency.text(.name) ?? competency.id
            let competencyNode = node(name, identity.identifier(competency))
            item(competencyNode, statement: competency.text(.description).map(Whitespace.oneLine) ?? name, type: "Competency",
                 code: competency.id, abbreviated: name, notes: competency.text(.category).map { "Category: \($0)" })
            associate(competencyNode, "isChildOf", framework, sequence: position + 1)
            for level in competency.root[.levels]?.sequence ?? [] {
                guard let number = level[.level]?.integer else { continue }
                let levelName = level[.name]?.scalar?.text ?? String(number)
                let levelNode = node("\(name) · \(number) · \(levelName)", identity.identifier(competency, part: "level/\(number)"))
                levelNodes["\(competency.id)/\(number)"] = levelNode
                item(levelNode, statement: "\(name), level \(number): \(levelName)", type: "Proficiency Level",
                     code: "\(competency.id).\(number)", enumeration: number, abbreviated: levelName)
                associate(levelNode, "isChildOf", competencyNode, sequence: number)
                for (index, behaviour) in (level[.behaviors]?.sequence ?? []).enumerated() {
                    let text = Whitespace.oneLine(behaviour.scalar?.text ?? "")
                    let behaviourNode = node(text, identity.identifier(competency, part: "level/\(number)/behavior/\(index)"))
                    item(behaviourNode, statement: text, type: "Behavior", code: "\(competency.id).\(number).\(index + 1)",
                         enumeration: index + 1)
                    associate(behaviourNode, "isChildOf", levelNode, sequence: index + 1)
                }
            }
        }
        for (position, role) in model.all(.role).enumerated() {
            let title = role.text(.title) ?? role.id
            let roleNode = node(title, identity.identifier(role))
            item(roleNode, statement: title, type: "Job Role", code: role.id, notes: role.text(.family).map { "Family: \($0)" })
            associate(roleNode, "isChildOf", framework, sequence: position + 1)
            for (index, need) in role.competencyNeeds.enumerated() {
                guard let levelNode = levelNodes["\(need.id)/\(need.level)"] else { continue }
                associate(roleNode, "isRelatedTo", levelNode, sequence: index + 1)
            }
        }
        return .object([
            JSONMember("CFDocument", documentMembers(framework)),
            JSONMember("CFItems", .array(items)),
            JSONMember("CFAssociations", .array(associations)),
            JSONMember("CFRubrics", .array(model.all(.rubric).map(rubric))),
        ])
    }

    private func documentMembers(_ framework: CASENode) -> JSONValue {
        .object([
            JSONMember("identifier", .string(framework.identifier.description)),
            JSONMember("uri", .string(framework.uri)),
            JSONMember("frameworkType", .string("Competency framework")),
            JSONMember("caseVersion", .string("1.1")),
            JSONMember("creator", .string(identity.title)),
            JSONMember("title", .string(identity.title)),
            JSONMember("lastChangeDateTime", .string(identity.changed)),
            JSONMember("description", .string("Competencies, their levels and behaviours, roles and rubrics of \(identity.title), exported by pathc.")),
            JSONMember("language", .string("en")),
            JSONMember("version", .string(identity.version)),
        ])
    }

    /// A rubric: each criterion with a level per step of the scale, its descriptor as the level's
    /// description, the step's name as its quality and its place on the scale (from 1) as its score.
    private func rubric(_ rubric: Entity) -> JSONValue {
        let rubricID = identity.identifier(rubric)
        let scale = (rubric.root[.scale]?.sequence ?? []).map { $0.scalar?.text ?? "" }
        let criteria = (rubric.root[.criteria]?.sequence ?? []).enumerated().map { position, criterion -> JSONValue in
            let criterionKey = criterion[.id]?.scalar?.text ?? String(position)
            let criterionID = identity.identifier(rubric, part: "criterion/\(criterionKey)")
            let levels = (criterion[.descriptors]?.sequence ?? []).enumerated().map { step, descriptor -> JSONValue in
                let levelID = identity.identifier(rubric, part: "criterion/\(criterionKey)/level/\(step + 1)")
                return .object([
                    JSONMember("identifier", .string(levelID.description)),
                    JSONMember("uri", .string(identity.uri(levelID))),
                    JSONMember("description", .string(Whitespace.oneLine(descriptor.scalar?.text ?? ""))),
                    JSONMember("quality", .string(step < scale.count ? scale[step] : String(step + 1))),
                    JSONMember("score", .int(step + 1)),
                    JSONMember("position", .int(step + 1)),
                    JSONMember("rubricCriterionId", .string(criterionID.description)),
                    JSONMember("lastChangeDateTime", .string(identity.changed)),
                ])
            }
            let name = criterion[.name]?.scalar?.text ?? criterionKey
            return .object([
                JSONMember("identifier", .string(criterionID.description)),
                JSONMember("uri", .string(identity.uri(criterionID))),
                JSONMember("category", .string(criterionKey)),
                JSONMember("description", .string(name)),
                JSONMember("position", .int(position + 1)),
                JSONMember("rubricId", .string(rubricID.description)),
                JSONMember("lastChangeDateTime", .string(identity.changed)),
                JSONMember("CFRubricCriterionLevels", .array(levels)),
            ])
        }
        return .object([
            JSONMember("identifier", .string(rubricID.description)),
            JSONMember("uri", .string(identity.uri(rubricID))),
            JSONMember("title", .string(rubric.text(.title) ?? rubric.id)),
            JSONMember("description", .string("Scale: " + scale.joined(separator: ", "))),
            JSONMember("lastChangeDateTime", .string(identity.changed)),
            JSONMember("CFRubricCriteria", .array(criteria)),
        ])
    }
}
