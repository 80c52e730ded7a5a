/// One change to a file's text: the bytes of `span` (UTF-8 offsets into the diagnostic's file)
/// replaced by `replacement`. An empty span inserts.
public struct TextEdit: Sendable, Hashable {
    public var span: Span
    public var replacement: String

    public init(span: Span, replacement: String) {
        self.span = span
        self.replacement = replacement
    }
}

/// A change that resolves a diagnostic and is safe to make without asking: the one candidate of
/// a did-you-mean, quotes around a value YAML typed differently, a date rewritten as YYYY-MM-DD.
/// It is data on the diagnostic, made where its help is made, so that `check --fix` and an
/// editor's quick fix apply the same edits. Like rustc's machine-applicable suggestions, a fix is
/// only attached when it is the one reading of the problem; a guess among several stays help text.
public struct Fix: Sendable, Hashable {
    /// What the fix does, in the words of a help text: "replace 'levle' with 'level'".
    public var title: String
    /// Non-empty and non-overlapping, in file order.
    public var edits: [TextEdit]

    public init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }

    /// A fix of one edit.
    public init(_ title: String, replacing span: Span, with replacement: String) {
        self.init(title: title, edits: [TextEdit(span: span, replacement: replacement)])
    }

    /// Fixes change the words they are about, and those are short: past this many bytes a
    /// replacement is not a fix, it is content (and a report would grow with it).
    static let maxReplacement = 1_000
    static let maxEdits = 8

    /// The fix as a diagnostic keeps it, or nil when it is not one `bytes` can take: no edits,
    /// too many or too large, outside the text, overlapping, or splitting a character.
    func checked(against bytes: [UInt8]) -> Fix? {
        guard !edits.isEmpty, edits.count <= Self.maxEdits else { return nil }
        let sorted = edits.sorted { $0.span.start < $1.span.start }
        var previousEnd = 0
        for edit in sorted {
            guard edit.replacement.utf8.count <= Self.maxReplacement, edit.span.start >= previousEnd, edit.span.end <= bytes.count,
                  Self.isBoundary(edit.span.start, in: bytes), Self.isBoundary(edit.span.end, in: bytes) else { return nil }
            previousEnd = edit.span.end
        }
        // Edits that change nothing are no fix.
        if sorted.allSatisfy({ Array($0.replacement.utf8) == Array(bytes[$0.span.start..<$0.span.end]) }) { return nil }
        return Fix(title: Diagnostic.clipped(title), edits: sorted)
    }

    private static func isBoundary(_ offset: Int, in bytes: [UInt8]) -> Bool {
        offset == bytes.count || bytes[offset] & 0xC0 != 0x80
    }

    /// `bytes` with the edits of `fixes` made, each fix whole or not at all: a fix whose edits
    /// overlap an earlier one's (in the order given) is left out. The fixes made, by index.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Int]) {
        var taken: [TextEdit] = []
        var applied: [Int] = []
        for (index, fix) in fixes.enumerated() {
            let overlaps = fix.edits.contains { edit in
                taken.contains { other in
                    edit.span.start < other.span.end && other.span.start < edit.span.end
                        // Two insertions at one place would depend on their order.
                        || edit.span.start == other.span.start
                }
            }
            guard !overlaps, fix.edits.allSatisfy({ $0.span.end <= bytes.count }) else { continue }
            taken += fix.edits
            applied.append(index)
        }
        var out = bytes
        for edit in taken.sorted(by: { $0.span.start > $1.span.start }) {
            out.replaceSubrange(edit.span.start..<edit.span.end, with: Array(edit.replacement.utf8))
        }
        return (out, applied)
    }
}
