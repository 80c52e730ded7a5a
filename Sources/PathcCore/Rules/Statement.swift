import Foundation

/// A text the quality rules read: a value the schema marked with `x-quality`, such as an
/// objective, a key result's statement, a milestone outcome, a practice task or a criterion.
public final class Statement: Sendable {
    public let entity: Entity
    public let node: Node
    public let text: String
    public let pointer: String
    public let field: StatementField
    public let axes: QualityAxes
    let analysis: TextAnalysis
    /// The statement is the result of a key result marked as a leading indicator.
    let isLeadingIndicator: Bool

    init(entity: Entity, node: Node, text: String, pointer: String, axes: QualityAxes, vocabulary: Vocabulary,
         analysis: TextAnalysis? = nil, leading: Bool? = nil) {
        self.entity = entity
        self.node = node
        self.text = text
        self.pointer = pointer
        let field = StatementField.from(pointer: pointer)
        self.field = field
        self.axes = axes
        self.analysis = analysis ?? TextAnalysis(text, vocabulary: vocabulary)
        isLeadingIndicator = leading ?? Self.isLeading(pointer, field: field, in: entity)
    }

    static func isLeading(_ pointer: String, field: StatementField, in entity: Entity) -> Bool {
        guard field == .keyResult else { return false }
        // "/key_results/N/result": the key result at N, read from the pointer's digits.
        var index = 0, seenDigit = false
        for byte in pointer.utf8.dropFirst(13) {
            guard byte >= 0x30 && byte <= 0x39 else { break }
            index = index * 10 + Int(byte - 0x30)
            seenDigit = true
        }
        if seenDigit, pointer.hasPrefix("/key_results/"), index < entity.keyResults.count, entity.keyResults[index].resultPointer == pointer {
            return entity.keyResults[index].isLeading
        }
        return entity.keyResults.first { $0.resultPointer == pointer }?.isLeading ?? false
    }

    /// What the text rules' findings on a statement depend on: its text, where it stands, the axes
    /// its schema asks about, and for a key result whether it is a leading indicator. Statements
    /// with the same key get the same findings, so the rules run once per key.
    package struct Key: Hashable, Sendable {
        package let text: String
        let field: StatementField
        let axes: UInt8
        let kind: EntityKind
        let leading: Bool
        /// FNV-1a of the text, made once: keys are hashed several times a run, and Swift's string
        /// hashing would read the text each time.
        private let textHash: UInt64

        init(text: String, field: StatementField, axes: UInt8, kind: EntityKind, leading: Bool) {
            self.text = text
            self.field = field
            self.axes = axes
            self.kind = kind
            self.leading = leading
            var hash = FNV1a64()
            hash.add(text)
            textHash = hash.value
        }

        package func hash(into hasher: inout Hasher) {
            hasher.combine(textHash)
            hasher.combine(axes)
        }

        package static func == (a: Key, b: Key) -> Bool {
            a.textHash == b.textHash && a.field == b.field && a.axes == b.axes && a.kind == b.kind && a.leading == b.leading
                && a.text == b.text
        }
    }

    var key: Key { Key(text: text, field: field, axes: axes.rawValue, kind: entity.kind, leading: isLeadingIndicator) }

    /// The keys of an entity's statements, with the index of each one's annotation, without making
    /// the statements.
    package static func keys(in entity: Entity) -> [(key: Key, annotation: Int)] {
        let annotations = entity.annotations
        var keys: [(key: Key, annotation: Int)] = []
        for index in annotations.indices {
            guard let (text, axes) = statement(annotations[index]) else { continue }
            let pointer = annotations[index].pointer
            let field = StatementField.from(pointer: pointer)
            keys.append((Key(text: text, field: field, axes: axes.rawValue, kind: entity.kind,
                             leading: isLeading(pointer, field: field, in: entity)), index))
        }
        return keys
    }

    /// The text and quality axes of an annotation that is a statement: a non-empty string the schema
    /// marks for judgement.
    private static func statement(_ annotation: SchemaAnnotation) -> (String, QualityAxes)? {
        guard let axes = annotation.qualityAxes, let text = text(of: annotation.node), !text.isEmpty else { return nil }
        return (text, QualityAxes(names: axes))
    }

    /// The text of a string value; most statements start with a letter no other YAML type can
    /// start with, so the core schema is asked only for the rest.
    static func text(of node: Node) -> String? {
        guard case .scalar(let scalar) = node.content else { return nil }
        if scalar.style == .plain, let first = scalar.text.utf8.first, CoreSchema.mayBeNonString(firstByte: first) {
            guard case .string = scalar.value else { return nil }
        }
        return scalar.text
    }

    /// The metrics of lagging key results, each once: activity-as-result reads them too.
    static func laggingMetrics(in model: Model) -> [String] {
        parallelDistinct(model.all(.okr)) { entity, text in
            for result in entity.keyResults where result.isLagging {
                if let metric = result.metric { text(metric) }
            }
        }
    }

    /// Every statement of an entity, in document order; texts found in `analyses` are not analysed again.
    package static func all(in entity: Entity, vocabulary: Vocabulary, analyses: [String: TextAnalysis] = [:]) -> [Statement] {
        // By index: most annotations are references, and are passed over without being copied.
        let annotations = entity.annotations
        var statements: [Statement] = []
        for index in annotations.indices {
            guard let (text, axes) = statement(annotations[index]) else { continue }
            statements.append(Statement(entity: entity, node: annotations[index].node, text: text, pointer: annotations[index].pointer,
                                        axes: axes, vocabulary: vocabulary, analysis: analyses[text]))
        }
        return statements
    }

    /// A node for a run of the statement's bytes: the exact words in the source when the
    /// text is written there as it reads (a plain or quoted scalar without escapes), otherwise
    /// the whole value.
    func node(for characters: Range<Int>) -> Node {
        Self.node(for: characters, of: text, at: node, in: entity.file)
    }

    static func node(for characters: Range<Int>, of text: String, at node: Node, in file: SourceFile) -> Node {
        var start = node.span.start, end = node.span.end
        if node.scalar?.style == .singleQuoted || node.scalar?.style == .doubleQuoted {
            start += 1
            end -= 1
        }
        guard start <= end else { return node }
        let source = file.text(of: Span(start: start, end: end))
        let wanted = substring(characters, of: text)
        if source == text {
            return Node(node.content, span: Span(start: start + characters.lowerBound, end: start + characters.upperBound))
        }
        if let found = source.range(of: wanted) {
            let offset = source.utf8.distance(from: source.utf8.startIndex, to: found.lowerBound)
            return Node(node.content, span: Span(start: start + offset, end: start + offset + wanted.utf8.count))
        }
        return node
    }

    /// A finding about words of this statement.
    func finding(at characters: Range<Int>?, _ message: String, label: String? = nil, help: String? = nil, notes: [String] = []) -> Finding {
        Finding(node: characters.map(node(for:)) ?? node, file: entity.file, message: message, label: label, help: help,
                pointer: pointer, notes: notes)
    }

    /// A token as written.
    func word(_ tokenIndex: Int) -> String { substring(analysis.tokens[tokenIndex].range) }

    /// The text of a range of UTF-8 bytes.
    func substring(_ range: Range<Int>) -> String { Self.substring(range, of: text) }

    static func substring(_ range: Range<Int>, of text: String) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
    func range(_ tokenIndex: Int) -> Range<Int> { analysis.tokens[tokenIndex].range }
}

extension Statement {
    /// A statement of a synthetic entity, in the field's usual place.
    static func standalone(_ text: String, field: StatementField, _ vocabulary: Vocabulary) -> Statement {
        let kind: EntityKind
        switch field {
        case .objective, .keyResult, .other: kind = .okr
        case .outcome, .task, .criterion: kind = .pathway
        case .behavior: kind = .competency
        case .descriptor: kind = .rubric
        }
        return standalone(text, pointer: field.canonicalPointer, kind: kind, axes: QualityAxes(QualityAxis.allCases), leading: false,
                         vocabulary, analysis: nil)
    }

    /// A statement of a synthetic entity, whose file holds just the text: a finding's span is then
    /// the byte range of the words it points at.
    static func standalone(_ text: String, pointer: String, kind: EntityKind, axes: QualityAxes, leading: Bool, _ vocabulary: Vocabulary,
                          analysis: TextAnalysis?) -> Statement {
        let file = SourceFile(path: "statement.yaml", text: text)
        let node = Node(.scalar(Scalar(text: text, style: .plain)), span: Span(start: 0, end: file.bytes.count))
        let root = Node(.mapping([]), span: Span(start: 0, end: 0))
        let entity = Entity(kind: kind, id: "statement", file: file, root: root, idNode: node, annotations: [])
        return Statement(entity: entity, node: node, text: text, pointer: pointer, axes: axes, vocabulary: vocabulary,
                         analysis: analysis, leading: leading)
    }
}
