/// Phrases of several words, indexed word by word: finding every phrase that starts at a word
/// costs at most the length of the longest phrase, however many phrases share their first words
/// (a repository's vocabulary may add thousands of phrases that all begin "improve the").
struct PhraseTrie<Value: Sendable>: Sendable {
    /// A node: the word that leads to each child, and the phrases that end here.
    private var children: [[String: Int32]] = [[:]]
    private var ending: [[Value]] = [[]]

    /// Longer phrases are not matched: a list entry is a word or a short phrase.
    static var maxWords: Int { 8 }

    /// Adds a phrase under each form its first word may take.
    mutating func insert(firstForms: some Sequence<String>, rest: [String], _ value: Value) {
        guard rest.count < Self.maxWords else { return }
        for form in firstForms {
            var node = child(of: 0, form)
            for word in rest { node = child(of: node, word) }
            ending[node].append(value)
        }
    }

    private mutating func child(of node: Int, _ word: String) -> Int {
        if let next = children[node][word] { return Int(next) }
        children.append([:])
        ending.append([])
        let next = children.count - 1
        children[node][word] = Int32(next)
        return next
    }

    /// The node a first word leads to, or nil when no phrase starts with it.
    func start(_ word: String) -> Int32? { children[0][word] }

    /// Every phrase from the node of a first word on: each with its length in words, shortest
    /// first. `word(i)` is the i-th word after the first, nil past the statement's end.
    func matches(from node: Int32, next word: (Int) -> String?, _ found: (Value, Int) -> Void) {
        var node = Int(node)
        var length = 1
        while true {
            for value in ending[node] { found(value, length) }
            guard let text = word(length - 1), let next = children[node][text] else { return }
            node = Int(next)
            length += 1
        }
    }
}
