/// A range of UTF-8 byte offsets in one source file: `start` inclusive, `end` exclusive.
/// Line and column are derived from the file when needed (`SourceFile.position(of:)`), which keeps
/// nodes small and the parser fast.
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty span at one offset (an empty value, the end of a file).
    public static func at(_ offset: Int) -> Span { Span(start: offset, end: offset) }

    public var isEmpty: Bool { start == end }
    public var length: Int { end - start }

    /// The smallest span that covers both.
    public func union(_ other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }
}
