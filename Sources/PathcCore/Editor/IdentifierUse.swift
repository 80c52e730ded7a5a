/// What an id written in a file names: an entity, or one key result of an OKR.
enum IdentifierTarget: Hashable {
    case entity(EntityRef)
    case keyResult(okr: String, id: String)
}

/// An id written in a file: where, and what it names.
struct IdentifierUse {
    let path: String
    let file: SourceFile
    /// The id's own characters (in a key result reference `okr/kr`, one of the two parts).
    let span: Span
    let target: IdentifierTarget
    /// The definition itself (an entity's `id`, a key result's `id`), not a reference to it.
    let isDefinition: Bool

    /// Every id written in an entity's file: its own id, each key result's id, and each value
    /// the schemas mark as a reference (a key result reference `okr/kr` names the OKR with the
    /// part before the slash and the key result with the part after it).
    static func all(in entity: Entity, path: String) -> [IdentifierUse] {
        var uses: [IdentifierUse] = []
        func add(_ node: Node, from offset: Int = 0, text: String, _ target: IdentifierTarget, definition: Bool) {
            guard let span = span(of: node, in: entity.file, from: offset, text: text) else { return }
            uses.append(IdentifierUse(path: path, file: entity.file, span: span, target: target, isDefinition: definition))
        }
        add(entity.idNode, text: entity.id, .entity(EntityRef(entity.kind, entity.id)), definition: true)
        if entity.kind == .okr {
            for item in entity.root[.keyResults]?.sequence ?? [] {
                guard let node = item[.id], let id = node.string else { continue }
                add(node, text: id, .keyResult(okr: entity.id, id: id), definition: true)
            }
        }
        for annotation in entity.annotations {
            guard let kindName = annotation.referenceKind, let reference = annotation.node.string else { continue }
            if kindName == "key-result" {
                let parts = reference.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                add(annotation.node, text: parts[0], .entity(EntityRef(.okr, parts[0])), definition: false)
                if parts.count == 2 {
                    add(annotation.node, from: parts[0].utf8.count + 1, text: parts[1],
                        .keyResult(okr: parts[0], id: parts[1]), definition: false)
                }
            } else if let kind = EntityKind(rawValue: kindName) {
                add(annotation.node, text: reference, .entity(EntityRef(kind, reference)), definition: false)
            }
        }
        return uses
    }

    /// Where `text` is written, `offset` bytes into a scalar's text, when the scalar is written
    /// plain or quoted and its bytes there are the text (not in a block scalar, nor across an
    /// escape or a line break).
    static func span(of node: Node, in file: SourceFile, from offset: Int = 0, text: String) -> Span? {
        guard let scalar = node.scalar else { return nil }
        let start: Int
        switch scalar.style {
        case .plain: start = node.span.start + offset
        case .singleQuoted, .doubleQuoted: start = node.span.start + 1 + offset
        default: return nil
        }
        let bytes = Array(text.utf8)
        let end = start + bytes.count
        guard end <= node.span.end, end <= file.bytes.count, file.bytes[start..<end].elementsEqual(bytes) else { return nil }
        return Span(start: start, end: end)
    }
}
