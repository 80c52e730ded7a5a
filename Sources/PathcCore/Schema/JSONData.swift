/// Equality of nodes as JSON data, for `enum`, `const` and `uniqueItems`: numbers by value
/// (1 equals 1.0), mappings regardless of key order, text exactly.
enum JSONData {
    static func equal(_ a: Node, _ b: Node) -> Bool {
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            return equal(x.value, y.value)
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            guard x.count == y.count else { return false }
            // Key by key is quadratic: a large mapping is compared by its canonical text.
            if x.count > 32 { return canonical(a) == canonical(b) }
            for pair in x {
                let key = pair.key.scalar?.value.keyText ?? ""
                guard let other = y.first(where: { ($0.key.scalar?.value.keyText ?? "") == key }), equal(pair.value, other.value) else {
                    return false
                }
            }
            return true
        default:
            return false
        }
    }

    static func equal(_ a: ScalarValue, _ b: ScalarValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        // By code points: Swift's == treats canonically equivalent text as equal, JSON does not.
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y
        case (.float(let x), .float(let y)): return x == y
        default: return false
        }
    }

    /// The first pair of equal items, as (first index, second index).
    static func firstDuplicate(in items: [Node]) -> (Int, Int)? {
        if items.count <= 32 {
            for second in 1..<items.count {
                for first in 0..<second where equal(items[first], items[second]) { return (first, second) }
            }
            return nil
        }
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let key = canonical(item)
            if let first = seen[key] { return (first, index) }
            seen[key] = index
        }
        return nil
    }

    /// A text that is equal for equal data: sorted keys, numbers normalised.
    static func canonical(_ node: Node) -> String {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return "n"
            case .bool(let flag): return flag ? "t" : "f"
            case .int(let value): return "#" + JSONWriter.format(Double(value))
            case .float(let value): return "#" + JSONWriter.format(value)
            case .string(let text): return "s" + JSONWriter(pretty: false).string(.string(text))
            }
        case .sequence(let items):
            return "[" + items.map(canonical).joined(separator: ",") + "]"
        case .mapping(let pairs):
            let members = pairs.map { (JSONWriter(pretty: false).string(.string($0.key.scalar?.value.keyText ?? "")), canonical($0.value)) }
            return "{" + members.sorted { $0.0 < $1.0 }.map { $0.0 + ":" + $0.1 }.joined(separator: ",") + "}"
        }
    }
}
