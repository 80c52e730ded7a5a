/// Text from content made safe to print on a terminal or in a CI log: a character that would act
/// rather than show (C0 and C1 controls such as ESC, DEL, and the bidirectional controls that
/// reorder a line) is written as a visible escape, `\u{1b}`. Content then cannot clear the
/// screen, hide a line, colour the output or plant a link that shows one address and opens another.
public enum TerminalSafe {
    /// Whether a character would act on the terminal or reorder the text around it.
    public static func isControl(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x20, 0x7F...0x9F: return true
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    public static func escape(_ value: UInt32) -> String {
        "\\u{" + String(value, radix: 16) + "}"
    }

    /// One line of a message: every control escaped, line breaks too, so that a message always
    /// stays on its line. `keepingLineBreaks` leaves `\n` and `\r` to a format that encodes them
    /// itself (a GitHub workflow command's `%0A`).
    public static func line(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if scalar == "\t" || (keepingLineBreaks && (scalar == "\n" || scalar == "\r")) {
                out.unicodeScalars.append(scalar)
            } else if isControl(scalar.value) {
                out += escape(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A cheap look at the bytes: most text has nothing to escape.
    static func needsEscaping(_ text: String) -> Bool {
        for byte in text.utf8 {
            // C0 and DEL; 0xC2 leads C1 controls; 0xD8 and 0xE2 lead the bidirectional controls.
            if byte < 0x20 && byte != 0x09 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2 { return true }
        }
        return false
    }
}
