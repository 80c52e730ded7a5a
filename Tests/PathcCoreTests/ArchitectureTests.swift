import Foundation
import XCTest

/// The compiler's stages depend on each other one way: a folder of `Sources/PathcCore` may use
/// the names another declares, or be used by it, not both. (A name is a type, function or
/// constant declared at the top level of a file; a use is that name in code, not in a comment or
/// a string, not after a dot, and not declared again in the using file.) Two folders that use
/// each other are one stage split in two, or a fact filed in the wrong place.
final class ArchitectureTests: XCTestCase {
    private static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PathcCore").standardizedFileURL

    private struct SourceText {
        let folder: String
        let name: String
        let code: String
    }

    private func sourceFiles() throws -> [SourceText] {
        let root = Self.sources.path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { throw XCTSkip("no sources at \(root)") }
        var files: [SourceText] = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let components = path.split(separator: "/")
            guard components.count > 1 else { continue }
            let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
            // Generated word data: its few declarations are at the top.
            let code = text.utf8.count > 1 << 20 ? String(text.prefix(20_000)) : text
            files.append(SourceText(folder: String(components[0]), name: path, code: Self.withoutCommentsAndStrings(code)))
        }
        return files
    }

    /// The text with comments and string literals blanked, so that words in them are not uses.
    private static func withoutCommentsAndStrings(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func at(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "/", at(1) == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if scalar == "/", at(1) == "*" {
                index += 2
                while index < scalars.count, !(scalars[index] == "*" && at(1) == "/") { index += 1 }
                index += 2
            } else if scalar == "\"" {
                let triple = at(1) == "\"" && at(2) == "\""
                index += triple ? 3 : 1
                while index < scalars.count {
                    if scalars[index] == "\\" { index += 2; continue }
                    if triple ? (scalars[index] == "\"" && at(1) == "\"" && at(2) == "\"") : (scalars[index] == "\"" || scalars[index] == "\n") { break }
                    index += 1
                }
                index += triple ? 3 : 1
                result += "\"\""
            } else {
                result.unicodeScalars.append(scalar)
                index += 1
            }
        }
        return result
    }

    private func matches(_ pattern: String, _ text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    func testNoTwoStagesUseEachOther() throws {
        let files = try sourceFiles()
        let modifiers = "(?:(?:public|package|internal|final|indirect|nonisolated|@\\w+) +)*"
        var declaredIn: [String: String] = [:]
        for file in files {
            for name in try matches("^\(modifiers)(?:struct|enum|class|protocol|actor|typealias|func|let|var) +([A-Za-z_]\\w*)", file.code) {
                declaredIn[name] = declaredIn[name] ?? file.folder
            }
        }
        XCTAssertGreaterThan(declaredIn.count, 100, "the declarations were found")
        var uses: [String: [String: Set<String>]] = [:]
        let identifier = try NSRegularExpression(pattern: "(?<![.\\w])[A-Za-z_]\\w*")
        for file in files {
            // Names the file declares again (a nested type, a local, a generic parameter) are its own.
            let ownNames = Set(try matches("(?:struct|enum|class|protocol|typealias|func|let|var|case) +([A-Za-z_]\\w*)", file.code)
                + matches("[<,] *([A-Z]\\w*) *[:,>]", file.code))
            let code = file.code
            for match in identifier.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                guard let range = Range(match.range, in: code) else { continue }
                let name = String(code[range])
                guard let folder = declaredIn[name], folder != file.folder, !ownNames.contains(name) else { continue }
                uses[file.folder, default: [:]][folder, default: []].insert("\(name) in \(file.name)")
            }
        }
        XCTAssertGreaterThan(uses.count, 5, "the uses were found")
        for (user, used) in uses {
            for (folder, names) in used where user < folder {
                guard let back = uses[folder]?[user] else { continue }
                XCTFail("\(user) and \(folder) use each other: \(user) uses \(names.sorted().prefix(4).joined(separator: ", ")); "
                    + "\(folder) uses \(back.sorted().prefix(4).joined(separator: ", "))")
            }
        }
    }
}
