import Foundation

/// Work that the files of one run share, such as the steps of the regular-expression engine: each
/// file draws an allowance before it starts and gives back what it did not spend. A run over
/// crafted input ends in bounded time however many files carry the attack, while an ordinary
/// repository never comes near the limit.
public final class RunBudget: Sendable {
    private let remaining: Locked<Int>

    public init(steps: Int) {
        remaining = Locked(steps)
    }

    /// Regular-expression steps for a whole run: a few seconds of the worst patterns, hundreds of
    /// times what a large repository's ids and dates take.
    public static func regexSteps() -> RunBudget { RunBudget(steps: 150_000_000) }

    /// Up to `steps`, less when the run has spent most of its budget; 0 when nothing is left.
    public func draw(upTo steps: Int) -> Int {
        remaining.withLock { remaining in
            let granted = min(steps, remaining)
            remaining -= granted
            return granted
        }
    }

    public func giveBack(_ steps: Int) {
        guard steps > 0 else { return }
        remaining.withLock { $0 += steps }
    }
}
