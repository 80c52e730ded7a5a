// SchemaRegex: ECMA-262 regular expressions, with the `u` flag, as JSON Schema's `pattern` and
// `patternProperties` use them. Pure Swift standard library: no Foundation, no NSRegularExpression,
// no Swift `Regex`.
//
// How it works
// - `init` parses the pattern (over Unicode scalars) into a small tree, then compiles the tree into an
//   instruction program. Counted repetition of a single-scalar atom (`[a-z]{2,8}`, `.*`, `x+`) is one
//   instruction; other counted repetition is unrolled, up to a size limit.
// - `matches` decodes the text into a buffer of scalars (on the stack for short texts) and runs a
//   backtracking VM with an explicit stack: no recursion grows with the text (only with lookaround
//   nesting in the pattern, which the parser bounds).
// - Safety: when a search gets long, the VM switches on memoization of the (instruction, position)
//   states it has already explored, which makes the search O(program × text) however the pattern is
//   written (`^(a+)+$` and friends). States from which a backreference is reachable depend on the
//   captures, so they are not memoized; for them a step budget is the last resort (as it is for texts
//   too long for the memo tables), and so is a cap on the backtracking stack. `match(_:steps:)` draws
//   on a budget the caller holds (a file's, a run's) and says when it gave up, so that a pattern too
//   costly to run is never mistaken for a mismatch; `matches` has a budget of its own per call.

/// An ECMA-262 regular expression as JSON Schema uses it: `matches` is true when the pattern
/// matches anywhere in the text (JavaScript's `RegExp.prototype.test`, with the `u` flag).
public struct SchemaRegex: Sendable {
    public let pattern: String
    let program: RxProgram

    public init(_ pattern: String) throws(SchemaRegexError) {
        self.pattern = pattern
        var parser = RxParser(pattern.unicodeScalars.map { $0.value })
        let tree = try parser.parse()
        program = try RxCompiler.compile(tree, parser: parser)
    }

    /// True when the pattern matches; a search that ran out of its per-call budget counts as no match.
    public func matches(_ text: String) -> Bool {
        var steps = Int.max
        return program.matches(text, steps: &steps) ?? false
    }

    /// True or false when the search finished; nil when it gave up, having spent `steps` (or its
    /// per-call budget, or the stack cap). `steps` is reduced by what the search spent.
    public func match(_ text: String, steps: inout Int) -> Bool? {
        program.matches(text, steps: &steps)
    }
}

public struct SchemaRegexError: Error, Sendable, Equatable {
    /// Lowercase, one phrase, says what is wrong: "unterminated character class", "nothing to repeat", ...
    public let message: String
    /// 0-based offset in Unicode scalars into the pattern where the problem is.
    public let offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}

// MARK: - Syntax tree

indirect enum RxNode {
    case empty
    case char(UInt32)
    case set(Int)                       // index into the class table
    case seq([RxNode])
    case alt([RxNode])
    case group(RxNode, Int)             // capturing group, 1-based index
    case look(RxNode, behind: Bool, negated: Bool)
    case rep(RxNode, min: Int, max: Int, greedy: Bool, at: Int)   // max == Int.max: unbounded
    case start, end
    case boundary(Bool)                 // true: \b, false: \B
    case backref(Int)
}

// Lets `switch` compare a UInt32 scalar value against a character literal.
fileprivate func ~= (pattern: Unicode.Scalar, value: UInt32) -> Bool { pattern.value == value }

@inline(__always) fileprivate func sc(_ u: Unicode.Scalar) -> UInt32 { u.value }

fileprivate func hexValue(_ c: UInt32) -> UInt32? {
    switch c {
    case 0x30...0x39: return c - 0x30
    case 0x41...0x46: return c - 0x41 + 10
    case 0x61...0x66: return c - 0x61 + 10
    default: return nil
    }
}

fileprivate func isDigit(_ c: UInt32) -> Bool { c >= 0x30 && c <= 0x39 }

// MARK: - Character classes

/// A compiled character class: plain data pointing into the pools of its `RxClassTable`. ASCII
/// membership is a bitmap; the rest is what is needed for other scalars.
struct RxClass: Sendable {
    var rangeStart: Int32 = 0, rangeEnd: Int32 = 0   // sorted, merged [lo, hi] pairs of non-ASCII scalars
    var propStart: Int32 = 0, propEnd: Int32 = 0     // binary properties: id << 1 | negated
    var gc: UInt32 = 0                  // \p{gc}: general-category bits that match
    var gcNeg: UInt32 = 0               // \P{gc}: matches when the category bit is NOT in this mask
    var hasGcNeg = false
    var negated = false

    /// Whether some non-ASCII scalar may be in the class.
    var reachesNonASCII: Bool { negated || rangeEnd > rangeStart || gc != 0 || hasGcNeg || propEnd > propStart }
}

/// All the classes of a program, their ASCII bitmaps (two words each) and shared pools.
struct RxClassTable: Sendable {
    var classes: [RxClass] = []
    var ascii: [UInt64] = []
    var ranges: [UInt32] = []
    var props: [UInt16] = []
    var usesCategories = false

    mutating func add(_ b: RxClassBuilder, negated: Bool = false) -> Int {
        let merged = b.merged()
        var cls = RxClass(gc: b.gc, gcNeg: b.hasGcNeg ? b.gcNeg : 0, hasGcNeg: b.hasGcNeg, negated: negated)
        var low: UInt64 = 0, high: UInt64 = 0
        for c in UInt32(0)..<128 where b.member(c, merged) != negated {
            if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
        }
        cls.rangeStart = Int32(ranges.count)
        for (lo, hi) in merged where hi >= 0x80 { ranges += [max(lo, 0x80), hi] }
        cls.rangeEnd = Int32(ranges.count)
        cls.propStart = Int32(props.count)
        props += b.props
        cls.propEnd = Int32(props.count)
        usesCategories = usesCategories || b.gc != 0 || b.hasGcNeg
        classes.append(cls)
        ascii += [low, high]
        return classes.count - 1
    }
}

/// Collects the members of a class while parsing: ranges, general categories, binary properties.
struct RxClassBuilder {
    var ranges: [(UInt32, UInt32)] = []
    var gc: UInt32 = 0
    var gcNeg: UInt32 = ~0
    var hasGcNeg = false
    var props: [UInt16] = []

    mutating func add(_ lo: UInt32, _ hi: UInt32) { ranges.append((lo, hi)) }

    mutating func add(ranges list: [(UInt32, UInt32)], negated: Bool) {
        if !negated { ranges += list; return }
        var next: UInt32 = 0
        for (lo, hi) in list.sorted(by: { $0.0 < $1.0 }) {
            if lo > next { ranges.append((next, lo - 1)) }
            if hi + 1 > next { next = hi + 1 }
        }
        if next <= 0x10FFFF { ranges.append((next, 0x10FFFF)) }
    }

    mutating func add(category mask: UInt32, negated: Bool) {
        if negated { gcNeg &= mask; hasGcNeg = true } else { gc |= mask }
    }

    mutating func add(property: RxProperty, negated: Bool) {
        props.append(UInt16(property.rawValue) << 1 | (negated ? 1 : 0))
    }

    mutating func merge(_ other: RxClassBuilder) {
        ranges += other.ranges
        gc |= other.gc
        if other.hasGcNeg { gcNeg &= other.gcNeg; hasGcNeg = true }
        props += other.props
    }

    /// \d \D \w \W \s \S
    mutating func add(escape c: UInt32) {
        switch c {
        case "d", "D": add(ranges: RxClassBuilder.digits, negated: c == sc("D"))
        case "w", "W": add(ranges: RxClassBuilder.word, negated: c == sc("W"))
        default: add(ranges: RxClassBuilder.space, negated: c == sc("S"))
        }
    }

    static let digits: [(UInt32, UInt32)] = [(0x30, 0x39)]
    static let word: [(UInt32, UInt32)] = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
    static let space: [(UInt32, UInt32)] = [
        (0x09, 0x0D), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029),
        (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF),
    ]
    static let lineTerminators: [(UInt32, UInt32)] = [(0x0A, 0x0A), (0x0D, 0x0D), (0x2028, 0x2029)]

    func merged() -> [(UInt32, UInt32)] {
        var merged: [(UInt32, UInt32)] = []
        for (lo, hi) in ranges.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, lo <= last.1 &+ 1 {
                if hi > last.1 { merged[merged.count - 1].1 = hi }
            } else {
                merged.append((lo, hi))
            }
        }
        return merged
    }

    /// Membership before the class's own `^` negation (used to build the ASCII bitmap).
    func member(_ c: UInt32, _ merged: [(UInt32, UInt32)]) -> Bool {
        if merged.contains(where: { $0.0 <= c && c <= $0.1 }) { return true }
        if gc != 0 || hasGcNeg {
            let bit: UInt32 = 1 << UInt32(rxCategoryIndex(c))
            if gc & bit != 0 || (hasGcNeg && gcNeg & bit == 0) { return true }
        }
        return props.contains { RxProperty(rawValue: UInt8($0 >> 1))!.holds(c) != ($0 & 1 != 0) }
    }
}

/// General category index of every BMP scalar, built on first use (the stdlib lookup is slow-ish).
let rxBMPCategories: [UInt8] = (0..<0x10000).map { rxCategoryIndex(UInt32($0)) }

func rxCategoryIndex(_ c: UInt32) -> UInt8 {
    guard let scalar = Unicode.Scalar(c) else { return 27 }  // a surrogate
    switch scalar.properties.generalCategory {
    case .uppercaseLetter: return 0
    case .lowercaseLetter: return 1
    case .titlecaseLetter: return 2
    case .modifierLetter: return 3
    case .otherLetter: return 4
    case .nonspacingMark: return 5
    case .spacingMark: return 6
    case .enclosingMark: return 7
    case .decimalNumber: return 8
    case .letterNumber: return 9
    case .otherNumber: return 10
    case .connectorPunctuation: return 11
    case .dashPunctuation: return 12
    case .openPunctuation: return 13
    case .closePunctuation: return 14
    case .initialPunctuation: return 15
    case .finalPunctuation: return 16
    case .otherPunctuation: return 17
    case .mathSymbol: return 18
    case .currencySymbol: return 19
    case .modifierSymbol: return 20
    case .otherSymbol: return 21
    case .spaceSeparator: return 22
    case .lineSeparator: return 23
    case .paragraphSeparator: return 24
    case .control: return 25
    case .format: return 26
    case .surrogate: return 27
    case .privateUse: return 28
    case .unassigned: return 29
    @unknown default: return 29
    }
}

/// General_Category values and their ECMA-262 aliases (case-sensitive, as in JavaScript).
func rxCategoryMask(_ name: String) -> UInt32? {
    switch name {
    case "L", "Letter": return 0x1F
    case "LC", "Cased_Letter": return 0x7
    case "Lu", "Uppercase_Letter": return 1 << 0
    case "Ll", "Lowercase_Letter": return 1 << 1
    case "Lt", "Titlecase_Letter": return 1 << 2
    case "Lm", "Modifier_Letter": return 1 << 3
    case "Lo", "Other_Letter": return 1 << 4
    case "M", "Mark", "Combining_Mark": return 0x7 << 5
    case "Mn", "Nonspacing_Mark": return 1 << 5
    case "Mc", "Spacing_Mark": return 1 << 6
    case "Me", "Enclosing_Mark": return 1 << 7
    case "N", "Number": return 0x7 << 8
    case "Nd", "Decimal_Number", "digit": return 1 << 8
    case "Nl", "Letter_Number": return 1 << 9
    case "No", "Other_Number": return 1 << 10
    case "P", "Punctuation", "punct": return 0x7F << 11
    case "Pc", "Connector_Punctuation": return 1 << 11
    case "Pd", "Dash_Punctuation": return 1 << 12
    case "Ps", "Open_Punctuation": return 1 << 13
    case "Pe", "Close_Punctuation": return 1 << 14
    case "Pi", "Initial_Punctuation": return 1 << 15
    case "Pf", "Final_Punctuation": return 1 << 16
    case "Po", "Other_Punctuation": return 1 << 17
    case "S", "Symbol": return 0xF << 18
    case "Sm", "Math_Symbol": return 1 << 18
    case "Sc", "Currency_Symbol": return 1 << 19
    case "Sk", "Modifier_Symbol": return 1 << 20
    case "So", "Other_Symbol": return 1 << 21
    case "Z", "Separator": return 0x7 << 22
    case "Zs", "Space_Separator": return 1 << 22
    case "Zl", "Line_Separator": return 1 << 23
    case "Zp", "Paragraph_Separator": return 1 << 24
    case "C", "Other": return 0x1F << 25
    case "Cc", "Control", "cntrl": return 1 << 25
    case "Cf", "Format": return 1 << 26
    case "Cs", "Surrogate": return 1 << 27
    case "Co", "Private_Use": return 1 << 28
    case "Cn", "Unassigned": return 1 << 29
    default: return nil
    }
}

/// Binary Unicode properties answered by `Unicode.Scalar.Properties`.
enum RxProperty: UInt8 {
    case alphabetic, bidiControl, bidiMirrored, caseIgnorable, cased, changesWhenCasefolded
    case changesWhenCasemapped, changesWhenLowercased, changesWhenNFKCCasefolded, changesWhenTitlecased
    case changesWhenUppercased, dash, defaultIgnorable, deprecated, diacritic, emoji, emojiModifier
    case emojiModifierBase, emojiPresentation, extender, graphemeBase, graphemeExtend, hexDigit
    case idsBinaryOperator, idsTrinaryOperator, idContinue, idStart, ideographic, joinControl
    case logicalOrderException, lowercase, math, noncharacter, patternSyntax, patternWhiteSpace
    case quotationMark, radical, sentenceTerminal, softDotted, terminalPunctuation, unifiedIdeograph
    case uppercase, variationSelector, whiteSpace, xidContinue, xidStart

    init?(name: String) {
        switch name {
        case "Alphabetic", "Alpha": self = .alphabetic
        case "Bidi_Control", "Bidi_C": self = .bidiControl
        case "Bidi_Mirrored", "Bidi_M": self = .bidiMirrored
        case "Case_Ignorable", "CI": self = .caseIgnorable
        case "Cased": self = .cased
        case "Changes_When_Casefolded", "CWCF": self = .changesWhenCasefolded
        case "Changes_When_Casemapped", "CWCM": self = .changesWhenCasemapped
        case "Changes_When_Lowercased", "CWL": self = .changesWhenLowercased
        case "Changes_When_NFKC_Casefolded", "CWKCF": self = .changesWhenNFKCCasefolded
        case "Changes_When_Titlecased", "CWT": self = .changesWhenTitlecased
        case "Changes_When_Uppercased", "CWU": self = .changesWhenUppercased
        case "Dash": self = .dash
        case "Default_Ignorable_Code_Point", "DI": self = .defaultIgnorable
        case "Deprecated", "Dep": self = .deprecated
        case "Diacritic", "Dia": self = .diacritic
        case "Emoji": self = .emoji
        case "Emoji_Modifier", "EMod": self = .emojiModifier
        case "Emoji_Modifier_Base", "EBase": self = .emojiModifierBase
        case "Emoji_Presentation", "EPres": self = .emojiPresentation
        case "Extender", "Ext": self = .extender
        case "Grapheme_Base", "Gr_Base": self = .graphemeBase
        case "Grapheme_Extend", "Gr_Ext": self = .graphemeExtend
        case "Hex_Digit", "Hex": self = .hexDigit
        case "IDS_Binary_Operator", "IDSB": self = .idsBinaryOperator
        case "IDS_Trinary_Operator", "IDST": self = .idsTrinaryOperator
        case "ID_Continue", "IDC": self = .idContinue
        case "ID_Start", "IDS": self = .idStart
        case "Ideographic", "Ideo": self = .ideographic
        case "Join_Control", "Join_C": self = .joinControl
        case "Logical_Order_Exception", "LOE": self = .logicalOrderException
        case "Lowercase", "Lower": self = .lowercase
        case "Math": self = .math
        case "Noncharacter_Code_Point", "NChar": self = .noncharacter
        case "Pattern_Syntax", "Pat_Syn": self = .patternSyntax
        case "Pattern_White_Space", "Pat_WS": self = .patternWhiteSpace
        case "Quotation_Mark", "QMark": self = .quotationMark
        case "Radical": self = .radical
        case "Sentence_Terminal", "STerm": self = .sentenceTerminal
        case "Soft_Dotted", "SD": self = .softDotted
        case "Terminal_Punctuation", "Term": self = .terminalPunctuation
        case "Unified_Ideograph", "UIdeo": self = .unifiedIdeograph
        case "Uppercase", "Upper": self = .uppercase
        case "Variation_Selector", "VS": self = .variationSelector
        case "White_Space", "space": self = .whiteSpace
        case "XID_Continue", "XIDC": self = .xidContinue
        case "XID_Start", "XIDS": self = .xidStart
        default: return nil
        }
    }

    func holds(_ c: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(c) else { return false }
        let p = scalar.properties
        switch self {
        case .alphabetic: return p.isAlphabetic
        case .bidiControl: return p.isBidiControl
        case .bidiMirrored: return p.isBidiMirrored
        case .caseIgnorable: return p.isCaseIgnorable
        case .cased: return p.isCased
        case .changesWhenCasefolded: return p.changesWhenCaseFolded
        case .changesWhenCasemapped: return p.changesWhenCaseMapped
        case .changesWhenLowercased: return p.changesWhenLowercased
        case .changesWhenNFKCCasefolded: return p.changesWhenNFKCCaseFolded
        case .changesWhenTitlecased: return p.changesWhenTitlecased
        case .changesWhenUppercased: return p.changesWhenUppercased
        case .dash: return p.isDash
        case .defaultIgnorable: return p.isDefaultIgnorableCodePoint
        case .deprecated: return p.isDeprecated
        case .diacritic: return p.isDiacritic
        case .emoji: return p.isEmoji
        case .emojiModifier: return p.isEmojiModifier
        case .emojiModifierBase: return p.isEmojiModifierBase
        case .emojiPresentation: return p.isEmojiPresentation
        case .extender: return p.isExtender
        case .graphemeBase: return p.isGraphemeBase
        case .graphemeExtend: return p.isGraphemeExtend
        case .hexDigit: return p.isHexDigit
        case .idsBinaryOperator: return p.isIDSBinaryOperator
        case .idsTrinaryOperator: return p.isIDSTrinaryOperator
        case .idContinue: return p.isIDContinue
        case .idStart: return p.isIDStart
        case .ideographic: return p.isIdeographic
        case .joinControl: return p.isJoinControl
        case .logicalOrderException: return p.isLogicalOrderException
        case .lowercase: return p.isLowercase
        case .math: return p.isMath
        case .noncharacter: return p.isNoncharacterCodePoint
        case .patternSyntax: return p.isPatternSyntax
        case .patternWhiteSpace: return p.isPatternWhitespace
        case .quotationMark: return p.isQuotationMark
        case .radical: return p.isRadical
        case .sentenceTerminal: return p.isSentenceTerminal
        case .softDotted: return p.isSoftDotted
        case .terminalPunctuation: return p.isTerminalPunctuation
        case .unifiedIdeograph: return p.isUnifiedIdeograph
        case .uppercase: return p.isUppercase
        case .variationSelector: return p.isVariationSelector
        case .whiteSpace: return p.isWhitespace
        case .xidContinue: return p.isXIDContinue
        case .xidStart: return p.isXIDStart
        }
    }
}

// MARK: - Parser

struct RxParser {
    let s: [UInt32]
    var i = 0
    var table = RxClassTable()
    var groupCount = 0
    var definedNames: [String] = []
    let totalGroups: Int
    let prescannedNames: [String: Int]
    var hasBackrefs = false
    var depth = 0
    static let maxDepth = 100

    enum Escape {
        case char(UInt32)
        case set(RxClassBuilder)
        case boundary(Bool)
        case backref(Int)
    }

    init(_ scalars: [UInt32]) {
        s = scalars
        (totalGroups, prescannedNames) = RxParser.prescan(scalars)
    }

    /// Counts capturing groups and records group names, so `\2` and `\k<name>` may refer forward.
    static func prescan(_ s: [UInt32]) -> (Int, [String: Int]) {
        var count = 0, names: [String: Int] = [:]
        var i = 0, inClass = false
        while i < s.count {
            let c = s[i]
            if c == sc("\\") { i += 2; continue }
            if inClass {
                if c == sc("]") { inClass = false }
            } else if c == sc("[") {
                inClass = true
            } else if c == sc("(") {
                if i + 1 < s.count && s[i + 1] == sc("?") {
                    if i + 3 < s.count && s[i + 2] == sc("<") && s[i + 3] != sc("=") && s[i + 3] != sc("!") {
                        count += 1
                        var name = "", j = i + 3
                        while j < s.count && s[j] != sc(">") {
                            if let u = Unicode.Scalar(s[j]) { name.unicodeScalars.append(u) }
                            j += 1
                        }
                        if names[name] == nil { names[name] = count }
                    }
                } else {
                    count += 1
                }
            }
            i += 1
        }
        return (count, names)
    }

    func fail(_ message: String, _ at: Int) -> SchemaRegexError { SchemaRegexError(message: message, offset: at) }

    mutating func addClass(_ builder: RxClassBuilder, negated: Bool = false) -> Int {
        table.add(builder, negated: negated)
    }

    mutating func parse() throws(SchemaRegexError) -> RxNode {
        let node = try parseDisjunction()
        if i < s.count { throw fail("unmatched ')'", i) }   // a disjunction only stops early at ')'
        return node
    }

    mutating func parseDisjunction() throws(SchemaRegexError) -> RxNode {
        var alternatives = [try parseAlternative()]
        while i < s.count && s[i] == sc("|") {
            i += 1
            alternatives.append(try parseAlternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alt(alternatives)
    }

    mutating func parseAlternative() throws(SchemaRegexError) -> RxNode {
        var items: [RxNode] = []
        while i < s.count && s[i] != sc("|") && s[i] != sc(")") {
            items.append(try parseTerm())
        }
        return items.isEmpty ? .empty : items.count == 1 ? items[0] : .seq(items)
    }

    mutating func parseTerm() throws(SchemaRegexError) -> RxNode {
        let c = s[i]
        var atom: RxNode
        var quantifiable = true
        switch c {
        case "^": i += 1; atom = .start; quantifiable = false
        case "$": i += 1; atom = .end; quantifiable = false
        case ".":
            i += 1
            var b = RxClassBuilder()
            b.add(ranges: RxClassBuilder.lineTerminators, negated: true)
            atom = .set(addClass(b))
        case "[": atom = try parseClass()
        case "(": (atom, quantifiable) = try parseGroup()
        case "\\":
            switch try parseEscape(inClass: false) {
            case .char(let v): atom = .char(v)
            case .set(let b): atom = .set(addClass(b))
            case .boundary(let word): atom = .boundary(word); quantifiable = false
            case .backref(let g): atom = .backref(g); hasBackrefs = true
            }
        case "*", "+", "?": throw fail("nothing to repeat", i)
        case "{": throw fail(braces(at: i) != nil ? "nothing to repeat" : "lone quantifier bracket", i)
        case "}": throw fail("lone quantifier bracket", i)
        case "]": throw fail("unmatched ']'", i)
        default: i += 1; atom = .char(c)
        }
        guard i < s.count else { return atom }
        let at = i
        let lo: Int, hi: Int
        switch s[i] {
        case "*": lo = 0; hi = .max; i += 1
        case "+": lo = 1; hi = .max; i += 1
        case "?": lo = 0; hi = 1; i += 1
        case "{":
            guard let (a, b, length) = braces(at: i) else { throw fail("lone quantifier bracket", i) }
            if b < a { throw fail("numbers out of order in {} quantifier", i) }
            lo = a; hi = b; i += length
        default: return atom
        }
        if !quantifiable { throw fail("nothing to repeat", at) }
        var greedy = true
        if i < s.count && s[i] == sc("?") { greedy = false; i += 1 }
        return .rep(atom, min: lo, max: hi, greedy: greedy, at: at)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `j`: (min, max, length in scalars). Huge counts saturate.
    func braces(at j: Int) -> (Int, Int, Int)? {
        var k = j + 1
        func number(_ k: inout Int) -> Int? {
            var v = 0, digits = 0
            while k < s.count && isDigit(s[k]) {
                v = min(v * 10 + Int(s[k] - 0x30), 1 << 40)
                digits += 1
                k += 1
            }
            return digits > 0 ? v : nil
        }
        guard let lo = number(&k) else { return nil }
        var hi = lo
        if k < s.count && s[k] == sc(",") {
            k += 1
            hi = number(&k) ?? .max
        }
        guard k < s.count && s[k] == sc("}") else { return nil }
        return (lo, hi, k + 1 - j)
    }

    mutating func parseGroup() throws(SchemaRegexError) -> (RxNode, Bool) {
        let open = i
        depth += 1
        defer { depth -= 1 }
        if depth > RxParser.maxDepth { throw fail("pattern nested too deeply", open) }
        i += 1
        var capture = false, name: String? = nil
        var look: (behind: Bool, negated: Bool)? = nil
        if i < s.count && s[i] == sc("?") {
            let k1 = i + 1 < s.count ? s[i + 1] : 0
            let k2 = i + 2 < s.count ? s[i + 2] : 0
            switch k1 {
            case ":": i += 2
            case "=", "!": look = (false, k1 == sc("!")); i += 2
            case "<" where k2 == sc("=") || k2 == sc("!"): look = (true, k2 == sc("!")); i += 3
            case "<":
                i += 2
                name = try parseGroupName()
                capture = true
            default: throw fail("invalid group", open)
            }
        } else {
            capture = true
        }
        var index = 0
        if capture {
            groupCount += 1
            index = groupCount
            if let name {
                if definedNames.contains(name) { throw fail("duplicate capture group name", open) }
                definedNames.append(name)
            }
        }
        let body = try parseDisjunction()
        guard i < s.count && s[i] == sc(")") else { throw fail("unterminated group", open) }
        i += 1
        if let look { return (.look(body, behind: look.behind, negated: look.negated), false) }
        return (capture ? .group(body, index) : body, true)
    }

    /// After `(?<` or `\k<`: a group name and its closing `>`.
    mutating func parseGroupName() throws(SchemaRegexError) -> String {
        let start = i
        var name = ""
        while i < s.count && s[i] != sc(">") {
            guard let u = Unicode.Scalar(s[i]) else { throw fail("invalid capture group name", start) }
            let ok = u == "$" || u == "_"
                || (name.isEmpty ? u.properties.isIDStart
                                 : u.properties.isIDContinue || u.value == 0x200C || u.value == 0x200D)
            if !ok { throw fail("invalid capture group name", start) }
            name.unicodeScalars.append(u)
            i += 1
        }
        if i >= s.count || name.isEmpty { throw fail("invalid capture group name", start) }
        i += 1
        return name
    }

    mutating func parseClass() throws(SchemaRegexError) -> RxNode {
        let open = i
        i += 1
        var negated = false
        if i < s.count && s[i] == sc("^") { negated = true; i += 1 }
        var b = RxClassBuilder()
        while true {
            guard i < s.count else { throw fail("unterminated character class", open) }
            if s[i] == sc("]") { i += 1; break }
            let first = i
            let a = try parseClassAtom()
            if i + 1 < s.count && s[i] == sc("-") && s[i + 1] != sc("]") {
                i += 1
                let z = try parseClassAtom()
                guard case .char(let lo) = a, case .char(let hi) = z else {
                    throw fail("invalid character class range", first)
                }
                if lo > hi { throw fail("range out of order in character class", first) }
                b.add(lo, hi)
            } else {
                switch a {
                case .char(let v): b.add(v, v)
                case .set(let other): b.merge(other)
                default: break
                }
            }
        }
        return .set(addClass(b, negated: negated))
    }

    mutating func parseClassAtom() throws(SchemaRegexError) -> Escape {
        if s[i] == sc("\\") { return try parseEscape(inClass: true) }
        i += 1
        return .char(s[i - 1])
    }

    /// At a backslash. Rules are the `u`-flag ones: no identity escapes of ordinary characters.
    mutating func parseEscape(inClass: Bool) throws(SchemaRegexError) -> Escape {
        let start = i
        i += 1
        guard i < s.count else { throw fail("\\ at end of pattern", start) }
        let c = s[i]
        i += 1
        switch c {
        case "d", "D", "s", "S", "w", "W":
            var b = RxClassBuilder()
            b.add(escape: c)
            return .set(b)
        case "p", "P":
            return .set(try parseProperty(negated: c == sc("P"), start))
        case "b":
            return inClass ? .char(8) : .boundary(true)
        case "B":
            if inClass { throw fail("invalid escape '\\B' in character class", start) }
            return .boundary(false)
        case "1", "2", "3", "4", "5", "6", "7", "8", "9":
            if inClass { throw fail("invalid escape in character class", start) }
            var v = Int(c - 0x30)
            while i < s.count && isDigit(s[i]) {
                v = min(v * 10 + Int(s[i] - 0x30), 1 << 30)
                i += 1
            }
            if v > totalGroups { throw fail("invalid backreference", start) }
            return .backref(v)
        case "0":
            if i < s.count && isDigit(s[i]) { throw fail("invalid decimal escape", start) }
            return .char(0)
        case "k":
            guard !inClass, i < s.count, s[i] == sc("<") else { throw fail("invalid named reference", start) }
            i += 1
            let name: String
            do { name = try parseGroupName() } catch { throw fail("invalid named reference", start) }
            guard let g = prescannedNames[name] else { throw fail("invalid named reference", start) }
            return .backref(g)
        case "t": return .char(0x09)
        case "n": return .char(0x0A)
        case "v": return .char(0x0B)
        case "f": return .char(0x0C)
        case "r": return .char(0x0D)
        case "c":
            guard i < s.count, (0x41...0x5A).contains(s[i]) || (0x61...0x7A).contains(s[i]) else {
                throw fail("invalid control escape", start)
            }
            i += 1
            return .char(s[i - 1] % 32)
        case "x":
            guard i + 1 < s.count, let h1 = hexValue(s[i]), let h2 = hexValue(s[i + 1]) else {
                throw fail("invalid hexadecimal escape", start)
            }
            i += 2
            return .char(h1 << 4 | h2)
        case "u":
            return .char(try parseUnicodeEscape(start))
        case "-":
            if inClass { return .char(c) }
            throw fail("invalid escape '\\-' outside a character class", start)
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return .char(c)
        default:
            let shown = Unicode.Scalar(c).map { String(Character($0)) } ?? "?"
            throw fail("invalid escape '\\\(shown)'", start)
        }
    }

    func hex4(at j: Int) -> UInt32? {
        guard j + 3 < s.count else { return nil }
        var v: UInt32 = 0
        for k in j..<(j + 4) {
            guard let h = hexValue(s[k]) else { return nil }
            v = v << 4 | h
        }
        return v
    }

    /// After `\u`: `HHHH` (a surrogate pair of two such escapes makes one scalar) or `{H...}`.
    mutating func parseUnicodeEscape(_ start: Int) throws(SchemaRegexError) -> UInt32 {
        if i < s.count && s[i] == sc("{") {
            var j = i + 1, v: UInt32 = 0, digits = 0
            while j < s.count, let h = hexValue(s[j]) {
                v = v << 4 | h
                if v > 0x10FFFF { throw fail("invalid unicode escape", start) }
                digits += 1
                j += 1
            }
            guard digits > 0, j < s.count, s[j] == sc("}") else { throw fail("invalid unicode escape", start) }
            i = j + 1
            return v
        }
        guard let v = hex4(at: i) else { throw fail("invalid unicode escape", start) }
        i += 4
        if (0xD800...0xDBFF).contains(v), i + 1 < s.count, s[i] == sc("\\"), s[i + 1] == sc("u"),
           let low = hex4(at: i + 2), (0xDC00...0xDFFF).contains(low) {
            i += 6
            return 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
        }
        return v
    }

    /// After `\p` or `\P`: `{Name}` or `{Name=Value}`.
    mutating func parseProperty(negated: Bool, _ start: Int) throws(SchemaRegexError) -> RxClassBuilder {
        guard i < s.count && s[i] == sc("{") else { throw fail("invalid property name", start) }
        var j = i + 1, text = ""
        while j < s.count && s[j] != sc("}") {
            let c = s[j]
            guard (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
                || c == sc("_") || c == sc("="), let u = Unicode.Scalar(c) else {
                throw fail("invalid property name", start)
            }
            text.unicodeScalars.append(u)
            j += 1
        }
        guard j < s.count, !text.isEmpty else { throw fail("invalid property name", start) }
        i = j + 1
        var b = RxClassBuilder()
        if let eq = text.firstIndex(of: "=") {
            let name = String(text[..<eq]), value = String(text[text.index(after: eq)...])
            switch name {
            case "General_Category", "gc":
                guard let mask = rxCategoryMask(value) else { throw fail("unknown general category '\(value)'", start) }
                b.add(category: mask, negated: negated)
            case "Script", "sc", "Script_Extensions", "scx":
                throw fail("unsupported unicode property '\(text)' (scripts are not supported)", start)
            default:
                throw fail("unknown unicode property '\(text)'", start)
            }
            return b
        }
        if let mask = rxCategoryMask(text) {
            b.add(category: mask, negated: negated)
        } else if let property = RxProperty(name: text) {
            b.add(property: property, negated: negated)
        } else {
            switch text {
            case "Any": b.add(ranges: [(0, 0x10FFFF)], negated: negated)
            case "ASCII": b.add(ranges: [(0, 0x7F)], negated: negated)
            case "ASCII_Hex_Digit", "AHex": b.add(ranges: [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)], negated: negated)
            case "Regional_Indicator", "RI": b.add(ranges: [(0x1F1E6, 0x1F1FF)], negated: negated)
            case "Assigned": b.add(category: 1 << 29, negated: !negated)
            case "Emoji_Component", "EComp", "Extended_Pictographic", "ExtPict":
                throw fail("unsupported unicode property '\(text)'", start)
            default:
                throw fail("unknown unicode property '\(text)'", start)
            }
        }
        return b
    }
}

// MARK: - Program

enum RxOp: UInt8 {
    case char, charBack, set, setBack, rep, repBack, split, jump, start, end, boundary, notBoundary
    case save, mark, check, clear, backref, backrefBack, look, succeed
}

/// One instruction. Field use by op:
/// char: a = scalar · set: a = class · rep: a = class, b = min, c = max (`RxInst.unbounded`),
/// g = 0 lazy, 1 greedy, 3 possessive (greedy, and giving back cannot help),
/// d = repetition cache slot · split: a = preferred target, b = other · jump: a = target ·
/// save/mark/check: a = register · clear: a = first register, b = count · backref: a = group ·
/// look: a = lookaround index, b = continuation, g = 1 behind | 2 negated | 4 result cacheable (body
/// starts at pc + 1).
/// m = memo row (-1 if none, or when a backreference is reachable), body = innermost lookaround body + 1
/// (0 = main program).
struct RxInst: Sendable {
    var op: RxOp
    var g: UInt8 = 0
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = 0
    var m: Int32 = -1
    var body: Int32 = 0

    static let unbounded = Int32.max
}

struct RxProgram: Sendable {
    var insts: [RxInst] = []
    var table = RxClassTable()
    var registers = 0           // capture slots (only with backreferences) then loop-progress registers
    var captures = false        // whether groups are recorded (the pattern has backreferences)
    var lookCount = 0
    var mainRows = 0
    var bodyRows = 0
    var repCount = 0
    var anchored = false        // starts with ^: one attempt at position 0
    var minLength = 0
    var firstChar: UInt32? = nil
    var firstClass: Int32 = -1
}

// MARK: - Compiler

struct RxCompiler {
    var p = RxProgram()
    var singleClass: [UInt32: Int] = [:]
    var bodies: [(start: Int, end: Int, id: Int32)] = []
    static let maxInstructions = 100_000

    static func compile(_ tree: RxNode, parser: RxParser) throws(SchemaRegexError) -> RxProgram {
        var c = RxCompiler()
        c.p.table = parser.table
        c.p.captures = parser.hasBackrefs
        c.p.registers = parser.hasBackrefs ? 2 * parser.groupCount : 0
        try c.gen(tree, back: false)
        _ = try c.emit(RxInst(op: .succeed), at: 0)
        c.finish(tree)
        return c.p
    }

    mutating func emit(_ inst: RxInst, at offset: Int) throws(SchemaRegexError) -> Int {
        if p.insts.count >= RxCompiler.maxInstructions {
            throw SchemaRegexError(message: "pattern is too large", offset: offset)
        }
        p.insts.append(inst)
        return p.insts.count - 1
    }

    mutating func finish(_ tree: RxNode) {
        for body in bodies {
            for pc in body.start..<body.end { p.insts[pc].body = body.id }
        }
        // Memoization is sound for a state when its outcome cannot depend on the captures: when no
        // backreference is reachable from it. Without backreferences, that is every state.
        var reachesBackref = [Bool](repeating: false, count: p.insts.count)
        if p.captures {
            var predecessors = [[Int32]](repeating: [], count: p.insts.count)
            var work: [Int] = []
            for (pc, ins) in p.insts.enumerated() {
                var next: [Int] = []
                switch ins.op {
                case .split: next = [Int(ins.a), Int(ins.b)]
                case .jump: next = [Int(ins.a)]
                case .look: next = [pc + 1, Int(ins.b)]
                case .succeed: next = []
                case .backref, .backrefBack: next = [pc + 1]; reachesBackref[pc] = true; work.append(pc)
                default: next = [pc + 1]
                }
                for target in next where target < p.insts.count { predecessors[target].append(Int32(pc)) }
            }
            while let pc = work.popLast() {
                for before in predecessors[pc] where !reachesBackref[Int(before)] {
                    reachesBackref[Int(before)] = true
                    work.append(Int(before))
                }
            }
        }
        for pc in p.insts.indices where !reachesBackref[pc] {
            switch p.insts[pc].op {
            case .look:
                p.insts[pc].g |= 4   // its result may be cached per position
            case .split, .rep, .repBack:
                if p.insts[pc].body == 0 {
                    p.insts[pc].m = Int32(p.mainRows); p.mainRows += 1
                } else {
                    p.insts[pc].m = Int32(p.bodyRows); p.bodyRows += 1
                }
                if p.insts[pc].op != .split { p.insts[pc].d = Int32(p.repCount); p.repCount += 1 }
            default: break
            }
        }
        // A greedy single-scalar repetition whose continuation cannot start with a scalar of its class
        // never gives anything back: mark it possessive (`[a-z]+-`, `[0-9]+$`).
        for pc in p.insts.indices where p.insts[pc].op == .rep && p.insts[pc].g == 1 {
            let k = Int(p.insts[pc].a)
            if let (low, high, wide) = firstScalars(from: pc + 1),
               low & p.table.ascii[2 * k] == 0, high & p.table.ascii[2 * k + 1] == 0,
               !(wide && p.table.classes[k].reachesNonASCII) {
                p.insts[pc].g = 3
            }
        }
        p.anchored = p.insts[0].op == .start
        p.minLength = min(RxCompiler.minLength(tree), Int(Int32.max))
        let first = p.insts[0]
        switch first.op {
        case .char: p.firstChar = UInt32(bitPattern: first.a)
        case .set: p.firstClass = first.a
        case .rep where first.b > 0: p.firstClass = first.a
        default: break
        }
    }

    /// The scalars a match can continue with from `start` (ASCII bitmap, and whether any non-ASCII
    /// scalar can), assuming a scalar follows (so `$` cannot match); nil when anything could happen.
    func firstScalars(from start: Int) -> (UInt64, UInt64, Bool)? {
        var low: UInt64 = 0, high: UInt64 = 0, wide = false
        var work = [start], done = Set<Int>()
        while let pc = work.popLast() {
            guard done.insert(pc).inserted else { continue }
            if done.count > 64 { return nil }
            let ins = p.insts[pc]
            switch ins.op {
            case .char:
                let c = UInt32(bitPattern: ins.a)
                if c < 64 { low |= 1 << UInt64(c) } else if c < 128 { high |= 1 << UInt64(c - 64) } else { wide = true }
            case .set, .rep:
                let k = Int(ins.a)
                low |= p.table.ascii[2 * k]
                high |= p.table.ascii[2 * k + 1]
                wide = wide || p.table.classes[k].reachesNonASCII
                if ins.op == .rep && ins.b == 0 { work.append(pc + 1) }
            case .split: work += [Int(ins.a), Int(ins.b)]
            case .jump: work.append(Int(ins.a))
            case .save, .mark, .check, .clear: work.append(pc + 1)
            case .end: break
            default: return nil
            }
        }
        return (low, high, wide)
    }

    static func minLength(_ node: RxNode) -> Int {
        switch node {
        case .char, .set: return 1
        case .seq(let items): return items.reduce(0) { min($0 + minLength($1), 1 << 40) }
        case .alt(let items): return items.map(minLength).min() ?? 0
        case .group(let body, _): return minLength(body)
        case .rep(let body, let lo, _, _, _): return min(minLength(body) * min(lo, 1 << 20), 1 << 40)
        default: return 0
        }
    }

    /// Lowest and highest capture group inside a node.
    static func groupSpan(_ node: RxNode) -> (Int, Int)? {
        func join(_ x: (Int, Int)?, _ y: (Int, Int)?) -> (Int, Int)? {
            guard let x else { return y }
            guard let y else { return x }
            return (min(x.0, y.0), max(x.1, y.1))
        }
        switch node {
        case .seq(let items), .alt(let items): return items.reduce(nil) { join($0, groupSpan($1)) }
        case .group(let body, let index): return join((index, index), groupSpan(body))
        case .look(let body, _, _), .rep(let body, _, _, _, _): return groupSpan(body)
        default: return nil
        }
    }

    /// The class of a single-scalar atom, so its repetition can be one instruction.
    mutating func atomClass(_ node: RxNode) -> Int? {
        switch node {
        case .set(let k): return k
        case .char(let v):
            if let k = singleClass[v] { return k }
            var b = RxClassBuilder()
            b.add(v, v)
            let k = p.table.add(b)
            singleClass[v] = k
            return k
        case .seq(let items) where items.count == 1: return atomClass(items[0])
        case .group(let body, _) where !p.captures: return atomClass(body)
        default: return nil
        }
    }

    mutating func gen(_ node: RxNode, back: Bool) throws(SchemaRegexError) {
        switch node {
        case .empty:
            break
        case .char(let v):
            _ = try emit(RxInst(op: back ? .charBack : .char, a: Int32(bitPattern: v)), at: 0)
        case .set(let k):
            _ = try emit(RxInst(op: back ? .setBack : .set, a: Int32(k)), at: 0)
        case .seq(let items):
            if back {
                for item in items.reversed() { try gen(item, back: back) }
            } else {
                for item in items { try gen(item, back: back) }
            }
        case .alt(let items):
            var jumps: [Int] = []
            for (index, item) in items.enumerated() {
                if index == items.count - 1 {
                    try gen(item, back: back)
                } else {
                    let split = try emit(RxInst(op: .split), at: 0)
                    p.insts[split].a = Int32(split + 1)
                    try gen(item, back: back)
                    jumps.append(try emit(RxInst(op: .jump), at: 0))
                    p.insts[split].b = Int32(p.insts.count)
                }
            }
            for jump in jumps { p.insts[jump].a = Int32(p.insts.count) }
        case .group(let body, let index):
            if p.captures {
                let open = Int32(2 * (index - 1)), close = open + 1
                _ = try emit(RxInst(op: .save, a: back ? close : open), at: 0)
                try gen(body, back: back)
                _ = try emit(RxInst(op: .save, a: back ? open : close), at: 0)
            } else {
                try gen(body, back: back)
            }
        case .look(let body, let behind, let negated):
            let index = p.lookCount
            p.lookCount += 1
            let pc = try emit(RxInst(op: .look, g: (behind ? 1 : 0) | (negated ? 2 : 0), a: Int32(index)), at: 0)
            let slot = bodies.count
            bodies.append((pc + 1, 0, Int32(index + 1)))
            try gen(body, back: behind)
            _ = try emit(RxInst(op: .succeed), at: 0)
            bodies[slot].end = p.insts.count
            p.insts[pc].b = Int32(p.insts.count)
        case .rep(let body, let lo, let hi, let greedy, let at):
            try genRepeat(body, lo, hi, greedy, at, back)
        case .start:
            _ = try emit(RxInst(op: .start), at: 0)
        case .end:
            _ = try emit(RxInst(op: .end), at: 0)
        case .boundary(let word):
            _ = try emit(RxInst(op: word ? .boundary : .notBoundary), at: 0)
        case .backref(let group):
            _ = try emit(RxInst(op: back ? .backrefBack : .backref, a: Int32(group)), at: 0)
        }
    }

    mutating func genRepeat(_ body: RxNode, _ lo: Int, _ hi: Int, _ greedy: Bool, _ at: Int,
                            _ back: Bool) throws(SchemaRegexError) {
        if hi == 0 { return }
        if let k = atomClass(body) {
            let top = hi == .max ? RxInst.unbounded : Int32(min(hi, Int(RxInst.unbounded) - 1))
            _ = try emit(RxInst(op: back ? .repBack : .rep, g: greedy ? 1 : 0, a: Int32(k),
                                b: Int32(min(lo, Int(RxInst.unbounded) - 1)), c: top), at: at)
            return
        }
        // Measure one copy of the body, then take it back out: repetition unrolls it.
        let saved = (p.insts.count, p.lookCount, bodies.count, p.registers)
        try gen(body, back: back)
        let size = p.insts.count - saved.0
        p.insts.removeLast(size)
        (p.lookCount, p.registers) = (saved.1, saved.3)
        bodies.removeLast(bodies.count - saved.2)
        if size == 0 { return }    // an empty body matches empty however often it repeats
        let copies = hi == .max ? lo + 1 : hi
        if copies > (RxCompiler.maxInstructions - p.insts.count) / (size + 4) {
            throw SchemaRegexError(message: "pattern is too large (repetition counts too big)", offset: at)
        }
        // ECMA-262 fails an iteration beyond the minimum that matches empty. Without backreferences
        // that only prunes paths that lead nowhere new, and a loop only needs it to stop looping in
        // place. With backreferences it matters (such an iteration resets the captures inside), so
        // then every iteration beyond the minimum checks that it moved.
        let nullable = RxCompiler.minLength(body) == 0
        let exact = nullable && p.captures
        var clear: (Int, Int)? = nil
        if p.captures, let (first, last) = RxCompiler.groupSpan(body) { clear = (2 * (first - 1), 2 * (last - first + 1)) }
        func copy(_ c: inout RxCompiler) throws(SchemaRegexError) {
            if let (first, count) = clear {
                _ = try c.emit(RxInst(op: .clear, a: Int32(first), b: Int32(count)), at: at)
            }
            try c.gen(body, back: back)
        }
        func point(_ c: inout RxCompiler, _ split: Int, body target: Int, exit: Int) {
            c.p.insts[split].a = Int32(greedy ? target : exit)
            c.p.insts[split].b = Int32(greedy ? exit : target)
        }
        if hi == .max {
            if lo == 0 || exact {
                for _ in 0..<lo { try copy(&self) }
                // L: split B, E · B: [mark r] body [check r] · jump L · E:
                let loop = p.insts.count
                let split = try emit(RxInst(op: .split), at: at)
                let register = p.registers
                if nullable { p.registers += 1; _ = try emit(RxInst(op: .mark, a: Int32(register)), at: at) }
                try copy(&self)
                if nullable { _ = try emit(RxInst(op: .check, a: Int32(register)), at: at) }
                _ = try emit(RxInst(op: .jump, a: Int32(loop)), at: at)
                point(&self, split, body: split + 1, exit: p.insts.count)
            } else {
                for _ in 0..<(lo - 1) { try copy(&self) }
                // L: [mark r] body · split C, E · C: [check r] jump L · E:
                let loop = p.insts.count
                let register = p.registers
                if nullable { p.registers += 1; _ = try emit(RxInst(op: .mark, a: Int32(register)), at: at) }
                try copy(&self)
                let split = try emit(RxInst(op: .split), at: at)
                if nullable {
                    _ = try emit(RxInst(op: .check, a: Int32(register)), at: at)
                    _ = try emit(RxInst(op: .jump, a: Int32(loop)), at: at)
                    point(&self, split, body: split + 1, exit: p.insts.count)
                } else {
                    point(&self, split, body: loop, exit: split + 1)
                }
            }
        } else {
            for _ in 0..<lo { try copy(&self) }
            var splits: [Int] = []
            let register = p.registers
            if exact { p.registers += 1 }
            for _ in 0..<(hi - lo) {
                splits.append(try emit(RxInst(op: .split), at: at))
                if exact { _ = try emit(RxInst(op: .mark, a: Int32(register)), at: at) }
                try copy(&self)
                if exact { _ = try emit(RxInst(op: .check, a: Int32(register)), at: at) }
            }
            let exit = p.insts.count
            for split in splits { point(&self, split, body: split + 1, exit: exit) }
        }
    }
}

// MARK: - Matching

struct RxFrame {
    var kind: Int32
    var pc: Int32
    var pos: Int
    var aux: Int

    static let alternative: Int32 = 0, restore: Int32 = 1, greedy: Int32 = 2, lazy: Int32 = 3
    static let greedyBack: Int32 = 4, lazyBack: Int32 = 5
}

extension RxProgram {
    func matches(_ text: String, steps: inout Int) -> Bool? {
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            let count = bytes.count
            if count < minLength { return false }
            return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: count + 1) { buffer -> Bool? in
                let out = buffer.baseAddress!
                var i = 0, n = 0
                while i < count {
                    let b0 = UInt32(bytes[i])
                    if b0 < 0x80 {
                        out[n] = b0; i += 1
                    } else if b0 < 0xE0 {
                        out[n] = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F); i += 2
                    } else if b0 < 0xF0 {
                        out[n] = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                        i += 3
                    } else {
                        out[n] = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                            | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                        i += 4
                    }
                    n += 1
                }
                return search(UnsafePointer(out), n, steps: &steps)
            }
        }
    }

    func search(_ input: UnsafePointer<UInt32>, _ n: Int, steps: inout Int) -> Bool? {
        if n < minLength { return false }
        if !table.usesCategories { return search(input, n, categories: UnsafeBufferPointer(start: nil, count: 0), steps: &steps) }
        return rxBMPCategories.withUnsafeBufferPointer { search(input, n, categories: $0, steps: &steps) }
    }

    func search(_ input: UnsafePointer<UInt32>, _ n: Int, categories: UnsafeBufferPointer<UInt8>, steps: inout Int) -> Bool? {
        insts.withUnsafeBufferPointer { code -> Bool? in
        table.ascii.withUnsafeBufferPointer { ascii -> Bool? in
        table.classes.withUnsafeBufferPointer { classes -> Bool? in
        table.ranges.withUnsafeBufferPointer { ranges -> Bool? in
        table.props.withUnsafeBufferPointer { props -> Bool? in
        withUnsafeTemporaryAllocation(of: RxFrame.self, capacity: 32) { stack -> Bool? in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(registers, 1)) { regs -> Bool? in
            regs.initialize(repeating: -1)
            let sets = RxClassSet(ascii: ascii, classes: classes, ranges: ranges, props: props, categories: categories)
            var ex = RxExec(program: self, code: code, sets: sets, input: input, n: n, stack: stack.baseAddress!,
                            capacity: stack.count, regs: regs.baseAddress!, allowance: steps)
            defer {
                ex.releaseStack()
                steps = max(0, steps - ex.steps)
            }
            if anchored {
                let found = ex.run(0, 0) >= 0
                return ex.aborted ? nil : found
            }
            let last = n - minLength
            var start = 0
            while start <= last {
                if let c = firstChar {
                    while start <= last && input[start] != c { start += 1 }
                    if start > last { return false }
                } else if firstClass >= 0 {
                    while start <= last && !sets.has(firstClass, input[start]) { start += 1 }
                    if start > last { return false }
                }
                if ex.run(0, start) >= 0 { return true }
                if ex.aborted { return nil }
                start += 1
            }
            return false
        }}}}}}}
    }
}

/// Memoization tables of one long search (see `RxExec.slowTick`).
final class RxMemo {
    var visited: [UInt64]       // main program: one bit per (row, position)
    var stamps: [UInt32]        // lookaround bodies: invocation epoch per (row, position)
    var epochs: [UInt32]        // current invocation epoch of each lookaround body (index 0: main)
    var epochCounter: UInt32
    var lookResults: [UInt8]    // (lookaround, position): 0 unknown, 1 body matched, 2 it did not
    var runs: [Int]             // per unbounded rep instruction, see `RxExec.repeatMemo`

    init(mainRows: Int, bodyRows: Int, lookCount: Int, repCount: Int, n: Int) {
        visited = [UInt64](repeating: 0, count: (mainRows * (n + 1) + 63) >> 6)
        stamps = [UInt32](repeating: 0, count: bodyRows * (n + 1))
        epochs = (0...lookCount).map { $0 == 0 ? 1 : UInt32($0) + 1 }
        epochCounter = UInt32(lookCount) + 1
        lookResults = [UInt8](repeating: 0, count: lookCount * (n + 1))
        runs = [Int](repeating: -1, count: 5 * repCount)
    }

    func newEpoch(body: Int) {
        epochCounter &+= 1
        epochs[body] = epochCounter
    }

    /// True when this (instruction, position) state was explored before (for a lookaround body: in
    /// this invocation of it); otherwise records it.
    @inline(__always) func seen(_ ins: RxInst, _ pos: Int, _ n: Int) -> Bool {
        if ins.m < 0 { return false }   // not memoizable (a backreference is reachable)
        let index = Int(ins.m) * (n + 1) + pos
        if ins.body == 0 {
            let bit: UInt64 = 1 << UInt64(index & 63)
            if visited[index >> 6] & bit != 0 { return true }
            visited[index >> 6] |= bit
            return false
        }
        let e = epochs[Int(ins.body)]
        if stamps[index] == e { return true }
        stamps[index] = e
        return false
    }
}

/// A program's character classes, as seen during one `matches` call.
struct RxClassSet {
    let ascii: UnsafeBufferPointer<UInt64>
    let classes: UnsafeBufferPointer<RxClass>
    let ranges: UnsafeBufferPointer<UInt32>
    let props: UnsafeBufferPointer<UInt16>
    let categories: UnsafeBufferPointer<UInt8>   // general categories of the BMP, when a class uses them

    @inline(__always) func has(_ k: Int32, _ c: UInt32) -> Bool {
        if c < 128 { return (ascii[Int(k) &* 2 &+ Int(c >> 6)] >> UInt64(c & 63)) & 1 != 0 }
        return hasWide(classes[Int(k)], c)
    }

    func hasWide(_ cls: RxClass, _ c: UInt32) -> Bool {
        var lo = Int(cls.rangeStart) >> 1, hi = Int(cls.rangeEnd) >> 1
        let end = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if ranges[2 * mid + 1] < c { lo = mid + 1 } else { hi = mid }
        }
        if lo < end && ranges[2 * lo] <= c { return !cls.negated }
        if cls.gc != 0 || cls.hasGcNeg {
            let bit: UInt32 = 1 << UInt32(c < 0x10000 ? categories[Int(c)] : rxCategoryIndex(c))
            if cls.gc & bit != 0 || (cls.hasGcNeg && cls.gcNeg & bit == 0) { return !cls.negated }
        }
        for j in Int(cls.propStart)..<Int(cls.propEnd) {
            let p = props[j]
            if RxProperty(rawValue: UInt8(p >> 1))!.holds(c) != (p & 1 != 0) { return !cls.negated }
        }
        return cls.negated
    }
}

/// The state of one `matches` call.
struct RxExec {
    let code: UnsafeBufferPointer<RxInst>
    let sets: RxClassSet
    let input: UnsafePointer<UInt32>
    let n: Int
    var stack: UnsafeMutablePointer<RxFrame>
    var capacity: Int
    var stackOnHeap = false
    var sp = 0
    let regs: UnsafeMutablePointer<Int>
    let captures: Bool

    // Budget and memoization.
    var steps = 0
    var nextCheck: Int
    var budget: Int
    let activateAt: Int
    let memoAllowed: Bool
    var memoOn = false
    var aborted = false
    let mainRows: Int, bodyRows: Int, lookCount: Int, repCount: Int
    var memo: RxMemo! = nil         // created when the search gets long

    init(program: RxProgram, code: UnsafeBufferPointer<RxInst>, sets: RxClassSet, input: UnsafePointer<UInt32>, n: Int,
         stack: UnsafeMutablePointer<RxFrame>, capacity: Int, regs: UnsafeMutablePointer<Int>, allowance: Int) {
        self.code = code
        self.sets = sets
        self.input = input
        self.n = n
        self.stack = stack
        self.capacity = capacity
        self.regs = regs
        captures = program.captures
        mainRows = program.mainRows
        bodyRows = program.bodyRows
        lookCount = program.lookCount
        repCount = program.repCount
        budget = min(5_000_000 + 64 * n, allowance)
        activateAt = 1_000 + 4 * n
        // Memo tables: at most 32 MB of bits for the main program and 32 MB of stamps for lookarounds.
        memoAllowed = mainRows * (n + 1) <= 1 << 28 && bodyRows * (n + 1) <= 1 << 23
        nextCheck = min(budget, memoAllowed ? activateAt : budget)
    }

    /// The most frames the backtracking stack may hold (48 MB): beyond it the search gives up.
    static let maxFrames = 1 << 21

    mutating func releaseStack() {
        if stackOnHeap { stack.deallocate() }
    }

    @inline(__always) mutating func isWord(_ i: Int) -> Bool {
        guard i >= 0 && i < n else { return false }
        let c = input[i]
        return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
    }

    @inline(__always) mutating func push(_ kind: Int32, _ pc: Int, _ pos: Int, _ aux: Int) {
        if sp == capacity { grow() }
        stack[sp] = RxFrame(kind: kind, pc: Int32(truncatingIfNeeded: pc), pos: pos, aux: aux)
        sp += 1
    }

    mutating func grow() {
        guard capacity < Self.maxFrames else {
            // Give up at the next step; until then the top frame is overwritten.
            sp -= 1
            budget = 0
            nextCheck = 0
            return
        }
        let bigger = UnsafeMutablePointer<RxFrame>.allocate(capacity: capacity * 2)
        bigger.initialize(from: stack, count: sp)
        if stackOnHeap { stack.deallocate() }
        stack = bigger
        capacity *= 2
        stackOnHeap = true
    }

    /// Counts a step; false when the budget is spent.
    @inline(__always) mutating func tick() -> Bool {
        steps &+= 1
        return steps < nextCheck || slowTick()
    }

    mutating func slowTick() -> Bool {
        if steps >= budget { aborted = true; return false }
        if memoAllowed && !memoOn && steps >= activateAt {
            memo = RxMemo(mainRows: mainRows, bodyRows: bodyRows, lookCount: lookCount, repCount: repCount, n: n)
            memoOn = true
        }
        nextCheck = budget
        return true
    }

    @inline(__always) mutating func seen(_ ins: RxInst, _ pos: Int) -> Bool { memo.seen(ins, pos, n) }

    /// Runs from `pc` at `pos` until `succeed`: the end position, or -1. On success the frames the
    /// run pushed are left on the stack (the caller drops or keeps them); on failure they are gone.
    mutating func run(_ startPc: Int, _ startPos: Int) -> Int {
        let base = sp
        let sets = self.sets, input = self.input, n = self.n, code = self.code
        var pc = startPc, pos = startPos
        while true {
            let ins = code[pc]
            var ok = true
            switch ins.op {
            case .char:
                if pos < n && input[pos] == UInt32(bitPattern: ins.a) { pos += 1; pc += 1 } else { ok = false }
            case .charBack:
                if pos > 0 && input[pos - 1] == UInt32(bitPattern: ins.a) { pos -= 1; pc += 1 } else { ok = false }
            case .set:
                if pos < n && sets.has(ins.a, input[pos]) { pos += 1; pc += 1 } else { ok = false }
            case .setBack:
                if pos > 0 && sets.has(ins.a, input[pos - 1]) { pos -= 1; pc += 1 } else { ok = false }
            case .jump:
                pc = Int(ins.a)
            case .split:
                if memoOn && seen(ins, pos) { ok = false; break }
                guard tick() else { return -1 }
                push(RxFrame.alternative, Int(ins.b), pos, 0)
                pc = Int(ins.a)
            case .rep, .repBack:
                let unbounded = ins.c == RxInst.unbounded
                if memoOn && ins.m >= 0 {
                    if seen(ins, pos) { ok = false; break }
                    if unbounded {
                        guard tick() else { return -1 }
                        if repeatMemo(ins, pc, &pos) { pc += 1 } else { ok = false }
                        break
                    }
                }
                guard tick() else { return -1 }
                let lo = Int(ins.b)
                if ins.op == .rep {
                    let limit = unbounded ? n : min(n, pos + Int(ins.c))
                    let scanTo = ins.g != 0 ? limit : min(limit, pos + lo)
                    var e = pos
                    while e < scanTo && sets.has(ins.a, input[e]) { e += 1 }
                    let got = e - pos
                    steps &+= got >> 3
                    if got < lo { ok = false; break }
                    if ins.g != 0 {
                        if got > lo && ins.g == 1 { push(RxFrame.greedy, pc, pos, got - 1) }
                        pos = e
                    } else {
                        if Int(ins.c) > lo { push(RxFrame.lazy, pc, pos, lo) }
                        pos += lo
                    }
                } else {
                    let limit = unbounded ? 0 : max(0, pos - Int(ins.c))
                    let scanTo = ins.g != 0 ? limit : max(limit, pos - lo)
                    var e = pos
                    while e > scanTo && sets.has(ins.a, input[e - 1]) { e -= 1 }
                    let got = pos - e
                    steps &+= got >> 3
                    if got < lo { ok = false; break }
                    if ins.g != 0 {
                        if got > lo { push(RxFrame.greedyBack, pc, pos, got - 1) }
                        pos = e
                    } else {
                        if Int(ins.c) > lo { push(RxFrame.lazyBack, pc, pos, lo) }
                        pos -= lo
                    }
                }
                pc += 1
            case .start:
                if pos == 0 { pc += 1 } else { ok = false }
            case .end:
                if pos == n { pc += 1 } else { ok = false }
            case .boundary:
                if isWord(pos - 1) != isWord(pos) { pc += 1 } else { ok = false }
            case .notBoundary:
                if isWord(pos - 1) == isWord(pos) { pc += 1 } else { ok = false }
            case .save, .mark:
                let r = Int(ins.a)
                push(RxFrame.restore, r, regs[r], 0)
                regs[r] = pos
                pc += 1
            case .check:
                if regs[Int(ins.a)] == pos { ok = false } else { pc += 1 }
            case .clear:
                for r in Int(ins.a)..<Int(ins.a + ins.b) where regs[r] != -1 {
                    push(RxFrame.restore, r, regs[r], 0)
                    regs[r] = -1
                }
                pc += 1
            case .backref, .backrefBack:
                let g = Int(ins.a) - 1
                let from = regs[2 * g], to = regs[2 * g + 1]
                if from < 0 || to < 0 { pc += 1; break }
                let length = to - from
                let at = ins.op == .backref ? pos : pos - length
                if at < 0 || at + length > n { ok = false; break }
                var k = 0
                while k < length && input[from + k] == input[at + k] { k += 1 }
                if k < length { ok = false; break }
                pos = ins.op == .backref ? pos + length : at
                pc += 1
            case .look:
                let index = Int(ins.a)
                let negated = ins.g & 2 != 0
                var matched: Bool
                let cacheable = memoOn && ins.g & 4 != 0
                let cached = cacheable ? memo.lookResults[index * (n + 1) + pos] : 0
                if cached != 0 {
                    matched = cached == 1
                } else {
                    if memoOn { memo.newEpoch(body: index + 1) }
                    let lookBase = sp
                    let result = run(pc + 1, pos)
                    if aborted { return -1 }
                    matched = result >= 0
                    if matched {
                        if !captures {
                            sp = lookBase
                        } else if negated {
                            unwind(to: lookBase)
                        } else {
                            keepRestores(above: lookBase)   // captures set inside stay; alternatives go
                        }
                    }
                    if memoOn && ins.g & 4 != 0 { memo.lookResults[index * (n + 1) + pos] = matched ? 1 : 2 }
                }
                if matched != negated { pc = Int(ins.b) } else { ok = false }
            case .succeed:
                return pos
            }
            if !ok {
                guard backtrack(base, &pc, &pos) else { return -1 }
            }
        }
    }

    /// An unbounded single-scalar repetition once memoization is on. The order in which continuations
    /// are tried no longer matters (the search only asks whether one succeeds), so lazy ones run greedy.
    /// Per instruction, `memo.runs` keeps (at 5 × d):
    /// - [0], [1]: a known run of class scalars [lo, hi) whose far end (hi forward, lo backward) is where
    ///   the class stops matching or the text ends. It does not depend on the lookaround invocation.
    /// - [2], [3], [4]: epoch, lo, hi: visits in that invocation from the positions [lo, hi] (forward) or
    ///   (lo, hi] (backward) of one run have tried every continuation they could reach: [lo + min, hi]
    ///   forward, [lo, hi - min] backward. Later visits inside that span fail at once, and visits that
    ///   extend it only try the new continuations. This keeps `(.*a){12}` or `.*.*=.*` linear.
    mutating func repeatMemo(_ ins: RxInst, _ pc: Int, _ pos: inout Int) -> Bool {
        let sets = self.sets, input = self.input, n = self.n
        let k = 5 * Int(ins.d), least = Int(ins.b), cls = ins.a
        let epoch = Int(memo.epochs[Int(ins.body)])
        let knownLo = memo.runs[k], knownHi = memo.runs[k + 1]
        let known = knownHi >= 0
        if ins.op == .rep {
            var end: Int
            if known && knownLo <= pos && pos <= knownHi {
                end = knownHi
            } else {
                let joins = known && pos < knownLo
                var e = pos
                let stop = joins ? knownLo : n
                while e < stop && sets.has(cls, input[e]) { e += 1 }
                steps &+= (e - pos) >> 3
                if joins && e == stop {
                    end = knownHi
                    memo.runs[k] = pos
                } else {
                    end = e
                    memo.runs[k] = pos
                    memo.runs[k + 1] = e
                }
            }
            if end - pos < least { return false }
            var top = end
            if memo.runs[k + 2] == epoch && memo.runs[k + 4] == end {
                let triedLo = memo.runs[k + 3]
                if triedLo <= pos { return false }
                memo.runs[k + 3] = pos
                if ins.g == 3 { return false }   // possessive: only the run's end could work, and it was tried
                top = triedLo + least - 1
            } else {
                memo.runs[k + 2] = epoch
                memo.runs[k + 3] = pos
                memo.runs[k + 4] = end
            }
            if top - pos > least && ins.g != 3 { push(RxFrame.greedy, pc, pos, top - pos - 1) }
            pos = top
            return true
        }
        var start: Int
        if known && knownLo <= pos && pos <= knownHi {
            start = knownLo
        } else {
            let joins = known && pos > knownHi
            var e = pos
            let stop = joins ? knownHi : 0
            while e > stop && sets.has(cls, input[e - 1]) { e -= 1 }
            steps &+= (pos - e) >> 3
            if joins && e == stop {
                start = knownLo
                memo.runs[k + 1] = pos
            } else {
                start = e
                memo.runs[k] = e
                memo.runs[k + 1] = pos
            }
        }
        if pos - start < least { return false }
        var top = start
        if memo.runs[k + 2] == epoch && memo.runs[k + 3] == start {
            let triedHi = memo.runs[k + 4]
            if pos <= triedHi { return false }
            memo.runs[k + 4] = pos
            top = triedHi - least + 1
        } else {
            memo.runs[k + 2] = epoch
            memo.runs[k + 3] = start
            memo.runs[k + 4] = pos
        }
        if pos - top > least { push(RxFrame.greedyBack, pc, pos, pos - top - 1) }
        pos = top
        return true
    }

    /// Pops frames down to `base` until one gives a new state to try.
    @inline(__always) mutating func backtrack(_ base: Int, _ pc: inout Int, _ pos: inout Int) -> Bool {
        let sets = self.sets, input = self.input, n = self.n, code = self.code
        while sp > base {
            sp -= 1
            let f = stack[sp]
            switch f.kind {
            case RxFrame.restore:
                regs[Int(f.pc)] = f.pos
                continue
            case RxFrame.alternative:
                guard tick() else { return false }
                pc = Int(f.pc); pos = f.pos
                return true
            case RxFrame.greedy, RxFrame.greedyBack:
                guard tick() else { return false }
                let count = f.aux
                if count > Int(code[Int(f.pc)].b) { stack[sp].aux = count - 1; sp += 1 }
                pc = Int(f.pc) + 1
                pos = f.kind == RxFrame.greedy ? f.pos + count : f.pos - count
                return true
            default:   // lazy, lazyBack
                guard tick() else { return false }
                let ins = code[Int(f.pc)]
                let count = f.aux
                let q = f.kind == RxFrame.lazy ? f.pos + count : f.pos - count - 1
                guard count < Int(ins.c), q >= 0, q < n, sets.has(ins.a, input[q]) else { continue }
                if count + 1 < Int(ins.c) { stack[sp].aux = count + 1; sp += 1 }
                pc = Int(f.pc) + 1
                pos = f.kind == RxFrame.lazy ? q + 1 : q
                return true
            }
        }
        return false
    }

    mutating func unwind(to base: Int) {
        while sp > base {
            sp -= 1
            if stack[sp].kind == RxFrame.restore { regs[Int(stack[sp].pc)] = stack[sp].pos }
        }
    }

    mutating func keepRestores(above base: Int) {
        var w = base
        for r in base..<sp where stack[r].kind == RxFrame.restore {
            stack[w] = stack[r]
            w += 1
        }
        sp = w
    }
}
