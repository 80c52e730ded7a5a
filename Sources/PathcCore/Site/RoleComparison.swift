/// What changes from one role to another, competency by competency: the level each needs and
/// the behaviours of the levels in between, which are what a person moving up has to add.
struct RoleComparison {
    struct Row {
        let competencyID: String
        let competency: Entity?
        /// The level the first role needs; nil when it needs none.
        let from: Int?
        /// The level the second role needs; nil when it needs none.
        let to: Int?
        /// The levels above `from` up to `to`, each with its behaviours: what is new.
        let newLevels: [Node]

        var change: Change {
            switch (from, to) {
            case (nil, _?): return .added
            case (_?, nil): return .dropped
            case (let from?, let to?): return to > from ? .raised : to < from ? .lowered : .same
            case (nil, nil): return .same
            }
        }
    }

    enum Change {
        case added, dropped, raised, lowered, same
    }

    let from: Entity
    let to: Entity
    let rows: [Row]

    /// Every competency either role needs: the second role's in its order, then those only the first needs.
    init(from: Entity, to: Entity, model: Model) {
        self.from = from
        self.to = to
        let fromNeeds = from.competencyNeeds
        let toNeeds = to.competencyNeeds
        var order = toNeeds.map(\.id)
        for need in fromNeeds where !order.contains(need.id) { order.append(need.id) }
        rows = order.map { id in
            let competency = model.entity(.competency, id)
            let fromLevel = fromNeeds.first { $0.id == id }?.level
            let toLevel = toNeeds.first { $0.id == id }?.level
            var newLevels: [Node] = []
            if let toLevel {
                newLevels = (competency?.root[.levels]?.sequence ?? []).filter { level in
                    guard let number = level[.level]?.integer else { return false }
                    return number > (fromLevel ?? 0) && number <= toLevel
                }
            }
            return Row(competencyID: id, competency: competency, from: fromLevel, to: toLevel, newLevels: newLevels)
        }
    }

    var newBehaviourCount: Int {
        rows.reduce(0) { total, row in total + row.newLevels.reduce(0) { $0 + ($1[.behaviors]?.sequence?.count ?? 0) } }
    }

    /// Where a role leads: the role people move to from it (the one it names as `next`, else the
    /// role of its family that needs the least more in all, the sum of its levels, if any needs
    /// more), and the roles its page is compared with: the next role first, then the rest of its
    /// family in model order, at most `peersCompared`.
    struct Growth {
        let next: Entity?
        let compared: [Entity]
    }

    /// How many roles of a family each role is compared with: a page per pair, so a family of
    /// hundreds of roles does not make tens of thousands of pages.
    static let peersCompared = 12

    /// Every role's growth, worked out once: each role looks only at its own family.
    static func growth(in model: Model) -> [ObjectIdentifier: Growth] {
        let roles = model.all(.role)
        let totals = roles.map { $0.competencyNeeds.reduce(0) { $0 + $1.level } }
        var families: [String: [Int]] = [:]
        for (index, role) in roles.enumerated() {
            if let family = role.text(.family) { families[family, default: []].append(index) }
        }
        var result: [ObjectIdentifier: Growth] = [:]
        for (index, role) in roles.enumerated() {
            let family = role.text(.family).flatMap { families[$0] } ?? []
            var next: Entity?
            if let id = role.text(.next) {
                let named = model.entity(.role, id)
                next = named === role ? nil : named
            } else {
                var best: Int?
                for other in family where other != index && totals[other] > totals[index] {
                    if best.map({ totals[other] < totals[$0] }) ?? true { best = other }
                }
                next = best.map { roles[$0] }
            }
            var compared = next.map { [$0] } ?? []
            for other in family where compared.count < peersCompared && other != index && roles[other] !== next {
                compared.append(roles[other])
            }
            result[ObjectIdentifier(role)] = Growth(next: next, compared: compared)
        }
        return result
    }

    /// `compare/<from>.to.<to>.html`: a file name never holds a dot, so no two pairs share a page.
    static func pagePath(from: Entity, to: Entity) -> String {
        "compare/" + SiteModel.fileName(from.id) + ".to." + SiteModel.fileName(to.id) + ".html"
    }

    static func checklistPath(_ role: Entity) -> String { "checklists/" + SiteModel.fileName(role.id) + ".html" }
}
