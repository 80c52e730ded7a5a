import Dispatch
import Foundation
import PathcCore

// Release-mode benchmarks, driven by the scripts in bench/. Prints one JSON object per
// measurement so the scripts can build their tables.
//
//   pathc-bench parse DIR [--threads N] [--rounds R]
//
// Reads every .yaml file under DIR into memory first, then times parsing them all into trees,
// with every plain scalar typed by the core schema (what a YAML loader's result amounts to).
// Reports the best of R rounds.

func yamlFiles(under root: String) -> [String] {
    var paths: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { paths.append(root + "/" + path) }
    }
    return paths.sorted()
}

/// Walks a tree and types every plain scalar, so the benchmark counts what a loader produces.
func typedScalarCount(_ node: Node) -> Int {
    switch node.content {
    case .scalar(let scalar):
        // Like any YAML loader's resolver, look at the first character before trying the patterns.
        guard scalar.style == .plain, let first = scalar.text.utf8.first, CoreSchema.mayBeNonString(firstByte: first) else { return 0 }
        if case .string = CoreSchema.resolve(scalar.text) { return 0 }
        return 1
    case .sequence(let items):
        var count = 0
        for index in items.indices { count += typedScalarCount(items[index]) }
        return count
    case .mapping(let pairs):
        var count = 0
        for index in pairs.indices { count += typedScalarCount(pairs[index].key) + typedScalarCount(pairs[index].value) }
        return count
    }
}

final class Totals: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var errors = 0
    private(set) var typed = 0
    func add(errors: Int, typed: Int) {
        lock.lock()
        self.errors += errors
        self.typed += typed
        lock.unlock()
    }
}

func parseAll(_ files: [SourceFile], threads: Int) -> (seconds: Double, errors: Int) {
    let totals = Totals()
    let start = DispatchTime.now()
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
        var errors = 0, typed = 0
        var index = worker
        while index < files.count {
            let tree = SyntaxTree.parse(files[index])
            errors += tree.diagnostics.count
            if let root = tree.root { typed += typedScalarCount(root) }
            index += threads
        }
        totals.add(errors: errors, typed: typed)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    return (seconds, totals.errors)
}

func option(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let number = Int(arguments[index + 1]) else { return value }
    return number
}

let arguments = CommandLine.arguments
if arguments.count >= 2, arguments[1] == "vocabulary-doc" {
    // The end of docs/vocabulary.md, made from the lists (scripts/generate-vocabulary-doc).
    print(VocabularyDocument.markdown, terminator: "")
    exit(0)
}
if arguments.count >= 2, arguments[1] == "codes-doc" {
    // docs/codes.md, made from the catalogue of codes (scripts/generate-codes-doc).
    print(CodeCatalogue.markdown, terminator: "")
    exit(0)
}
if arguments.count >= 2, arguments[1] == "rules-doc" {
    // docs/rules.md, made from the rules' descriptions (scripts/generate-rules-doc).
    print(RulesDocument.markdown, terminator: "")
    exit(0)
}
if arguments.count >= 2, arguments[1] == "review" {
    // Development aid: each stdin line "FIELD<TAB>TEXT" judged as `pathc review` would, one line
    // out per statement ("FIELD<TAB>rule,rule<TAB>TEXT"); --tags adds how the words were read.
    let review = StatementReview()
    let tags = arguments.contains("--tags")
    while let line = readLine() {
        let columns = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard columns.count == 2, let field = StatementField(rawValue: columns[0]) else { continue }
        // As a CI run counts them: warnings and errors.
        let findings = review.review(columns[1], as: field).filter { $0.severity >= .warning }
        print("\(columns[0])\t\(findings.map(\.code.name).joined(separator: ","))\t\(columns[1])")
        if tags {
            print("    " + review.reading(columns[1]))
            for finding in findings { print("    \(finding.code.name): \(finding.message)") }
        }
    }
    exit(0)
}
guard arguments.count >= 3, ["parse", "check", "statements"].contains(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: pathc-bench parse DIR [--threads N] [--rounds R]\n       pathc-bench check DIR [--no-rules] [--rounds R]\n".utf8))
    exit(2)
}
let rounds = option("--rounds", default: 5)

if arguments[1] == "statements", arguments.contains("--analysis") {
    // The analysis of each distinct statement, on one thread: the lexicon, the tagger, the clauses.
    var checker = Checker(root: arguments[2], currentDirectory: FileManager.default.currentDirectoryPath)
    checker.runsRules = false
    let result = checker.run()
    let (texts, tokens, seconds) = RuleProfile.analysisTime(result.model, rounds: rounds)
    print("{\"texts\": \(texts), \"tokens\": \(tokens), \"seconds\": \(seconds), \"microseconds_per_text\": \(seconds / Double(texts) * 1e6)}")
    exit(0)
}

if arguments[1] == "statements" {
    // Where the rules' time goes, phase by phase, on one thread.
    var checker = Checker(root: arguments[2], currentDirectory: FileManager.default.currentDirectoryPath)
    checker.runsRules = false
    let result = checker.run()
    for (phase, seconds) in RuleProfile.measure(result.model, config: result.config) {
        print("\(phase): \(Int(seconds * 1000)) ms")
    }
    exit(0)
}

if arguments[1] == "check" {
    // The whole check pipeline (files read from disk), with or without the quality rules.
    var checker = Checker(root: arguments[2], currentDirectory: FileManager.default.currentDirectoryPath)
    checker.runsRules = !arguments.contains("--no-rules")
    // As `pathc check` runs for its text output: the verdicts are for JSON.
    checker.computesVerdicts = arguments.contains("--verdicts")
    var best = Double.infinity
    var result: CheckResult?
    for _ in 0..<rounds {
        let start = DispatchTime.now()
        result = checker.run()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
    print("{\"tool\": \"pathc check\", \"rules\": \(checker.runsRules), \"files\": \(result!.fileCount), \"seconds\": \(best), \"errors\": \(result!.errorCount)}")
    exit(0)
}

let paths = yamlFiles(under: arguments[2])
var files: [SourceFile] = []
for path in paths {
    do {
        files.append(try SourceFile.read(path: path))
    } catch {
        FileHandle.standardError.write(Data("cannot read \(path): \(error.message)\n".utf8))
        exit(2)
    }
}
let bytes = files.reduce(0) { $0 + $1.bytes.count }
let threads = option("--threads", default: 1)
var best = Double.infinity
var errors = 0
for _ in 0..<rounds {
    let (seconds, found) = parseAll(files, threads: threads)
    best = min(best, seconds)
    errors = found
}
let megabytes = Double(bytes) / 1e6
print("{\"tool\": \"pathc\", \"threads\": \(threads), \"files\": \(files.count), \"megabytes\": \(megabytes), \"seconds\": \(best), \"mb_per_second\": \(megabytes / best), \"diagnostics\": \(errors)}")
