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
        var out = "\(file.path):\(start.line):\(start.column): "
        out += paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.code)]", style(for: diagnostic.severity))
        out += paint(": \(diagnostic.message)", .bold) + "\n"

        // Every labelled line, primary last among equals, in line order.
        struct Marked { let line: Int; let span: Span; let text: String; let primary: Bool }
        var marks = [Marked(line: start.line, span: diagnostic.span, text: diagnostic.label ?? "", primary: true)]
        for label in diagnostic.secondary {
            marks.append(Marked(line: file.position(of: label.span.start).line, span: label.span, text: label.message, primary: false))
        }
        marks.sort { $0.line != $1.line ? $0.line < $1.line : (!$0.primary && $1.primary) }
        let width = String(marks.map(\.line).max() ?? 1).count
        let pad = String(repeating: " ", count: width)
        let bar = paint("|", .gutter)
        out += "\(pad) \(bar)\n"
        var lastLine = 0
        for mark in marks {
            let lineText = file.lineText(mark.line)
            if mark.line != lastLine {
                let number = String(mark.line)
                let shown = expandTabs(lineText)
                out += paint(String(repeating: " ", count: width - number.count) + number, .gutter) + " \(bar) \(shown)\n"
                lastLine = mark.line
            }
            let (column, length) = underlineRange(of: mark.span, in: file, line: mark.line, lineText: lineText)
            let marker = String(repeating: mark.primary ? "^" : "-", count: length)
            var underline = String(repeating: " ", count: column) + paint(marker, mark.primary ? style(for: diagnostic.severity) : .gutter)
            if !mark.text.isEmpty { underline += " " + mark.text }
            out += "\(pad) \(bar) \(underline)\n"
        }
        for note in diagnostic.notes {
            out += "\(pad) = " + paint("note", .bold) + ": \(note)\n"
        }
        if let help = diagnostic.help {
            out += "\(pad) = " + paint("help", .bold) + ": \(help)\n"
        }
        return out
    }

    /// Tabs are shown as four spaces so that carets line up whatever the terminal's tab stops.
    private func expandTabs(_ text: String) -> String {
        text.contains("\t") ? text.replacingOccurrences(of: "\t", with: "    ") : text
    }

    /// The display column (0-based) and width of a span's underline on one line; a span that runs
    /// past the line is cut at its end, and an empty span gets one caret.
    private func underlineRange(of span: Span, in file: SourceFile, line: Int, lineText: String) -> (Int, Int) {
        let startColumn = file.position(of: span.start).column
        let endPosition = file.position(of: span.end)
        let scalars = Array(lineText.unicodeScalars)
        func displayWidth(upTo column: Int) -> Int {
            var width = 0
            for scalar in scalars.prefix(max(0, column - 1)) { width += scalar == "\t" ? 4 : 1 }
            return width
        }
        let from = displayWidth(upTo: startColumn)
        let lastColumn = endPosition.line == line ? endPosition.column : scalars.count + 1
        let to = displayWidth(upTo: lastColumn)
        return (from, max(1, to - from))
    }
}
