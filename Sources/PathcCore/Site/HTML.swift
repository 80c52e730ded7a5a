/// An HTML document being written: markup the emitter writes appended as it is, content text
/// always escaped. Content never reaches the page any other way, so a pathway file cannot put
/// markup or script into the site.
struct HTML {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup written by pathc itself (never content).
    mutating func raw(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup pathc composed from its own parts (numbers, paths it made, escaped text).
    mutating func markup(_ markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    /// Content text, escaped for element content and for double-quoted attribute values alike.
    mutating func text(_ text: String) {
        HTML.escape(text, into: &bytes)
    }

    mutating func number(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A number as `Charts.format` writes it (at most one decimal), straight into the page.
    mutating func decimal(_ value: Double) {
        guard value.isFinite, abs(value) < 1e14 else { return markup(Charts.format(value)) }
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return integer(Int(tenths / 10)) }
        if tenths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = Int(abs(tenths))
        integer(magnitude / 10)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
    }

    /// An integer's digits without making a String for them.
    private mutating func integer(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            // The magnitude of Int.min does not fit an Int: let String handle that one.
            guard value != .min else { return bytes.append(contentsOf: String(value).utf8.dropFirst()) }
            return integer(-value)
        }
        if value >= 10 { integer(value / 10) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// ` name="value"` for a numeric attribute of pathc's own markup.
    mutating func attribute(_ name: StaticString, _ value: Double) {
        bytes.append(UInt8(ascii: " "))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: "=\"".utf8)
        decimal(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `<tag class="...">text</tag>`.
    mutating func element(_ tag: StaticString, class name: StaticString? = nil, _ content: String) {
        raw("<"); raw(tag)
        if let name { raw(" class=\""); raw(name); raw("\"") }
        raw(">"); text(content); raw("</"); raw(tag); raw(">")
    }

    /// A link pathc made (a relative path inside the site), with content text.
    mutating func link(_ href: String, _ content: String, class name: StaticString? = nil) {
        raw("<a href=\""); text(href); raw("\"")
        if let name { raw(" class=\""); raw(name); raw("\"") }
        raw(">"); text(content); raw("</a>")
    }

    /// Content text with its web addresses made into links: only http, https and mailto, so a
    /// `javascript:` or `data:` address stays plain text.
    mutating func textWithLinks(_ content: String) {
        // Every address has a colon: text without one is plain text.
        guard content.utf8.contains(UInt8(ascii: ":")) else { return text(content) }
        var rest = Substring(content)
        while let range = HTML.nextAddress(in: rest) {
            text(String(rest[rest.startIndex..<range.lowerBound]))
            let address = String(rest[range])
            raw("<a href=\""); text(address); raw("\" rel=\"nofollow noopener\">"); text(address); raw("</a>")
            rest = rest[range.upperBound...]
        }
        text(String(rest))
    }

    static func escape(_ text: String, into out: inout [UInt8]) {
        // Most text has nothing to escape: append it whole.
        if !needsEscape(text) {
            out.append(contentsOf: text.utf8)
            return
        }
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            // Control characters other than tab and newline are not allowed in HTML text.
            case 0x09, 0x0A: out.append(byte)
            case 0x0D: out.append(0x0A)
            case ..<0x20: out.append(contentsOf: "\u{FFFD}".utf8)
            default: out.append(byte)
            }
        }
    }

    private static func needsEscape(_ text: String) -> Bool {
        @inline(__always) func special(_ byte: UInt8) -> Bool {
            byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
        }
        if let found = text.utf8.withContiguousStorageIfAvailable({ buffer in buffer.contains(where: special) }) { return found }
        return text.utf8.contains(where: special)
    }

    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The next `http://`, `https://` or `mailto:` address in the text, up to whitespace,
    /// without trailing punctuation.
    static func nextAddress(in text: Substring) -> Range<Substring.Index>? {
        var searchStart = text.startIndex
        while let colon = text[searchStart...].firstIndex(of: ":") {
            var start = colon
            while start > text.startIndex, let ascii = text[text.index(before: start)].asciiValue,
                  (ascii >= 0x61 && ascii <= 0x7A) || (ascii >= 0x41 && ascii <= 0x5A) {
                start = text.index(before: start)
            }
            let scheme = text[start..<colon].lowercased()
            let isWeb = (scheme == "http" || scheme == "https") && text[colon...].hasPrefix("://")
            let atWordStart = start == text.startIndex || text[text.index(before: start)].isWhitespace
                || "(<[".contains(text[text.index(before: start)])
            if atWordStart && (isWeb || scheme == "mailto") {
                var end = text[colon...].firstIndex(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) ?? text.endIndex
                while end > colon, ".,;:!?)]'".contains(text[text.index(before: end)]) { end = text.index(before: end) }
                let minimum = text.index(colon, offsetBy: isWeb ? 4 : 2, limitedBy: text.endIndex) ?? text.endIndex
                if end >= minimum { return start..<end }
            }
            searchStart = text.index(after: colon)
        }
        return nil
    }
}
