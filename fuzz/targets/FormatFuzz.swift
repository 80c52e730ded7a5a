// libFuzzer target: the formatter on arbitrary bytes. Compiled by fuzz/run together with
// Sources/PathcCore (one module), so internal APIs are in reach.

/// Formats the bytes and traps when the formatter refuses its own output (`unsafe`: the text it
/// would write does not read back as the same data and comments) or when the output breaks a
/// promise of `FormatInvariants` (same data, formatted again to itself, every comment kept in
/// order, clean text). A syntax error or an output too large to read back is an answer, not a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.yaml", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    switch SourceFormatter.format(file) {
    case .formatted(let output):
        let problems = FormatInvariants.problems(source: file, output: output,
                                                 commentsMayMove: FormatInvariants.keysMayMove(SyntaxTree.parse(file).root))
        if !problems.isEmpty { fatalError("format invariant broken:\n" + problems.joined(separator: "\n")) }
    case .unsafe(let problem):
        fatalError("the formatter refused its own output: \(problem)")
    case .syntaxErrors, .tooLarge:
        break
    }
    return 0
}
