/// A range of UTF-8 byte offsets in one source file: `start` inclusive, `end` exclusive.
/// Line and column are derived from the file when needed (`SourceFile.position(of:)`), which keeps
/// nodes small and the parser fast.
public struct Span: Sendable, Hashable {
    // Stored in 32 bits: a file is at most 16 MiB (`SourceFile.read` and the parser's limits), and every node of
    // every tree holds a span, so this is a fifth of a node's memory.
    private var storedStart: UInt32
    private var storedEnd: UInt32

    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(clamping: newValue) }
    }

    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(clamping: newValue) }
    }

    public init(start: Int, end: Int) {
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: max(start, end))
    }

    /// An empty span at one offset (an empty value, the end of a file).
    public static func at(_ offset: Int) -> Span { Span(start: offset, end: offset) }

    public var isEmpty: Bool { storedStart == storedEnd }
    public var length: Int { end - start }

    /// The smallest span that covers both.
    public func union(_ other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }
}
