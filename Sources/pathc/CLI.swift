import Foundation
import PathcCore

/// Exit codes of cli.md: 0 no errors, 1 the content has errors, 2 the command could not run.
enum ExitCode {
    static let success: Int32 = 0
    static let findings: Int32 = 1
    static let usage: Int32 = 2
}

/// Everything a command needs from the command line besides its own arguments.
struct CommandContext {
    var terminal: Terminal
    /// `--root`, when given.
    var root: String?
    var colorMode: String?
}

/// A subcommand: its help text, its options, and what it does. Each command file defines one.
struct CommandDescriptor: Sendable {
    let name: String
    /// One line for the overview.
    let summary: String
    /// The synopsis after `pathc`, such as `dump FILE`.
    let synopsis: String
    /// A paragraph or two for `pathc help COMMAND`.
    let details: String
    let options: [OptionSpec]
    let positionals: ClosedRange<Int>
    let positionalName: String
    let run: @Sendable (ParsedArguments, CommandContext) -> Int32
}

/// The options every command accepts.
enum CommonOptions {
    enum ColorMode: String, CaseIterable, Sendable { case auto, always, never }

    static let root = Option<String>("--root", "DIR", "the repository root (default: the nearest folder at or above this one with pathc.yaml or pathways/)")
    static let color = Option<ColorMode>("--color", "WHEN", "colour output: auto (only on a terminal, never with NO_COLOR set), always or never")
    static let quiet = Flag("--quiet", "print only the findings: no summary, no progress")
    static let help = Flag("--help", "show this help")
    /// Before any command only.
    static let version = Flag("--version", "print pathc's version")

    static let all = [root.spec, color.spec, quiet.spec, help.spec]
}

enum CLI {
    static let commands: [CommandDescriptor] = [.check, .build, .format, .serve, .diff, .export, .review, .validate, .explain, .rules, .dump, .initialize, .lsp]

    static let commonOptions: [OptionSpec] = CommonOptions.all

    static func run(_ arguments: [String]) -> Int32 {
        // Before the arguments are parsed, so that a usage error is coloured and quietened as asked.
        let terminal = Terminal(useColor: Terminal.wantsColor(colorMode(in: arguments)), quiet: arguments.contains(CommonOptions.quiet.spec.name))
        guard let first = arguments.first else {
            terminal.err(overview())
            return ExitCode.usage
        }
        switch first {
        case CommonOptions.help.spec.name, "-h":
            terminal.out(overview())
            return ExitCode.success
        case CommonOptions.version.spec.name:
            terminal.out("pathc \(PathcVersion.current)\n")
            return ExitCode.success
        case "help":
            guard arguments.count > 1 else {
                terminal.out(overview())
                return ExitCode.success
            }
            guard let command = command(named: arguments[1], terminal: terminal) else { return ExitCode.usage }
            terminal.out(help(for: command))
            return ExitCode.success
        default:
            break
        }
        if first.hasPrefix("-") {
            terminal.error("unknown option '\(first)'; a command comes first", help: "run 'pathc --help' for the commands")
            return ExitCode.usage
        }
        guard let command = command(named: first, terminal: terminal) else { return ExitCode.usage }
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentParser.parse(Array(arguments.dropFirst()), command: command.name,
                                              options: command.options + commonOptions,
                                              positionals: command.positionals, positionalName: command.positionalName)
        } catch {
            terminal.error(error.message, help: error.help)
            return ExitCode.usage
        }
        if parsed[CommonOptions.help] {
            terminal.out(help(for: command))
            return ExitCode.success
        }
        let context = CommandContext(terminal: terminal, root: parsed[CommonOptions.root], colorMode: parsed[CommonOptions.color]?.rawValue)
        return command.run(parsed, context)
    }

    private static func colorMode(in arguments: [String]) -> String? {
        let name = CommonOptions.color.spec.name
        for (index, argument) in arguments.enumerated() {
            if argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            if argument == name, index + 1 < arguments.count { return arguments[index + 1] }
        }
        return nil
    }

    private static func command(named name: String, terminal: Terminal) -> CommandDescriptor? {
        if let command = commands.first(where: { $0.name == name }) { return command }
        if name == "version" {
            terminal.error("unknown command 'version'", help: "the version is an option: pathc --version")
            return nil
        }
        let suggestion = Suggestion.closest(to: name, in: commands.map(\.name) + ["help"])
        terminal.error("unknown command '\(name)'",
                       help: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "run 'pathc --help' for the commands")
        return nil
    }

    static func overview() -> String {
        var text = "pathc \(PathcVersion.current): the pathway compiler\n\n"
        text += "Checks talent-development pathways and OKRs written in YAML, and compiles them to JSON and a static site.\n\n"
        text += "Usage: pathc <command> [options]\n\nCommands:\n"
        let width = max(commands.map { $0.synopsis.count }.max() ?? 0, "help COMMAND".count)
        for command in commands {
            text += "  " + command.synopsis.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary + "\n"
        }
        text += "  " + "help COMMAND".padding(toLength: width + 2, withPad: " ", startingAt: 0) + "show a command's options\n"
        text += "\nOptions:\n"
        text += optionLines(commonOptions + [CommonOptions.version.spec])
        text += "\nExit codes: 0 no errors, 1 the content has errors, 2 the command could not run.\n"
        return text
    }

    static func help(for command: CommandDescriptor) -> String {
        var text = "Usage: pathc \(command.synopsis) [options]\n\n\(command.summary.prefix(1).uppercased() + command.summary.dropFirst()).\n"
        if !command.details.isEmpty { text += "\n\(command.details)\n" }
        if !command.options.isEmpty {
            text += "\nOptions:\n" + optionLines(command.options)
        }
        text += "\nCommon options:\n" + optionLines(commonOptions)
        return text
    }

    private static func optionLines(_ options: [OptionSpec]) -> String {
        let labels = options.map { option in option.value.map { "\(option.name) \($0)" } ?? option.name }
        let width = labels.map(\.count).max() ?? 0
        var text = ""
        for (label, option) in zip(labels, options) {
            text += "  " + label.padding(toLength: width + 2, withPad: " ", startingAt: 0) + option.help + "\n"
        }
        return text
    }
}
