extension Entity {
    /// A pathway's stages, each with its position, which the pathway rules' pointers name
    /// (`/stages/1`).
    var indexedStages: [(node: Node, index: Int)] {
        items(.stages).enumerated().map { ($1, $0) }
    }
}
