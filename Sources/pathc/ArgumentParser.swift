import PathcCore

/// One option a command accepts.
struct OptionSpec {
    let name: String
    /// The value's placeholder in help (`FORMAT`), or nil for a flag.
    let value: String?
    /// The values allowed, when they are a fixed set.
    let choices: [String]
    let help: String

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: nil, choices: [], help: help)
    }

    static func value(_ name: String, _ placeholder: String, choices: [String] = [], _ help: String) -> OptionSpec {
        OptionSpec(name: name, value: placeholder, choices: choices, help: help)
    }
}

/// What a command line said, once checked against its command's options.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A usage error: exit 2 with a message and a hint.
struct UsageError: Error {
    let message: String
    let help: String?
}

/// Parses `--name value`, `--name=value`, flags, `--` and positionals. Options may appear anywhere.
enum ArgumentParser {
    static func parse(_ arguments: [String], command: String, options: [OptionSpec],
                      positionals: ClosedRange<Int>, positionalName: String) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let spec = options.first(where: { $0.name == name }) else {
                let suggestion = Suggestion.closest(to: name, in: options.map(\.name))
                throw UsageError(
                    message: "unknown option '\(name)' for 'pathc \(command)'",
                    help: suggestion.map { "did you mean '\($0)'? See 'pathc help \(command)'" } ?? "see 'pathc help \(command)' for the options")
            }
            guard let placeholder = spec.value else {
                if inlineValue != nil {
                    throw UsageError(message: "option '\(name)' takes no value", help: "write '\(name)' on its own")
                }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError(message: "option '\(name)' needs a value", help: "write '\(name) \(placeholder)'")
            }
            if !spec.choices.isEmpty, !spec.choices.contains(value) {
                let suggestion = Suggestion.closest(to: value, in: spec.choices)
                throw UsageError(
                    message: "invalid value '\(value)' for '\(name)'",
                    help: (suggestion.map { "did you mean '\($0)'? " } ?? "") + "choose one of: \(spec.choices.joined(separator: ", "))")
            }
            parsed.values[name] = value
        }
        if parsed.flags.contains("--help") { return parsed }
        if parsed.positionals.count < positionals.lowerBound {
            throw UsageError(message: "'pathc \(command)' needs \(positionalName)",
                             help: "see 'pathc help \(command)'")
        }
        if parsed.positionals.count > positionals.upperBound {
            let extra = parsed.positionals[positionals.upperBound]
            throw UsageError(message: "unexpected argument '\(extra)' for 'pathc \(command)'",
                             help: "see 'pathc help \(command)'")
        }
        return parsed
    }
}
