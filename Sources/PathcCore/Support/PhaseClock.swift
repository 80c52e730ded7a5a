import Dispatch
import Foundation

/// Phase timings on stderr when PATHC_TIMING is set, for finding where time goes.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["PATHC_TIMING"] != nil
    private var last = DispatchTime.now()

    mutating func lap(_ phase: String) {
        guard enabled else { return }
        let now = DispatchTime.now()
        let milliseconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6
        FileHandle.standardError.write(Data("timing: \(phase): \(Int(milliseconds)) ms\n".utf8))
        last = now
    }
}
