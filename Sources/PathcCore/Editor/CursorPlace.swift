/// Where the cursor is in a document, as completion and hover need it: on a key of a mapping, or
/// on a value, with the path of keys and item positions from the document's root.
///
/// Text being typed is often not yet valid: a key without its colon (`  lev`) makes the whole
/// document fail to parse. When the text does not parse as it is, and the cursor ends a word
/// that stands alone on its line, the place is found in the text with a colon after that word:
/// what the line becomes once the key is chosen.
struct CursorPlace {
    enum Step: Equatable {
        case key(String)
        case item(Int)
    }

    enum Role: Equatable {
        /// A key of the mapping at `path` (`existingKeys` holds the mapping's other keys).
        case key(existingKeys: [String])
        /// The value at `path`.
        case value
    }

    let path: [Step]
    let role: Role
    /// The characters typed so far where the cursor is (what completion replaces).
    let typed: Span
    /// The document's root mapping, for its `kind`.
    let root: Node

    /// The place at a byte offset of a file's text; nil where no key or value is being written.
    static func find(in bytes: [UInt8], at offset: Int) -> CursorPlace? {
        guard offset >= 0, offset <= bytes.count else { return nil }
        if let tree = parse(bytes), let place = locate(in: tree, at: offset, bytes: bytes) { return place }
        // A word alone on its line, ended by the cursor: a key being typed.
        var start = offset
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] == 0x20 { lineStart -= 1 }
        if lineStart >= 2, bytes[lineStart - 2] == UInt8(ascii: "-"), bytes[lineStart - 1] == 0x20 { lineStart -= 2 }
        while lineStart > 0, bytes[lineStart - 1] == 0x20 { lineStart -= 1 }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] == 0x20 { lineEnd += 1 }
        guard lineStart == 0 || bytes[lineStart - 1] == 0x0A, lineEnd == bytes.count || bytes[lineEnd] == 0x0A || bytes[lineEnd] == 0x0D
        else { return nil }
        let patched = Array(bytes[..<offset]) + Array((start == offset ? "_:" : ":").utf8) + Array(bytes[offset...])
        guard let tree = parse(patched), let place = locate(in: tree, at: offset, bytes: patched), case .key(let keys) = place.role else {
            return nil
        }
        let typedName = String(decoding: bytes[start..<offset], as: UTF8.self)
        var others = keys
        if let index = others.firstIndex(of: start == offset ? "_" : typedName) { others.remove(at: index) }
        return CursorPlace(path: place.path, role: .key(existingKeys: others), typed: Span(start: start, end: offset), root: place.root)
    }

    /// The outline of the schemas at this place (or along another path in the same document),
    /// from the document's kind's schema.
    func outline(in schemas: SchemaSet, along steps: [Step]? = nil) -> SchemaOutline? {
        guard let kind = root["kind"]?.string.flatMap(EntityKind.init(rawValue:)), let validator = schemas.validators[kind] else { return nil }
        var outline = SchemaOutline([validator.document.root])
        for step in steps ?? path {
            switch step {
            case .key(let name): guard let next = outline.field(name) else { return nil }; outline = next
            case .item: guard let next = outline.items else { return nil }; outline = next
            }
        }
        return outline
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
            || byte == 0x2F || byte == 0x2E
    }

    private static func parse(_ bytes: [UInt8]) -> Node? {
        let tree = SyntaxTree.parse(SourceFile(path: "", bytes: bytes))
        guard tree.diagnostics.isEmpty, let root = tree.root, root.mapping != nil else { return nil }
        return root
    }

    private static func locate(in root: Node, at offset: Int, bytes: [UInt8]) -> CursorPlace? {
        var path: [Step] = []
        var node = root
        while true {
            switch node.content {
            case .mapping(let pairs):
                if let pair = pairs.first(where: { $0.key.span.start <= offset && offset <= $0.key.span.end }) {
                    return CursorPlace(path: path, role: .key(existingKeys: pairs.compactMap { $0.key.scalar?.text }.filter { $0 != pair.key.scalar?.text }),
                                       typed: pair.key.span, root: root)
                }
                // The value the cursor is in; or, past the end of a block collection (its span
                // ends with its last value), the collection the cursor follows.
                guard let pair = pairs.first(where: { contains($0.value, offset) || isEmptyValue($0, at: offset, bytes: bytes) })
                        ?? pairs.last(where: { $0.key.span.start < offset }).flatMap({ isCollection($0.value) ? $0 : nil }),
                      let name = pair.key.scalar?.text else { return nil }
                path.append(.key(name))
                if isEmptyValue(pair, at: offset, bytes: bytes) { return CursorPlace(path: path, role: .value, typed: .at(offset), root: root) }
                node = pair.value
            case .sequence(let items):
                guard let index = items.firstIndex(where: { contains($0, offset) })
                        ?? items.indices.last.flatMap({ isCollection(items[$0]) && items[$0].span.start < offset ? $0 : nil }) else {
                    // Between the items of a flow sequence, or on a new item: a value of the items.
                    path.append(.item(items.count))
                    return CursorPlace(path: path, role: .value, typed: .at(offset), root: root)
                }
                path.append(.item(index))
                node = items[index]
            case .scalar(let scalar):
                // In quotes, what was typed is inside them.
                let quoted = (scalar.style == .singleQuoted || scalar.style == .doubleQuoted) && node.span.end - node.span.start >= 2
                let typed = quoted ? Span(start: node.span.start + 1, end: node.span.end - 1) : node.span
                return CursorPlace(path: path, role: .value, typed: typed, root: root)
            }
        }
    }

    private static func isCollection(_ node: Node) -> Bool {
        node.scalar == nil
    }

    private static func contains(_ node: Node, _ offset: Int) -> Bool {
        node.span.start <= offset && offset <= node.span.end && !(node.span.isEmpty && node.span.start != offset)
    }

    /// The pair's value is empty and the cursor is after its key on the key's line.
    private static func isEmptyValue(_ pair: Pair, at offset: Int, bytes: [UInt8]) -> Bool {
        guard let scalar = pair.value.scalar, scalar.text.isEmpty, scalar.style == .plain, offset > pair.key.span.end else { return false }
        return !bytes[pair.key.span.end..<offset].contains(0x0A)
    }
}
