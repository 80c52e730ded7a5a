import Foundation

/// The facts of every content file at a revision, in the git folder (`.git/pathc/facts`), never
/// committed: the tree they describe, each file's path, blob and facts, and the answers that need
/// every file (strategic OKRs with support, whether alignment has cycles, rubric levels). A blob's
/// facts depend on its bytes, the schemas and pathc, which the first line records; a cache
/// written by anything else is ignored. For another tree, the facts of the blobs it shares are
/// reused.
struct FactCache {
    let folder: String
    let fingerprint: String

    struct Entry {
        let path: String
        let blob: String
        let facts: FileFacts
    }

    struct Snapshot {
        var tree: String
        var content: String
        var files: FactEntries
        var supportedStrategic: Set<String>
        var hasCycles: Bool
        var rubricLevels: Set<String>
    }

    var path: String { folder + "/facts" }

    private var header: String { "pathc-facts 2 " + fingerprint }

    /// The snapshot, when the cache describes this tree of this content folder. Its entries are
    /// read in place, each decoded when asked for.
    func load(tree: String, content: String) -> Snapshot? {
        guard let (bytes, lines) = read(), lines.count >= 3, lines[0] == "tree \(tree) \(FactRecord.escape(content))" else { return nil }
        guard let entries = FactLines(bytes, from: lines.bodyStart) else { return nil }
        func set(_ line: String, _ prefix: String) -> Set<String>? {
            guard line.hasPrefix(prefix) else { return nil }
            return Set(line.dropFirst(prefix.count).split(separator: "\u{1F}").map { FactRecord.unescape($0) })
        }
        guard let supported = set(lines[1], "supported "), let levels = set(lines[3], "rubric-levels "),
              lines[2] == "cycles 0" || lines[2] == "cycles 1" else { return nil }
        return Snapshot(tree: tree, content: content, files: FactEntries(entries), supportedStrategic: supported,
                        hasCycles: lines[2] == "cycles 1", rubricLevels: levels)
    }

    /// The facts of every blob the cache knows, whatever tree it describes.
    func loadBlobs() -> [String: FileFacts] {
        guard let (bytes, lines) = read(), let entries = FactLines(bytes, from: lines.bodyStart) else { return [:] }
        var known: [String: FileFacts] = [:]
        for entry in entries.decodedAll() { known[entry.blob] = entry.facts }
        return known
    }

    /// The file's bytes and its four header lines after the first.
    private func read() -> ([UInt8], Lines)? {
        guard Self.isReasonableFile(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        var lines = Lines()
        var start = 0
        while lines.count < 5, let end = bytes[start...].firstIndex(of: 0x0A) {
            lines.all.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard lines.count == 5, lines.all[0] == header else { return nil }
        lines.all.removeFirst()
        lines.bodyStart = start
        return (bytes, lines)
    }

    struct Lines {
        var all: [String] = []
        var bodyStart = 0
        var count: Int { all.count }
        subscript(index: Int) -> String { all[index] }
    }

    /// Writes a snapshot, replacing the file in one step. Failing to write (a read-only checkout)
    /// only makes the next run slower.
    func save(_ snapshot: Snapshot) {
        func list(_ items: Set<String>) -> String { items.sorted().map(FactRecord.escape).joined(separator: "\u{1F}") }
        var text = header + "\n" + "tree \(snapshot.tree) \(FactRecord.escape(snapshot.content))\n"
        text += "supported " + list(snapshot.supportedStrategic) + "\n"
        text += "cycles \(snapshot.hasCycles ? 1 : 0)\n"
        text += "rubric-levels " + list(snapshot.rubricLevels) + "\n"
        for entry in snapshot.files.all() {
            text += FactRecord.line(path: entry.path, blob: entry.blob, facts: entry.facts) + "\n"
        }
        Paths.replace(path, with: text)
    }
}

/// A snapshot's entries, one per content file at the revision: as this run made them, or as the
/// cache file holds them. The questions `check --since` asks of every file (which files define an
/// id, which look one up) are answered from either without decoding the rest.
struct FactEntries {
    private let made: [FactCache.Entry]?
    private let lines: FactLines?

    init(_ made: [FactCache.Entry]) {
        self.made = made
        lines = nil
    }

    init(_ lines: FactLines) {
        made = nil
        self.lines = lines
    }

    var count: Int { made?.count ?? lines!.count }
    var indices: Range<Int> { 0..<count }

    func path(_ index: Int) -> String { made?[index].path ?? lines!.path(index) }
    func facts(_ index: Int) -> FileFacts { made?[index].facts ?? lines!.facts(index) }

    /// Every entry, decoded (on all cores when read from the file).
    func all() -> [FactCache.Entry] { made ?? lines!.decodedAll() }

    /// The id the file defines, in any kind.
    func entityID(_ index: Int) -> String? {
        if let made { return made[index].facts.entity?.id }
        return lines!.entityID(index)
    }

    /// As `FileFacts.looksUp(anyOf:)`.
    func looksUp(_ index: Int, anyOf ids: Set<String>) -> Bool {
        if let made { return made[index].facts.looksUp(anyOf: ids) }
        return lines!.looksUp(index, anyOf: ids)
    }

    /// The indices of the files whose paths are in `paths`.
    func indices(of paths: Set<String>) -> [Int] {
        guard !paths.isEmpty else { return [] }
        if let made { return made.indices.filter { paths.contains(made[$0].path) } }
        return lines!.indices(of: paths)
    }
}

/// The cache file's entry lines, read in place: each line's fields are found and checked once
/// when the file loads, and decoded only when asked for. Each line is a `FactRecord`.
struct FactLines: Sendable {
    private let bytes: [UInt8]
    /// Where each line starts; one more, one past the last newline.
    private let starts: [Int]
    /// The tabs of each line, line after line.
    private let tabs: [Int32]

    private typealias Field = FactRecord.Field
    private static let fieldCount = FactRecord.fieldCount

    /// Nil when a line is not one `FactRecord.line` writes, or the last has no newline.
    init?(_ bytes: [UInt8], from start: Int) {
        guard bytes.count < Int(Int32.max) else { return nil }
        var chunks: [Range<Int>] = []
        var chunkStart = start
        let size = max(1 << 16, (bytes.count - start) / 64)
        while chunkStart < bytes.count {
            var end = min(bytes.count, chunkStart + size)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            chunks.append(chunkStart..<end)
            chunkStart = end
        }
        let found = parallelMap(chunks, chunk: 1) { range -> (starts: [Int], tabs: [Int32])? in
            bytes.withUnsafeBufferPointer { Self.scan($0, range) }
        }
        var starts: [Int] = []
        var tabs: [Int32] = []
        for chunk in found {
            guard let chunk else { return nil }
            starts += chunk.starts
            tabs += chunk.tabs
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.tabs = tabs
    }

    /// The lines of one chunk, each checked so that decoding it cannot fail.
    private static func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (starts: [Int], tabs: [Int32])? {
        var starts: [Int] = []
        var tabs: [Int32] = []
        var lineStart = range.lowerBound
        var fieldStart = lineStart
        var field = 0
        var lineTabs: [Int32] = []
        func fieldIsValid(_ field: Int, _ start: Int, _ end: Int) -> Bool {
            FactRecord.isValid(Field(rawValue: field)!, UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
        for index in range {
            let byte = buffer[index]
            guard byte == 0x09 || byte == 0x0A else { continue }
            guard fieldIsValid(field, fieldStart, index) else { return nil }
            if byte == 0x09 {
                lineTabs.append(Int32(index))
                field += 1
                guard field < fieldCount else { return nil }
            } else {
                guard field == fieldCount - 1 else { return nil }
                starts.append(lineStart)
                tabs += lineTabs
                lineTabs.removeAll(keepingCapacity: true)
                lineStart = index + 1
                field = 0
            }
            fieldStart = index + 1
        }
        // A chunk ends with a newline, unless the file's last line has none.
        return lineStart == range.upperBound ? (starts, tabs) : nil
    }

    var count: Int { starts.count - 1 }

    /// Where a field of a line is in the bytes.
    private func range(of field: Field, _ line: Int) -> Range<Int> {
        let tab = line * (Self.fieldCount - 1)
        let start = field == .path ? starts[line] : Int(tabs[tab + field.rawValue - 1]) + 1
        let end = field.rawValue == Self.fieldCount - 1 ? starts[line + 1] - 1 : Int(tabs[tab + field.rawValue])
        return start..<end
    }

    /// The bytes of a field of a line.
    private func field(_ field: Field, of line: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let range = range(of: field, line)
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// A field as text, unescaped.
    private func text(_ field: Field, of line: Int) -> String {
        var result = ""
        self.field(field, of: line) { result = FactRecord.text($0) }
        return result
    }

    func path(_ line: Int) -> String { text(.path, of: line) }

    func facts(_ line: Int) -> FileFacts {
        bytes.withUnsafeBufferPointer { buffer in
            FactRecord.facts { field in UnsafeBufferPointer(rebasing: buffer[range(of: field, line)]) }
        }
    }

    func entityID(_ line: Int) -> String? {
        var id: String?
        field(.entity, of: line) { bytes in
            guard bytes.count > 1 || bytes.first != UInt8(ascii: "-") else { return }
            id = FactRecord.text(UnsafeBufferPointer(rebasing: bytes.dropFirst()))
        }
        return id
    }

    /// As `FileFacts.looksUp(anyOf:)`, from the fields in place.
    func looksUp(_ line: Int, anyOf ids: Set<String>) -> Bool {
        var found = false
        for list in FactRecord.lookupFields where !found {
            field(list, of: line) { bytes in
                var index = 0
                while index < bytes.count, !found {
                    // Skip the 0x1F, and a reference's kind.
                    let itemStart = index + (list == .references ? 2 : 1)
                    var itemEnd = itemStart
                    while itemEnd < bytes.count, bytes[itemEnd] != 0x1F { itemEnd += 1 }
                    if ids.contains(FactRecord.text(UnsafeBufferPointer(rebasing: bytes[min(itemStart, itemEnd)..<itemEnd]))) { found = true }
                    index = itemEnd
                }
            }
        }
        return found
    }

    /// The lines whose paths are in `paths`, compared as bytes (a hash of each line's path first,
    /// on all cores, so that 100,000 paths of one length cost no allocation each).
    func indices(of paths: Set<String>) -> [Int] {
        let wanted = Set(paths.map { Array(FactRecord.escape($0).utf8) })
        let hashes = Set(wanted.map { $0.withUnsafeBufferPointer(Self.hash) })
        return parallelRuns(count) { run in
            run.filter { line in
                var matches = false
                field(.path, of: line) { bytes in matches = hashes.contains(Self.hash(bytes)) && wanted.contains(Array(bytes)) }
                return matches
            }
        }
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// Every line decoded, on all cores.
    func decodedAll() -> [FactCache.Entry] {
        parallelRuns(count, runLength: 2048) { run in
            run.map { line in FactCache.Entry(path: path(line), blob: text(.blob, of: line), facts: facts(line)) }
        }
    }
}

extension FactCache {
    /// A regular file of a size a cache can have (1 GiB: facts of millions of files); anything
    /// else in its place is not read.
    static func isReasonableFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && info.st_size < 1 << 30
    }
}
