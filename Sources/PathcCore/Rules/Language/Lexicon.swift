/// A part of speech the lexicon records for a lemma.
enum PartOfSpeech: Int, Sendable, CaseIterable {
    case noun = 0, verb, adjective, adverb

    fileprivate init?(letter: UInt8) {
        switch letter {
        case UInt8(ascii: "n"): self = .noun
        case UInt8(ascii: "v"): self = .verb
        case UInt8(ascii: "a"): self = .adjective
        case UInt8(ascii: "r"): self = .adverb
        default: return nil
        }
    }
}

/// WordNet's lexicographer files that the rules ask about: the semantic field of a lemma's most
/// frequent sense ("understand" is verb.cognition, "integrity" noun.attribute).
enum SemanticField: UInt8, Sendable {
    case nounAct = 4, nounArtifact = 6, nounAttribute = 7, nounCognition = 9, nounCommunication = 10, nounEvent = 11,
         nounFeeling = 12, nounGroup = 14, nounMotive = 16, nounPerson = 18, nounPhenomenon = 19, nounPossession = 21,
         nounProcess = 22, nounQuantity = 23, nounRelation = 24, nounState = 26, nounTime = 28
    case verbChange = 30, verbCognition = 31, verbCommunication = 32, verbCompetition = 33, verbConsumption = 34,
         verbContact = 35, verbCreation = 36, verbEmotion = 37, verbMotion = 38, verbPerception = 39,
         verbPossession = 40, verbSocial = 41, verbStative = 42
}

/// What the lexicon knows of one lemma: its parts of speech, for each the semantic field of its
/// most frequent sense, and how often it is seen as each (a log-scale bucket, 0 for never).
struct LexicalEntry: Sendable, Equatable {
    private var fields: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    private var counts: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    private(set) var parts: UInt8 = 0

    static func == (a: LexicalEntry, b: LexicalEntry) -> Bool {
        a.parts == b.parts && PartOfSpeech.allCases.allSatisfy { a.field($0) == b.field($0) && a.frequency($0) == b.frequency($0) }
    }

    func has(_ part: PartOfSpeech) -> Bool { parts & (1 << part.rawValue) != 0 }
    var isEmpty: Bool { parts == 0 }

    /// The lexicographer file number of the most frequent sense, 0 when the lemma is not this part of speech.
    func field(_ part: PartOfSpeech) -> UInt8 {
        switch part {
        case .noun: return fields.0
        case .verb: return fields.1
        case .adjective: return fields.2
        case .adverb: return fields.3
        }
    }

    func semanticField(_ part: PartOfSpeech) -> SemanticField? { has(part) ? SemanticField(rawValue: field(part)) : nil }

    /// How often the lemma is seen as this part of speech: 0 never, then 1 + log2 of its tagged count.
    func frequency(_ part: PartOfSpeech) -> UInt8 {
        switch part {
        case .noun: return counts.0
        case .verb: return counts.1
        case .adjective: return counts.2
        case .adverb: return counts.3
        }
    }

    /// An entry for a verb that pathc's own word lists know and WordNet lacks ("scope", "onboard"),
    /// seen as often as a common verb.
    static func listedVerb() -> LexicalEntry {
        var entry = LexicalEntry()
        entry.add(.verb, field: 0, frequency: 8)
        return entry
    }

    fileprivate mutating func add(_ part: PartOfSpeech, field: UInt8, frequency: UInt8) {
        parts |= 1 << part.rawValue
        switch part {
        case .noun: fields.0 = field; counts.0 = frequency
        case .verb: fields.1 = field; counts.1 = frequency
        case .adjective: fields.2 = field; counts.2 = frequency
        case .adverb: fields.3 = field; counts.3 = frequency
        }
    }
}

/// The English lexicon: WordNet's lemmas (Lexicon+Generated.swift), searched in place in the
/// binary's constant data, and the inflections that lead to them.
struct Lexicon: Sendable {
    static let shared = Lexicon()

    /// Byte offsets of each line of `lemmaData`, sorted as the lines are.
    private let lineStarts: [Int32]
    /// Irregular form -> (part of speech, base).
    private let exceptions: [String: [(PartOfSpeech, String)]]

    private init() {
        var starts: [Int32] = []
        starts.reserveCapacity(90_000)
        Self.lemmaData.withUTF8Buffer { bytes in
            var index = 0
            starts.append(0)
            while index < bytes.count {
                if bytes[index] == 0x0A, index + 1 < bytes.count { starts.append(Int32(index + 1)) }
                index += 1
            }
        }
        lineStarts = starts
        var exceptions: [String: [(PartOfSpeech, String)]] = [:]
        Self.exceptionData.withUTF8Buffer { bytes in
            for line in bytes.split(separator: 0x0A) {
                guard let space = line.firstIndex(of: 0x20), space + 2 < line.endIndex,
                      let part = PartOfSpeech(letter: line[space + 1]) else { continue }
                let form = String(decoding: line[line.startIndex..<space], as: UTF8.self)
                let base = String(decoding: line[(space + 2)...], as: UTF8.self)
                exceptions[form, default: []].append((part, base))
            }
        }
        self.exceptions = exceptions
    }

    /// The entry of a lemma (lowercase; a two-word verb as "break down"), if WordNet has it.
    func entry(_ lemma: String) -> LexicalEntry? {
        var key = lemma
        return key.withUTF8 { wanted -> LexicalEntry? in
            Self.lemmaData.withUTF8Buffer { data -> LexicalEntry? in
                var low = 0, high = lineStarts.count - 1
                while low <= high {
                    let middle = (low + high) / 2
                    let start = Int(lineStarts[middle])
                    // Compare the wanted word with the line's lemma, up to its space; ' ' in the
                    // wanted phrase stands for '_' in the data.
                    var offset = 0, order = 0
                    while true {
                        let lineByte = data[start + offset]
                        let lineEnded = lineByte == 0x20
                        let wantedEnded = offset == wanted.count
                        if lineEnded || wantedEnded {
                            order = lineEnded == wantedEnded ? 0 : (wantedEnded ? -1 : 1)
                            break
                        }
                        let wantedByte = wanted[offset] == 0x20 ? UInt8(ascii: "_") : wanted[offset]
                        if wantedByte != lineByte {
                            order = wantedByte < lineByte ? -1 : 1
                            break
                        }
                        offset += 1
                    }
                    if order == 0 { return Self.parseEntry(data, from: start + offset + 1) }
                    if order < 0 { high = middle - 1 } else { low = middle + 1 }
                }
                return nil
            }
        }
    }

    private static func parseEntry(_ data: UnsafeBufferPointer<UInt8>, from start: Int) -> LexicalEntry {
        var entry = LexicalEntry()
        var index = start
        func digit(_ byte: UInt8) -> UInt8 { byte >= 0x61 ? byte - 0x61 + 10 : byte - 0x30 }
        while index + 3 < data.count, let part = PartOfSpeech(letter: data[index]) {
            entry.add(part, field: digit(data[index + 1]) * 10 + digit(data[index + 2]), frequency: digit(data[index + 3]))
            index += 4
        }
        return entry
    }

    /// The irregular bases of a form ("led" -> lead as a verb).
    func irregular(_ form: String) -> [(PartOfSpeech, String)] { exceptions[form] ?? [] }
}
