// Compiled twice: into the tests (importing PathcCore) and, by fuzz/run, into the fuzz targets'
// own copy of the PathcCore module (with PATHC_FUZZ defined), so that both check the same promises.
import Foundation
#if !PATHC_FUZZ
@testable import PathcCore
#endif

/// What every formatted text must be, whatever the input: the same data (what `pathc dump`
/// prints; with object members compared by key where the file's schema moved keys), formatted
/// again to itself, every comment of the input in the output in the same order, and clean text
/// (LF line ends, one final line feed, no trailing white space, no byte order mark).
public enum FormatInvariants {
    /// The problems of `output` as the formatting of `source`, in words; empty when it meets them
    /// all. `commentsMayMove` allows comments in another order, when they move with their keys.
    public static func problems(source: SourceFile, output: String, width: Int = SourceFormatter.defaultWidth,
                                commentsMayMove: Bool = false) -> [String] {
        var problems: [String] = []
        let before = SyntaxTree.parse(source)
        let written = SourceFile(path: source.path, text: output)
        let after = SyntaxTree.parse(written)
        if let first = after.diagnostics.first {
            return ["the output does not parse: \(first.message) at \(written.position(of: first.span.start))"]
        }
        if keysMayMove(before.root) {
            if dump(sorted(before.root?.json ?? .null)) != dump(sorted(after.root?.json ?? .null)) {
                problems.append("the data differs")
            }
        } else if dump(before.root?.json ?? .null) != dump(after.root?.json ?? .null) {
            problems.append("the dump differs:\n\(dump(before.root?.json ?? .null))\n\(dump(after.root?.json ?? .null))")
        }
        switch SourceFormatter.format(written, width: width) {
        case .formatted(let again) where again == output: break
        case .formatted(let again): problems.append("not idempotent; formatted again:\n\(again)")
        default: problems.append("the output does not format again")
        }
        var searchFrom = output.startIndex
        for comment in SourceComments.scan(source, root: before.root) {
            guard let found = output.range(of: comment.text, range: (commentsMayMove ? output.startIndex : searchFrom)..<output.endIndex) else {
                problems.append("comment '\(comment.text)' missing or out of order")
                break
            }
            searchFrom = found.upperBound
        }
        if !output.isEmpty, !output.hasSuffix("\n") { problems.append("no final line feed") }
        if output.hasSuffix("\n\n") { problems.append("empty lines at the end") }
        if output.contains("\r") { problems.append("a carriage return") }
        if output.hasPrefix("\u{FEFF}") { problems.append("a byte order mark") }
        for (number, line) in output.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasSuffix(" ") || line.hasSuffix("\t") {
            problems.append("trailing white space on line \(number + 1)")
            break
        }
        return problems
    }

    /// Whether the formatter may write this document's keys in another order: it has a kind
    /// whose schema orders them.
    public static func keysMayMove(_ root: Node?) -> Bool {
        root.flatMap(KeyOrder.forDocument) != nil
    }

    static func dump(_ value: JSONValue) -> String { JSONWriter(pretty: true).string(value) }

    /// Object members sorted by key, at every level: the data without the order of keys.
    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): return .array(items.map(sorted))
        case .object(let members): return .object(members.map { JSONMember($0.key, sorted($0.value)) }.sorted { $0.key < $1.key })
        default: return value
        }
    }
}
