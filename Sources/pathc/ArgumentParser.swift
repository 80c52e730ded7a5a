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

/// A flag a command accepts: declared once, as a constant, and read through that constant, so
/// that a misspelt flag is a compile error rather than a flag that is never set.
struct Flag: Sendable {
    let spec: OptionSpec

    init(_ name: String, _ help: String) {
        spec = .flag(name, help)
    }
}

/// An option that takes a value, read as a `Value`: declared once, as a constant, and read
/// through that constant.
struct Option<Value: Sendable>: Sendable {
    let spec: OptionSpec
    private let convert: @Sendable (String) -> Value?

    /// The value as given, which the parser has already checked against `choices` when there are any.
    func value(from text: String) -> Value? { convert(text) }
}

extension Option where Value == String {
    init(_ name: String, _ placeholder: String, _ help: String) {
        spec = .value(name, placeholder, help)
        convert = { $0 }
    }
}

extension Option where Value: RawRepresentable, Value.RawValue == String {
    /// A value from a fixed set, listed in help in the order given.
    init(_ name: String, _ placeholder: String, choices: [Value], _ help: String) {
        spec = .value(name, placeholder, choices: choices.map(\.rawValue), help)
        convert = { Value(rawValue: $0) }
    }
}

extension Option where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// A value from every case of `Value`.
    init(_ name: String, _ placeholder: String, _ help: String) {
        self.init(name, placeholder, choices: Array(Value.allCases), help)
    }
}

/// What a command line said, once checked against its command's options. Read through the
/// command's `Flag` and `Option` constants.
struct ParsedArguments {
    fileprivate(set) var values: [String: String] = [:]
    fileprivate(set) var flags: Set<String> = []
    var positionals: [String] = []

    subscript(flag: Flag) -> Bool { flags.contains(flag.spec.name) }
    subscript<Value>(option: Option<Value>) -> Value? { values[option.spec.name].flatMap(option.value(from:)) }
}

/// Output formats of the commands that print text or JSON.
enum TextOrJSON: String, CaseIterable, Sendable {
    case text, json
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
        if parsed[CommonOptions.help] { return parsed }
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
