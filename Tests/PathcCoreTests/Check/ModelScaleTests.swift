import XCTest
@testable import PathcCore

/// The model's whole-repository passes, written for 100,000 OKRs (indices instead of ids, no
/// recursion, work shared across cores), give exactly the answers of the plain versions.
final class ModelScaleTests: XCTestCase {
    /// The recursive search the iterative one replaced, kept here as the oracle.
    private func recursiveCycles(okrs: [String], parents: (String) -> [String]?) -> [[String]] {
        var state: [String: Int] = [:]
        var reported: Set<String> = []
        var cycles: [[String]] = []
        func visit(_ id: String, _ stack: inout [String]) {
            if state[id] == 2 { return }
            if state[id] == 1 {
                guard let start = stack.firstIndex(of: id) else { return }
                let cycle = Array(stack[start...])
                let first = cycle.min()!
                guard !reported.contains(first), parents(first) != nil else { return }
                reported.insert(first)
                let rotation = cycle.firstIndex(of: first)!
                cycles.append(Array(cycle[rotation...] + cycle[..<rotation]))
                return
            }
            state[id] = 1
            stack.append(id)
            for next in parents(id) ?? [] where parents(next) != nil { visit(next, &stack) }
            stack.removeLast()
            state[id] = 2
        }
        for okr in okrs {
            var stack: [String] = []
            visit(okr, &stack)
        }
        return cycles
    }

    func testAlignmentCyclesMatchTheRecursiveSearchOnRandomGraphs() {
        var generator = SplitMix64(seed: 7)
        var graphsWithCycles = 0
        for round in 0..<400 {
            let count = 1 + Int(generator.next() % 12)
            let okrs = (0..<count).map { "okr-\($0)" }.shuffled(using: &generator)
            var parents: [String: [String]] = [:]
            for id in okrs {
                // Up to three links each, some to ids that are no OKR, some repeated.
                parents[id] = (0..<Int(generator.next() % 4)).map { _ in "okr-\(Int(generator.next() % UInt64(count + 2)))" }
            }
            let expected = recursiveCycles(okrs: okrs) { parents[$0] }
            XCTAssertEqual(RepositoryFacts.alignmentCycles(okrs: okrs, parentLists: okrs.map { parents[$0] ?? [] }), expected,
                           "graph \(round): \(parents)")
            // As every check asks: from the files' facts, in the order of the ids.
            let facts = RepositoryFacts(okrs.map { id in
                ("\(id).yaml", FileFacts(entity: EntityRef(.okr, id), level: "team", alignedToTexts: parents[id] ?? []))
            })
            XCTAssertEqual(facts.alignmentCycles(), recursiveCycles(okrs: okrs.sorted()) { parents[$0] }, "graph \(round): \(parents)")
            if !expected.isEmpty { graphsWithCycles += 1 }
        }
        XCTAssertGreaterThan(graphsWithCycles, 50, "the random graphs must hold cycles for the comparison to mean something")
    }

    func testAnAlignmentChainLongerThanAThreadsStackIsWalked() {
        let count = 200_000
        let okrs = (0..<count).map { "okr-\($0)" }
        // Each aligned to the next, and the last back to the first: one cycle through them all.
        let cycles = RepositoryFacts.alignmentCycles(okrs: okrs, parentLists: (0..<count).map { ["okr-\(($0 + 1) % count)"] })
        XCTAssertEqual(cycles.count, 1)
        XCTAssertEqual(cycles.first?.count, count)
        XCTAssertEqual(cycles.first?.first, "okr-0")
    }

    func testParallelSortedIsSorted() {
        var generator = SplitMix64(seed: 11)
        for count in [0, 1, 2, 4095, 4096, 4097, 30_001] {
            let values = (0..<count).map { _ in Int(generator.next() % 1000) }
            XCTAssertEqual(parallelSorted(values, by: <), values.sorted(), "\(count) values")
        }
        // Equal keys keep their order (left half first), as a stable sort does.
        let pairs = (0..<10_000).map { (key: $0 % 7, order: $0) }
        let sorted = parallelSorted(pairs) { $0.key < $1.key }
        XCTAssertEqual(sorted.map(\.order), pairs.sorted { ($0.key, $0.order) < ($1.key, $1.order) }.map(\.order))
    }

    func testFittedKeepsTheElementsInAnExactBuffer() {
        var values: [String] = []
        values.reserveCapacity(64)
        for index in 0..<5 { values.append("value number \(index) that is longer than a small string") }
        let fitted = values.fitted()
        XCTAssertEqual(fitted, values)
        XCTAssertLessThan(fitted.capacity, 64)
        XCTAssertEqual([Int]().fitted(), [])
    }

    func testSpansHoldEveryOffsetOfAFilePathcReads() {
        let span = Span(start: 16 << 20, end: (16 << 20) + 5)
        XCTAssertEqual(span.start, 16 << 20)
        XCTAssertEqual(span.length, 5)
        XCTAssertEqual(Span(start: 9, end: 3), .at(9), "an end before the start is the start")
        XCTAssertEqual(Span(start: -4, end: 2).start, 0, "offsets are clamped, never wrapped")
    }
}

/// A small seeded generator, so that the random graphs are the same in every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
