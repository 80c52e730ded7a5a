/// FNV-1a, 64 bits: small, fast and the same on every platform and run, which Swift's `Hasher`
/// (seeded per process) is not.
public struct FNV1a64: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    public mutating func add(_ text: String) {
        // Over the string's contiguous bytes: iterating a UTF8View is several times slower.
        var text = text
        text.withUTF8 { bytes in
            var value = self.value
            for byte in bytes {
                value ^= UInt64(byte)
                value = value &* 0x0000_0100_0000_01b3
            }
            self.value = value
        }
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
