/// The three questions a reviewer asks of every objective and target.
public enum QualityAxis: String, Sendable, CaseIterable {
    case specific, observable, measurable
}

/// A set of quality axes, as bits.
public struct QualityAxes: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(_ axes: some Sequence<QualityAxis>) {
        self = []
        for axis in axes { insert(axis) }
    }

    /// The axes an `x-quality` list names; unknown names (the schema check reports them) are left out.
    init(names: [String]) {
        self = []
        for name in names {
            switch name.utf8.first {
            case UInt8(ascii: "s") where name == "specific": insert(.specific)
            case UInt8(ascii: "o") where name == "observable": insert(.observable)
            case UInt8(ascii: "m") where name == "measurable": insert(.measurable)
            default: break
            }
        }
    }

    public func contains(_ axis: QualityAxis) -> Bool { contains(QualityAxes(rawValue: 1 << axis.bit)) }
    public mutating func insert(_ axis: QualityAxis) { formUnion(QualityAxes(rawValue: 1 << axis.bit)) }
}

extension QualityAxis {
    var bit: UInt8 {
        switch self {
        case .specific: return 0
        case .observable: return 1
        case .measurable: return 2
        }
    }
}

/// What a text field is, which decides the rules that read it.
public enum StatementField: String, Sendable, CaseIterable {
    case objective
    case keyResult = "key_result"
    case outcome
    case task
    case criterion
    case behavior
    case descriptor
    case other

    /// The field a statement sits in, from its JSON Pointer: `/key_results/0/result` is a key result.
    static func from(pointer: String) -> StatementField {
        var pointer = pointer
        return pointer.withUTF8 { bytes in
            // The last segment that is not an index, found by scanning back over the bytes.
            var end = bytes.count
            while end > 0 {
                var start = end
                while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
                let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if !segment.isEmpty, !segment.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                    for (name, field) in Self.segmentNames where segment.elementsEqual(name.utf8) { return field }
                    return .other
                }
                end = start - 1
            }
            return .other
        }
    }

    private static let segmentNames: [(String, StatementField)] = [
        ("behaviors", .behavior), ("result", .keyResult), ("objective", .objective), ("success_criteria", .criterion),
        ("task", .task), ("outcome", .outcome), ("descriptors", .descriptor),
    ]



    /// A pointer of the field's usual place, for statements made outside a repository.
    var canonicalPointer: String {
        switch self {
        case .objective: return "/objective"
        case .keyResult: return "/key_results/0/result"
        case .outcome: return "/milestones/0/outcome"
        case .task: return "/stages/0/practice/0/task"
        case .criterion: return "/stages/0/practice/0/success_criteria/0"
        case .behavior: return "/levels/0/behaviors/0"
        case .descriptor: return "/criteria/0/descriptors/0"
        case .other: return "/note"
        }
    }

    /// One bit per field, for rules that read several.
    var bit: UInt16 { 1 << UInt16(StatementField.allCases.firstIndex(of: self)!) }

    /// For messages: "objective", "key result".
    public var words: String {
        switch self {
        case .keyResult: return "key result"
        case .criterion: return "success criterion"
        case .task: return "practice task"
        case .outcome: return "milestone outcome"
        case .behavior: return "behaviour"
        case .descriptor: return "rubric descriptor"
        default: return rawValue
        }
    }
}

/// One example of a rule: a statement for a text rule, or the YAML of one or more content files
/// (separated by a line `---`) for a rule over entities. The same examples document the rule in
/// `pathc explain` and test it: a bad example must trigger the rule, a good one must not.
///
/// A bad example marks with `↓` the character each finding of the rule starts at (SwiftLint's
/// convention), so that its test checks where the finding points, not only that there is one.
public struct RuleExample: Sendable {
    static let marker: Unicode.Scalar = "↓"

    /// The example as `pathc explain` and the docs show it: without its markers.
    public let text: String
    /// For text rules: the field the statement sits in.
    public let field: StatementField?
    /// Where the rule's findings start, as UTF-8 offsets into `text`: one per marker.
    let markers: [Int]
    let file: StaticString
    let line: UInt

    public init(_ text: String, field: StatementField? = nil, file: StaticString = #filePath, line: UInt = #line) {
        var unmarked = String.UnicodeScalarView()
        var markers: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar == Self.marker {
                markers.append(offset)
            } else {
                unmarked.append(scalar)
                offset += scalar.utf8.count
            }
        }
        self.text = String(unmarked)
        self.markers = markers
        self.field = field
        self.file = file
        self.line = line
    }

    /// An example taken as written, such as a house rule's: the team's own text, which may hold
    /// any character.
    init(verbatim text: String) {
        self.text = text
        markers = []
        field = nil
        file = #filePath
        line = #line
    }

    /// The content files of a model example.
    var files: [String] {
        text.components(separatedBy: "\n---\n")
    }
}

/// Everything `pathc explain` and `pathc rules` show about a rule, and what its tests read.
public struct RuleDescription: Sendable {
    public let code: DiagnosticCode
    public let severity: Severity
    /// What it finds, in one line.
    public let summary: String
    /// Why it matters.
    public let why: String
    /// What to write instead.
    public let fix: String
    /// The quality axis a finding fails, for the verdicts.
    public let axis: QualityAxis?
    public let bad: [RuleExample]
    public let good: [RuleExample]

    public init(code: String, name: String, severity: Severity, axis: QualityAxis? = nil, summary: String, why: String,
                fix: String, bad: [RuleExample], good: [RuleExample]) {
        self.code = DiagnosticCode(code, name)
        self.severity = severity
        self.axis = axis
        self.summary = summary
        self.why = why
        self.fix = fix
        self.bad = bad
        self.good = good
    }

    public var name: String { code.name }
}

/// A rule's finding before the engine turns it into a diagnostic (with the rule's code and the
/// configured severity, or drops it for a suppression).
public struct Finding: Sendable {
    public var node: Node
    public var file: SourceFile
    public var message: String
    public var label: String?
    public var help: String?
    public var pointer: String?
    public var notes: [String] = []

    public init(node: Node, file: SourceFile, message: String, label: String? = nil, help: String? = nil,
                pointer: String? = nil, notes: [String] = []) {
        self.node = node
        self.file = file
        self.message = message
        self.label = label
        self.help = help
        self.pointer = pointer
        self.notes = notes
    }
}
