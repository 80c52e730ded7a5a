import Foundation

/// Why git could not answer: each case says it in the user's words.
public enum GitError: Error, Sendable, Equatable {
    case notInstalled
    case notARepository(String)
    case unknownRevision(String)
    case failed(String)

    public var message: String {
        switch self {
        case .notInstalled: return "git is not installed or not on the PATH"
        case .notARepository(let folder): return "'\(folder)' is not inside a git repository"
        case .unknownRevision(let revision): return "unknown git revision '\(revision)'"
        case .failed(let command): return "'git \(command)' failed"
        }
    }

    public var help: String {
        switch self {
        case .notInstalled: return "install git, or check without --since"
        case .notARepository: return "run pathc inside a git checkout, or check without --since"
        case .unknownRevision: return "pass a branch, tag or commit that exists here (in CI, fetch the base branch first: git fetch origin main)"
        case .failed: return "run the command yourself to see what git says"
        }
    }
}

/// Runs git in one folder. Names always travel NUL-separated (`-z`), so that spaces, quotes,
/// newlines and non-ASCII in file names arrive as they are.
struct Git: Sendable {
    let folder: String

    /// git's standard output, or nil when git exits with a failure.
    func run(_ arguments: [String]) throws(GitError) -> [UInt8]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        // Paths and messages as git's plumbing writes them, whatever the user's configuration.
        environment["GIT_OPTIONAL_LOCKS"] = "0"
        environment["LC_ALL"] = "C"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .notInstalled
        }
        // Only one pipe, read to its end before waiting: git can never block on a full pipe.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // env exits 127 when it cannot find git.
        if process.terminationStatus == 127 { throw .notInstalled }
        return process.terminationStatus == 0 ? Array(data) : nil
    }

    /// NUL-separated names, decoded as UTF-8.
    static func names(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }
}
