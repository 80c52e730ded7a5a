import Foundation

/// An entity's identity: its kind and id.
public struct EntityRef: Hashable, Sendable, Comparable {
    public let kind: EntityKind
    public let id: String

    public init(_ kind: EntityKind, _ id: String) {
        self.kind = kind
        self.id = id
    }

    public static func < (a: EntityRef, b: EntityRef) -> Bool { (a.kind, a.id) < (b.kind, b.id) }
}

/// Who refers to whom: for each entity, the files that name it, from the `x-ref` values the
/// schemas mark (a key result reference `okr-id/kr-id` names its OKR).
public struct ReferenceIndex: Sendable {
    /// The files (relative to the root) that refer to each entity.
    public private(set) var referrers: [EntityRef: Set<String>] = [:]
    /// The files (relative to the root) that define each entity, duplicates included.
    public private(set) var definers: [EntityRef: Set<String>] = [:]

    public init(model: Model, path: (Entity) -> String) {
        for entity in model.ordered + model.duplicates {
            let file = path(entity)
            definers[EntityRef(entity.kind, entity.id), default: []].insert(file)
            for target in Self.references(entity.annotations) {
                referrers[target, default: []].insert(file)
            }
        }
    }

    /// The entities a document refers to, from its schema annotations.
    public static func references(_ annotations: [SchemaAnnotation]) -> [EntityRef] {
        annotations.compactMap { annotation in
            guard let kindName = annotation.referenceKind, let scalar = annotation.node.scalar,
                  case .string(let reference) = scalar.value else { return nil }
            if kindName == "key-result" {
                guard let okr = reference.split(separator: "/", maxSplits: 1).first else { return nil }
                return EntityRef(.okr, String(okr))
            }
            return EntityKind(rawValue: kindName).map { EntityRef($0, reference) }
        }
    }
}
