extension Array {
    /// The same elements in a buffer of their size, when growth left this one larger. A syntax
    /// tree keeps its arrays for the whole run, and most mappings hold fewer keys than were
    /// reserved for them, so the spare capacity of a repository's trees adds up to a third of them.
    func fitted() -> [Element] {
        guard capacity - count > 1 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
