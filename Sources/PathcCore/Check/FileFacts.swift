import Foundation

/// What the rest of the repository can learn from one content file: the entity it defines, the
/// entities it refers to, and the few fields that checks of other files read (alignment, support,
/// rubric levels). `check --since` decides what to load from these, without parsing every file.
/// Each field reads the entity exactly as the check and the rules do.
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
            alignedToTexts: kind == .okr ? (entity.root["aligned_to"]?.sequence ?? []).compactMap { $0.scalar?.text } : [],
            alignedTo: kind == .okr ? entity.items("aligned_to").compactMap(\.string) : [],
            supports: kind == .competency ? entity.items("supports").compactMap(\.string) : [],
            drives: kind == .pathway ? entity.items("drives").compactMap(\.string) : [],
            competencies: kind == .role || kind == .pathway ? entity.items("competencies").compactMap { $0["competency"]?.string } : [],
            scale: kind == .rubric ? (entity.root["scale"]?.sequence ?? []).compactMap { $0.scalar?.text.lowercased() } : [])
    }

    static func == (left: FileFacts, right: FileFacts) -> Bool {
        left === right || (left.entity == right.entity && left.references == right.references && left.level == right.level
            && left.alignedToTexts == right.alignedToTexts && left.alignedTo == right.alignedTo && left.supports == right.supports
            && left.drives == right.drives && left.competencies == right.competencies && left.scale == right.scale)
    }

    /// The facts of a file's bytes, read as the check reads them.
    static func of(_ file: SourceFile, schemas: SchemaSet) -> FileFacts {
        FileCheck.run(file: file, schemas: schemas).entity.map(FileFacts.init) ?? FileFacts()
    }

    /// Every id this file's checks and rules look up in other files: its references, and the
    /// fields rules read by name (whatever the schemas mark).
    var lookups: [String] {
        references.map(\.id) + alignedTo + supports + competencies + drives
    }

    // MARK: - One line of the cache

    /// Tab-separated fields; lists as items each led by 0x1F; text escaped so that neither
    /// separator nor a newline appears in it.
    func encoded() -> String {
        var line = ""
        if let entity { line += String(Self.kindIndex(entity.kind)) + Self.escape(entity.id) } else { line += "-" }
        line += "\t"
        for reference in references { line += "\u{1F}" + String(Self.kindIndex(reference.kind)) + Self.escape(reference.id) }
        line += "\t" + (level.map { "=" + Self.escape($0) } ?? "-")
        for list in [alignedToTexts, alignedTo, supports, drives, competencies, scale] {
            line += "\t"
            for item in list { line += "\u{1F}" + Self.escape(item) }
        }
        return line
    }

    /// Decodes `encoded()`, from the bytes of one line without its newline.
    convenience init?(decoding line: UnsafeBufferPointer<UInt8>) {
        var fields: [Range<Int>] = []
        var start = 0
        for index in 0..<line.count where line[index] == 0x09 {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<line.count)
        guard fields.count == 9 else { return nil }
        func text(_ range: Range<Int>) -> String { Self.text(UnsafeBufferPointer(rebasing: line[range])) }
        func items(_ range: Range<Int>) -> [Range<Int>] {
            guard !range.isEmpty else { return [] }
            var result: [Range<Int>] = []
            var itemStart = range.lowerBound + 1
            for index in itemStart..<range.upperBound where line[index] == 0x1F {
                result.append(itemStart..<index)
                itemStart = index + 1
            }
            result.append(itemStart..<range.upperBound)
            return result
        }
        func list(_ range: Range<Int>) -> [String] { items(range).map(text) }
        func reference(_ range: Range<Int>) -> EntityRef? {
            guard !range.isEmpty else { return nil }
            let index = Int(line[range.lowerBound]) - 0x30
            guard index >= 0, index < EntityKind.allCases.count else { return nil }
            return EntityRef(EntityKind.allCases[index], text(range.lowerBound + 1..<range.upperBound))
        }
        var entity: EntityRef?
        if !(fields[0].count == 1 && line[fields[0].lowerBound] == UInt8(ascii: "-")) {
            guard let parsed = reference(fields[0]) else { return nil }
            entity = parsed
        }
        var references: [EntityRef] = []
        for item in items(fields[1]) {
            guard let parsed = reference(item) else { return nil }
            references.append(parsed)
        }
        let level = line[fields[2].lowerBound] == UInt8(ascii: "=") ? text(fields[2].lowerBound + 1..<fields[2].upperBound) : nil
        self.init(entity: entity, references: references, level: level, alignedToTexts: list(fields[3]), alignedTo: list(fields[4]),
                  supports: list(fields[5]), drives: list(fields[6]), competencies: list(fields[7]), scale: list(fields[8]))
    }

    /// Escaped text's bytes as the text.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        bytes.contains(0x5C) ? unescape(String(decoding: bytes, as: UTF8.self)) : String(decoding: bytes, as: UTF8.self)
    }

    private static func kindIndex(_ kind: EntityKind) -> Int { EntityKind.allCases.firstIndex(of: kind)! }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1F }) else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\u{1F}": escaped += "\\u"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    static func unescape(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var result = ""
        var escaping = false
        for character in text.unicodeScalars {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                case "u": result += "\u{1F}"
                default: result.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// The facts of every content file at one moment (the revision, or now): the model's look-ups
/// (the entity that wins an id, all of a kind) and the repository-wide answers the rules need,
/// computed exactly as from the full model.
struct FactsModel {
    /// Root-relative paths and their facts.
    let files: [(path: String, facts: FileFacts)]
    /// The path as the check shows it, which decides which of two files with one id wins (the first).
    let order: (String) -> String
    /// The first file defining each id, in any kind.
    private var firstDefiner: [String: Int] = [:]
    /// Every file defining an id that more than one file defines.
    private var allDefiners: [String: [Int]] = [:]

    init(_ files: [(path: String, facts: FileFacts)], order: @escaping (String) -> String = { $0 }) {
        self.files = files
        self.order = order
        firstDefiner.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            guard let id = file.facts.entity?.id else { continue }
            if let first = firstDefiner.updateValue(index, forKey: id) {
                firstDefiner[id] = first
                allDefiners[id, default: [first]].append(index)
            }
        }
    }

    /// Every file defining an id, in any kind, duplicates included.
    func definers(_ id: String) -> [Int] {
        if !allDefiners.isEmpty, let all = allDefiners[id] { return all }
        return firstDefiner[id].map { [$0] } ?? []
    }

    /// The index of the file whose entity the model keeps for a kind and id.
    func winnerIndex(_ kind: EntityKind, _ id: String) -> Int? {
        guard let first = firstDefiner[id] else { return nil }
        guard !allDefiners.isEmpty, let all = allDefiners[id] else { return files[first].facts.entity?.kind == kind ? first : nil }
        return all.filter { files[$0].facts.entity?.kind == kind }.min { order(files[$0].path) < order(files[$1].path) }
    }

    func winner(_ kind: EntityKind, _ id: String) -> FileFacts? {
        winnerIndex(kind, id).map { files[$0].facts }
    }

    /// The file wins its entity's id (it is not a duplicate).
    func isWinner(_ index: Int) -> Bool {
        guard let entity = files[index].facts.entity else { return false }
        return allDefiners.isEmpty || allDefiners[entity.id] == nil || winnerIndex(entity.kind, entity.id) == index
    }

    /// The winning entities of a kind, in no particular order.
    func all(_ kind: EntityKind) -> [(id: String, facts: FileFacts)] {
        files.indices.compactMap { index in
            let facts = files[index].facts
            guard let entity = facts.entity, entity.kind == kind, isWinner(index) else { return nil }
            return (entity.id, facts)
        }
    }

    /// The ids of each kind (the candidates of an unknown reference's suggestion), in no
    /// particular order: the suggestion breaks ties by id.
    func knownIDs() -> [EntityKind: [String]] {
        var known: [EntityKind: [String]] = [:]
        for index in files.indices {
            guard let entity = files[index].facts.entity, isWinner(index) else { continue }
            known[entity.kind, default: []].append(entity.id)
        }
        return known
    }

    /// As `RuleContext.rubricLevels`.
    func rubricLevels() -> Set<String> {
        Set(all(.rubric).flatMap(\.facts.scale))
    }

    /// As `UnsupportedStrategyRule.supported(model)`.
    func supportedStrategies() -> Set<String> {
        var supported: Set<String> = []
        var pending: [String] = []
        func markChain(_ id: String) {
            pending.append(id)
            while let next = pending.popLast() {
                guard supported.insert(next).inserted, let okr = winner(.okr, next) else { continue }
                pending += okr.alignedTo
            }
        }
        // In the rule's order (competencies, pathways, developmental OKRs): an id a competency
        // supports is marked without its chain, which changes what a later walk reaches. Within
        // each, the order does not matter.
        var pathways: [FileFacts] = []
        var developmental: [String] = []
        for index in files.indices {
            let facts = files[index].facts
            guard let entity = facts.entity, isWinner(index) else { continue }
            switch entity.kind {
            case .competency: supported.formUnion(facts.supports)
            case .pathway: pathways.append(facts)
            case .okr where facts.level == "developmental": developmental.append(entity.id)
            default: break
            }
        }
        for pathway in pathways {
            for reference in pathway.drives {
                if let okr = reference.split(separator: "/").first { markChain(String(okr)) }
            }
        }
        developmental.forEach(markChain)
        return supported
    }

    /// As the model's alignment-cycle check: each cycle from its smallest id.
    func alignmentCycles() -> [[String]] {
        let okrs = all(.okr)
        var parents: [String: [String]] = [:]
        parents.reserveCapacity(okrs.count)
        for okr in okrs { parents[okr.id] = okr.facts.alignedToTexts }
        // Most repositories have none: find out in any order before walking in the check's order.
        var state: [String: UInt8] = [:]
        var found = false
        for okr in okrs where state[okr.id] == nil && !found {
            var stack: [(id: String, next: Int)] = [(okr.id, 0)]
            state[okr.id] = 1
            while let top = stack.last, !found {
                let targets = parents[top.id] ?? []
                if top.next < targets.count {
                    stack[stack.count - 1].next += 1
                    let target = targets[top.next]
                    guard parents[target] != nil else { continue }
                    switch state[target] {
                    case nil:
                        state[target] = 1
                        stack.append((target, 0))
                    case 1: found = true
                    default: break
                    }
                } else {
                    state[top.id] = 2
                    stack.removeLast()
                }
            }
        }
        guard found else { return [] }
        return ModelChecks.alignmentCycles(okrs: okrs.map(\.id).sorted()) { parents[$0] }
    }
}
