import Dispatch
import Foundation

/// Runs `transform` over every element on all cores and returns the results in order.
/// Work is handed out in small chunks, so a few large files do not leave a core idle.
func parallelMap<Element: Sendable, Result: Sendable>(_ elements: [Element], chunk: Int = 16,
                                                     _ transform: @Sendable (Element) -> Result) -> [Result] {
    let count = elements.count
    if count == 0 { return [] }
    let results = ResultSlots<Result>(count: count)
    let next = Locked(0)
    let workers = min(ProcessInfoCores.active, max(1, (count + chunk - 1) / chunk))
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
        while true {
            let start = next.withLock { value in
                defer { value += chunk }
                return value
            }
            if start >= count { return }
            for index in start..<min(start + chunk, count) {
                results.set(index, transform(elements[index]))
            }
        }
    }
    return results.values()
}

enum ProcessInfoCores {
    static let active: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// `elements` in the order `areInIncreasingOrder` gives, as `sorted(by:)` returns them: each half
/// sorted on its own core, then the two merged (the left half first among equals).
func parallelSorted<Element: Sendable>(_ elements: [Element],
                                       by areInIncreasingOrder: @Sendable (Element, Element) -> Bool) -> [Element] {
    guard elements.count >= 4096, ProcessInfoCores.active > 1 else { return elements.sorted(by: areInIncreasingOrder) }
    let middle = elements.count / 2
    let halves = parallelMap([0..<middle, middle..<elements.count], chunk: 1) { range in
        elements[range].sorted(by: areInIncreasingOrder)
    }
    let left = halves[0], right = halves[1]
    var merged: [Element] = []
    merged.reserveCapacity(elements.count)
    var i = 0, j = 0
    while i < left.count && j < right.count {
        if areInIncreasingOrder(right[j], left[i]) {
            merged.append(right[j])
            j += 1
        } else {
            merged.append(left[i])
            i += 1
        }
    }
    merged.append(contentsOf: left[i...])
    merged.append(contentsOf: right[j...])
    return merged
}

/// The values `values` gives for the elements, each once, in the order they first appear: runs
/// of elements are de-duplicated each on a core of its own, then the runs merged in order, so
/// most of the hashing is shared out and the result is that of one pass.
func parallelDistinct<Element: Sendable, Value: Hashable & Sendable>(
    _ elements: [Element], runLength: Int = 1024, _ values: @Sendable (Element, (Value) -> Void) -> Void
) -> [Value] {
    let distinctPerRun = parallelMap(indexRuns(elements.count, length: runLength), chunk: 1) { run -> [Value] in
        var seen: Set<Value> = []
        var found: [Value] = []
        for element in elements[run] {
            values(element) { value in if seen.insert(value).inserted { found.append(value) } }
        }
        return found
    }
    if distinctPerRun.count == 1 { return distinctPerRun[0] }
    var seen: Set<Value> = []
    var found: [Value] = []
    for run in distinctPerRun {
        for value in run where seen.insert(value).inserted { found.append(value) }
    }
    return found
}

/// `body` over runs of `runLength` indices of `0..<count`, on all cores; the runs' results one
/// after the other, in index order.
func parallelRuns<Result: Sendable>(_ count: Int, runLength: Int = 4096, _ body: @Sendable (Range<Int>) -> [Result]) -> [Result] {
    parallelMap(indexRuns(count, length: runLength), chunk: 1, body).flatMap { $0 }
}

/// `0..<count` cut into runs of `length` (the last one shorter).
func indexRuns(_ count: Int, length: Int) -> [Range<Int>] {
    stride(from: 0, to: count, by: length).map { $0..<min($0 + length, count) }
}
