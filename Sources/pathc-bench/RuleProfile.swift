import Foundation
import PathcCore

/// Benchmark support: the time of each phase of the rules over a model, on one thread.
enum RuleProfile {
    /// The best time of `rounds` analyses of the model's distinct statements, on one thread, with
    /// the run's word table made first (as the engine does).
    static func analysisTime(_ model: Model, rounds: Int) -> (texts: Int, tokens: Int, seconds: Double) {
        let vocabulary = Vocabulary.standard
        let keys = model.ordered.flatMap { Statement.keys(in: $0).map(\.key.text) }
        let texts = Array(Set(keys)).sorted()
        let tokens = texts.map { TextAnalysis.tokenize($0) }
        var words = Set<String>()
        for list in tokens { for token in list where token.kind == .word { words.insert(token.text) } }
        let table = WordTable(words: Array(words), tagger: vocabulary.tagger())
        var best = Double.infinity
        for _ in 0..<rounds {
            let start = DispatchTime.now()
            for index in texts.indices { _ = TextAnalysis(texts[index], vocabulary: vocabulary, tokens: tokens[index], table: table) }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        return (texts.count, tokens.reduce(0) { $0 + $1.count }, best)
    }

    static func measure(_ model: Model, config: ProjectConfig) -> [(String, Double)] {
        var phases: [(String, Double)] = []
        var last = DispatchTime.now()
        func lap(_ name: String) {
            let now = DispatchTime.now()
            phases.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
            last = now
        }
        let context = RuleContext.wholeModel(model, config: config)
        let vocabulary = context.vocabulary
        lap("context")
        var tokens = 0
        for entity in model.ordered {
            for annotation in entity.annotations where annotation.qualityAxes != nil {
                tokens += TextAnalysis.tokenize(annotation.node.scalar?.text ?? "").count
            }
        }
        lap("tokenize (\(tokens) tokens)")
        let statements = model.ordered.map { Statement.all(in: $0, vocabulary: vocabulary) }
        lap("analyse \(statements.reduce(0) { $0 + $1.count }) statements")
        var findings = 0
        for list in statements {
            for statement in list {
                for rule in RuleRegistry.textRules where rule.fields.contains(statement.field) {
                    if let axis = rule.description.axis, !statement.axes.contains(axis) { continue }
                    findings += rule.check(statement, context).count
                }
            }
        }
        lap("text rules (\(findings) findings)")
        for rule in RuleRegistry.modelRules {
            findings = 0
            for (entity, list) in zip(model.ordered, statements) where rule.kinds.contains(entity.kind) {
                findings += rule.check(entity, statements: list, context).count
            }
            lap("  \(rule.description.name) (\(findings) findings)")
        }
        _ = RuleEngine(context: context, rootRelative: { $0.path }).run()
        lap("whole engine, all cores")
        return phases
    }
}
