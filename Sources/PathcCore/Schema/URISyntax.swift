/// RFC 3986 URIs and URI references, RFC 3987 IRIs and IRI references, and RFC 6570 URI
/// templates, checked on UTF-8 bytes. An IRI allows any non-ASCII character where a URI allows
/// an unreserved one (RFC 3987's `ucschar`, with `iprivate` in the query).
enum URISyntax {
    /// What may appear in one part, besides unreserved characters and %-escapes.
    private enum Part {
        case userinfo, host, path, query
    }

    static func isValid(_ bytes: Bytes, requiresScheme: Bool, international: Bool) -> Bool {
        var index = 0
        let end = bytes.count
        // A scheme is letters, digits, + - . after a letter, up to the first ':'.
        var schemeEnd = -1
        if end > 0, Formats.isAlpha(bytes[0]) {
            var position = 1
            while position < end, Formats.isAlphaNumeric(bytes[position]) || bytes[position] == UInt8(ascii: "+")
                    || bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: ".") {
                position += 1
            }
            if position < end, bytes[position] == UInt8(ascii: ":") { schemeEnd = position }
        }
        if schemeEnd >= 0 {
            index = schemeEnd + 1
        } else if requiresScheme {
            return false
        }
        let fragmentStart = bytes.firstIndex(of: UInt8(ascii: "#"), from: index, to: end) ?? end
        let queryStart = bytes.firstIndex(of: UInt8(ascii: "?"), from: index, to: fragmentStart) ?? fragmentStart
        if fragmentStart < end, !isPart(bytes, fragmentStart + 1, end, .query, international, privateUse: false) { return false }
        if queryStart < fragmentStart, !isPart(bytes, queryStart + 1, fragmentStart, .query, international, privateUse: true) { return false }
        var pathStart = index
        if queryStart - index >= 2, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") {
            let authorityStart = index + 2
            pathStart = bytes.firstIndex(of: UInt8(ascii: "/"), from: authorityStart, to: queryStart) ?? queryStart
            guard isAuthority(bytes, authorityStart, pathStart, international) else { return false }
        } else if schemeEnd < 0 {
            // In a relative reference, a ':' in the first segment would read as a scheme.
            let firstSlash = bytes.firstIndex(of: UInt8(ascii: "/"), from: index, to: queryStart) ?? queryStart
            if bytes.firstIndex(of: UInt8(ascii: ":"), from: index, to: firstSlash) != nil { return false }
        }
        return isPart(bytes, pathStart, queryStart, .path, international, privateUse: false)
    }

    private static func isAuthority(_ bytes: Bytes, _ start: Int, _ end: Int, _ international: Bool) -> Bool {
        var hostStart = start
        if let at = bytes.firstIndex(of: UInt8(ascii: "@"), from: start, to: end) {
            guard isPart(bytes, start, at, .userinfo, international, privateUse: false) else { return false }
            hostStart = at + 1
        }
        var hostEnd = end
        if bytes.at(hostStart) == UInt8(ascii: "["), hostStart < end {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]"), from: hostStart, to: end),
                  isIPLiteral(bytes, hostStart + 1, close) else { return false }
            hostEnd = close + 1
            guard hostEnd == end || bytes[hostEnd] == UInt8(ascii: ":") else { return false }
        } else {
            hostEnd = bytes.firstIndex(of: UInt8(ascii: ":"), from: hostStart, to: end) ?? end
            guard isPart(bytes, hostStart, hostEnd, .host, international, privateUse: false) else { return false }
        }
        if hostEnd < end {
            for index in (hostEnd + 1)..<end where !Formats.isDigit(bytes[index]) { return false }
        }
        return true
    }

    /// An IPv6 address, or `v` HEX `.` followed by unreserved, sub-delims and ':' (IPvFuture).
    private static func isIPLiteral(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        if start < end, bytes[start] | 0x20 == UInt8(ascii: "v") {
            var index = start + 1
            while index < end, Formats.isHex(bytes[index]) { index += 1 }
            guard index > start + 1, index < end - 1, bytes[index] == UInt8(ascii: ".") else { return false }
            for position in (index + 1)..<end {
                let b = bytes[position]
                guard isUnreserved(b) || isSubDelimiter(b) || b == UInt8(ascii: ":") else { return false }
            }
            return true
        }
        return Formats.isIPv6(bytes, start, end)
    }

    @inline(__always) static func isUnreserved(_ b: UInt8) -> Bool {
        Formats.isAlphaNumeric(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }

    @inline(__always) static func isSubDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// Unreserved characters, %-escapes and sub-delimiters, plus what the part adds: ':' in
    /// user information, ':' '@' '/' in paths, and '?' too in queries and fragments.
    private static func isPart(_ bytes: Bytes, _ start: Int, _ end: Int, _ part: Part, _ international: Bool, privateUse: Bool) -> Bool {
        var index = start
        while index < end {
            let b = bytes[index]
            if b == UInt8(ascii: "%") {
                guard index + 2 < end, Formats.isHex(bytes[index + 1]), Formats.isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            if b >= 0x80 {
                guard international, let (scalar, length) = decodeScalar(bytes, index, end), isIRICharacter(scalar, privateUse: privateUse) else {
                    return false
                }
                index += length
                continue
            }
            if !(isUnreserved(b) || isSubDelimiter(b)) {
                switch (part, b) {
                case (.userinfo, UInt8(ascii: ":")): break
                case (.path, UInt8(ascii: ":")), (.path, UInt8(ascii: "@")), (.path, UInt8(ascii: "/")): break
                case (.query, UInt8(ascii: ":")), (.query, UInt8(ascii: "@")), (.query, UInt8(ascii: "/")), (.query, UInt8(ascii: "?")): break
                default: return false
                }
            }
            index += 1
        }
        return true
    }

    /// RFC 3987 `ucschar`, and `iprivate` where the query allows it.
    private static func isIRICharacter(_ scalar: UInt32, privateUse: Bool) -> Bool {
        switch scalar {
        case 0xA0...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFEF: return true
        case 0xE000...0xF8FF: return privateUse
        case 0x10000...0xEFFFD:
            // Each plane's last two code points are noncharacters.
            return scalar & 0xFFFE != 0xFFFE
        case 0xF0000...0xFFFFD, 0x100000...0x10FFFD: return privateUse
        default: return false
        }
    }

    /// The Unicode scalar whose UTF-8 encoding starts at `index` (the text is valid UTF-8).
    static func decodeScalar(_ bytes: Bytes, _ index: Int, _ end: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else { return nil }
        var scalar = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (scalar, length)
    }

    /// RFC 6570: literal characters and %-escapes, and expressions `{op var:3,list*}`.
    static func isTemplate(_ bytes: Bytes) -> Bool {
        var index = 0
        let end = bytes.count
        while index < end {
            let b = bytes[index]
            if b == UInt8(ascii: "{") {
                guard let close = bytes.firstIndex(of: UInt8(ascii: "}"), from: index + 1, to: end),
                      isExpression(bytes, index + 1, close) else { return false }
                index = close + 1
                continue
            }
            if b == UInt8(ascii: "%") {
                guard index + 2 < end, Formats.isHex(bytes[index + 1]), Formats.isHex(bytes[index + 2]) else { return false }
                index += 3
                continue
            }
            switch b {
            case 0...0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"), UInt8(ascii: "^"),
                 UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "}"):
                return false
            default:
                index += 1
            }
        }
        return true
    }

    private static func isExpression(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var index = start
        switch bytes.at(index) {
        case UInt8(ascii: "+"), UInt8(ascii: "#"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ";"), UInt8(ascii: "?"),
             UInt8(ascii: "&"):
            index += 1
        default:
            break
        }
        while true {
            // varname = varchar *( ["."] varchar ), varchar = ALPHA / DIGIT / "_" / pct-encoded
            var previousDot = true
            let nameStart = index
            while index < end {
                let b = bytes[index]
                if b == UInt8(ascii: ".") {
                    guard !previousDot else { return false }
                    previousDot = true
                    index += 1
                } else if b == UInt8(ascii: "%") {
                    guard index + 2 < end, Formats.isHex(bytes[index + 1]), Formats.isHex(bytes[index + 2]) else { return false }
                    previousDot = false
                    index += 3
                } else if Formats.isAlphaNumeric(b) || b == UInt8(ascii: "_") {
                    previousDot = false
                    index += 1
                } else {
                    break
                }
            }
            guard index > nameStart, !previousDot else { return false }
            if index < end, bytes[index] == UInt8(ascii: ":") {
                index += 1
                let lengthStart = index
                while index < end, Formats.isDigit(bytes[index]) { index += 1 }
                let digits = index - lengthStart
                guard digits >= 1, digits <= 4, bytes[lengthStart] != UInt8(ascii: "0") else { return false }
            } else if index < end, bytes[index] == UInt8(ascii: "*") {
                index += 1
            }
            if index == end { return true }
            guard bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
        }
    }
}
