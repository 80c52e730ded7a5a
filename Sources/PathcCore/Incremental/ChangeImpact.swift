/// What a change to some files can alter, and what checking it exactly needs: the files whose
/// findings may change, the other files their checks read, and the repository-wide answers as
/// they are now. `check --since` works it out from the facts at a revision and now; the language
/// server from its facts before and after an edit. Both then run the normal pipeline on the
/// context files alone and report on the affected ones.
struct ChangeImpact {
    /// Indices, in the repository now, of the files whose findings may change.
    var affected: Set<Int>
    /// Indices of the files to check: the affected ones, and the files they need.
    var context: Set<Int>
    var answers: RepositoryAnswers

    /// The repository-wide answers before the change, which the impact compares with.
    struct Before {
        var rubricLevels: Set<String>
        var supportedStrategies: Set<String>
        var cycles: [[String]]
    }

    /// The impact of replacing `before` (the changed files' facts before) with `now` (their facts
    /// now, at `changedNow` in `modelNow`); nil when any finding of any file may change (a rubric
    /// level, which counts as a standard in every statement, came or went).
    static func of(now: [(path: String, facts: FileFacts)], before: [(path: String, facts: FileFacts)], modelNow: RepositoryFacts,
                   changedNow: [Int], previous: Before) -> ChangeImpact? {
        let touchesRubrics = (now + before).contains { $0.facts.entity?.kind == .rubric }
        let rubricLevels = touchesRubrics ? modelNow.rubricLevels() : previous.rubricLevels
        guard rubricLevels == previous.rubricLevels else { return nil }
        // Reworded files with the facts they had leave every repository-wide answer as it was.
        let sameFacts = now.count == before.count && zip(now, before).allSatisfy { $0.path == $1.path && $0.facts == $1.facts }
        let changedIDs = Set((now + before).compactMap { $0.facts.entity?.id })
        // Without cycles before, a cycle now must pass through an OKR a changed file defines.
        let mayHaveCycles = !sameFacts && (!previous.cycles.isEmpty || modelNow.cycleThrough(changedIDs))
        let cycles = sameFacts ? previous.cycles : mayHaveCycles ? modelNow.alignmentCycles() : []
        let supported = sameFacts ? previous.supportedStrategies : modelNow.supportedStrategies()

        var affected = Self.affected(now: now, before: before, modelNow: modelNow, changedNow: changedNow)
        for index in modelNow.files.indices where !sameFacts {
            let facts = modelNow.files[index].facts
            guard facts.level == "strategic", let id = facts.entity?.id, modelNow.isWinner(index),
                  supported.contains(id) != previous.supportedStrategies.contains(id) else { continue }
            affected.insert(index)
        }
        for cycle in Set(cycles).symmetricDifference(Set(previous.cycles)) {
            if let first = cycle.first { affected.formUnion(modelNow.definers(first)) }
        }
        return ChangeImpact(affected: affected, context: context(of: affected, in: modelNow),
                            answers: RepositoryAnswers(cycles: cycles, rubricLevels: rubricLevels, supportedStrategies: supported))
    }

    /// The files the affected ones need: every file with the same id as one of them, every file
    /// defining an id one of them looks up, and the files without an entity (a reference to an id
    /// declared in a file with errors says so, which only that file's text can tell).
    static func context(of affected: Set<Int>, in model: RepositoryFacts) -> Set<Int> {
        var context = affected
        for index in affected {
            let facts = model.files[index].facts
            for id in (facts.entity.map { [$0.id] } ?? []) + facts.lookups { context.formUnion(model.definers(id)) }
        }
        for index in model.files.indices where model.files[index].facts.entity == nil { context.insert(index) }
        return context
    }

    /// The files whose findings the change can alter: the changed files; the files that refer to
    /// an id a changed file defines, now or before, and the other files with that id; the files
    /// defining what a changed file refers to; and, when the ids of a kind changed, the files with
    /// an unknown reference of that kind (its suggestion may change). Strategic OKRs whose support
    /// changed and alignment cycles are `of`'s.
    static func affected(now: [(path: String, facts: FileFacts)], before: [(path: String, facts: FileFacts)],
                         modelNow: RepositoryFacts, changedNow: [Int]) -> Set<Int> {
        let changedFiles = Set(changedNow)
        var affected = changedFiles
        var defined: Set<String> = []
        var referenced: Set<String> = []
        for (_, facts) in now + before {
            if let entity = facts.entity { defined.insert(entity.id) }
            referenced.formUnion(facts.lookups)
        }
        // Ids are compared without their kinds here: a superset, and wrong-kind references count.
        for index in modelNow.files.indices where modelNow.files[index].facts.looksUp(anyOf: defined) { affected.insert(index) }
        for id in defined.union(referenced) { affected.formUnion(modelNow.definers(id)) }
        // Only a changed file can add an id to a kind or take one away; then the suggestion for an
        // unknown reference of that kind may change.
        var kinds: Set<EntityKind> = []
        for (_, facts) in now + before {
            guard let entity = facts.entity else { continue }
            let existsNow = modelNow.winnerIndex(entity.kind, entity.id) != nil
            let existedBefore = before.contains { $0.facts.entity == entity }
                || modelNow.definers(entity.id).contains { !changedFiles.contains($0) && modelNow.files[$0].facts.entity == entity }
            if existsNow != existedBefore { kinds.insert(entity.kind) }
        }
        if !kinds.isEmpty {
            for index in modelNow.files.indices where modelNow.files[index].facts.references.contains(where: {
                kinds.contains($0.kind) && modelNow.definers($0.id).isEmpty
            }) {
                affected.insert(index)
            }
        }
        return affected
    }
}

extension FileFacts {
    /// One of the file's look-ups is in `ids` (without building the list of look-ups).
    func looksUp(anyOf ids: Set<String>) -> Bool {
        references.contains { ids.contains($0.id) } || alignedTo.contains(where: ids.contains) || supports.contains(where: ids.contains)
            || competencies.contains(where: ids.contains) || drives.contains(where: ids.contains)
    }
}
