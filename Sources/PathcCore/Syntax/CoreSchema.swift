/// A scalar's value under the YAML 1.2 core schema.
public enum ScalarValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    public var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .float: return "a number"
        case .string: return "text"
        }
    }
}

/// Resolves plain scalars by the YAML 1.2 core schema (not 1.1: `yes`, `no`, `on` and `off` stay
/// text, and so do dates). Works on UTF-8 bytes, since it runs for every plain scalar.
public enum CoreSchema {
    public static func resolve(_ text: String) -> ScalarValue {
        if let value = text.utf8.withContiguousStorageIfAvailable({ resolve(bytes: $0, text: text) }) {
            return value
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { resolve(bytes: $0, text: text) }
    }

    private static func resolve(bytes: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue {
        let count = bytes.count
        if count == 0 { return .null }
        let first = bytes[0]
        // Only these first bytes can begin a non-string value: a fast exit for ordinary words.
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"):
            return isOneOf(bytes, ["null", "Null", "NULL", "~"]) ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return isOneOf(bytes, ["true", "True", "TRUE"]) ? .bool(true) : .string(text)
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return isOneOf(bytes, ["false", "False", "FALSE"]) ? .bool(false) : .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(bytes, text: text) ?? .string(text)
        default:
            return .string(text)
        }
    }

    /// False when a plain scalar starting with this byte is certainly a string.
    public static func mayBeNonString(firstByte b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "~"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"),
             UInt8(ascii: "+"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    private static func isOneOf(_ bytes: UnsafeBufferPointer<UInt8>, _ words: [StaticString]) -> Bool {
        for word in words where word.utf8CodeUnitCount == bytes.count {
            if word.withUTF8Buffer({ $0.elementsEqual(bytes) }) { return true }
        }
        return false
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> ScalarValue? {
        let count = bytes.count
        // 0o17 and 0x1F: no sign allowed in the core schema.
        if count > 2, bytes[0] == UInt8(ascii: "0") {
            let body = text.dropFirst(2)
            if bytes[1] == UInt8(ascii: "o") {
                guard bytes[2...].allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }) else { return nil }
                return Int(body, radix: 8).map(ScalarValue.int) ?? Double(octalOrHex: body, radix: 8).map(ScalarValue.float)
            }
            if bytes[1] == UInt8(ascii: "x") {
                guard bytes[2...].allSatisfy({ isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }) else { return nil }
                return Int(body, radix: 16).map(ScalarValue.int) ?? Double(octalOrHex: body, radix: 16).map(ScalarValue.float)
            }
        }
        var i = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { i = 1 }
        // [-+]? ( \.inf | \.Inf | \.INF )  and  \.nan | \.NaN | \.NAN (no sign)
        if i < count, bytes[i] == UInt8(ascii: "."), count - i == 4 {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)...]), as: UTF8.self)
            if rest == "inf" || rest == "Inf" || rest == "INF" { return .float(negative ? -.infinity : .infinity) }
            if i == 0, rest == "nan" || rest == "NaN" || rest == "NAN" { return .float(.nan) }
        }
        // [-+]? [0-9]+  is an integer.
        var digits = 0
        var j = i
        while j < count, isDigit(bytes[j]) { j += 1; digits += 1 }
        if j == count {
            guard digits > 0 else { return nil }
            return Int(text).map(ScalarValue.int) ?? Double(text).map(ScalarValue.float)
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?  is a float.
        var mantissaDigits = digits
        if bytes[j] == UInt8(ascii: ".") {
            j += 1
            while j < count, isDigit(bytes[j]) { j += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if j < count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
            j += 1
            if j < count, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "+") { j += 1 }
            var exponentDigits = 0
            while j < count, isDigit(bytes[j]) { j += 1; exponentDigits += 1 }
            guard exponentDigits > 0 else { return nil }
        }
        guard j == count else { return nil }
        // Swift's parser wants a digit before the point.
        var normalized = text
        if bytes[i] == UInt8(ascii: ".") {
            normalized = String(text.prefix(i)) + "0" + text.dropFirst(i)
        }
        return Double(normalized).map(ScalarValue.float)
    }
}

private extension Double {
    /// An octal or hexadecimal integer too large for Int, as the nearest Double.
    init?(octalOrHex digits: Substring, radix: Int) {
        var value = 0.0
        for character in digits {
            guard let digit = character.hexDigitValue, digit < radix else { return nil }
            value = value * Double(radix) + Double(digit)
        }
        self = value
    }
}
