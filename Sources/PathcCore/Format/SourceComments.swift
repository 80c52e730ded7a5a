/// A comment as written: from its `#` to the end of its line, trailing white space removed.
struct SourceComment: Equatable {
    /// UTF-8 byte offset of the `#`.
    let offset: Int
    /// 0-based column of the `#` (comments follow spaces only, so bytes are columns).
    let column: Int
    let text: String
    /// Alone on its line; otherwise it ends a line that holds something else.
    let ownLine: Bool
    /// The line above it is empty (or holds only white space).
    let blankLineBefore: Bool
}

/// Finds the comments of a parsed file. The syntax tree keeps no comments, but it knows where
/// every scalar is: outside scalars, a file holds only indicators, brackets, white space and
/// comments, so every `#` there starts a comment.
enum SourceComments {
    static func scan(_ file: SourceFile, root: Node?) -> [SourceComment] {
        let bytes = file.bytes
        // The scalars' spans, in source order: no comment can start inside one, except on a
        // block scalar's header line (`key: | # comment`), which is left out of its span here.
        var opaque: [Range<Int>] = []
        if let root { collectScalarSpans(root, bytes: bytes, into: &opaque) }
        opaque.sort { $0.lowerBound < $1.lowerBound }
        var comments: [SourceComment] = []
        let byteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var index = byteOrderMark
        var next = 0
        while index < bytes.count {
            while next < opaque.count, opaque[next].upperBound <= index { next += 1 }
            if next < opaque.count, opaque[next].contains(index) {
                index = opaque[next].upperBound
                continue
            }
            guard bytes[index] == Byte.hash else {
                index += 1
                continue
            }
            let lineStart = max(lineStart(of: index, in: file), byteOrderMark)
            var end = index
            while end < bytes.count, bytes[end] != Byte.lf, bytes[end] != Byte.cr { end += 1 }
            var textEnd = end
            while textEnd > index, isBlank(bytes[textEnd - 1]) { textEnd -= 1 }
            let ownLine = bytes[lineStart..<index].allSatisfy(isBlank)
            comments.append(SourceComment(
                offset: index, column: index - lineStart, text: String(decoding: bytes[index..<textEnd], as: UTF8.self),
                ownLine: ownLine, blankLineBefore: ownLine && isBlankLine(before: lineStart, in: bytes)))
            index = end
        }
        return comments
    }

    private static func collectScalarSpans(_ node: Node, bytes: [UInt8], into spans: inout [Range<Int>]) {
        switch node.content {
        case .scalar(let scalar):
            var start = node.span.start
            if scalar.style == .literal || scalar.style == .folded {
                while start < node.span.end, bytes[start] != Byte.lf, bytes[start] != Byte.cr { start += 1 }
            }
            if start < node.span.end { spans.append(start..<node.span.end) }
        case .sequence(let items):
            for item in items { collectScalarSpans(item, bytes: bytes, into: &spans) }
        case .mapping(let pairs):
            for pair in pairs {
                collectScalarSpans(pair.key, bytes: bytes, into: &spans)
                collectScalarSpans(pair.value, bytes: bytes, into: &spans)
            }
        }
    }

    /// The offset of the first byte of the line that holds `offset` (a binary search: a long
    /// line is never scanned back).
    static func lineStart(of offset: Int, in file: SourceFile) -> Int {
        let starts = file.lineStarts
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return Int(starts[low])
    }

    /// Whether the line that ends just before `lineStart` holds only white space.
    static func isBlankLine(before lineStart: Int, in bytes: [UInt8]) -> Bool {
        guard lineStart > 0 else { return false }
        var index = lineStart - 1  // its line feed
        while index > 0, bytes[index - 1] != Byte.lf {
            let byte = bytes[index - 1]
            if !isBlank(byte), byte != Byte.cr { return false }
            index -= 1
        }
        return true
    }

    /// Whether `offset` is the first thing on its line and the line above it is blank.
    static func startsAfterBlankLine(_ offset: Int, in file: SourceFile) -> Bool {
        let start = lineStart(of: offset, in: file)
        // Backwards, so that entries that share a line stop at the text just before them.
        var index = offset
        while index > start {
            index -= 1
            if !isBlank(file.bytes[index]) { return false }
        }
        return isBlankLine(before: start, in: file.bytes)
    }
}
