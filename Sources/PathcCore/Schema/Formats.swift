/// The formats pathc asserts (`format` is otherwise only an annotation in JSON Schema 2020-12):
/// RFC 3339 `date` and `date-time`, RFC 5321 `email` addresses, RFC 3986 absolute `uri`s.
enum Formats {
    static func check(_ format: String, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        switch format {
        case "date": return isDate(bytes[...])
        case "date-time": return isDateTime(bytes)
        case "email": return isEmail(text)
        case "uri": return isURI(bytes)
        default: return true
        }
    }

    private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<start + count {
            let b = bytes[index]
            guard b >= 0x30 && b <= 0x39 else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`, a real calendar day.
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let s = bytes.startIndex
        guard bytes.count == 10, bytes[s + 4] == UInt8(ascii: "-"), bytes[s + 7] == UInt8(ascii: "-"),
              let year = digits(bytes, s, 4), let month = digits(bytes, s + 5, 2), let day = digits(bytes, s + 8, 2) else { return false }
        return (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// RFC 3339 `date-time`: a date, `T`, a time with optional fraction, and `Z` or an offset.
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, isDate(bytes[0..<10]), bytes[10] | 0x20 == UInt8(ascii: "t") else { return false }
        let time = bytes[11...]
        let s = time.startIndex
        guard time.count >= 9, time[s + 2] == UInt8(ascii: ":"), time[s + 5] == UInt8(ascii: ":"),
              let hour = digits(time, s, 2), let minute = digits(time, s + 3, 2), let second = digits(time, s + 6, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = s + 8
        if index < time.endIndex, time[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < time.endIndex, time[index] >= 0x30 && time[index] <= 0x39 { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < time.endIndex else { return false }
        var offsetMinutes = 0
        if time[index] | 0x20 == UInt8(ascii: "z") {
            guard index + 1 == time.endIndex else { return false }
        } else {
            guard time[index] == UInt8(ascii: "+") || time[index] == UInt8(ascii: "-"), index + 6 == time.endIndex,
                  time[index + 3] == UInt8(ascii: ":"), let offsetHour = digits(time, index + 1, 2),
                  let offsetMinute = digits(time, index + 4, 2), offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (time[index] == UInt8(ascii: "+") ? 1 : -1)
        }
        if second == 60 {
            // A leap second exists only at 23:59:60 UTC.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// `local@domain`: a dot-atom or quoted local part, and a host name or an address literal.
    static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at], domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty, local.utf8.count <= 64 else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
        } else {
            let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
                  local.utf8.allSatisfy({ atext.contains($0) || $0 == UInt8(ascii: ".") }) else { return false }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.lowercased().hasPrefix("ipv6:") { return literal.dropFirst(5).contains(":") }
            let parts = literal.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 4 && parts.allSatisfy { part in Int(part).map { (0...255).contains($0) && String($0) == part } ?? false }
        }
        return isHostName(domain)
    }

    static func isHostName(_ host: Substring) -> Bool {
        guard !host.isEmpty, host.utf8.count <= 253 else { return false }
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == UInt8(ascii: "-") })
            else { return false }
        }
        return true
    }

    /// An absolute URI: a scheme, `:`, then only URI characters and valid %-escapes, with a
    /// well-formed authority (host, IP literal, numeric port) when there is one.
    static func isURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, first | 0x20 >= 0x61 && first | 0x20 <= 0x7A,
              scheme.allSatisfy({ isAlphaNumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        let rest = bytes[(colon + 1)...]
        let allowed = Set("-._~!$&'()*+,;=:@/?#[]%".utf8)
        var index = rest.startIndex
        var hashes = 0
        while index < rest.endIndex {
            let b = rest[index]
            if b == UInt8(ascii: "%") {
                guard index + 2 < rest.endIndex,
                      isHex(rest[index + 1]), isHex(rest[index + 2]) else { return false }
                index += 3
                continue
            }
            if b == UInt8(ascii: "#") { hashes += 1 }
            guard isAlphaNumeric(b) || allowed.contains(b), hashes <= 1 else { return false }
            index += 1
        }
        // Square brackets belong only around an IP literal host: //[::1]:80
        guard rest.starts(with: "//".utf8) else { return !rest.contains(UInt8(ascii: "[")) && !rest.contains(UInt8(ascii: "]")) }
        var authority = rest.dropFirst(2)
        let authorityEnd = authority.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? authority.endIndex
        let afterAuthority = authority[authorityEnd...]
        guard !afterAuthority.contains(UInt8(ascii: "[")) && !afterAuthority.contains(UInt8(ascii: "]")) else { return false }
        authority = authority[..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            let userinfo = authority[..<at]
            guard !userinfo.contains(UInt8(ascii: "[")) && !userinfo.contains(UInt8(ascii: "]")) && !userinfo.contains(UInt8(ascii: "@")) else { return false }
            authority = authority[(at + 1)...]
        }
        var host = authority
        if host.first == UInt8(ascii: "[") {
            guard let close = host.firstIndex(of: UInt8(ascii: "]")) else { return false }
            guard isIPv6(host[(host.startIndex + 1)..<close]) else { return false }
            host = host[(close + 1)...]
            if host.isEmpty { return true }
            guard host.first == UInt8(ascii: ":") else { return false }
            return host.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        if let portColon = host.lastIndex(of: UInt8(ascii: ":")) {
            let port = host[(portColon + 1)...]
            guard port.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            host = host[..<portColon]
        }
        return !host.contains(UInt8(ascii: "[")) && !host.contains(UInt8(ascii: "]"))
    }

    /// An IPv6 address, possibly with a trailing dotted IPv4 part (no leading zeros there).
    static func isIPv6(_ literal: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: literal, as: UTF8.self)
        guard text.contains(":") else { return false }
        var groups = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        var expected = 8
        if let last = groups.last, last.contains(".") {
            let parts = last.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4, parts.allSatisfy({ part in
                guard let value = Int(part), (0...255).contains(value) else { return false }
                return String(value) == part
            }) else { return false }
            groups.removeLast()
            expected = 6
        }
        let compressed = text.contains("::")
        let nonEmpty = groups.filter { !$0.isEmpty }
        guard nonEmpty.allSatisfy({ $0.count <= 4 && $0.utf8.allSatisfy(isHex) }) else { return false }
        return compressed ? nonEmpty.count < expected : nonEmpty.count == expected && groups.count == expected
    }

    private static func isAlphaNumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
    }

    static func isHex(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66)
    }
}
