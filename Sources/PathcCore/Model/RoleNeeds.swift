extension Entity {
    /// For a role: the competencies it needs, each with the level, in the order written.
    var competencyNeeds: [(id: String, level: Int)] {
        (root[.competencies]?.sequence ?? []).compactMap { item in
            guard let id = item[.competency]?.string, let level = item[.level]?.integer else { return nil }
            return (id, level)
        }
    }
}

extension Entity {
    /// For a competency: the level of that number, as written.
    func competencyLevel(_ number: Int) -> Node? {
        root[.levels]?.sequence?.first { $0[.level]?.integer == number }
    }
}
