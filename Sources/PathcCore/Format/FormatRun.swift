import Foundation

/// What `pathc fmt` did, or would do, with one file.
public struct FormatFileResult: Sendable {
    public enum Change: Sendable {
        /// Already in canonical form.
        case unchanged
        /// Formatted: written, unless the run only checks.
        case changed(old: String, new: String)
        /// Left as it is: the file does not parse, or its formatting failed the safety check.
        case failed(FormatOutcome)
        /// The file could not be read or written; why, in words.
        case inaccessible(String)
    }

    /// The path as shown to the user (relative to the current folder where possible).
    public let path: String
    public let change: Change
}

/// `pathc fmt` over files: which files, and how each is formatted and written.
public enum FormatRun {
    /// Every content file of the repository at `root`, as `check` finds them; or the problems of
    /// its pathc.yaml or schemas when they keep the content folder from being known.
    public static func contentFiles(root: String, currentDirectory: String) -> (files: [String], problems: [Diagnostic]) {
        let checker = Checker(root: root, currentDirectory: currentDirectory)
        switch checker.setUp() {
        case .failure(let failure):
            return ([], failure.result.diagnostics)
        case .success(let setup):
            return (Paths.contentFiles(under: setup.contentFolder, boundary: checker.root).files, [])
        }
    }

    /// The `.yaml` and `.yml` files below `folder`, sorted, as the check walks the content folder
    /// (hidden files and links to folders or outside `boundary` left out).
    public static func files(under folder: String, boundary: String) -> [String] {
        Paths.contentFiles(under: folder, boundary: boundary).files
    }

    /// `path` as shown to a user working in `currentDirectory`.
    public static func display(_ path: String, from currentDirectory: String) -> String {
        Paths.relative(Paths.absolute(path, from: currentDirectory), from: currentDirectory)
    }

    /// Formats each file, on all cores, and writes those that change unless `write` is false.
    /// Results are in the order of `paths`, each file once (a file named twice is formatted once).
    public static func run(_ paths: [String], currentDirectory: String, write: Bool,
                           width: Int = SourceFormatter.defaultWidth) -> [FormatFileResult] {
        var seen: Set<String> = []
        let unique = paths.filter { seen.insert(Paths.realPath($0) ?? Paths.absolute($0, from: currentDirectory)).inserted }
        return parallelMap(unique, chunk: 4) { path in
            let shown = display(path, from: currentDirectory)
            let file: SourceFile
            do throws(SourceReadError) {
                file = try SourceFile.read(path: path, displayPath: shown)
            } catch {
                return FormatFileResult(path: shown, change: .inaccessible(error.message))
            }
            let outcome = SourceFormatter.format(file, width: width)
            guard case .formatted(let text) = outcome else { return FormatFileResult(path: shown, change: .failed(outcome)) }
            if Array(text.utf8) == file.bytes { return FormatFileResult(path: shown, change: .unchanged) }
            if write, let problem = replace(path, with: text) {
                return FormatFileResult(path: shown, change: .inaccessible(problem))
            }
            return FormatFileResult(path: shown, change: .changed(old: String(decoding: file.bytes, as: UTF8.self), new: text))
        }
    }

    /// Writes `text` over the file at `path` in one step (`Paths.overwrite`). Nil when written,
    /// else why not.
    static func replace(_ path: String, with text: String) -> String? {
        Paths.overwrite(path, with: Array(text.utf8))
    }
}
