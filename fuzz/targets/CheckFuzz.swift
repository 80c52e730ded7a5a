// libFuzzer target: the whole check pipeline on content files held in memory (up to sixteen,
// separated by NUL bytes), with quality verdicts, and the site emitters after a clean check.
// Compiled by fuzz/run together with Sources/PathcCore as one module; the invariants live in
// Tests/PathcCoreTests/Invariants/CheckInvariants.swift so the regression tests share them.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let violations = CheckInvariants.violations(checking: bytes).violations
    if !violations.isEmpty {
        fatalError("check invariant broken:\n" + violations.joined(separator: "\n"))
    }
    return 0
}
