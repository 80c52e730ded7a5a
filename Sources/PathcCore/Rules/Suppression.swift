import Foundation

/// Codes of suppression comments.
public enum SuppressionCode {
    public static let invalid = DiagnosticCode("PW0030", "invalid-suppression")
    public static let unused = DiagnosticCode("PW0031", "unused-suppression")
}

/// `# pathc: ignore[vague-term] the reason`, at the end of the flagged line or on the line
/// before it. The reason is required.
struct Suppression {
    var rules: [String]
    var reason: String
    /// The line it silences.
    var line: Int
    var span: Span
    var used = false
    var valid = true

    func applies(to code: DiagnosticCode, line: Int) -> Bool {
        valid && line == self.line && rules.contains { $0 == code.code || $0 == code.name || $0 == "all" }
    }

    static func parse(_ file: SourceFile) -> [Suppression] {
        let marker = Array("pathc:".utf8)
        let bytes = file.bytes
        guard bytes.count >= marker.count else { return [] }
        var found: [Suppression] = []
        var index = 0
        while index + marker.count <= bytes.count {
            // memchr jumps to the next '#' (comments are rare) far faster than a loop over the bytes.
            let sharp = bytes.withUnsafeBytes { raw -> Int? in
                guard let hit = memchr(raw.baseAddress! + index, Int32(UInt8(ascii: "#")), raw.count - index) else { return nil }
                return UnsafeRawPointer(hit) - raw.baseAddress!
            }
            guard let sharp else { break }
            index = sharp + 1
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            guard index + marker.count <= bytes.count, bytes[index..<index + marker.count].elementsEqual(marker) else { continue }
            defer { index += marker.count }
            // It must be a comment: `#` and spaces right before it.
            var hash = index - 1
            while hash >= 0, bytes[hash] == 0x20 { hash -= 1 }
            guard hash >= 0, bytes[hash] == UInt8(ascii: "#") else { continue }
            var end = index
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let comment = String(decoding: bytes[(index + marker.count)..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
            let position = file.position(of: hash)
            // On a line of its own, it silences the next line; after content, its own line.
            var lineStart = hash
            while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
            let ownLine = bytes[lineStart..<hash].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            var suppression = Suppression(rules: [], reason: "", line: ownLine ? position.line + 1 : position.line,
                                          span: Span(start: hash, end: end))
            guard comment.hasPrefix("ignore["), let close = comment.firstIndex(of: "]") else {
                suppression.valid = false
                suppression.reason = comment
                found.append(suppression)
                continue
            }
            suppression.rules = comment[comment.index(comment.startIndex, offsetBy: 7)..<close]
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            suppression.reason = String(comment[comment.index(after: close)...]).trimmingCharacters(in: .whitespaces)
            found.append(suppression)
        }
        return found
    }

    /// Reports malformed suppressions, marking them invalid so that they silence nothing.
    static func problems(in suppressions: inout [Suppression], file: SourceFile, houseRules: [String] = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        guard !suppressions.isEmpty else { return [] }
        let known = RuleRegistry.configurableKeys + houseRules + ["all"]
        for index in suppressions.indices {
            let suppression = suppressions[index]
            var message: String?
            var help = "write '# pathc: ignore[RULE] why this is fine'"
            if !suppression.valid && suppression.rules.isEmpty {
                message = "a pathc comment must read 'pathc: ignore[RULE] reason'"
            } else if suppression.rules.isEmpty {
                message = "the suppression names no rule"
            } else if let unknown = suppression.rules.first(where: { !known.contains($0) }) {
                message = "unknown rule '\(unknown)' in a suppression"
                if let suggestion = Suggestion.closest(to: unknown, in: known) { help = "did you mean '\(suggestion)'?" }
            } else if suppression.reason.isEmpty {
                message = "the suppression gives no reason"
                help = "say why the finding is fine after the ']': '# pathc: ignore[\(suppression.rules.joined(separator: ","))] the reason'"
            }
            guard let message else { continue }
            suppressions[index].valid = false
            diagnostics.append(Diagnostic(code: SuppressionCode.invalid, message: message, file: file, span: suppression.span,
                                          label: "not applied", help: help))
        }
        return diagnostics
    }
}
