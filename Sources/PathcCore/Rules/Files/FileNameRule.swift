struct FileNameRule: ModelRule {
    var description: RuleDescription { Self.description }
    static let description = RuleDescription(
        code: "PW2008", name: "file-name-mismatch", severity: .info, axis: nil,
        summary: "a file whose name does not start with the id of the entity it holds",
        why: "When file names follow ids, people find an entity from a reference, and reviews show at a glance what changed.",
        fix: "rename the file to start with the id, such as support-speed.okr.yaml",
        bad: [RuleExample("# file: notes.yaml\n" + OKRExamples.with([("id: support-speed", "id: ↓support-speed")]))],
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
