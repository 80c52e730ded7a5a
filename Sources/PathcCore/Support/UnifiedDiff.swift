/// A unified diff of two texts, line by line, as `diff -u` and git print it: what `pathc fmt
/// --diff` shows.
public enum UnifiedDiff {
    /// Lines of context around each change.
    static let context = 3
    /// Past this many edits the shortest edit script is not searched for (its cost grows with
    /// the square of the edits): the whole text is shown as replaced.
    static let maxEdits = 1_000

    /// The diff of `old` and `new`, empty when they are equal. `path` names both sides.
    public static func render(old: String, new: String, path: String) -> String {
        let a = lines(old), b = lines(new)
        if a == b { return "" }
        let edits = script(a, b) ?? (Array(repeating: Edit.delete, count: a.count) + Array(repeating: Edit.insert, count: b.count))
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        // Walk the script, grouping changes closer than twice the context into one hunk.
        var changes: [(aIndex: Int, bIndex: Int, edit: Edit)] = []
        var i = 0, j = 0
        for edit in edits {
            changes.append((i, j, edit))
            switch edit {
            case .keep: i += 1; j += 1
            case .delete: i += 1
            case .insert: j += 1
            }
        }
        var index = 0
        while index < changes.count {
            guard changes[index].edit != .keep else { index += 1; continue }
            var start = index
            var kept = 0
            while start > 0, kept < context, changes[start - 1].edit == .keep { start -= 1; kept += 1 }
            var end = index
            while end < changes.count {
                if changes[end].edit != .keep { end += 1; continue }
                var run = end
                while run < changes.count, changes[run].edit == .keep { run += 1 }
                if run == changes.count || run - end > 2 * context {
                    end = min(run, end + context)
                    break
                }
                end = run
            }
            let hunk = changes[start..<end]
            let oldCount = hunk.count { $0.edit != .insert }, newCount = hunk.count { $0.edit != .delete }
            let oldStart = oldCount == 0 ? hunk.first!.aIndex : hunk.first!.aIndex + 1
            let newStart = newCount == 0 ? hunk.first!.bIndex : hunk.first!.bIndex + 1
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for change in hunk {
                switch change.edit {
                case .keep: out += " " + shown(a[change.aIndex])
                case .delete: out += "-" + shown(a[change.aIndex])
                case .insert: out += "+" + shown(b[change.bIndex])
                }
            }
            index = end
        }
        return out
    }

    enum Edit: Equatable { case keep, delete, insert }

    /// Marks a last line without a line break, so that it differs from the same line with one.
    private static let unterminated: Character = "\u{0}"

    private static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" {
            lines.removeLast()
        } else if let last = lines.popLast() {
            lines.append(Substring(String(last) + String(unterminated)))
        }
        return lines
    }

    private static func shown(_ line: Substring) -> String {
        guard line.last == unterminated else { return line + "\n" }
        return line.dropLast() + "\n\\ No newline at end of file\n"
    }

    /// The shortest edit script from `a` to `b` (Myers' O(ND) algorithm), or nil past `maxEdits`.
    static func script(_ a: [Substring], _ b: [Substring]) -> [Edit]? {
        let n = a.count, m = b.count
        let limit = min(n + m, maxEdits)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // The furthest x on each diagonal after each number of edits, to walk back the path.
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { return backtrack(trace, edits: d, n: n, m: m) }
            }
        }
        return nil
    }

    private static func backtrack(_ trace: [[Int]], edits final: Int, n: Int, m: Int) -> [Edit] {
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: final, to: 0, by: -1) {
            let v = trace[d]  // the furthest x per diagonal before edit d, for k in -d...d (index k + d)
            let k = x - y
            func at(_ k: Int) -> Int { v[k + d] }
            let previousK = k == -d || (k != d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1
            let previousX = at(previousK), previousY = previousX - previousK
            while x > previousX, y > previousY {
                edits.append(.keep)
                x -= 1; y -= 1
            }
            edits.append(x == previousX ? .insert : .delete)
            x = previousX
            y = previousY
        }
        while x > 0, y > 0 {
            edits.append(.keep)
            x -= 1; y -= 1
        }
        return edits.reversed()
    }
}
