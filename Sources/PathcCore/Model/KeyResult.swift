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

/// A key result of an OKR, its fields read and its numbers and dates parsed once.
public final class KeyResult: Sendable {
    public struct Checkin: Sendable {
        public let node: Node
        public let date: CalendarDate?
        public let value: Quantity?
    }

    public let node: Node
    public let index: Int
    public let id: String
    public let baseline: Quantity?
    public let target: Quantity?
    public let indicator: String?
    public let direction: String?
    /// The result statement's text.
    public let result: String?
    /// The metric's text, and whether the key result names where its figure comes from.
    public let metric: String?
    public let hasSource: Bool
    public var isLeading: Bool { indicator == "leading" }
    public var isLagging: Bool { indicator == "lagging" }
    public let due: CalendarDate?
    public let checkins: [Checkin]

    init(node: Node, index: Int) {
        self.node = node
        self.index = index
        pointer = "/key_results/\(index)"
        resultPointer = pointer + "/result"
        id = node[.id]?.string ?? "#\(index + 1)"
        baseline = Quantity(node[.baseline])
        target = Quantity(node[.target])
        indicator = node[.indicator]?.string
        direction = node[.direction]?.string
        result = node[.result]?.string
        metric = node[.metric]?.string
        hasSource = node[.source] != nil
        due = node[.due]?.string.flatMap(CalendarDate.init)
        checkins = (node[.checkins]?.sequence ?? []).map { checkin in
            Checkin(node: checkin, date: checkin[.date]?.string.flatMap(CalendarDate.init), value: Quantity(checkin[.value]))
        }
    }

    public let pointer: String
    /// The pointer of its statement, `/key_results/N/result`.
    public let resultPointer: String

    /// increase, decrease or maintain: as written, else inferred from baseline and target.
    public var effectiveDirection: String? {
        if let direction { return direction }
        guard let baseline, let target else { return nil }
        return target.value > baseline.value ? "increase" : target.value < baseline.value ? "decrease" : "maintain"
    }
}

extension Node {
    /// The text of a string scalar.
    public var string: String? {
        if case .string(let text)? = scalarValue { return text }
        return nil
    }

    public var integer: Int? {
        if case .int(let value)? = scalarValue { return value }
        return nil
    }
}
