import Foundation

/// Where output goes, and whether it may be coloured.
struct Terminal {
    var useColor: Bool
    var quiet: Bool

    /// `auto` colours only a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func wantsColor(_ mode: String?, fd: Int32 = STDERR_FILENO) -> Bool {
        switch mode {
        case "always": return true
        case "never": return false
        default:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(fd) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        }
    }

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// What a command did, for a person watching (on stderr, like a compiler's status lines); silent with --quiet.
    func status(_ message: String) {
        if !quiet { err(message + "\n") }
    }

    /// A usage or environment problem, in the compiler's style: `error: ...` then `help: ...`.
    func error(_ message: String, help: String? = nil) {
        var text = (useColor ? "\u{1B}[1;31merror\u{1B}[0m" : "error") + ": \(message)\n"
        if let help { text += (useColor ? "\u{1B}[1mhelp\u{1B}[0m" : "help") + ": \(help)\n" }
        err(text)
    }
}
