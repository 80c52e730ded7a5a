import Foundation

/// The facts of every content file at one moment: the model's look-ups (the entity that wins an
/// id, all of a kind) and the answers that need the whole repository. The one place those answers
/// are defined: a full check makes this from the files it has just read, `check --since` from the
/// fact cache and the changed files, and both give the checks and rules the same `answers()`.
struct RepositoryFacts: Sendable {
    /// Root-relative paths and their facts.
    let files: [(path: String, facts: FileFacts)]
    /// The first file defining each id, in any kind.
    private var firstDefiner: [String: Int] = [:]
    /// Every file defining an id that more than one file defines.
    private var allDefiners: [String: [Int]] = [:]
    /// The files whose entity loses to another file's of the same kind and id (duplicates).
    private var losers: Set<Int> = []

    /// `order` gives the path as the check shows it, which decides which of two files defining
    /// one kind and id wins: the first.
    init(_ files: [(path: String, facts: FileFacts)], order: (String) -> String = { $0 }) {
        self.files = files
        firstDefiner.reserveCapacity(files.count)
        for (index, file) in files.enumerated() {
            guard let id = file.facts.entity?.id else { continue }
            if let first = firstDefiner.updateValue(index, forKey: id) {
                firstDefiner[id] = first
                allDefiners[id, default: [first]].append(index)
            }
        }
        for definers in allDefiners.values {
            for kind in Set(definers.compactMap { files[$0].facts.entity?.kind }) {
                let ofKind = definers.filter { files[$0].facts.entity?.kind == kind }
                let winner = ofKind.min { order(files[$0].path) < order(files[$1].path) }
                losers.formUnion(ofKind.filter { $0 != winner })
            }
        }
    }

    /// The facts of a model's entities, for a model made in memory rather than by a check.
    init(model: Model) {
        self.init((model.ordered + model.duplicates).map { ($0.file.path, FileFacts($0)) })
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
        return all.first { files[$0].facts.entity?.kind == kind && !losers.contains($0) }
    }

    func winner(_ kind: EntityKind, _ id: String) -> FileFacts? {
        winnerIndex(kind, id).map { files[$0].facts }
    }

    /// The file wins its entity's id (it is not a duplicate).
    func isWinner(_ index: Int) -> Bool {
        files[index].facts.entity != nil && (losers.isEmpty || !losers.contains(index))
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

    /// The three answers, for the checks and rules.
    func answers() -> RepositoryAnswers {
        RepositoryAnswers(cycles: alignmentCycles(), rubricLevels: rubricLevels(), supportedStrategies: supportedStrategies())
    }

    /// The level names of every rubric, lowercased ("proficient"): a criterion naming one sets a standard.
    func rubricLevels() -> Set<String> {
        Set(all(.rubric).flatMap(\.facts.scale))
    }

    /// The OKRs that something develops people for: every OKR up the alignment chain from an
    /// OKR a competency `supports`, from the OKR of a key result a pathway `drives`, and from the
    /// OKRs developmental OKRs align to. (Only strategic ones are asked about, by
    /// unsupported-strategy: the developmental OKRs themselves are left out of the set.)
    func supportedStrategies() -> Set<String> {
        let files = self.files
        let losers = self.losers
        // Many developmental OKRs share a few parents: the distinct starting points first, on all cores.
        var pending: [String] = parallelDistinct(Array(files.indices)) { index, start in
            let facts = files[index].facts
            guard let entity = facts.entity, !losers.contains(index) else { return }
            switch entity.kind {
            case .competency: facts.supports.forEach(start)
            case .pathway: for reference in facts.drives { if let okr = reference.split(separator: "/").first { start(String(okr)) } }
            case .okr where facts.level == "developmental": facts.alignedTo.forEach(start)
            default: break
            }
        }
        var supported: Set<String> = []
        while let next = pending.popLast() {
            guard supported.insert(next).inserted, let okr = winner(.okr, next) else { continue }
            pending += okr.alignedTo
        }
        return supported
    }

    /// The cycles of `aligned_to` links among the OKRs, each once, from its smallest id, in the
    /// order of the ids (alignment-cycle).
    func alignmentCycles() -> [[String]] {
        let okrs = all(.okr)
        let ids = okrs.map(\.id)
        let parents = okrs.map(\.facts.alignedToTexts)
        // Most repositories have none: find out in any order before sorting 100,000 ids.
        guard !Self.alignmentCycles(okrs: ids, parentLists: parents).isEmpty else { return [] }
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        return Self.alignmentCycles(okrs: order.map { ids[$0] }, parentLists: order.map { parents[$0] })
    }

    /// Some OKR among `ids` reaches itself by following `aligned_to` upward.
    func cycleThrough(_ ids: Set<String>) -> Bool {
        for start in ids where winner(.okr, start) != nil {
            var seen: Set<String> = []
            var pending = winner(.okr, start)?.alignedToTexts ?? []
            while let next = pending.popLast() {
                if next == start { return true }
                guard seen.insert(next).inserted, let okr = winner(.okr, next) else { continue }
                pending += okr.alignedToTexts
            }
        }
        return false
    }

    /// The cycles among `okrs`, visited in this order, each OKR's `aligned_to` texts given in the
    /// same order; a link to an id not in `okrs` leads nowhere.
    static func alignmentCycles(okrs: [String], parentLists: [[String]]) -> [[String]] {
        // Over indices, not ids: one look-up per link instead of several per visit, and a
        // depth-first walk with its own stack, so that a chain of any length cannot overflow
        // the thread's. A link to an id that is not in `okrs` leads nowhere.
        var indexOf: [String: Int] = [:]
        indexOf.reserveCapacity(okrs.count)
        for (index, id) in okrs.enumerated() where indexOf[id] == nil { indexOf[id] = index }
        let lookUp = indexOf
        let links: [[Int]] = parallelMap(parentLists) { parents in parents.compactMap { lookUp[$0] } }
        var state = [UInt8](repeating: 0, count: okrs.count)  // 1: on the current path, 2: done
        var positionOnPath = [Int](repeating: 0, count: okrs.count)
        var path: [Int] = []
        var nextLink: [Int] = []
        var reported: Set<String> = []
        var cycles: [[String]] = []
        for id in okrs {
            let start = indexOf[id]!
            guard state[start] == 0 else { continue }
            state[start] = 1
            positionOnPath[start] = 0
            path.append(start)
            nextLink.append(0)
            while let top = path.last {
                let link = nextLink[nextLink.count - 1]
                guard link < links[top].count else {
                    state[top] = 2
                    path.removeLast()
                    nextLink.removeLast()
                    continue
                }
                nextLink[nextLink.count - 1] = link + 1
                let next = links[top][link]
                switch state[next] {
                case 0:
                    state[next] = 1
                    positionOnPath[next] = path.count
                    path.append(next)
                    nextLink.append(0)
                case 1:
                    let cycle = path[positionOnPath[next]...].map { okrs[$0] }
                    let first = cycle.min()!
                    guard reported.insert(first).inserted else { continue }
                    let rotation = cycle.firstIndex(of: first)!
                    cycles.append(Array(cycle[rotation...] + cycle[..<rotation]))
                default:
                    continue
                }
            }
        }
        return cycles
    }
}

/// The answers the checks and rules need from the whole repository, made by `RepositoryFacts`.
struct RepositoryAnswers: Sendable {
    /// Each alignment cycle once, from its smallest id.
    var cycles: [[String]]
    /// Rubric level names, lowercased.
    var rubricLevels: Set<String>
    /// OKRs something develops people for.
    var supportedStrategies: Set<String>
}
