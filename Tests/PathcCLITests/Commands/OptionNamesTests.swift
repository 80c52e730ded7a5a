import Foundation
import XCTest

/// Options are read by name (`arguments.value("--out")`); a name a command does not declare would
/// read as absent, silently. Every name each command file reads is one it declares (or a common
/// option), and is read as what it is: a value, or a flag.
final class OptionNamesTests: XCTestCase {
    private static let common: [String: String] = ["--root": "value", "--color": "value", "--quiet": "flag", "--help": "flag"]

    private func matches(_ pattern: String, in text: String) throws -> [String] {
        let expression = try NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    func testEveryOptionACommandReadsIsOneItDeclares() throws {
        let folder = CLI.repository.appendingPathComponent("Sources/pathc/Commands")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            var declared = Self.common
            for option in try matches(#"\.value\("(--[a-z-]+)","#, in: text) { declared[option] = "value" }
            for option in try matches(#"\.flag\("(--[a-z-]+)","#, in: text) { declared[option] = "flag" }
            for option in try matches(#"arguments\.value\("(--[a-z-]+)"\)"#, in: text) {
                XCTAssertEqual(declared[option], "value", "\(name) reads the value of \(option), which it does not declare as a value")
                checked += 1
            }
            for option in try matches(#"arguments\.has\("(--[a-z-]+)"\)"#, in: text) {
                XCTAssertEqual(declared[option], "flag", "\(name) reads the flag \(option), which it does not declare as a flag")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20, "the commands' option reads were found")
    }
}
