@testable import PathcCore

/// A small, strict JSON reader for test expectations (`in.json` of the YAML test suite), kept
/// apart from pathc's own parser so that the two cannot share a bug. Reads a stream of JSON
/// values, as the suite writes one per YAML document.
struct JSONReader {
    private let bytes: [UInt8]
    private var index = 0

    static func values(_ text: String) -> [JSONValue]? {
        var reader = JSONReader(bytes: Array(text.utf8))
        var values: [JSONValue] = []
        reader.skipWhitespace()
        while reader.index < reader.bytes.count {
            guard let value = reader.value() else { return nil }
            values.append(value)
            reader.skipWhitespace()
        }
        return values
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    private mutating func literal(_ word: String) -> Bool {
        let word = Array(word.utf8)
        guard bytes.count - index >= word.count, Array(bytes[index..<index + word.count]) == word else { return false }
        index += word.count
        return true
    }

    private mutating func value() -> JSONValue? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if literal("]") { return .array(items) }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipWhitespace()
                if literal(",") { continue }
                return literal("]") ? .array(items) : nil
            }
        case UInt8(ascii: "{"):
            index += 1
            var members: [JSONMember] = []
            skipWhitespace()
            if literal("}") { return .object(members) }
            while true {
                skipWhitespace()
                guard let key = string() else { return nil }
                skipWhitespace()
                guard literal(":"), let item = value() else { return nil }
                members.append(JSONMember(key, item))
                skipWhitespace()
                if literal(",") { continue }
                return literal("}") ? .object(members) : nil
            }
        default:
            let start = index
            while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if let integer = Int(text) { return .int(integer) }
            return Double(text).map(JSONValue.double)
        }
    }

    private mutating func string() -> String? {
        guard literal("\"") else { return nil }
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            if b == UInt8(ascii: "\"") {
                flush()
                return String(scalars)
            }
            guard b == UInt8(ascii: "\\") else {
                raw.append(b)
                continue
            }
            guard index < bytes.count else { return nil }
            let e = bytes[index]
            index += 1
            let simple: [UInt8: UInt8] = [0x22: 0x22, 0x5C: 0x5C, 0x2F: 0x2F, 0x62: 0x08, 0x66: 0x0C, 0x6E: 0x0A, 0x72: 0x0D, 0x74: 0x09]
            if let mapped = simple[e] {
                raw.append(mapped)
                continue
            }
            guard e == UInt8(ascii: "u"), var code = hex4() else { return nil }
            if (0xD800..<0xDC00).contains(code), literal("\\u"), let low = hex4() {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            flush()
            scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard bytes.count - index >= 4, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return value
    }
}

extension JSONValue {
    /// Equality as data: numbers by value (1 equals 1.0), objects regardless of member order.
    func sameData(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.int, _), (.double, _):
            guard let a = numberValue, let b = other.numberValue else { return false }
            return a == b || (a.isNaN && b.isNaN)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.sameData(as: $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.contains { $0.key == member.key && $0.value.sameData(as: member.value) } }
        default: return false
        }
    }

    private var numberValue: Double? {
        switch self {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}
