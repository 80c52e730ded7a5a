/// A node of the document to write: the syntax node, its entries with the comments that belong
/// to each, and the key order its schema gives.
final class LayoutNode {
    let node: Node
    /// Written as `[...]` or `{...}` in the source.
    let isFlow: Bool
    /// A comment between its brackets (a flow collection only): it is then written as a block.
    var hasInnerComments = false
    /// Its mapping entries or sequence items, in source order.
    var entries: [LayoutEntry] = []
    /// Own-line comments after its last entry (in a flow collection, before its closing bracket).
    var footer: [SourceComment] = []
    /// The positions of its entries in the order its schema gives, when that differs from the source's.
    var printOrder: [Int]?

    init(_ node: Node, isFlow: Bool) {
        self.node = node
        self.isFlow = isFlow
    }

    /// Its entries in the order they are written.
    var orderedEntries: [LayoutEntry] { printOrder.map { $0.map { entries[$0] } } ?? entries }

    var isMapping: Bool { node.mapping != nil }
    var isCollection: Bool { node.scalar == nil }
    var isBlockCollection: Bool { isCollection && !isFlow && !entries.isEmpty }
}

/// A mapping entry or a sequence item (or the document's root value, with no key), with its
/// comments.
final class LayoutEntry {
    let key: Node?
    let value: LayoutNode
    /// Where it starts in the source: its key, or its `-`.
    let start: Int
    /// Own-line comments written above it.
    var leading: [SourceComment] = []
    /// End-of-line comments written at the end of its first line.
    var lineComments: [SourceComment] = []
    /// End-of-line comments after its value's closing bracket, when that value is a flow
    /// collection: on its line if it stays flow, under its items if it is written as a block.
    var afterValue: [SourceComment] = []
    /// An empty line above it in the source, kept (one at most).
    var blankBefore = false

    init(key: Node?, value: LayoutNode, start: Int) {
        self.key = key
        self.value = value
        self.start = start
    }
}

/// The whole document to write.
struct LayoutDocument {
    /// Comments before the root value: the file's header, which stays at the top.
    var header: [SourceComment] = []
    var root: LayoutEntry?
    /// Comments after everything else.
    var footer: [SourceComment] = []
}

/// Builds the layout of a parsed file and gives each comment its place, in one pass over the
/// comments in source order:
///
/// - an own-line comment belongs to the entry that follows it (above which it is written); after
///   the last entry of a block collection, to that collection (written under it) when it is
///   indented at least as much as its entries, else to the collection around it;
/// - an end-of-line comment belongs to the entry whose line it ends;
/// - comments before the root value are the file's header, and stay at the top.
struct LayoutBuilder {
    let file: SourceFile
    private let bytes: [UInt8]
    private let comments: [SourceComment]
    /// The first comment not placed yet.
    private var next = 0
    /// Some mapping's keys are to be written in another order than the source's.
    private(set) var reordered = false

    init(file: SourceFile, comments: [SourceComment]) {
        self.file = file
        self.bytes = file.bytes
        self.comments = comments
    }

    mutating func build(_ root: Node?) -> LayoutDocument {
        var document = LayoutDocument()
        guard let root else {
            document.header = comments
            return document
        }
        while let comment = take(before: root.span.start) { document.header.append(comment) }
        let entry = LayoutEntry(key: nil, value: layout(root, order: KeyOrder.forDocument(root)), start: root.span.start)
        let pending = place(entry, regionEnd: bytes.count)
        if entry.value.isBlockCollection {
            entry.value.footer += pending
        } else {
            document.footer = pending
        }
        document.root = entry
        return document
    }

    // MARK: - The tree

    private mutating func layout(_ node: Node, order: KeyOrder?) -> LayoutNode {
        let first = node.span.start < bytes.count ? bytes[node.span.start] : 0
        let isFlow = node.scalar == nil && (first == Byte.openBracket || first == Byte.openBrace)
        let result = LayoutNode(node, isFlow: isFlow)
        switch node.content {
        case .scalar:
            break
        case .mapping(let pairs):
            let properties = order?.properties()
            var entries: [LayoutEntry] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                let valueOrder = KeyOrder.of(properties?.schemas[pair.keyText])
                entries.append(LayoutEntry(key: pair.key, value: layout(pair.value, order: valueOrder), start: pair.key.span.start))
            }
            result.entries = entries
            if let properties {
                let order = KeyOrder.sorted(pairs.map(\.keyText), index: properties.index)
                if order != Array(order.indices) {
                    result.printOrder = order
                    reordered = true
                }
            }
        case .sequence(let items):
            let itemOrder = order?.items
            var entries: [LayoutEntry] = []
            entries.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                let start: Int
                if isFlow {
                    start = item.span.start
                } else if index == 0 {
                    start = node.span.start
                } else {
                    start = dash(after: items[index - 1].span.end)
                }
                entries.append(LayoutEntry(key: nil, value: layout(item, order: itemOrder), start: start))
            }
            result.entries = entries
        }
        for entry in result.entries {
            entry.blankBefore = SourceComments.startsAfterBlankLine(entry.start, in: file)
        }
        if isFlow {
            let first = firstComment(after: node.span.start)
            result.hasInnerComments = first < comments.count && comments[first].offset < node.span.end
        }
        return result
    }

    /// The index of the first comment that starts after `offset` (a binary search).
    private func firstComment(after offset: Int) -> Int {
        var low = 0, high = comments.count
        while low < high {
            let mid = (low + high) / 2
            if comments[mid].offset <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The `-` of the block sequence item after the one that ends at `offset`: between them are
    /// only white space, comments and that `-`.
    private func dash(after offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            switch bytes[index] {
            case Byte.dash:
                return index
            case Byte.hash:
                while index < bytes.count, bytes[index] != Byte.lf { index += 1 }
            default:
                index += 1
            }
        }
        return offset
    }

    // MARK: - Comments

    private mutating func take(before offset: Int) -> SourceComment? {
        guard next < comments.count, comments[next].offset < offset else { return nil }
        next += 1
        return comments[next - 1]
    }

    /// Places the comments from an entry's start to `regionEnd`, where the next entry starts.
    /// Returns the own-line comments after its value, which belong to what follows.
    private mutating func place(_ entry: LayoutEntry, regionEnd: Int) -> [SourceComment] {
        var after = placeInside(entry, regionEnd: regionEnd)
        while let comment = take(before: regionEnd) {
            // Once a comment has its own line, those after it follow it there, to stay in order.
            if comment.ownLine || !after.isEmpty {
                after.append(comment)
            } else if entry.value.isFlow {
                entry.afterValue.append(comment)
            } else {
                entry.lineComments.append(comment)
            }
        }
        return after
    }

    /// Places the comments of an entry from its start to its value's end (for a block
    /// collection, to `regionEnd`). Returns the own-line comments after a block collection value
    /// that belong further out.
    private mutating func placeInside(_ entry: LayoutEntry, regionEnd: Int) -> [SourceComment] {
        let value = entry.value
        // Between the key's `:` (or the `-`) and the value.
        var between: [SourceComment] = []
        while let comment = take(before: value.node.span.start) { between.append(comment) }
        var firstLeading: [SourceComment] = []
        if value.isBlockCollection {
            for comment in between {
                if comment.ownLine { firstLeading.append(comment) } else { entry.lineComments.append(comment) }
            }
        } else if between.contains(where: \.ownLine) {
            // Written above the entry, all of them, so that they stay in order.
            entry.leading += between
        } else {
            entry.lineComments += between
        }
        guard value.isCollection, !value.entries.isEmpty else { return [] }
        let (openers, up) = fillCollection(value, regionEnd: value.isFlow ? value.node.span.end : regionEnd, firstLeading: firstLeading)
        entry.lineComments += openers
        return up
    }

    /// Places the comments inside a collection. Returns the end-of-line comments right after its
    /// opening bracket, and the own-line comments after its last entry that belong further out.
    private mutating func fillCollection(_ collection: LayoutNode, regionEnd: Int,
                                         firstLeading: [SourceComment]) -> (openers: [SourceComment], up: [SourceComment]) {
        let entries = collection.entries
        var openers: [SourceComment] = []
        var carried = firstLeading
        while let comment = take(before: entries[0].start) {
            if comment.ownLine { carried.append(comment) } else { openers.append(comment) }
        }
        var remaining: [SourceComment] = []
        for (index, entry) in entries.enumerated() {
            entry.leading = carried + entry.leading
            let nextStart = index + 1 < entries.count ? entries[index + 1].start : regionEnd
            let after = place(entry, regionEnd: nextStart)
            if index + 1 < entries.count {
                carried = after
            } else {
                remaining = after
            }
        }
        if collection.isFlow {
            collection.footer = remaining
            return (openers, [])
        }
        let column = entries[0].start - SourceComments.lineStart(of: entries[0].start, in: file)
        var up: [SourceComment] = []
        for comment in remaining {
            if up.isEmpty, comment.column >= column { collection.footer.append(comment) } else { up.append(comment) }
        }
        return (openers, up)
    }
}
