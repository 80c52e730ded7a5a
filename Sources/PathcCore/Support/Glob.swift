/// Glob patterns for `ignore` in pathc.yaml, matched against paths relative to the root:
/// `*` and `?` stay within one path segment, `**` crosses segments, `[abc]` is a class.
struct Glob: Sendable {
    let pattern: [Character]

    init(_ pattern: String) {
        self.pattern = Array(pattern)
    }

    func matches(_ path: String) -> Bool {
        Self.match(pattern[...], Array(path)[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ text: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, t = text.startIndex
        // Backtracking points for the last `*` and `**` seen.
        var starP = -1, starT = -1, globstar = false
        while t < text.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == "*" {
                    let double = p + 1 < pattern.endIndex && pattern[p + 1] == "*"
                    starP = p + (double ? 2 : 1)
                    // `**/` also matches no folder at all.
                    if double, starP < pattern.endIndex, pattern[starP] == "/" {
                        if match(pattern[(starP + 1)...], text[t...]) { return true }
                    }
                    starT = t
                    globstar = double
                    p = starP
                    continue
                }
                if c == "?" && text[t] != "/" {
                    p += 1
                    t += 1
                    continue
                }
                if c == "[", let (matched, next) = matchClass(pattern, p, text[t]) {
                    if matched {
                        p = next
                        t += 1
                        continue
                    }
                } else if c == text[t] {
                    p += 1
                    t += 1
                    continue
                }
            }
            // Mismatch: let the last star swallow one more character, if it may.
            guard starP >= 0, globstar || text[starT] != "/" else { return false }
            starT += 1
            t = starT
            p = starP
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// A `[...]` class at `index`: whether it matches, and the index after it.
    private static func matchClass(_ pattern: ArraySlice<Character>, _ index: Int, _ character: Character) -> (Bool, Int)? {
        var i = index + 1
        var negate = false
        if i < pattern.endIndex, pattern[i] == "!" || pattern[i] == "^" {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < pattern.endIndex, pattern[i] != "]" || first {
            first = false
            if i + 2 < pattern.endIndex, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                if pattern[i] <= character && character <= pattern[i + 2] { matched = true }
                i += 3
            } else {
                if pattern[i] == character { matched = true }
                i += 1
            }
        }
        guard i < pattern.endIndex else { return nil }
        return (matched != negate, i + 1)
    }
}
