import Foundation

/// What the rest of the repository can learn from one content file: the entity it defines, the
/// entities it refers to, and the few fields that checks of other files read (alignment, support,
/// rubric levels). Every check makes them as it reads each file; `RepositoryFacts` computes the
/// repository-wide answers from them, and `check --since` keeps them in its cache to decide what to
/// read without parsing every file. Each field reads the entity exactly as the check and the
/// rules do.
final class FileFacts: Sendable, Equatable {
    // A class, not a struct: the facts of 100,000 files are passed around, put in lists and
    // looked up by `check --since`, and a copy of a reference is one retain, where a copy of
    // these nine fields was ten.

    /// The entity, when the file parsed to a mapping with a known kind and a text id.
    let entity: EntityRef?
    /// `x-ref` values (a key result names its OKR), as `ReferenceIndex.references` gives them.
    let references: [EntityRef]
    /// An OKR's `level` text.
    let level: String?
    /// An OKR's `aligned_to` items as scalar texts (alignment cycles follow these).
    let alignedToTexts: [String]
    /// An OKR's `aligned_to` items that are text (the support chain follows these).
    let alignedTo: [String]
    /// A competency's `supports` items that are text.
    let supports: [String]
    /// A pathway's `drives` items that are text.
    let drives: [String]
    /// A role's or pathway's `competencies[].competency` texts, which the level rule looks up.
    let competencies: [String]
    /// A rubric's `scale` items as lowercased scalar texts.
    let scale: [String]

    /// The facts of a file without an entity.
    static let none = FileFacts()

    init(entity: EntityRef? = nil, references: [EntityRef] = [], level: String? = nil, alignedToTexts: [String] = [],
         alignedTo: [String] = [], supports: [String] = [], drives: [String] = [], competencies: [String] = [], scale: [String] = []) {
        self.entity = entity
        self.references = references
        self.level = level
        self.alignedToTexts = alignedToTexts
        self.alignedTo = alignedTo
        self.supports = supports
        self.drives = drives
        self.competencies = competencies
        self.scale = scale
    }

    convenience init(_ entity: Entity) {
        let kind = entity.kind
        self.init(
            entity: EntityRef(kind, entity.id),
            references: ReferenceIndex.references(entity.annotations),
            level: kind == .okr ? entity.level : nil,
            alignedToTexts: kind == .okr ? (entity.root[.alignedTo]?.sequence ?? []).compactMap { $0.scalar?.text } : [],
            alignedTo: kind == .okr ? entity.items(.alignedTo).compactMap(\.string) : [],
            supports: kind == .competency ? entity.items(.supports).compactMap(\.string) : [],
            drives: kind == .pathway ? entity.items(.drives).compactMap(\.string) : [],
            competencies: kind == .role || kind == .pathway ? entity.items(.competencies).compactMap { $0[.competency]?.string } : [],
            scale: kind == .rubric ? (entity.root[.scale]?.sequence ?? []).compactMap { $0.scalar?.text.lowercased() } : [])
    }

    static func == (left: FileFacts, right: FileFacts) -> Bool {
        left === right || (left.entity == right.entity && left.references == right.references && left.level == right.level
            && left.alignedToTexts == right.alignedToTexts && left.alignedTo == right.alignedTo && left.supports == right.supports
            && left.drives == right.drives && left.competencies == right.competencies && left.scale == right.scale)
    }

    /// Every id this file's checks and rules look up in other files: its references, and the
    /// fields rules read by name (whatever the schemas mark).
    var lookups: [String] {
        references.map(\.id) + alignedTo + supports + competencies + drives
    }
}
