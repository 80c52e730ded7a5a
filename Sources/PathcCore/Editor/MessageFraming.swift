import Foundation

/// The base protocol of the Language Server Protocol: each message is a header block
/// (`Content-Length: N`, other headers ignored) ending in an empty line, then N bytes of JSON.
/// Bytes arrive in pieces; `FramedMessages` keeps what it has and hands out whole messages.
struct FramedMessages {
    /// A message larger than this is refused and the connection closed: an editor's largest
    /// message is a file's text, and pathc reads no file larger than 16 MiB.
    static let largestMessage = 64 << 20
    /// A header block longer than this is not a header block.
    static let largestHeader = 8 << 10

    enum Failure: Error, Equatable {
        case noContentLength
        case tooLarge(Int)
        case headerTooLong
    }

    private var buffer: [UInt8] = []
    private var start = 0

    mutating func append(_ bytes: some Sequence<UInt8>) {
        if start > 1 << 16, start > buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole message's body, nil when more bytes are needed.
    mutating func next() throws(Failure) -> [UInt8]? {
        guard let headerEnd = headerEnd() else {
            if buffer.count - start > Self.largestHeader { throw .headerTooLong }
            return nil
        }
        var length: Int?
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        for line in header.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            length = Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        guard let length, length >= 0 else { throw .noContentLength }
        guard length <= Self.largestMessage else { throw .tooLarge(length) }
        let bodyStart = headerEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return body
    }

    /// Where the header block's `\r\n\r\n` starts.
    private func headerEnd() -> Int? {
        var index = start
        while index + 3 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A { return index }
            index += 1
        }
        return nil
    }

    /// A message's body framed for sending.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
