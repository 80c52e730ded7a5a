/// A rule over one entity of some kinds, with the whole model at hand.
protocol ModelRule: Sendable {
    var description: RuleDescription { get }
    var kinds: Set<EntityKind> { get }
    func check(_ entity: Entity, _ context: RuleContext) -> [Finding]
}

/// A number as the content writes it: `42`, `3.5` or `42%`.
public struct Quantity: Sendable, Equatable {
    public let value: Double
    public let percent: Bool

    public init(value: Double, percent: Bool) {
        self.value = value
        self.percent = percent
    }

    public init?(_ node: Node?) {
        guard let node else { return nil }
        switch node.scalarValue {
        case .int(let number): self.init(value: Double(number), percent: false)
        case .float(let number) where number.isFinite: self.init(value: number, percent: false)
        case .string(let text) where text.hasSuffix("%"):
            guard let number = Double(text.dropLast()) else { return nil }
            self.init(value: number, percent: true)
        default: return nil
        }
    }

    public var text: String {
        let number = value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        return percent ? number + "%" : number
    }
}

/// Helpers for rules that read the fields of entities.
extension Entity {
    func finding(_ node: Node?, _ pointer: String, _ message: String, label: String? = nil, help: String? = nil,
                 notes: [String] = []) -> Finding {
        Finding(node: node ?? idNode, file: file, message: message, label: label, help: help,
                pointer: node == nil ? "/id" : pointer, notes: notes)
    }

    func items(_ key: String) -> [Node] { root[key]?.sequence ?? [] }
}

extension Node {
    /// The text of a string scalar.
    var string: String? {
        if case .string(let text)? = scalarValue { return text }
        return nil
    }

    var integer: Int? {
        if case .int(let value)? = scalarValue { return value }
        return nil
    }
}
