import Foundation
import XCTest
@testable import PathcCore

/// Runs every case of the public yaml-test-suite. Each must end in one of three ways: the same
/// data as its `in.json` (and, where the suite gives them, the same parse events, which also pin
/// down scalar styles); a rejection that names an unsupported construct; or, for a case marked
/// `error`, a syntax error. Anything else is a silent misparse and fails the test.
final class YAMLConformanceTests: XCTestCase {
    enum Outcome: String, CaseIterable {
        case sameData = "same data as in.json"
        case sameEvents = "same events (no in.json)"
        case unsupported = "rejected: unsupported construct"
        case errorRejected = "error case rejected"
        case failure = "FAILED"
    }

    func testYAMLTestSuite() throws {
        let suite = try TestPaths.sharedFolder("conformance/yaml-test-suite")
        let cases = try caseFolders(in: suite)
        XCTAssertGreaterThan(cases.count, 300, "the suite looks incomplete")
        var counts: [Outcome: Int] = [:]
        var failures: [String] = []
        for folder in cases {
            let name = folder.path.replacingOccurrences(of: suite.path + "/", with: "")
            let (outcome, reason) = try run(folder)
            counts[outcome, default: 0] += 1
            if outcome == .failure { failures.append("\(name): \(reason)") }
        }
        print("yaml-test-suite: \(cases.count) cases")
        for outcome in Outcome.allCases {
            print("  \(outcome.rawValue): \(counts[outcome] ?? 0)")
        }
        for failure in failures { print("  FAILED \(failure)") }
        XCTAssertEqual(failures, [], "silent misparses or wrong rejections")
    }

    private func caseFolders(in suite: URL) throws -> [URL] {
        var folders: [URL] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: suite.path).sorted() {
            let folder = suite.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                folders.append(folder)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for sub in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
                let subfolder = folder.appendingPathComponent(sub)
                if FileManager.default.fileExists(atPath: subfolder.appendingPathComponent("in.yaml").path) {
                    folders.append(subfolder)
                }
            }
        }
        return folders
    }

    private func run(_ folder: URL) throws -> (Outcome, String) {
        let file = try SourceFile.read(path: folder.appendingPathComponent("in.yaml").path)
        let tree = SyntaxTree.parse(file)
        let isErrorCase = FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path)
        if let first = tree.diagnostics.first {
            if isErrorCase { return (.errorRejected, "") }
            if SyntaxCode.unsupported.contains(first.code.code) { return (.unsupported, "") }
            return (.failure, "valid YAML rejected: \(first.code.code) \(first.message) at \(first.start)")
        }
        if isErrorCase { return (.failure, "accepted a case that must be rejected") }
        let events = try? String(contentsOf: folder.appendingPathComponent("test.event"), encoding: .utf8)
        if let events, Self.expectedEvents(events) != Self.events(of: tree.root) {
            return (.failure, "events differ:\n    expected \(Self.expectedEvents(events))\n    got      \(Self.events(of: tree.root))")
        }
        guard let json = try? String(contentsOf: folder.appendingPathComponent("in.json"), encoding: .utf8) else {
            return events == nil ? (.failure, "no in.json and no test.event to compare with") : (.sameEvents, "")
        }
        guard let expected = JSONReader.values(json) else { return (.failure, "cannot read in.json") }
        let got = tree.root.map { [$0.json] } ?? []
        guard expected.count == got.count, zip(expected, got).allSatisfy({ $0.sameData(as: $1) }) else {
            return (.failure, "data differs: expected \(expected.map { JSONWriter(pretty: false).string($0) }), got \(got.map { JSONWriter(pretty: false).string($0) })")
        }
        return (.sameData, "")
    }

    /// The suite's events without what pathc does not keep: document marker and flow style.
    static func expectedEvents(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            switch line {
            case "+DOC ---": return "+DOC"
            case "-DOC ...": return "-DOC"
            case "+MAP {}": return "+MAP"
            case "+SEQ []": return "+SEQ"
            default: return String(line)
            }
        }
    }

    static func events(of root: Node?) -> [String] {
        var events = ["+STR"]
        if let root {
            events.append("+DOC")
            append(root, to: &events)
            events.append("-DOC")
        }
        events.append("-STR")
        return events
    }

    private static func append(_ node: Node, to events: inout [String]) {
        switch node.content {
        case .scalar(let scalar):
            let style: String
            switch scalar.style {
            case .plain: style = ":"
            case .singleQuoted: style = "'"
            case .doubleQuoted: style = "\""
            case .literal: style = "|"
            case .folded: style = ">"
            }
            events.append("=VAL " + style + escape(scalar.text))
        case .sequence(let items):
            events.append("+SEQ")
            for item in items { append(item, to: &events) }
            events.append("-SEQ")
        case .mapping(let pairs):
            events.append("+MAP")
            for pair in pairs {
                append(pair.key, to: &events)
                append(pair.value, to: &events)
            }
            events.append("-MAP")
        }
    }

    private static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\0": out += "\\0"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            case "\u{85}": out += "\\N"
            case "\u{A0}": out += "\\_"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
