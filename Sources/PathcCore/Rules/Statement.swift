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

    init(entity: Entity, node: Node, text: String, pointer: String, axes: QualityAxes, vocabulary: Vocabulary,
         analysis: TextAnalysis? = nil) {
        self.entity = entity
        self.node = node
        self.text = text
        self.pointer = pointer
        self.field = StatementField.from(pointer: pointer)
        self.axes = axes
        self.analysis = analysis ?? TextAnalysis(text, vocabulary: vocabulary)
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

    /// The texts of every statement of the model, each once.
    static func distinctTexts(in model: Model) -> [String] {
        parallelDistinct(model.ordered) { entity, text in
            let annotations = entity.annotations
            for index in annotations.indices where annotations[index].qualityAxes != nil {
                if let statement = Self.text(of: annotations[index].node) { text(statement) }
            }
            // Metrics of lagging key results, which activity-as-result reads too.
            for result in entity.keyResults where result.indicator == "lagging" {
                if let metric = result.node["metric"]?.string { text(metric) }
            }
        }
    }

    /// Every statement of an entity, in document order; texts found in `analyses` are not analysed again.
    static func all(in entity: Entity, vocabulary: Vocabulary, analyses: [String: TextAnalysis] = [:]) -> [Statement] {
        // By index: most annotations are references, and are passed over without being copied.
        let annotations = entity.annotations
        var statements: [Statement] = []
        for index in annotations.indices {
            guard let axes = annotations[index].qualityAxes, let text = Self.text(of: annotations[index].node),
                  !text.isEmpty else { continue }
            var parsed = QualityAxes()
            for name in axes { if let axis = QualityAxis(rawValue: name) { parsed.insert(axis) } }
            statements.append(Statement(entity: entity, node: annotations[index].node, text: text, pointer: annotations[index].pointer,
                                        axes: parsed, vocabulary: vocabulary, analysis: analyses[text]))
        }
        return statements
    }

    /// A node for a run of the statement's bytes: the exact words in the source when the
    /// text is written there as it reads (a plain or quoted scalar without escapes), otherwise
    /// the whole value.
    func node(for characters: Range<Int>) -> Node {
        let file = entity.file
        var start = node.span.start, end = node.span.end
        if node.scalar?.style == .singleQuoted || node.scalar?.style == .doubleQuoted {
            start += 1
            end -= 1
        }
        guard start <= end else { return node }
        let source = file.text(of: Span(start: start, end: end))
        let wanted = substring(characters)
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
    func substring(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
    func range(_ tokenIndex: Int) -> Range<Int> { analysis.tokens[tokenIndex].range }
}

import Foundation
