/// A table written as CSV (RFC 4180): UTF-8 with a byte-order mark (so that spreadsheet programs
/// read it as UTF-8), CRLF between records, a field quoted when it holds a comma, a quote, or a
/// line break, quotes doubled. A text field that a spreadsheet would take for a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return) is made inert with a leading `'`,
/// unless it is a plain number, which pathc wrote itself.
public struct CSVTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    public var bytes: [UInt8] {
        // Records encoded on all cores: the OKR table of a large repository has a row per key result.
        let records = parallelMap([header] + rows, chunk: 256) { record -> [UInt8] in
            var out: [UInt8] = []
            out.reserveCapacity(record.reduce(2) { $0 + $1.utf8.count + 3 })
            for (index, field) in record.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.write(field, into: &out)
            }
            out += [0x0D, 0x0A]
            return out
        }
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out.reserveCapacity(records.reduce(3) { $0 + $1.count })
        for record in records { out += record }
        return out
    }

    static func write(_ field: String, into out: inout [UInt8]) {
        let text = inert(field)
        var needsQuotes = false
        for byte in text.utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { out += text.utf8; return }
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The field, or the field after a `'` when a spreadsheet would run it as a formula.
    static func inert(_ field: String) -> String {
        guard let first = field.utf8.first,
              first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
                || first == 0x09 || first == 0x0D else { return field }
        return isPlainNumber(field) ? field : "'" + field
    }

    /// `-12`, `+3.5`, `-40%`: a number as pathc writes one.
    static func isPlainNumber(_ field: String) -> Bool {
        var bytes = Array(field.utf8)[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        if bytes.last == UInt8(ascii: "%") { bytes = bytes.dropLast() }
        var digits = 0, dots = 0
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 { digits += 1 } else if byte == UInt8(ascii: ".") { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1
    }
}
