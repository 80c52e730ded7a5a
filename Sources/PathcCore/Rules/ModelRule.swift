/// A rule over one entity of some kinds, with the whole model at hand.
package protocol ModelRule: Sendable {
    var description: RuleDescription { get }
    var kinds: Set<EntityKind> { get }
    /// The findings in one entity. `statements` are its statements as the text rules analysed
    /// them, for the rules that read them; the others ignore them.
    func check(_ entity: Entity, statements: [Statement], _ context: RuleContext) -> [Finding]
}

extension ModelRule {
    /// The findings in one entity, without its analysed statements (for tests and tools).
    func check(_ entity: Entity, _ context: RuleContext) -> [Finding] {
        check(entity, statements: [], context)
    }
}

/// Helpers for rules that read the fields of entities.
extension Entity {
    func finding(_ node: Node?, _ pointer: String, _ message: String, label: String? = nil, help: String? = nil,
                 notes: [String] = []) -> Finding {
        Finding(node: node ?? idNode, file: file, message: message, label: label, help: help,
                pointer: node == nil ? "/id" : pointer, notes: notes)
    }
}
