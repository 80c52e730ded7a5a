import Foundation

// The shared state of pathc's threads: a lock-guarded value, result slots written once each, and
// work waited for later. Each is `@unchecked Sendable` for the reason its comment states.

/// A value behind a lock: every read and write happens inside `withLock`, under the lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// One slot per result; each index is written by exactly one worker. The slots live in memory
/// allocated once, so that workers write through a fixed pointer and never touch an Array's
/// storage concurrently (which could trigger a copy-on-write under a race).
final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<Value?>.allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    func values() -> [Value] { (0..<count).map { slots[$0]! } }
}

/// Work started on another thread, whose result is waited for later.
final class Concurrent<Value: Sendable>: @unchecked Sendable {
    // Written once by the work before `done` is signalled, read only after the wait.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            value = work()
            done.signal()
        }
    }

    func wait() -> Value {
        done.wait()
        return value!
    }
}
