/// `check --format junit`: JUnit XML, which GitLab, Jenkins and most CI servers show as tests. One
/// testsuite per file with findings, one failing testcase per finding; a clean run is one suite
/// with one passing testcase, so that the CI shows that the check ran.
public enum JUnitReport {
    public static func string(_ report: Report) -> String {
        var order: [String] = []
        var byFile: [String: [Int]] = [:]
        for (index, path) in report.paths.enumerated() {
            if byFile[path] == nil { order.append(path) }
            byFile[path, default: []].append(index)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = max(report.diagnostics.count, 1)
        out += "<testsuites name=\"pathc\" tests=\"\(total)\" failures=\"\(report.diagnostics.count)\" errors=\"0\">\n"
        if order.isEmpty {
            out += "  <testsuite name=\"pathc check\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
            out += "    <testcase classname=\"pathc\" name=\"\(escape("no findings in \(report.fileCount) files"))\"/>\n"
            out += "  </testsuite>\n"
        }
        for path in order.sorted() {
            let indices = byFile[path] ?? []
            let file = escape(path)
            out += "  <testsuite name=\"\(file)\" tests=\"\(indices.count)\" failures=\"\(indices.count)\" errors=\"0\" skipped=\"0\">\n"
            for index in indices {
                let diagnostic = report.diagnostics[index]
                let start = diagnostic.start
                let name = "\(diagnostic.code.code) \(diagnostic.code.name) at \(start.line):\(start.column)"
                var body = "\(path):\(start.line):\(start.column): \(diagnostic.severity.rawValue)[\(diagnostic.code.code)]: \(diagnostic.message)"
                for note in diagnostic.notes { body += "\nnote: \(note)" }
                if let help = diagnostic.help { body += "\nhelp: \(help)" }
                out += "    <testcase classname=\"\(file)\" name=\"\(escape(name))\" file=\"\(file)\" line=\"\(start.line)\">\n"
                out += "      <failure type=\"\(diagnostic.severity.rawValue)\" message=\"\(escape(diagnostic.message))\">\(escape(body, inAttribute: false))</failure>\n"
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// XML 1.0 text: markup characters as entities, and the control characters XML 1.0 forbids
    /// even as references written as `\u{1}`, so that the document stays well-formed whatever
    /// a content file holds. In attributes, line breaks and tabs become references so they survive
    /// attribute-value normalisation.
    public static func escape(_ text: String, inAttribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += inAttribute ? "&quot;" : "\""
            case "'": out += inAttribute ? "&apos;" : "'"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            case "\r": out += "&#13;"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    out += "\\u{\(String(value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

extension JUnitReport: ReportFormat {
    public static let name = "junit"

    public static func render(_ report: Report, repositoryRoot: String) -> String {
        string(report)
    }
}
