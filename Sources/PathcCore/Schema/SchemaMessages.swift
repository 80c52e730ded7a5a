import Foundation

/// Diagnostic codes for values that break their schema (`PW1xxx`).
public enum SchemaViolationCode {
    public static let wrongType = DiagnosticCode("PW1001", "wrong-type")
    public static let unknownField = DiagnosticCode("PW1002", "unknown-field")
    public static let missingField = DiagnosticCode("PW1003", "missing-field")
    public static let invalidValue = DiagnosticCode("PW1004", "invalid-value")
    public static let invalidFormat = DiagnosticCode("PW1005", "invalid-format")
    public static let outOfRange = DiagnosticCode("PW1006", "out-of-range")
    public static let duplicateItem = DiagnosticCode("PW1007", "duplicate-item")
    public static let schemaMismatch = DiagnosticCode("PW1008", "schema-mismatch")
    public static let schemaTooCostly = DiagnosticCode("PW1009", "schema-too-costly")

    public static let all = [wrongType, unknownField, missingField, invalidValue, invalidFormat, outOfRange, duplicateItem, schemaMismatch,
                             schemaTooCostly]
}

/// Turns schema violations into diagnostics that say, in plain words, what was expected and
/// how to fix it: never "does not match schema".
public enum SchemaMessages {
    /// Forms that the default schemas use, described for people.
    static let knownPatterns: [String: (what: String, example: String)] = [
        "^[a-z0-9]+(-[a-z0-9]+)*$": ("an id: lowercase letters and digits, words joined by '-'", "sales-2026-q3"),
        "^[0-9]+[dwm]$": ("a duration: a number of days (d), weeks (w) or months (m)", "6w"),
        "^[0-9]{4}(-Q[1-4]|-H[1-2])?$": ("a cycle: a year, a quarter or a half", "2026-Q3"),
        "^-?[0-9]+(\\.[0-9]+)?%$": ("a percentage", "42%"),
        "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$": ("a key-result reference: OKR-ID/KR-ID", "sales-2026-q3/win-rate"),
    ]

    /// The first `CheckCode.findingsPerFile` violations of a file, in file order, as diagnostics,
    /// and the rest, counted but never made into messages (a file of a million unknown keys would
    /// otherwise make a million).
    public static func firstDiagnostics(for violations: [SchemaViolation], in file: SourceFile)
        -> (shown: [Diagnostic], omitted: ArraySlice<SchemaViolation>) {
        let limit = CheckCode.findingsPerFile
        let ordered = violations.count > limit ? violations.sorted { $0.node.span.start < $1.node.span.start } : violations
        return (ordered.prefix(limit).map { diagnostic(for: $0, in: file) }, ordered.dropFirst(limit))
    }

    public static func diagnostic(for violation: SchemaViolation, in file: SourceFile) -> Diagnostic {
        let node = violation.node
        let field = fieldName(violation.pointer)
        let shown = quoted(node, in: file)
        var code = SchemaViolationCode.schemaMismatch
        var message: String
        var label: String?
        var help: String?
        var notes: [String] = []
        var secondary: [DiagnosticLabel] = []
        var fixes: [Fix] = []
        if let description = violation.schema.description, !description.isEmpty {
            notes.append("\(field.map { "'\($0)': " } ?? "")\(description.trimmingTrailingPeriod)")
        }

        switch violation.problem {
        case .type(let expected):
            code = SchemaViolationCode.wrongType
            message = "\(field.map { "'\($0)'" } ?? "the value") should be \(expected.words), found \(node.kindDescription)"
            label = "expected \(expected.words)"
            (help, fixes) = typingHelp(node, expected: expected, in: file)
        case .noAlternative(let expected):
            code = SchemaViolationCode.wrongType
            message = "\(field.map { "'\($0)'" } ?? "the value") should be \(expected.isEmpty ? "in one of the allowed forms" : expected.words), found \(node.kindDescription)"
            label = "not an allowed form"
            if !expected.isEmpty { (help, fixes) = typingHelp(node, expected: expected, in: file) }
        case .notConst(let expected):
            code = SchemaViolationCode.invalidValue
            let wanted = quoted(expected, in: nil)
            message = "expected \(wanted)\(field.map { " for '\($0)'" } ?? ""), found \(shown)"
            label = "should be \(wanted)"
            help = "write \(wanted)"
        case .notInEnum(let allowed):
            code = SchemaViolationCode.invalidValue
            let names = listed(allowed.map { quoted($0, in: nil) })
            message = "\(shown) is not an allowed value\(field.map { " for '\($0)'" } ?? "")"
            label = "not allowed"
            let plain = allowed.prefix(1_000).compactMap { $0.scalar?.text }
            if let text = node.scalar?.text, let suggestion = Suggestion.closest(to: text, in: plain) {
                help = "did you mean '\(suggestion)'? The allowed values are \(names)"
                // Only text replaces text: an allowed number written in quotes would be text again.
                let texts = allowed.prefix(1_000).compactMap { node -> String? in
                    if case .string(let text)? = node.scalarValue { return text }
                    return nil
                }
                if case .string? = node.scalarValue, Suggestion.unambiguous(to: text, in: texts) == suggestion {
                    fixes = Fix.replacing(node, with: suggestion, in: file).map { [$0] } ?? []
                }
            } else {
                help = "use one of \(names)"
            }
        case .missingProperty(let name):
            code = SchemaViolationCode.missingField
            message = "missing required field '\(name)'" + (field.map { " in '\($0)'" } ?? "")
            label = "this mapping has no '\(name)'"
            help = "add '\(name): ...'"
            notes = []
            if let index = violation.schema.propertyIndex[name], let description = violation.schema.properties[index].schema.description {
                notes.append("'\(name)': \(description.trimmingTrailingPeriod)")
            }
        case .unknownProperty(let name, let known, let siblings):
            code = SchemaViolationCode.unknownField
            message = "unknown field '\(name)'"
            label = "not a field here"
            notes = []
            if let suggestion = Suggestion.closest(to: name, in: known.prefix(1_000)) {
                if siblings.contains(suggestion) {
                    help = "did you mean '\(suggestion)'? This mapping has a '\(suggestion)' already: keep one of the two"
                } else {
                    help = violation.schema.required.contains(suggestion) ? "did you mean '\(suggestion)'? It is a required field"
                        : "did you mean '\(suggestion)'?"
                    if Suggestion.unambiguous(to: name, in: known.prefix(1_000)) == suggestion {
                        fixes = Fix.replacing(node, with: suggestion, in: file, isKey: true).map { [$0] } ?? []
                    }
                }
            } else {
                help = unknownFieldHelp(name, known: [])
                if !known.isEmpty { help = "remove it; the fields allowed here are \(listed(known))" }
            }
        case .unevaluatedProperty(let name):
            code = SchemaViolationCode.unknownField
            message = "unknown field '\(name)'"
            label = "not a field here"
            notes = []
            help = "remove it"
        case .patternMismatch(let pattern):
            code = SchemaViolationCode.invalidFormat
            if let known = knownPatterns[pattern] {
                message = "\(shown) is not \(known.what)"
                label = "expected \(known.what.components(separatedBy: ":").first ?? known.what)"
                if pattern == "^[a-z0-9]+(-[a-z0-9]+)*$", let text = node.scalar?.text, let slug = slug(text), slug != text {
                    help = "did you mean '\(slug)'?"
                    if case .string? = node.scalarValue { fixes = Fix.replacing(node, with: slug, in: file).map { [$0] } ?? [] }
                } else {
                    help = "write it like '\(known.example)'"
                }
            } else {
                message = "\(shown) is not in the expected form\(field.map { " for '\($0)'" } ?? "")"
                label = "does not match \(clipped(pattern))"
                help = "write a value that matches the pattern \(clipped(pattern))"
            }
        case .formatMismatch(let format):
            code = SchemaViolationCode.invalidFormat
            let (what, example) = Self.formatWords[format] ?? ("a valid \(format)", "a valid \(format)")
            message = "\(shown) is not \(what)"
            help = "write \(example)"
            label = "not a valid \(format)"
            if format == "date", let text = node.scalar?.text, let reading = CalendarDate.reading(text) {
                (help, fixes) = dateHelp(node, reading, in: file)
            }
        case .tooShort(let minimum, let actual):
            code = SchemaViolationCode.outOfRange
            if actual == 0 {
                message = "\(field.map { "'\($0)'" } ?? "the text") is empty"
                label = "empty"
                help = "write the text, or remove the field"
            } else {
                message = "\(field.map { "'\($0)'" } ?? "the text") is \(actual) character\(actual == 1 ? "" : "s") long; at least \(minimum) are needed"
                label = "too short"
            }
        case .tooLong(let maximum, let actual):
            code = SchemaViolationCode.outOfRange
            message = "\(field.map { "'\($0)'" } ?? "the text") is \(actual) characters long, over the limit of \(maximum)"
            label = "too long"
            help = "shorten it to \(maximum) characters or fewer"
        case .belowMinimum(let limit, let exclusive):
            code = SchemaViolationCode.outOfRange
            message = "\(shown) is \(exclusive ? "not above" : "below") the minimum of \(format(limit))"
            label = exclusive ? "must be more than \(format(limit))" : "must be at least \(format(limit))"
        case .aboveMaximum(let limit, let exclusive):
            code = SchemaViolationCode.outOfRange
            message = "\(shown) is \(exclusive ? "not below" : "above") the maximum of \(format(limit))"
            label = exclusive ? "must be less than \(format(limit))" : "must be at most \(format(limit))"
        case .notMultiple(let divisor):
            code = SchemaViolationCode.outOfRange
            message = "\(shown) is not a multiple of \(format(divisor))"
            label = "not a multiple of \(format(divisor))"
        case .tooFewItems(let minimum, let actual):
            code = SchemaViolationCode.outOfRange
            message = "\(field.map { "'\($0)'" } ?? "the list") needs at least \(minimum) entr\(minimum == 1 ? "y" : "ies"), found \(actual == 0 ? "none" : String(actual))"
            label = "too few entries"
        case .tooManyItems(let maximum, let actual):
            code = SchemaViolationCode.outOfRange
            message = "\(field.map { "'\($0)'" } ?? "the list") has \(actual) entries, over the limit of \(maximum)"
            label = "too many entries"
        case .duplicateItem(let first):
            code = SchemaViolationCode.duplicateItem
            message = "\(shown) appears more than once in \(field.map { "'\($0)'" } ?? "the list")"
            label = "repeated"
            help = "remove the repeated entry"
            secondary.append(DiagnosticLabel(span: first.span, message: "first here"))
        case .containsTooFew(let minimum, let found):
            message = "\(field.map { "'\($0)'" } ?? "the list") has \(found) matching entr\(found == 1 ? "y" : "ies"); at least \(minimum) needed"
            label = "too few matching entries"
        case .containsTooMany(let maximum, let found):
            message = "\(field.map { "'\($0)'" } ?? "the list") has \(found) matching entries; at most \(maximum) allowed"
            label = "too many matching entries"
        case .tooFewProperties(let minimum, let actual):
            code = SchemaViolationCode.outOfRange
            message = "\(field.map { "'\($0)'" } ?? "the mapping") has \(actual) field\(actual == 1 ? "" : "s"); at least \(minimum) needed"
            label = "too few fields"
        case .tooManyProperties(let maximum, let actual):
            code = SchemaViolationCode.outOfRange
            message = "\(field.map { "'\($0)'" } ?? "the mapping") has \(actual) fields, over the limit of \(maximum)"
            label = "too many fields"
        case .dependentRequired(let property, let requires):
            code = SchemaViolationCode.missingField
            message = "'\(property)' needs '\(requires)' as well"
            label = "has '\(property)' but no '\(requires)'"
            help = "add '\(requires): ...'"
        case .notAllowed:
            code = SchemaViolationCode.invalidValue
            message = "\(field.map { "'\($0)'" } ?? "this value") is not allowed here"
            label = "not allowed"
        case .matchesNot:
            code = SchemaViolationCode.invalidValue
            message = "\(shown) is not allowed\(field.map { " for '\($0)'" } ?? "")"
            label = "not allowed"
        case .matchesSeveral(let count):
            message = "\(field.map { "'\($0)'" } ?? "the value") fits \(count) of the alternatives, but must fit exactly one"
            label = "ambiguous"
        case .unevaluatedItem(let index):
            code = SchemaViolationCode.unknownField
            message = "entry \(index + 1) of \(field.map { "'\($0)'" } ?? "the list") is not allowed here"
            label = "not allowed"
        case .tooDeep:
            code = SchemaViolationCode.schemaMismatch
            message = "the schema refers to itself without end at this value"
            label = "endless reference"
            help = "check the schema's '$ref's"
        case .tooCostly(let steps):
            code = SchemaViolationCode.schemaTooCostly
            message = "pathc stopped validating this file: its schema needed more than \(steps) steps"
            label = "validation stopped here"
            notes = ["a schema that applies itself more than once to the same value (allOf or anyOf over '$ref': '#') doubles the work at every level"]
            help = "simplify the schema; the file itself may be fine"
        case .patternGaveUp(let pattern):
            code = SchemaViolationCode.schemaTooCostly
            message = "pathc gave up matching \(field.map { "'\($0)'" } ?? "this value") against the pattern \(clipped(pattern))"
            label = "not checked"
            notes = ["the pattern backtracks too much on this value (backreferences and nested repetition do), so pathc cannot tell whether it matches"]
            help = "simplify the pattern in the schema; the value itself may be fine"
        }
        return Diagnostic(code: code, message: message, file: file, span: node.span, label: label, secondary: secondary,
                          notes: notes, help: help, pointer: violation.pointer, fixes: fixes)
    }

    /// The field a pointer ends in: `/key_results/0/target` is 'target'; `/key_results/0` is 'key_results'.
    static func fieldName(_ pointer: String) -> String? {
        for token in pointer.split(separator: "/").reversed() where Int(token) == nil {
            return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        return nil
    }

    /// A value as a message quotes it: text in single quotes, numbers and the like as written.
    static func quoted(_ node: Node, in file: SourceFile?) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            let text = scalar.text.count > 60 ? String(scalar.text.prefix(57)) + "..." : scalar.text
            switch scalar.value {
            case .null: return "an empty value"
            case .string: return "'\(text)'"
            default: return text
            }
        }
    }

    /// YAML typed the value differently from what the schema wants: say how to write it, and
    /// when quotes are all it takes (a number, a boolean or `null` meant as text), the fix.
    static func typingHelp(_ node: Node, expected: JSONTypeSet, in file: SourceFile) -> (help: String?, fixes: [Fix]) {
        guard let scalar = node.scalar else {
            // Text with ': ' in it on one line ("- Coaching: runs two peer reviews") reads as a
            // mapping of one key: the text needs quotes, not another line.
            if expected.contains(.string), let pairs = node.mapping, pairs.count == 1,
               file.position(of: pairs[0].key.span.start).line == file.position(of: pairs[0].value.span.end).line {
                let span = Span(start: pairs[0].key.span.start, end: pairs[0].value.span.end)
                let text = file.text(of: span)
                let quoted = text.contains("\"") ? ScalarWriter.quoted(text) : ScalarWriter.doubleQuoted(text)
                let fix = Fix("put the whole text in quotes", replacing: span, with: quoted)
                return ("the ': ' inside the text makes YAML read it as 'key: value'; put the whole text in quotes: \(quoted)", [fix])
            }
            if expected.contains(.string) { return ("write the text on the same line as the key", []) }
            return (nil, [])
        }
        switch scalar.value {
        case .null where expected.contains(.string) && !scalar.text.isEmpty && scalar.text != "~":
            let fixes = Fix.quoting(node, in: file).map { [$0] } ?? []
            return ("YAML reads \(scalar.text) as no value at all; quote it to make it text: \(ScalarWriter.doubleQuoted(scalar.text))", fixes)
        case .null where expected.contains(.string) || expected.contains(.number):
            return ("the value is empty; write it after the ':'", [])
        case .int, .float, .bool:
            if expected.contains(.string) {
                // The text as written: `1.10` and `0123` are the numbers 1.1 and 123 once read.
                let written = Fix.source(of: node, in: file) ?? scalar.text
                let fixes = Fix.quoting(node, in: file).map { [$0] } ?? []
                return ("YAML reads \(written) as \(scalar.value.kindDescription); quote it to make it text: \(ScalarWriter.doubleQuoted(written))",
                        fixes)
            }
        case .string(let text):
            if expected.contains(.number), let number = Double(text.trimmingCharacters(in: [" "])) {
                return ("write the number without quotes: \(JSONWriter.format(number).replacingOccurrences(of: ".0", with: ""))", [])
            }
            if expected.contains(.array) { return ("write a list: [\(text)] or one '- item' per line", []) }
            if expected.contains(.object) { return ("write the fields of the mapping on the lines below, indented", []) }
            if expected.contains(.boolean) { return ("write true or false", []) }
        default:
            break
        }
        if expected.contains(.array) && !node.span.isEmpty { return ("write a list: one '- item' per line, or [a, b]", []) }
        return (nil, [])
    }

    /// A date written in another form than YYYY-MM-DD: the day it says, and the fix, or why it
    /// cannot be told.
    static func dateHelp(_ node: Node, _ reading: CalendarDate.Reading, in file: SourceFile) -> (help: String, fixes: [Fix]) {
        switch reading {
        case .day(let day):
            return ("write it as \(day): dates are YYYY-MM-DD", Fix.replacing(node, with: day.description, in: file).map { [$0] } ?? [])
        case .ambiguous(let dayFirst, let monthFirst):
            return ("it could be \(dayFirst.spelledOut) or \(monthFirst.spelledOut), as the day or the month comes first; "
                + "write it as \(dayFirst) or \(monthFirst): dates are YYYY-MM-DD", [])
        }
    }

    /// A value made into an id: lowercase, words joined by '-'.
    static func slug(_ text: String) -> String? {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Each format in words, and how to write a valid value.
    static let formatWords: [String: (what: String, example: String)] = [
        "date": ("a valid date", "dates as YYYY-MM-DD, such as 2026-07-15"),
        "date-time": ("a valid date and time", "it as 2026-07-15T09:30:00Z (RFC 3339)"),
        "time": ("a valid time of day", "it as 09:30:00Z or 09:30:00+02:00 (RFC 3339, with a time zone)"),
        "duration": ("a valid duration", "it as ISO 8601 durations are written, such as P3D, PT1H30M or P2W"),
        "email": ("a valid email address", "it as name@example.org"),
        "idn-email": ("a valid email address", "it as name@example.org"),
        "hostname": ("a valid host name", "a name such as www.example.org"),
        "idn-hostname": ("a valid host name", "a name such as www.example.org or bücher.example"),
        "ipv4": ("a valid IPv4 address", "four numbers from 0 to 255, such as 192.0.2.1"),
        "ipv6": ("a valid IPv6 address", "it such as 2001:db8::1"),
        "uri": ("a valid absolute URI", "a full address such as https://example.org/path"),
        "uri-reference": ("a valid URI reference", "an address such as https://example.org/path or ../path"),
        "iri": ("a valid absolute IRI", "a full address such as https://example.org/päth"),
        "iri-reference": ("a valid IRI reference", "an address such as https://example.org/päth or ../päth"),
        "uri-template": ("a valid URI template", "a template such as https://example.org/{id} (RFC 6570)"),
        "json-pointer": ("a valid JSON Pointer", "a pointer such as /items/0 (RFC 6901)"),
        "relative-json-pointer": ("a valid relative JSON Pointer", "a pointer such as 1/name or 0#"),
        "regex": ("a valid regular expression", "an ECMA-262 regular expression, as in JavaScript"),
        "uuid": ("a valid UUID", "it as 8-4-4-4-12 hexadecimal digits, such as 2eb8aa08-aa98-11ea-b4aa-73b441d16380"),
    ]

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
    }

    static func unknownFieldHelp(_ name: String, known: [String]) -> String {
        if let suggestion = Suggestion.closest(to: name, in: known.prefix(1_000)) { return "did you mean '\(suggestion)'?" }
        if !known.isEmpty { return "remove it; the fields allowed here are \(listed(known))" }
        return "remove it"
    }

    /// Allowed values or fields as a message lists them: the first few, then how many there are.
    static func listed(_ names: [String], limit: Int = 12) -> String {
        guard names.count > limit else { return names.joined(separator: ", ") }
        return names.prefix(limit).joined(separator: ", ") + ", … (\(names.count) in all; the schema lists them)"
    }

    /// A pattern as a message shows it: a long one cut short.
    static func clipped(_ pattern: String) -> String {
        pattern.count > 80 ? String(pattern.prefix(77)) + "..." : pattern
    }
}

extension String {
    var trimmingTrailingPeriod: String {
        hasSuffix(".") ? String(dropLast()) : self
    }
}
