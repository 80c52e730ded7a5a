/// One change between two revisions of the framework, at the entity or inside it.
public struct FrameworkChange: Sendable, Equatable {
    public enum Change: String, Sendable {
        case added, removed, renamed, reworded, moved, changed
    }

    public let kind: EntityKind
    /// The entity's id at the later revision (at the earlier one for a removed entity).
    public let id: String
    public let title: String
    public let change: Change
    /// Where inside the entity, in words ("level 3 · Advanced", "behaviour"); empty for the
    /// entity itself.
    public let place: [String]
    /// The JSON Pointer inside the entity, at the later revision (the earlier for what was removed).
    public let pointer: String
    public let before: String?
    public let after: String?
}

/// The entity-level changes between two revisions: entities added, removed and renamed; inside
/// each entity present in both, what was added, removed, reworded or moved, in the terms the
/// framework's readers use (a behaviour of a level, a key result's target, a role's level of a
/// competency). A renamed id is reported once, where it is renamed: references to it that
/// changed only with the rename are not changes.
public struct FrameworkDiff: Sendable {
    public let from: String
    public let to: String
    public let changes: [FrameworkChange]
    /// Content files of either revision that gave no entity, which the comparison leaves out.
    public let unreadable: [String]

    public init(from old: RevisionContent, to new: RevisionContent) {
        from = old.name
        to = new.name
        changes = Self.compare(old.entities, new.entities)
        unreadable = old.unreadable + new.unreadable
    }

    /// How similar two texts must be (the share of words they have in common) for the second
    /// to count as the first reworded rather than one removed and another added.
    static let rewordedSimilarity = 0.5
    /// How similar two entities' words must be for one with a new id to count as a rename.
    static let renamedSimilarity = 0.6
    /// How many pairs of texts or entities are compared word by word, at most, in one place.
    static let pairsCompared = 250_000

    static func compare(_ old: [Entity], _ new: [Entity]) -> [FrameworkChange] {
        struct Key: Hashable { let kind: EntityKind; let id: String }
        var before: [Key: Entity] = [:], after: [Key: Entity] = [:]
        for entity in old where before[Key(kind: entity.kind, id: entity.id)] == nil { before[Key(kind: entity.kind, id: entity.id)] = entity }
        for entity in new where after[Key(kind: entity.kind, id: entity.id)] == nil { after[Key(kind: entity.kind, id: entity.id)] = entity }
        var removed = before.keys.filter { after[$0] == nil }
        var added = after.keys.filter { before[$0] == nil }
        // Renames: an entity gone and one new of the same kind, in the same file or with mostly
        // the same words; the best pairs first.
        var renames: [String: String] = [:]
        var pairs: [(old: Entity, new: Entity)] = []
        var candidates: [(score: Double, old: Key, new: Key)] = []
        var addedByFile: [String: [Key]] = [:]
        for fresh in added { addedByFile[String(fileName(after[fresh]!.file.path)), default: []].append(fresh) }
        for gone in removed {
            for fresh in addedByFile[String(fileName(before[gone]!.file.path))] ?? [] where fresh.kind == gone.kind {
                candidates.append((1, gone, fresh))
            }
        }
        // Comparing the words of every entity gone with every new one is quadratic: done only
        // while that stays small, so a mass rename cannot make the diff run for hours.
        if removed.count * added.count <= Self.pairsCompared {
            let words = Dictionary(uniqueKeysWithValues: (removed.map { ($0, before[$0]!) } + added.map { ($0, after[$0]!) }).map { ($0.0, Self.words(of: $0.1)) })
            for gone in removed {
                for fresh in added where fresh.kind == gone.kind && fileName(before[gone]!.file.path) != fileName(after[fresh]!.file.path) {
                    let score = similarity(words[gone]!, words[fresh]!)
                    if score >= renamedSimilarity { candidates.append((score, gone, fresh)) }
                }
            }
        }
        candidates.sort { ($0.score, $1.old.id, $1.new.id) > ($1.score, $0.old.id, $0.new.id) }
        var taken = Set<Key>()
        for candidate in candidates where !taken.contains(candidate.old) && !taken.contains(candidate.new) {
            taken.insert(candidate.old); taken.insert(candidate.new)
            renames[candidate.old.kind.rawValue + "\u{0}" + candidate.old.id] = candidate.new.id
            pairs.append((before[candidate.old]!, after[candidate.new]!))
        }
        removed.removeAll { taken.contains($0) }
        added.removeAll { taken.contains($0) }
        for (key, entity) in before where after[key] != nil { pairs.append((entity, after[key]!)) }

        var changes: [FrameworkChange] = []
        for key in added {
            let entity = after[key]!
            changes.append(FrameworkChange(kind: key.kind, id: key.id, title: title(entity), change: .added, place: [], pointer: "",
                                           before: nil, after: title(entity)))
        }
        for key in removed {
            let entity = before[key]!
            changes.append(FrameworkChange(kind: key.kind, id: key.id, title: title(entity), change: .removed, place: [], pointer: "",
                                           before: title(entity), after: nil))
        }
        for (old, new) in pairs {
            var walker = Walker(kind: new.kind, id: new.id, title: title(new), renames: renames)
            for annotation in old.annotations {
                if let kind = annotation.referenceKind { walker.oldReferences[annotation.pointer] = kind }
            }
            if old.id != new.id {
                walker.emit(.renamed, place: [], pointer: "", before: old.id, after: new.id)
            }
            walker.compare(old.root, new.root, oldPointer: "", newPointer: "", path: "", place: [])
            changes += walker.changes
        }
        let kindOrder = Dictionary(uniqueKeysWithValues: EntityKind.allCases.enumerated().map { ($1, $0) })
        // Entities by kind and id; inside one, the order the walk found them in.
        let indexed = changes.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.kind != y.kind { return kindOrder[x.kind]! < kindOrder[y.kind]! }
            if x.id != y.id { return x.id < y.id }
            return a.offset < b.offset
        }
        return indexed.map(\.element)
    }

    static func title(_ entity: Entity) -> String {
        switch entity.kind {
        case .competency: return entity.text(.name) ?? entity.id
        case .okr: return entity.text(.objective).map(Whitespace.oneLine) ?? entity.id
        default: return entity.text(.title) ?? entity.id
        }
    }

    private static func fileName(_ path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }

    /// The lower-cased words of every text in an entity but its id and kind.
    static func words(of entity: Entity) -> Set<Substring> {
        var result = Set<Substring>()
        var stack: [(node: Node, key: String?)] = [(entity.root, nil)]
        while let (node, key) = stack.popLast() {
            switch node.content {
            case .scalar(let scalar):
                if key != "id" && key != "kind" { result.formUnion(words(scalar.text)) }
            case .sequence(let items): stack += items.map { ($0, nil) }
            case .mapping(let pairs): stack += pairs.map { ($0.value, $0.keyText) }
            }
        }
        return result
    }

    static func words(_ text: String) -> Set<Substring> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber })
    }

    /// The share of words two texts have in common (Jaccard), 0 to 1.
    static func similarity(_ a: Set<Substring>, _ b: Set<Substring>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}

/// Walks an entity's two versions side by side and says what changed, in words.
private struct Walker {
    let kind: EntityKind
    let id: String
    let title: String
    /// "kind NUL old id" to the new id, for every renamed entity.
    let renames: [String: String]
    /// The old version's references, by pointer, with the kind they name.
    var oldReferences: [String: String] = [:]
    var changes: [FrameworkChange] = []

    init(kind: EntityKind, id: String, title: String, renames: [String: String]) {
        self.kind = kind
        self.id = id
        self.title = title
        self.renames = renames
    }

    mutating func emit(_ change: FrameworkChange.Change, place: [String], pointer: String, before: String?, after: String?) {
        changes.append(FrameworkChange(kind: kind, id: id, title: title, change: change, place: place, pointer: pointer,
                                       before: before, after: after))
    }

    /// The lists whose items are told apart by a field, by entity kind and path (indices as `*`),
    /// with the word a reader calls an item.
    static let keyedLists: [String: (key: String, noun: String)] = [
        "competency /levels": ("level", "level"),
        "role /competencies": ("competency", "competency"),
        "pathway /competencies": ("competency", "competency"),
        "pathway /stages": ("id", "stage"),
        "pathway /milestones": ("id", "milestone"),
        "okr /key_results": ("id", "key result"),
        "rubric /criteria": ("id", "criterion"),
    ]

    /// The word for one item of a list of texts.
    static let itemNouns: [String: String] = [
        "competency /levels/*/behaviors": "behaviour",
        "pathway /stages/*/practice/*/success_criteria": "success criterion",
        "rubric /criteria/*/descriptors": "descriptor",
    ]

    /// Fields whose new value is where the old one moved to: numbers, levels, dates.
    static let movingFields: Set<String> = ["level", "target", "baseline", "due", "from", "to", "cycle", "pass", "duration", "after"]

    mutating func compare(_ old: Node, _ new: Node, oldPointer: String, newPointer: String, path: String, place: [String]) {
        switch (old.content, new.content) {
        case (.mapping(let oldPairs), .mapping(let newPairs)):
            // The id is the entity's name: a new one is reported as the rename, once.
            for pair in newPairs where !(path.isEmpty && pair.keyText == "id") {
                let key = pair.keyText
                let escaped = Self.escape(key)
                let childPlace = place + [Self.words(key)]
                if let previous = oldPairs.first(where: { $0.keyText == key }) {
                    compare(previous.value, pair.value, oldPointer: oldPointer + "/" + escaped, newPointer: newPointer + "/" + escaped,
                            path: path + "/" + escaped, place: childPlace)
                } else {
                    emit(.added, place: childPlace, pointer: newPointer + "/" + escaped, before: nil, after: Self.summary(pair.value))
                }
            }
            for pair in oldPairs where !newPairs.contains(where: { $0.keyText == pair.keyText }) && !(path.isEmpty && pair.keyText == "id") {
                let escaped = Self.escape(pair.keyText)
                emit(.removed, place: place + [Self.words(pair.keyText)], pointer: oldPointer + "/" + escaped, before: Self.summary(pair.value), after: nil)
            }
        case (.sequence(let oldItems), .sequence(let newItems)):
            compareLists(oldItems, newItems, oldPointer: oldPointer, newPointer: newPointer, path: path, place: place)
        case (.scalar(let a), .scalar(let b)):
            let before = oldReferences[oldPointer].map { renamed($0, a.text) } ?? a.text
            guard before != b.text else { return }
            let field = path.split(separator: "/").last.map(String.init) ?? ""
            let isText = a.text.contains(" ") && b.text.contains(" ")
            let change: FrameworkChange.Change = isText ? .reworded : Self.movingFields.contains(field) ? .moved : .changed
            emit(change, place: place, pointer: newPointer, before: a.text, after: b.text)
        default:
            emit(.changed, place: place, pointer: newPointer, before: Self.summary(old), after: Self.summary(new))
        }
    }

    private func renamed(_ kind: String, _ value: String) -> String {
        if kind == "key-result" {
            let parts = value.split(separator: "/", maxSplits: 1)
            guard parts.count == 2, let okr = renames["okr\u{0}" + parts[0]] else { return value }
            return okr + "/" + parts[1]
        }
        return renames[kind + "\u{0}" + value] ?? value
    }

    private mutating func compareLists(_ oldItems: [Node], _ newItems: [Node], oldPointer: String, newPointer: String, path: String,
                                       place: [String]) {
        let pattern = "\(kind.rawValue) \(path)"
        if kind == .okr && path.hasSuffix("/checkins") {
            // Check-ins are progress, not the framework: counted, not listed one by one.
            if oldItems.count != newItems.count {
                emit(.changed, place: place, pointer: newPointer, before: Self.count(oldItems.count, "check-in"), after: Self.count(newItems.count, "check-in"))
            }
            return
        }
        if let keyed = Self.keyedLists[pattern] {
            let referenceKind = keyed.key == "competency" ? "competency" : nil
            func key(_ item: Node, old: Bool) -> String? {
                guard let text = item[keyed.key]?.scalar?.text else { return nil }
                return old && referenceKind != nil ? renamed(referenceKind!, text) : text
            }
            var matched = Set<Int>()
            // Each key's old items, in order: found without a scan per new item.
            var oldByKey: [String: [Int]] = [:]
            for (index, item) in oldItems.enumerated().reversed() {
                if let itemKey = key(item, old: true) { oldByKey[itemKey, default: []].append(index) }
            }
            for (newIndex, item) in newItems.enumerated() {
                let itemKey = key(item, old: false)
                let label = itemLabel(keyed.noun, item, key: itemKey)
                if let itemKey, let oldIndex = oldByKey[itemKey]?.popLast() {
                    matched.insert(oldIndex)
                    compare(oldItems[oldIndex], item, oldPointer: "\(oldPointer)/\(oldIndex)", newPointer: "\(newPointer)/\(newIndex)",
                            path: path + "/*", place: Array(place.dropLast()) + [label])
                } else {
                    emit(.added, place: Array(place.dropLast()) + [label], pointer: "\(newPointer)/\(newIndex)", before: nil, after: Self.summary(item))
                }
            }
            for (oldIndex, item) in oldItems.enumerated() where !matched.contains(oldIndex) {
                emit(.removed, place: Array(place.dropLast()) + [itemLabel(keyed.noun, item, key: key(item, old: false))],
                     pointer: "\(oldPointer)/\(oldIndex)", before: Self.summary(item), after: nil)
            }
            return
        }
        let allScalars = (oldItems + newItems).allSatisfy { $0.scalar != nil }
        guard allScalars else {
            // Lists of mappings with no key field: item by item.
            for index in 0..<max(oldItems.count, newItems.count) {
                let label = place.isEmpty ? [] : [Self.singular(place.last!) + " \(index + 1)"]
                let itemPlace = Array(place.dropLast()) + label
                if index < oldItems.count && index < newItems.count {
                    compare(oldItems[index], newItems[index], oldPointer: "\(oldPointer)/\(index)", newPointer: "\(newPointer)/\(index)",
                            path: path + "/*", place: itemPlace)
                } else if index < newItems.count {
                    emit(.added, place: itemPlace, pointer: "\(newPointer)/\(index)", before: nil, after: Self.summary(newItems[index]))
                } else {
                    emit(.removed, place: itemPlace, pointer: "\(oldPointer)/\(index)", before: Self.summary(oldItems[index]), after: nil)
                }
            }
            return
        }
        let noun = Self.itemNouns[pattern + "/*"] ?? Self.itemNouns[pattern] ?? (place.last.map(Self.singular) ?? "item")
        let itemPlace = Array(place.dropLast()) + [noun]
        let oldTexts = oldItems.enumerated().map { index, item in
            oldReferences["\(oldPointer)/\(index)"].map { renamed($0, item.scalar!.text) } ?? item.scalar!.text
        }
        let newTexts = newItems.map { $0.scalar!.text }
        // The same text is the same item wherever it moved to; of the rest, the most similar
        // pairs are rewordings; what is left was added or removed.
        var oldLeft = Set(oldTexts.indices), newLeft = Set(newTexts.indices)
        var oldByText: [String: [Int]] = [:]
        for (index, text) in oldTexts.enumerated().reversed() { oldByText[text, default: []].append(index) }
        for (newIndex, text) in newTexts.enumerated() {
            if let oldIndex = oldByText[text]?.popLast() {
                oldLeft.remove(oldIndex); newLeft.remove(newIndex)
            }
        }
        var candidates: [(score: Double, old: Int, new: Int)] = []
        let compared = oldLeft.count * newLeft.count <= FrameworkDiff.pairsCompared ? oldLeft : []
        for oldIndex in compared.sorted() where oldTexts[oldIndex].contains(" ") {
            for newIndex in newLeft where newTexts[newIndex].contains(" ") {
                let score = FrameworkDiff.similarity(FrameworkDiff.words(oldTexts[oldIndex]), FrameworkDiff.words(newTexts[newIndex]))
                if score >= FrameworkDiff.rewordedSimilarity { candidates.append((score, oldIndex, newIndex)) }
            }
        }
        candidates.sort { ($0.score, $1.new, $1.old) > ($1.score, $0.new, $0.old) }
        var reworded: [Int: Int] = [:]
        for candidate in candidates where oldLeft.contains(candidate.old) && newLeft.contains(candidate.new) {
            oldLeft.remove(candidate.old); newLeft.remove(candidate.new)
            reworded[candidate.new] = candidate.old
        }
        for newIndex in newTexts.indices {
            if let oldIndex = reworded[newIndex] {
                emit(.reworded, place: itemPlace, pointer: "\(newPointer)/\(newIndex)", before: oldItems[oldIndex].scalar!.text, after: newTexts[newIndex])
            } else if newLeft.contains(newIndex) {
                emit(.added, place: itemPlace, pointer: "\(newPointer)/\(newIndex)", before: nil, after: newTexts[newIndex])
            }
        }
        for oldIndex in oldLeft.sorted() {
            emit(.removed, place: itemPlace, pointer: "\(oldPointer)/\(oldIndex)", before: oldItems[oldIndex].scalar!.text, after: nil)
        }
    }

    /// "level 3 · Advanced", "key result forecast-accuracy", "competency consultative-selling".
    private func itemLabel(_ noun: String, _ item: Node, key: String?) -> String {
        if noun == "level", let name = item[.name]?.scalar?.text { return "level \(key ?? "?") · \(name)" }
        return key.map { "\(noun) \($0)" } ?? noun
    }

    /// A value in a line: a text as it is, a list or mapping by its title or size.
    static func summary(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar): return Whitespace.oneLine(scalar.text)
        case .sequence(let items):
            if items.allSatisfy({ $0.scalar != nil }) { return items.map { $0.scalar!.text }.joined(separator: ", ") }
            return count(items.count, "item")
        case .mapping:
            for field in ["title", "name", "result", "outcome", "task", "competency", "id"] {
                if let text = node[field]?.scalar?.text { return Whitespace.oneLine(text) }
            }
            return "…"
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func words(_ key: String) -> String { key.replacingOccurrences(of: "_", with: " ") }

    static func singular(_ plural: String) -> String {
        if plural.hasSuffix("criteria") { return String(plural.dropLast()) + "on" }
        if plural.hasSuffix("ies") { return String(plural.dropLast(3)) + "y" }
        if plural.hasSuffix("s") { return String(plural.dropLast()) }
        return plural
    }

    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
