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
                newLevels = (competency?.root["levels"]?.sequence ?? []).filter { level in
                    guard let number = level["level"]?.integer else { return false }
                    return number > (fromLevel ?? 0) && number <= toLevel
                }
            }
            return Row(competencyID: id, competency: competency, from: fromLevel, to: toLevel, newLevels: newLevels)
        }
    }

    var newBehaviourCount: Int {
        rows.reduce(0) { total, row in total + row.newLevels.reduce(0) { $0 + ($1["behaviors"]?.sequence?.count ?? 0) } }
    }

    /// The role people move to from this one: the one it names as `next`, else the role of its
    /// family that needs the least more in all (the sum of its levels), if any needs more.
    static func nextRole(of role: Entity, in model: Model) -> Entity? {
        if let id = role.text("next") {
            let named = model.entity(.role, id)
            return named === role ? nil : named
        }
        guard let family = role.text("family") else { return nil }
        let own = role.competencyNeeds.reduce(0) { $0 + $1.level }
        var best: (Entity, Int)?
        for other in model.all(.role) where other !== role && other.text("family") == family {
            let total = other.competencyNeeds.reduce(0) { $0 + $1.level }
            if total > own, best.map({ total < $0.1 }) ?? true { best = (other, total) }
        }
        return best?.0
    }

    /// How many roles of a family each role is compared with: a page per pair, so a family of
    /// hundreds of roles does not make tens of thousands of pages.
    static let peersCompared = 12

    /// The roles a role's page offers a comparison with: the next role first, then the rest of
    /// its family in model order.
    static func comparedRoles(of role: Entity, in model: Model) -> [Entity] {
        var result: [Entity] = []
        if let next = nextRole(of: role, in: model) { result.append(next) }
        if let family = role.text("family") {
            for other in model.all(.role) where result.count < peersCompared {
                if other !== role && other.text("family") == family && !result.contains(where: { $0 === other }) { result.append(other) }
            }
        }
        return result
    }

    /// `compare/<from>.to.<to>.html`: a file name never holds a dot, so no two pairs share a page.
    static func pagePath(from: Entity, to: Entity) -> String {
        "compare/" + SiteModel.fileName(from.id) + ".to." + SiteModel.fileName(to.id) + ".html"
    }

    static func checklistPath(_ role: Entity) -> String { "checklists/" + SiteModel.fileName(role.id) + ".html" }
}
