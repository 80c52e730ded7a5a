/// "Did you mean" suggestions: the closest candidate by edit distance, when it is close enough
/// to be a likely typo rather than a different word.
public enum Suggestion {
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        search(word, candidates)?.best
    }

    /// The closest candidate when it is the only one that close: the suggestion a fix may make
    /// without asking. Nil when another candidate is as close (`q3` and `q4` for `q5`), or when
    /// the word differs from it only in case where another differs only in case too.
    public static func unambiguous(to word: String, in candidates: some Sequence<String>) -> String? {
        guard let found = search(word, candidates), !found.tied else { return nil }
        return found.best
    }

    /// The closest candidate within about one edit per three characters, and whether another is
    /// as close.
    private static func search(_ word: String, _ candidates: some Sequence<String>) -> (best: String, tied: Bool)? {
        // Names people mistype are short; comparing long texts would cost their length squared.
        guard word.utf8.count <= 64 else { return nil }
        let target = Array(word.lowercased().unicodeScalars)
        guard !target.isEmpty else { return nil }
        var best: (String, Int)?
        var tied = false
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            // Allow about one edit per three characters, and at least one.
            let allowed = max(1, min(target.count, other.count) / 3)
            guard abs(other.count - target.count) <= allowed else { continue }
            let distance = editDistance(target, other, limit: allowed)
            guard distance <= allowed else { continue }
            if let (name, shortest) = best {
                if distance == shortest, candidate != name { tied = true }
                if distance < shortest || (distance == shortest && candidate < name) {
                    if distance < shortest { tied = false }
                    best = (candidate, distance)
                }
            } else {
                best = (candidate, distance)
            }
        }
        return best.map { ($0.0, tied) }
    }

    /// Levenshtein distance with adjacent transpositions, giving up (returning limit + 1) once
    /// every path costs more than `limit`.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
