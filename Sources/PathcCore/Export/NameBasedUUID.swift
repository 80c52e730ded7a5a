/// A UUID as text, lower-case with hyphens (RFC 9562), made from a namespace and a name
/// (version 5, SHA-1): the same namespace and name give the same UUID on every machine, so an
/// exported identifier stays the same from build to build.
public struct NameBasedUUID: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// The RFC's namespace for names that are URLs.
    public static let urlNamespace = NameBasedUUID(parsing: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")!

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `8-4-4-4-12` hexadecimal digits, either case; nil for anything else.
    public init?(parsing text: String) {
        let hex = Array(text.utf8)
        guard hex.count == 36, [8, 13, 18, 23].allSatisfy({ hex[$0] == UInt8(ascii: "-") }) else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < hex.count {
            if hex[index] == UInt8(ascii: "-") { index += 1; continue }
            guard index + 1 < hex.count, let high = Self.nibble(hex[index]), let low = Self.nibble(hex[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        guard bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Version 5: SHA-1 of the namespace's bytes and the name's UTF-8, with the version and
    /// variant bits set.
    public init(namespace: NameBasedUUID, name: String) {
        var hasher = SHA1()
        hasher.add(namespace.bytes)
        hasher.add(name.utf8)
        var digest = Array(hasher.finish().prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        bytes = digest
    }

    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if [4, 6, 8, 10].contains(index) { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
