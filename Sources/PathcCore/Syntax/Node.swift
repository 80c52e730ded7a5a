/// How a scalar was written. Only plain scalars are typed by the core schema; every other style
/// is a string.
public enum ScalarStyle: String, Sendable {
    case plain
    case singleQuoted = "single-quoted"
    case doubleQuoted = "double-quoted"
    case literal
    case folded
}

/// A scalar: its text after YAML's escapes and line folding, and how it was written.
public struct Scalar: Sendable, Equatable {
    public var text: String
    public var style: ScalarStyle

    public init(text: String, style: ScalarStyle) {
        self.text = text
        self.style = style
    }

    /// The value under the YAML 1.2 core schema.
    public var value: ScalarValue {
        style == .plain ? CoreSchema.resolve(text) : .string(text)
    }
}

/// One `key: value` entry of a mapping. The key is always a scalar node.
public struct Pair: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }

    /// The key's text (keys are scalars).
    public var keyText: String { key.scalar?.text ?? "" }
}

/// A node of the syntax tree with its exact source span.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Pair])
    }

    public var content: Content
    /// From the first byte of the node (a quote, a bracket, a `-`, a key) to just past its last.
    /// An empty value (`key:` with nothing after it) has an empty span after its indicator.
    public var span: Span

    public init(_ content: Content, span: Span) {
        self.content = content
        self.span = span
    }

    public static func null(at offset: Int) -> Node {
        Node(.scalar(Scalar(text: "", style: .plain)), span: .at(offset))
    }

    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value of a mapping entry by key text, if this is a mapping that has it.
    public subscript(key: String) -> Node? {
        guard case .mapping(let pairs) = content else { return nil }
        // By index: each entry's key is read in place, without copying the entry.
        for index in pairs.indices where pairs[index].key.scalar?.text == key { return pairs[index].value }
        return nil
    }

    /// The typed value of a scalar node; nil for collections.
    public var scalarValue: ScalarValue? { scalar?.value }

    /// What a user calls this node in a message: "a mapping", "a list", "text", "a number"...
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return scalar.value.kindDescription
        }
    }
}
