/// Renders diagnostics in the compiler style of the spec:
///
/// ```
/// pathways/okrs/sales.okr.yaml:14:5: error[PW0102]: duplicate key 'target'
///    |
/// 12 |     target: 75%
///    |     ------ first defined here
/// 14 |     target: 80%
///    |     ^^^^^^ duplicate key
///    = help: remove one of the two keys
/// ```
public struct DiagnosticRenderer: Sendable {
    public var useColor: Bool

    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    private enum Style: String {
        case error = "\u{1B}[1;31m", warning = "\u{1B}[1;33m", info = "\u{1B}[1;36m"
        case bold = "\u{1B}[1m", gutter = "\u{1B}[1;34m", reset = "\u{1B}[0m"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        useColor ? style.rawValue + text + Style.reset.rawValue : text
    }

    private func style(for severity: Severity) -> Style {
        switch severity {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        }
    }

    /// Every diagnostic, rendered on all cores, joined by blank lines.
    public func render(all diagnostics: [Diagnostic]) -> String {
        let renderer = self
        return parallelMap(diagnostics, chunk: 64) { renderer.render($0) }.joined(separator: "\n")
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let file = diagnostic.file
        let start = diagnostic.start
        var out = "\(TerminalSafe.line(file.path)):\(start.line):\(start.column): "
        out += paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.code)]", style(for: diagnostic.severity))
        out += paint(": \(TerminalSafe.line(diagnostic.message))", .bold) + "\n"

        // Every labelled line, primary last among equals, in line order.
        struct Marked { let line: Int; let span: Span; let text: String; let primary: Bool }
        var marks = [Marked(line: start.line, span: diagnostic.span, text: diagnostic.label ?? "", primary: true)]
        for label in diagnostic.secondary where label.file == nil {
            marks.append(Marked(line: file.position(of: label.span.start).line, span: label.span, text: label.message, primary: false))
        }
        marks.sort { $0.line != $1.line ? $0.line < $1.line : (!$0.primary && $1.primary) }
        let width = String(marks.map(\.line).max() ?? 1).count
        let pad = String(repeating: " ", count: width)
        let bar = paint("|", .gutter)
        out += "\(pad) \(bar)\n"
        var excerpt: ExcerptLine?
        for mark in marks {
            if mark.line != excerpt?.line {
                // A long line is shown around the finding: the primary span where it is on this line.
                let anchor = mark.line == start.line ? diagnostic.span.start : mark.span.start
                let shown = ExcerptLine(file: file, line: mark.line, anchor: anchor)
                let number = String(mark.line)
                out += paint(String(repeating: " ", count: width - number.count) + number, .gutter) + " \(bar) \(shown.text)\n"
                excerpt = shown
            }
            guard let excerpt else { continue }
            let (column, length) = excerpt.underline(mark.span)
            let marker = String(repeating: mark.primary ? "^" : "-", count: length)
            var underline = String(repeating: " ", count: column) + paint(marker, mark.primary ? style(for: diagnostic.severity) : .gutter)
            if !mark.text.isEmpty { underline += " " + TerminalSafe.line(mark.text) }
            out += "\(pad) \(bar) \(underline)\n"
        }
        for note in diagnostic.notes {
            out += "\(pad) = " + paint("note", .bold) + ": \(TerminalSafe.line(note))\n"
        }
        if let help = diagnostic.help {
            out += "\(pad) = " + paint("help", .bold) + ": \(TerminalSafe.line(help))\n"
        }
        return out
    }
}

/// One source line as an excerpt shows it: a window of at most `width` characters around an
/// anchor, cut with an ellipsis, so that a finding on an 11 MB line prints a line, not 11 MB; tabs
/// as four spaces, so that carets line up whatever the terminal's tab stops; controls as visible
/// escapes, so that content cannot act on the terminal.
struct ExcerptLine {
    static let before = 40
    static let width = 110

    let line: Int
    let text: String
    /// The byte offset of each character shown, and the display column where it starts.
    private var offsets: [Int] = []
    private var columns: [Int] = []
    /// The display width of the text, and the column after a leading ellipsis.
    private var end = 0
    private var first = 0

    init(file: SourceFile, line: Int, anchor: Int) {
        self.line = line
        let bytes = file.bytes
        let range = file.lineRange(line)
        let anchor = max(range.lowerBound, min(anchor, range.upperBound))
        var low = anchor
        for _ in 0..<Self.before where low > range.lowerBound {
            low -= 1
            while low > range.lowerBound, bytes[low] & 0xC0 == 0x80 { low -= 1 }
        }
        var high = low
        for _ in 0..<Self.width where high < range.upperBound {
            high += 1
            while high < range.upperBound, bytes[high] & 0xC0 == 0x80 { high += 1 }
        }
        var text = ""
        var column = 0
        if low > range.lowerBound {
            text = "…"
            column = 1
        }
        first = column
        var offset = low
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes[low..<high].makeIterator()
        parsing: while true {
            // Each character with the bytes it took: an invalid sequence is one U+FFFD.
            let scalar: Unicode.Scalar
            let width: Int
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                scalar = Unicode.UTF8.decode(encoded)
                width = encoded.count
            case .error(let length):
                scalar = "\u{FFFD}"
                width = length
            case .emptyInput:
                break parsing
            }
            offsets.append(offset)
            columns.append(column)
            let shown: String
            if scalar == "\t" {
                shown = "    "
            } else if TerminalSafe.isControl(scalar.value) {
                shown = TerminalSafe.escape(scalar.value)
            } else {
                shown = String(scalar)
            }
            text += shown
            column += shown.unicodeScalars.count
            offset += width
        }
        end = column
        if high < range.upperBound { text += "…" }
        self.text = text
    }

    /// The display column (0-based) and width of a span's underline on this line; a span that
    /// runs past what is shown is cut there, and an empty span gets one caret.
    func underline(_ span: Span) -> (Int, Int) {
        func column(at offset: Int) -> Int {
            var low = 0, high = offsets.count
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] < offset { low = mid + 1 } else { high = mid }
            }
            return low < columns.count ? columns[low] : end
        }
        let from = span.start <= (offsets.first ?? span.start) ? first : column(at: span.start)
        let to = column(at: span.end)
        return (from, max(1, to - from))
    }
}
