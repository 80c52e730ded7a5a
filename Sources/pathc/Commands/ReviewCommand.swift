import Foundation
import PathcCore

/// `pathc review [--as FIELD] TEXT...`: the quality rules on statements typed or pasted in, before
/// they go into a file.
extension CommandDescriptor {
    static let review = CommandDescriptor(
        name: "review",
        summary: "judge statements as check would: what is vague, unobservable or unmeasurable, and why",
        synopsis: "review [--as FIELD] TEXT...",
        details: """
            Each TEXT is one statement; with '-' the statements are read from stdin, one a line.
            FIELD says what it is: behavior (the default), objective, key_result, outcome, task,
            criterion or descriptor (a key result is read as a lagging one). Inside a repository the
            review uses its pathc.yaml (profile, rules, vocabulary) and its house rules. Exit 0: no
            warning or error; 1: some statement has one.
            """,
        options: [ReviewOptions.field.spec, ReviewOptions.format.spec],
        positionals: 1...Int.max,
        positionalName: "a statement to review (or - for stdin)",
        run: runReview)
}

enum ReviewOptions {
    static let field = Option<StatementField>("--as", "FIELD", choices: [.behavior, .objective, .keyResult, .outcome, .task, .criterion, .descriptor],
                                              "what the statements are (default: behavior)")
    static let format = Option<TextOrJSON>("--format", "FORMAT", "output format: text (default) or json")
}

private func runReview(_ arguments: ParsedArguments, context: CommandContext) -> Int32 {
    let field = arguments[ReviewOptions.field] ?? .behavior
    var texts: [String] = []
    for positional in arguments.positionals {
        if positional == "-" {
            while let line = readLine() {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { texts.append(line) }
            }
        } else {
            texts.append(positional)
        }
    }
    let review = StatementReview.ofRepository(around: context.root ?? FileManager.default.currentDirectoryPath)
    var failed = false
    var results: [JSONValue] = []
    var text = ""
    let bold = context.terminal.useColor ? "\u{1B}[1m" : "", reset = context.terminal.useColor ? "\u{1B}[0m" : ""
    for statement in texts {
        let findings = review.review(statement, as: field)
        if findings.contains(where: { $0.severity >= .warning }) { failed = true }
        results.append(.object([
            JSONMember("text", .string(statement)),
            JSONMember("field", .string(field.rawValue)),
            JSONMember("findings", .array(findings.map { finding in
                .object([JSONMember("code", .string(finding.code.code)), JSONMember("rule", .string(finding.code.name)),
                         JSONMember("severity", .string(finding.severity.rawValue)), JSONMember("message", .string(finding.message)),
                         JSONMember("words", finding.words.map(JSONValue.string) ?? .null),
                         JSONMember("help", finding.help.map(JSONValue.string) ?? .null)])
            })),
        ]))
        text += "\(bold)\(field.words): \(statement)\(reset)\n"
        if findings.isEmpty { text += "  no findings\n" }
        for finding in findings {
            text += "  \(finding.severity.rawValue)[\(finding.code.code)] \(finding.code.name): \(finding.message)\n"
            if let help = finding.help { text += "    help: \(help)\n" }
        }
        text += "\n"
    }
    if arguments[ReviewOptions.format] == .json {
        context.terminal.out(JSONWriter(pretty: true).string(.object([JSONMember("statements", .array(results))])) + "\n")
    } else {
        context.terminal.out(text)
    }
    return failed ? ExitCode.findings : ExitCode.success
}
