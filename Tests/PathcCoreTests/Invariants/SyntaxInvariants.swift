// Compiled twice: into the tests (importing PathcCore) and, by fuzz/run, into the fuzz targets'
// own copy of the PathcCore module (with PATHC_FUZZ defined), so that both check the same promises.
import Foundation
#if !PATHC_FUZZ
@testable import PathcCore
#endif

/// The promises a parse keeps whatever the bytes, checked by the fuzz targets (`fuzz/`) and by the
/// regression tests that replay what they found. Each broken promise is one line of text; none
/// means all hold.
extension SyntaxTree {
    public func invariantViolations() -> [String] {
        var out: [String] = []
        if root != nil && !diagnostics.isEmpty { out.append("a tree came back with \(diagnostics.count) diagnostics") }
        for diagnostic in diagnostics {
            out += diagnostic.invariantViolations(in: file)
        }
        if let root {
            Self.check(root, inside: Span(start: 0, end: file.bytes.count), file: file, depth: 0, into: &out)
            let json = JSONWriter(pretty: false).bytes(root.json)
            if json.isEmpty { out.append("the tree wrote no JSON") }
        }
        return out
    }

    private static func check(_ node: Node, inside parent: Span, file: SourceFile, depth: Int, into out: inout [String]) {
        let span = node.span
        guard span.start >= 0, span.start <= span.end, span.end <= file.bytes.count else {
            out.append("node span \(span.start)..<\(span.end) outside the file of \(file.bytes.count) bytes")
            return
        }
        if span.start < parent.start || span.end > parent.end {
            out.append("node span \(span.start)..<\(span.end) outside its parent \(parent.start)..<\(parent.end)")
        }
        _ = file.position(of: span.start)
        guard depth < 10_000 else { out.append("tree deeper than 10000"); return }
        // Children come in source order and do not overlap: keys before their values.
        var previousEnd = span.start
        func next(_ child: Node, _ what: String) {
            if child.span.start < previousEnd {
                out.append("\(what) at \(child.span.start)..<\(child.span.end) overlaps what comes before it (up to \(previousEnd))")
            }
            previousEnd = max(previousEnd, child.span.end)
        }
        switch node.content {
        case .scalar(let scalar):
            _ = scalar.value
        case .sequence(let items):
            for item in items {
                next(item, "list item")
                check(item, inside: span, file: file, depth: depth + 1, into: &out)
            }
        case .mapping(let pairs):
            // Nothing lost: keys that are equal as JSON data (what schemas, rules and the site
            // see) are a duplicate, whatever their YAML types.
            var jsonKeys = Set<String>()
            for pair in pairs {
                guard let key = pair.key.scalar else { out.append("mapping key at \(pair.key.span.start) is not a scalar"); continue }
                let jsonKey = key.value.keyText
                if !jsonKeys.insert(jsonKey).inserted {
                    out.append("two keys '\(jsonKey)' in one mapping, the second at \(pair.key.span.start), with no diagnostic")
                }
                next(pair.key, "key")
                next(pair.value, "value")
                check(pair.key, inside: span, file: file, depth: depth + 1, into: &out)
                check(pair.value, inside: span, file: file, depth: depth + 1, into: &out)
            }
        }
    }
}

extension Diagnostic {
    /// Spans inside the file, positions that resolve to a line of it, a message, and a rendering.
    public func invariantViolations(in expected: SourceFile? = nil) -> [String] {
        var out: [String] = []
        let where_ = "\(code.code) '\(message)'"
        if let expected, expected !== file { out.append("\(where_) points into another file '\(file.path)'") }
        if message.isEmpty { out.append("\(code.code) has an empty message") }
        for (name, span) in [("span", span)] + secondary.map({ ("secondary span", $0.span) }) {
            if span.start < 0 || span.start > span.end || span.end > file.bytes.count {
                out.append("\(where_): \(name) \(span.start)..<\(span.end) outside the file of \(file.bytes.count) bytes")
                continue
            }
            let start = file.position(of: span.start), end = file.position(of: span.end)
            if start.line < 1 || start.line > file.lineCount || end.line < start.line || start.column < 1 {
                out.append("\(where_): \(name) resolves to \(start)-\(end) in a file of \(file.lineCount) lines")
            }
        }
        if DiagnosticRenderer().render(self).isEmpty { out.append("\(where_) renders as nothing") }
        // A fix applies to its file as it is, and leaves YAML that parses.
        for fix in fixes {
            let (bytes, applied) = Fix.apply([fix], to: file.bytes)
            if applied.isEmpty {
                out.append("\(where_): its fix '\(fix.title)' does not apply")
            } else if !SyntaxTree.parse(SourceFile(path: file.path, bytes: bytes)).diagnostics.isEmpty {
                out.append("\(where_): its fix '\(fix.title)' leaves YAML that does not parse")
            }
        }
        return out
    }
}
