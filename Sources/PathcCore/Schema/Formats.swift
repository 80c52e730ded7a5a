/// The formats of JSON Schema 2020-12 and 2019-09, which pathc asserts (the drafts make `format`
/// an annotation unless asked; pathc checks them so that a schema means what it says). The rules
/// of each are in docs/validator.md; every check reads the UTF-8 bytes once, and none allocates
/// on the common path except the IDNA ones, which decode Unicode.
enum Format: String, CaseIterable, Sendable {
    case date, dateTime = "date-time", time, duration
    case email, idnEmail = "idn-email", hostname, idnHostname = "idn-hostname", ipv4, ipv6
    case uri, uriReference = "uri-reference", iri, iriReference = "iri-reference", uriTemplate = "uri-template"
    case jsonPointer = "json-pointer", relativeJSONPointer = "relative-json-pointer", regex, uuid

    func accepts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            let bytes = Bytes(buffer)
            switch self {
            case .date: return Formats.isDate(bytes, 0, bytes.count)
            case .dateTime: return Formats.isDateTime(bytes)
            case .time: return Formats.isTime(bytes, 0)
            case .duration: return Formats.isDuration(bytes)
            case .email: return Formats.isEmail(bytes, international: false)
            case .idnEmail: return Formats.isEmail(bytes, international: true)
            case .hostname: return DomainName.isValid(bytes, 0, bytes.count, international: false)
            case .idnHostname: return DomainName.isValid(bytes, 0, bytes.count, international: true)
            case .ipv4: return Formats.isIPv4(bytes, 0, bytes.count)
            case .ipv6: return Formats.isIPv6(bytes, 0, bytes.count)
            case .uri: return URISyntax.isValid(bytes, requiresScheme: true, international: false)
            case .uriReference: return URISyntax.isValid(bytes, requiresScheme: false, international: false)
            case .iri: return URISyntax.isValid(bytes, requiresScheme: true, international: true)
            case .iriReference: return URISyntax.isValid(bytes, requiresScheme: false, international: true)
            case .uriTemplate: return URISyntax.isTemplate(bytes)
            case .jsonPointer: return Formats.isJSONPointer(bytes, 0)
            case .relativeJSONPointer: return Formats.isRelativeJSONPointer(bytes)
            case .regex: return (try? SchemaRegex(String(decoding: buffer, as: UTF8.self))) != nil
            case .uuid: return Formats.isUUID(bytes)
            }
        }
    }
}

/// A string's UTF-8 bytes, read in place.
struct Bytes {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
    var count: Int { buffer.count }
    @inline(__always) subscript(_ index: Int) -> UInt8 { buffer[index] }
    /// The byte at `index`, or 0 past the end (0 is never valid where a check peeks).
    @inline(__always) func at(_ index: Int) -> UInt8 { index < buffer.count ? buffer[index] : 0 }
    func firstIndex(of byte: UInt8, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            if buffer[index] == byte { return index }
            index += 1
        }
        return nil
    }
}

enum Formats {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { b | 0x20 >= 0x61 && b | 0x20 <= 0x7A }
    @inline(__always) static func isAlphaNumeric(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }

    /// The number written by exactly `count` ASCII digits at `start`, or nil.
    private static func digits(_ bytes: Bytes, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for index in start..<start + count {
            guard isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - 0x30)
        }
        return value
    }

    /// RFC 3339 `full-date` in bytes `start..<end`: `YYYY-MM-DD`, a real calendar day.
    static func isDate(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        guard end - start == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = digits(bytes, start, 4), let month = digits(bytes, start + 5, 2),
              let day = digits(bytes, start + 8, 2) else { return false }
        return (1...12).contains(month) && day >= 1 && day <= CalendarDate.daysIn(month: month, year: year)
    }

    /// RFC 3339 `date-time`: a date, `T`, and a full time.
    static func isDateTime(_ bytes: Bytes) -> Bool {
        bytes.count >= 20 && isDate(bytes, 0, 10) && bytes[10] | 0x20 == UInt8(ascii: "t") && isTime(bytes, 11)
    }

    /// RFC 3339 `full-time` from `start` to the end: `HH:MM:SS`, an optional fraction, then `Z`
    /// or a numeric offset. A leap second (`:60`) is valid only at 23:59 UTC.
    static func isTime(_ bytes: Bytes, _ start: Int) -> Bool {
        guard bytes.count - start >= 9, bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
              let hour = digits(bytes, start, 2), let minute = digits(bytes, start + 3, 2), let second = digits(bytes, start + 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = start + 8
        if bytes.at(index) == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.count else { return false }
        var offsetMinutes = 0
        if bytes[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == bytes.count else { return false }
        } else {
            guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), index + 6 == bytes.count,
                  bytes[index + 3] == UInt8(ascii: ":"), let offsetHour = digits(bytes, index + 1, 2),
                  let offsetMinute = digits(bytes, index + 4, 2), offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    private static let dateUnits = Array("YMD".utf8), timeUnits = Array("HMS".utf8)

    /// RFC 3339 appendix A `duration`: `P`, then weeks alone (`P2W`), or date units in the order
    /// Y, M, D without gaps and/or `T` with time units H, M, S without gaps; whole numbers only.
    static func isDuration(_ bytes: Bytes) -> Bool {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "P") else { return false }
        var index = 1
        /// Reads `digits unit` pairs whose units follow one another in `units`; how many were read.
        func units(_ order: [UInt8]) -> Int? {
            var next = 0, read = 0
            while index < bytes.count, isDigit(bytes[index]) {
                while index < bytes.count, isDigit(bytes[index]) { index += 1 }
                guard index < bytes.count, let position = order.firstIndex(of: bytes[index]),
                      position >= next, read == 0 || position == next else { return nil }
                next = position + 1
                read += 1
                index += 1
            }
            return read
        }
        if bytes[bytes.count - 1] == UInt8(ascii: "W") {
            return (1..<bytes.count - 1).allSatisfy { isDigit(bytes[$0]) }
        }
        guard let dateUnits = units(dateUnits) else { return false }
        if index == bytes.count { return dateUnits > 0 }
        guard bytes[index] == UInt8(ascii: "T") else { return false }
        index += 1
        guard let timeUnits = units(timeUnits), timeUnits > 0 else { return false }
        return index == bytes.count
    }

    /// A dotted quad of ASCII decimal numbers 0 to 255, without leading zeros.
    static func isIPv4(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var parts = 0, index = start
        while true {
            let partStart = index
            var value = 0
            while index < end, isDigit(bytes[index]), index - partStart < 3 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            let length = index - partStart
            guard length > 0, value <= 255, length == 1 || bytes[partStart] != UInt8(ascii: "0") else { return false }
            parts += 1
            if parts == 4 { return index == end }
            guard index < end, bytes[index] == UInt8(ascii: ".") else { return false }
            index += 1
        }
    }

    /// RFC 4291 text form: eight groups of 1 to 4 hex digits, one `::` for a run of zero groups,
    /// and optionally a dotted IPv4 address in place of the last two groups. No zone, no prefix.
    static func isIPv6(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var groups = 0, index = start
        var compressed = false
        if end - start >= 2, bytes[start] == UInt8(ascii: ":"), bytes[start + 1] == UInt8(ascii: ":") {
            compressed = true
            index += 2
            if index == end { return true }
        } else if bytes.at(start) == UInt8(ascii: ":") {
            return false
        }
        while index < end {
            let groupStart = index
            while index < end, isHex(bytes[index]), index - groupStart < 5 { index += 1 }
            let length = index - groupStart
            if index < end, bytes[index] == UInt8(ascii: ".") {
                // The IPv4 tail takes the place of two groups and ends the address.
                guard isIPv4(bytes, groupStart, end) else { return false }
                groups += 2
                return compressed ? groups < 8 : groups == 8
            }
            guard length >= 1, length <= 4 else { return false }
            groups += 1
            if index == end { break }
            guard bytes[index] == UInt8(ascii: ":") else { return false }
            index += 1
            if index < end, bytes[index] == UInt8(ascii: ":") {
                guard !compressed else { return false }
                compressed = true
                index += 1
                if index == end { break }
            } else if index == end {
                return false
            }
        }
        return compressed ? groups < 8 : groups == 8
    }

    /// `local@domain` (RFC 5321): a dot-atom or a quoted local part, then a host name or an
    /// address literal (`[192.0.2.1]`, `[IPv6:::1]`). `international` (RFC 6531) allows
    /// non-ASCII in the local part and an internationalised domain.
    static func isEmail(_ bytes: Bytes, international: Bool) -> Bool {
        var at = -1
        var index = bytes.count - 1
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "@") { at = index; break }
            index -= 1
        }
        guard at > 0, at < bytes.count - 1 else { return false }
        if bytes[0] == UInt8(ascii: "\"") {
            guard at >= 2, bytes[at - 1] == UInt8(ascii: "\"") else { return false }
            var position = 1
            while position < at - 1 {
                let b = bytes[position]
                if b == UInt8(ascii: "\\") {
                    position += 2
                    continue
                }
                guard b >= 0x20 && b != 0x7F && b != UInt8(ascii: "\"") && (international || b < 0x80) else { return false }
                position += 1
            }
            guard position == at - 1 else { return false }
        } else {
            var previousDot = true
            for position in 0..<at {
                let b = bytes[position]
                if b == UInt8(ascii: ".") {
                    guard !previousDot else { return false }
                    previousDot = true
                    continue
                }
                previousDot = false
                guard isAtomText(b) || (international && b >= 0x80) else { return false }
            }
            guard !previousDot, at <= 64 else { return false }
        }
        let domainStart = at + 1
        if bytes[domainStart] == UInt8(ascii: "[") {
            guard bytes[bytes.count - 1] == UInt8(ascii: "]") else { return false }
            let literalStart = domainStart + 1, literalEnd = bytes.count - 1
            if literalEnd - literalStart > 5, matchesIgnoringCase(bytes, literalStart, "ipv6:") {
                return isIPv6(bytes, literalStart + 5, literalEnd)
            }
            return isIPv4(bytes, literalStart, literalEnd)
        }
        return DomainName.isValid(bytes, domainStart, bytes.count, international: international, normalizing: true)
    }

    private static func isAtomText(_ b: UInt8) -> Bool {
        if isAlphaNumeric(b) { return true }
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "'"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "?"),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"),
             UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    static func matchesIgnoringCase(_ bytes: Bytes, _ start: Int, _ word: StaticString) -> Bool {
        guard start + word.utf8CodeUnitCount <= bytes.count else { return false }
        let pointer = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount where bytes[start + offset] | 0x20 != pointer[offset] | 0x20 { return false }
        return true
    }

    /// RFC 6901: empty, or `/`-prefixed tokens in which `~` is always followed by `0` or `1`.
    static func isJSONPointer(_ bytes: Bytes, _ start: Int) -> Bool {
        guard start < bytes.count else { return true }
        guard bytes[start] == UInt8(ascii: "/") else { return false }
        var index = start
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "~") {
                let next = bytes.at(index + 1)
                guard next == UInt8(ascii: "0") || next == UInt8(ascii: "1") else { return false }
                index += 1
            }
            index += 1
        }
        return true
    }

    /// Relative JSON Pointer: a non-negative integer without leading zeros, an optional index
    /// adjustment (`+1`, `-2`, 2020-12's draft), then `#` or a JSON Pointer.
    static func isRelativeJSONPointer(_ bytes: Bytes) -> Bool {
        var index = 0
        func integer() -> Bool {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index > start && (index - start == 1 || bytes[start] != UInt8(ascii: "0"))
        }
        guard integer() else { return false }
        if bytes.at(index) == UInt8(ascii: "+") || bytes.at(index) == UInt8(ascii: "-") {
            index += 1
            guard integer() else { return false }
        }
        if bytes.at(index) == UInt8(ascii: "#") { return index + 1 == bytes.count }
        return isJSONPointer(bytes, index)
    }

    /// RFC 4122 text form: 8-4-4-4-12 hex digits, any version and variant.
    static func isUUID(_ bytes: Bytes) -> Bool {
        guard bytes.count == 36 else { return false }
        for index in 0..<36 {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard bytes[index] == UInt8(ascii: "-") else { return false }
            } else {
                guard isHex(bytes[index]) else { return false }
            }
        }
        return true
    }
}
