// libFuzzer target: the parser on arbitrary bytes. Compiled by fuzz/run together with
// Sources/PathcCore (one module), so internal APIs are in reach.

/// Parses the bytes and traps on any broken invariant (spans and positions inside the file, a
/// tree exactly when there are no diagnostics, diagnostics that render, a tree that writes JSON).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let tree = SyntaxTree.parse(SourceFile(path: "fuzz.yaml", bytes: bytes))
    let violations = tree.invariantViolations()
    if !violations.isEmpty {
        fatalError("parser invariant broken:\n" + violations.joined(separator: "\n"))
    }
    return 0
}
