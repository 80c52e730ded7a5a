/// Text as a line shows it.
enum Whitespace {
    /// Folded text as one line, trimmed.
    static func oneLine(_ text: String) -> String {
        // Already one line, the common case: no splitting.
        var previous: UInt8 = 0x20
        var clean = true
        for byte in text.utf8 {
            if byte == 0x0A || (byte == 0x20 && previous == 0x20) { clean = false; break }
            previous = byte
        }
        if clean && previous != 0x20 { return text }
        return text.split(whereSeparator: { $0 == "\n" || $0 == " " }).joined(separator: " ")
    }
}

extension String {
    /// The first letter upper-cased, the rest as it is.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
