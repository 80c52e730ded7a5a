import Foundation

/// The layout of one line of the fact cache, described once: written by `line(path:blob:facts:)`,
/// checked field by field by `isValid`, read back by `facts(in:field:)`.
///
/// A line is tab-separated fields, in the order of `Field`. An entity or a reference is its kind's
/// digit (its place in `EntityKind.allCases`) then its id; "-" is no entity. The level is "=" and
/// the text, or "-" for none. A list is its items, each led by 0x1F. Text is escaped so that
/// neither separator nor a line break appears in it.
enum FactRecord {
    enum Field: Int, CaseIterable {
        case path = 0, blob, entity, references, level, alignedToTexts, alignedTo, supports, drives, competencies, scale
    }

    static let fieldCount = Field.allCases.count

    /// The fields that hold a list of texts.
    private static let textLists: [Field] = [.alignedToTexts, .alignedTo, .supports, .drives, .competencies, .scale]

    /// The facts a list field holds.
    private static func list(_ field: Field, of facts: FileFacts) -> [String] {
        switch field {
        case .alignedToTexts: facts.alignedToTexts
        case .alignedTo: facts.alignedTo
        case .supports: facts.supports
        case .drives: facts.drives
        case .competencies: facts.competencies
        case .scale: facts.scale
        case .path, .blob, .entity, .references, .level: []
        }
    }

    /// The fields that hold ids the file looks up (`FileFacts.lookups`).
    static let lookupFields: [Field] = [.references, .alignedTo, .supports, .drives, .competencies]

    private static let itemStart: UInt8 = 0x1F
    private static let noValue = UInt8(ascii: "-")
    private static let levelMark = UInt8(ascii: "=")
    private static let kindDigits = UInt8(ascii: "0")..<(UInt8(ascii: "0") + UInt8(EntityKind.allCases.count))

    /// The line for a file, without its line break.
    static func line(path: String, blob: String, facts: FileFacts) -> String {
        var line = escape(path) + "\t" + blob + "\t"
        line += facts.entity.map(reference) ?? "-"
        line += "\t"
        for target in facts.references { line += "\u{1F}" + reference(target) }
        line += "\t" + (facts.level.map { "=" + escape($0) } ?? "-")
        for list in textLists {
            line += "\t"
            for item in Self.list(list, of: facts) { line += "\u{1F}" + escape(item) }
        }
        return line
    }

    private static func reference(_ entity: EntityRef) -> String {
        String(EntityKind.allCases.firstIndex(of: entity.kind)!) + escape(entity.id)
    }

    /// The field's bytes are what `line` writes there, so that reading the line cannot fail.
    static func isValid(_ field: Field, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch field {
        case .path:
            return Paths.isPlainRelative(bytes)
        case .blob:
            // A git object id: 40 (SHA-1) or 64 (SHA-256) hexadecimal digits.
            return (bytes.count == 40 || bytes.count == 64) && bytes.allSatisfy {
                ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f"))
            }
        case .entity:
            return (bytes.count == 1 && bytes[0] == noValue) || (!bytes.isEmpty && kindDigits.contains(bytes[0]))
        case .references:
            return items(bytes).allSatisfy { !$0.isEmpty && kindDigits.contains(bytes[$0.lowerBound]) } && (bytes.isEmpty || bytes[0] == itemStart)
        case .level:
            return !bytes.isEmpty && (bytes[0] == noValue || bytes[0] == levelMark)
        case .alignedToTexts, .alignedTo, .supports, .drives, .competencies, .scale:
            return bytes.isEmpty || bytes[0] == itemStart
        }
    }

    /// The facts of a line whose fields are all valid; `field` gives each field's bytes.
    static func facts(in field: (Field) -> UnsafeBufferPointer<UInt8>) -> FileFacts {
        let entityBytes = field(.entity)
        let entity = entityBytes.count == 1 && entityBytes[0] == noValue ? nil : reference(entityBytes)
        let referenceBytes = field(.references)
        let references = items(referenceBytes).compactMap { reference(UnsafeBufferPointer(rebasing: referenceBytes[$0])) }
        let levelBytes = field(.level)
        let level = levelBytes[0] == levelMark ? text(UnsafeBufferPointer(rebasing: levelBytes.dropFirst())) : nil
        var lists: [Field: [String]] = [:]
        for list in textLists {
            let bytes = field(list)
            lists[list] = items(bytes).map { text(UnsafeBufferPointer(rebasing: bytes[$0])) }
        }
        return FileFacts(entity: entity, references: references, level: level, alignedToTexts: lists[.alignedToTexts]!,
                         alignedTo: lists[.alignedTo]!, supports: lists[.supports]!, drives: lists[.drives]!,
                         competencies: lists[.competencies]!, scale: lists[.scale]!)
    }

    /// The ranges of a list field's items, each without the 0x1F that leads it.
    static func items(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard !bytes.isEmpty else { return [] }
        var result: [Range<Int>] = []
        var start = 1
        for index in 1..<bytes.count where bytes[index] == itemStart {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<bytes.count)
        return result
    }

    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> EntityRef? {
        guard let digit = bytes.first, kindDigits.contains(digit) else { return nil }
        return EntityRef(EntityKind.allCases[Int(digit - kindDigits.lowerBound)], text(UnsafeBufferPointer(rebasing: bytes.dropFirst())))
    }

    /// Escaped text's bytes as the text.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        bytes.contains(0x5C) ? unescape(String(decoding: bytes, as: UTF8.self)) : String(decoding: bytes, as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x1F }) else { return text }
        var escaped = ""
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\u{1F}": escaped += "\\u"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    static func unescape(_ text: some StringProtocol) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var result = ""
        var escaping = false
        for character in text.unicodeScalars {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                case "u": result += "\u{1F}"
                default: result.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
