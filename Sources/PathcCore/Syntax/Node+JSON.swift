extension ScalarValue {
    /// The JSON form of a typed scalar.
    public var json: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .float(let number): return .double(number)
        case .string(let text): return .string(text)
        }
    }

    /// The text a JSON object key gets for this value, as a JavaScript loader would write it.
    public var keyText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .float(let number): return JSONWriter.format(number).replacingOccurrences(of: "\"", with: "")
        case .string(let text): return text
        }
    }
}

extension Node {
    /// The document as JSON data, plain scalars typed by the core schema, keys in source order.
    public var json: JSONValue {
        switch content {
        case .scalar(let scalar): return scalar.value.json
        case .sequence(let items): return .array(items.map(\.json))
        case .mapping(let pairs):
            return .object(pairs.map { JSONMember($0.key.scalar?.value.keyText ?? "", $0.value.json) })
        }
    }
}
