/// Compact JSON written member by member straight into bytes: the text `JSONWriter(pretty:
/// false)` gives for the same value, without building the value first. The site's API writes
/// a document per entity, and building each as a tree of values was most of its cost (an
/// allocation per member, key and list).
struct JSONStream {
    private(set) var bytes: [UInt8] = []
    /// For each open object or list, whether it has a member or item yet (the outermost level
    /// is a run of members with no braces: an object's body).
    private var hasEntry: [Bool] = [false]

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if hasEntry[hasEntry.count - 1] { bytes.append(UInt8(ascii: ",")) } else { hasEntry[hasEntry.count - 1] = true }
    }

    /// `"key":` in the current object; the value comes next.
    mutating func key(_ name: String) {
        separate()
        JSONWriter.writeString(name, into: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Before an item of the current list.
    mutating func item() { separate() }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginList() { open(UInt8(ascii: "[")) }
    mutating func endList() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasEntry.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        hasEntry.removeLast()
        bytes.append(bracket)
    }

    mutating func string(_ text: String) { JSONWriter.writeString(text, into: &bytes) }
    mutating func int(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }
    mutating func double(_ number: Double) { bytes.append(contentsOf: JSONWriter.format(number).utf8) }
    mutating func bool(_ flag: Bool) { bytes.append(contentsOf: (flag ? "true" : "false").utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A list of texts.
    mutating func strings<S: Sequence>(_ texts: S) where S.Element == String {
        beginList()
        for text in texts {
            item()
            string(text)
        }
        endList()
    }

    /// Appends to the bytes directly, for writers that work on `[UInt8]`.
    mutating func withBytes(_ body: (inout [UInt8]) -> Void) { body(&bytes) }
}
