/// `check --format sarif`: SARIF 2.1.0, which GitHub code scanning and most review tools read.
/// One run; every code pathc has in `tool.driver.rules`, so that a rule's help is there even for
/// codes this run did not report; paths relative to `%SRCROOT%`, the repository root.
public enum SARIFReport {
    public static let informationURI = CodeCatalogue.projectURL

    public static func json(_ report: Report, repositoryRoot: String? = nil) -> JSONValue {
        let catalogue = CodeCatalogue.all
        var ruleIndex: [String: Int] = [:]
        var rules = catalogue.map(\.code)
        for (index, code) in rules.enumerated() { ruleIndex[code.code] = index }
        // A code missing from the catalogue still gets a rule, so that every ruleIndex is valid.
        for diagnostic in report.diagnostics where ruleIndex[diagnostic.code.code] == nil {
            ruleIndex[diagnostic.code.code] = rules.count
            rules.append(diagnostic.code)
        }
        let ruleObjects: [JSONValue] = rules.map { code in
            let entry = CodeCatalogue.entry(code)
            return .object([
                JSONMember("id", .string(code.code)),
                JSONMember("name", .string(code.name)),
                JSONMember("shortDescription", .object([JSONMember("text", .string(entry.summary))])),
                JSONMember("fullDescription", .object([JSONMember("text", .string(entry.details))])),
                JSONMember("help", .object([JSONMember("text", .string(entry.details)), JSONMember("markdown", .string(entry.markdown))])),
                JSONMember("helpUri", .string(entry.documentationURL)),
                JSONMember("defaultConfiguration", .object([JSONMember("level", .string(level(entry.severity)))])),
            ])
        }
        let results: [JSONValue] = report.diagnostics.enumerated().map { index, diagnostic in
            let start = diagnostic.start, end = diagnostic.end
            var text = diagnostic.message
            if let help = diagnostic.help { text += "\nhelp: \(help)" }
            let region: JSONValue = .object([
                JSONMember("startLine", .int(start.line)),
                JSONMember("startColumn", .int(start.column)),
                JSONMember("endLine", .int(end.line)),
                JSONMember("endColumn", .int(end.column)),
            ])
            let artifact: JSONValue = .object([
                JSONMember("uri", .string(uriPath(report.paths[index]))),
                JSONMember("uriBaseId", .string("%SRCROOT%")),
            ])
            let location: JSONValue = .object([
                JSONMember("physicalLocation", .object([
                    JSONMember("artifactLocation", artifact),
                    JSONMember("region", region),
                ])),
            ])
            // SARIF's own form of a fix: the regions of the file to replace, and what replaces them.
            let fixes: [JSONMember] = diagnostic.fixes.isEmpty ? [] : [JSONMember("fixes", .array(diagnostic.fixes.map { fix in
                .object([
                    JSONMember("description", .object([JSONMember("text", .string(fix.title))])),
                    JSONMember("artifactChanges", .array([.object([
                        JSONMember("artifactLocation", artifact),
                        JSONMember("replacements", .array(fix.edits.map { edit in
                            let from = diagnostic.file.position(of: edit.span.start), to = diagnostic.file.position(of: edit.span.end)
                            return .object([
                                JSONMember("deletedRegion", .object([
                                    JSONMember("startLine", .int(from.line)), JSONMember("startColumn", .int(from.column)),
                                    JSONMember("endLine", .int(to.line)), JSONMember("endColumn", .int(to.column)),
                                ])),
                                JSONMember("insertedContent", .object([JSONMember("text", .string(edit.replacement))])),
                            ])
                        })),
                    ])])),
                ])
            }))]
            return .object([
                JSONMember("ruleId", .string(diagnostic.code.code)),
                JSONMember("ruleIndex", .int(ruleIndex[diagnostic.code.code] ?? 0)),
                JSONMember("level", .string(level(diagnostic.severity))),
                JSONMember("message", .object([JSONMember("text", .string(text))])),
                JSONMember("locations", .array([location])),
                JSONMember("partialFingerprints", .object([JSONMember("pathcFinding/v1", .string(report.fingerprints[index]))])),
            ] + fixes)
        }
        var srcroot: [JSONMember] = []
        if let repositoryRoot {
            srcroot.append(JSONMember("uri", .string("file://" + uriPath(repositoryRoot.hasSuffix("/") ? repositoryRoot : repositoryRoot + "/"))))
        }
        srcroot.append(JSONMember("description", .object([JSONMember("text", .string("the repository root"))])))
        let run: JSONValue = .object([
            JSONMember("tool", .object([JSONMember("driver", .object([
                JSONMember("name", .string("pathc")),
                JSONMember("version", .string(PathcVersion.current)),
                JSONMember("semanticVersion", .string(PathcVersion.current)),
                JSONMember("informationUri", .string(informationURI)),
                JSONMember("rules", .array(ruleObjects)),
            ]))])),
            JSONMember("originalUriBaseIds", .object([JSONMember("%SRCROOT%", .object(srcroot))])),
            JSONMember("columnKind", .string("unicodeCodePoints")),
            JSONMember("results", .array(results)),
        ])
        return .object([
            JSONMember("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            JSONMember("version", .string("2.1.0")),
            JSONMember("runs", .array([run])),
        ])
    }

    public static func string(_ report: Report, repositoryRoot: String? = nil) -> String {
        JSONWriter(pretty: true).string(json(report, repositoryRoot: repositoryRoot)) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A path as a URI reference: each byte outside RFC 3986's unreserved set and `/` is
    /// percent-encoded, so that spaces and non-ASCII names stay valid URIs.
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}

extension SARIFReport: ReportFormat {
    public static let name = "sarif"

    public static func render(_ report: Report, repositoryRoot: String) -> String {
        string(report, repositoryRoot: repositoryRoot)
    }
}
