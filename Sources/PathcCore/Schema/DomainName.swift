import Foundation

/// Host names: RFC 1123 labels for `hostname`, and IDNA2008 (RFC 5890-5893) for `idn-hostname`
/// and for any `xn--` label of either. Foundation has no IDNA, so the parts of RFC 5892's
/// derived properties that matter are approximated here: a code point is allowed when it is a
/// lowercase or caseless letter, a mark or a digit that NFKC leaves alone, plus RFC 5892's
/// exception lists and contextual rules; scripts, bidirectional classes and joining types come
/// from the hand-written ranges below (docs/validator.md lists the approximations).
enum DomainName {
    static let maxLabelLength = 63
    static let maxNameLength = 253

    /// `normalizing` reads the name in NFC first, as mail software does with the domain of an
    /// address (the suite's idn-email accepts a decomposed `café.com`); a bare idn-hostname must
    /// already be in NFC.
    static func isValid(_ bytes: Bytes, _ start: Int, _ end: Int, international: Bool, normalizing: Bool = false) -> Bool {
        guard end > start else { return false }
        var asciiOnly = true
        for index in start..<end where bytes[index] >= 0x80 {
            asciiOnly = false
            break
        }
        if asciiOnly, let plain = isPlainASCIIName(bytes, start, end) { return plain }
        // A name of 253 characters takes at most 4 bytes each, separators included: anything
        // longer is invalid, and the label checks below need not bound their own work.
        guard international || asciiOnly, end - start <= 4 * maxNameLength else { return false }
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes.buffer[start..<end]), as: UTF8.self)
        if normalizing { text = text.precomposedStringWithCanonicalMapping }
        let labels = text.unicodeScalars.split(omittingEmptySubsequences: false) { isSeparator($0.value) }
        var decoded: [[UInt32]] = []
        var length = labels.count - 1
        for label in labels {
            guard let (uLabel, encodedLength) = checkedLabel(label.map(\.value)) else { return false }
            decoded.append(uLabel)
            length += encodedLength
        }
        return length <= maxNameLength && satisfiesBidiRule(decoded)
    }

    private static func isSeparator(_ scalar: UInt32) -> Bool {
        scalar == 0x2E || scalar == 0x3002 || scalar == 0xFF0E || scalar == 0xFF61
    }

    /// Letters, digits and hyphens between dots, without allocating; nil when a label has
    /// hyphens in its third and fourth places (an A-label), which needs the IDNA checks.
    private static func isPlainASCIIName(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool? {
        guard end - start <= maxNameLength else { return false }
        var labelStart = start
        while labelStart <= end {
            let labelEnd = bytes.firstIndex(of: UInt8(ascii: "."), from: labelStart, to: end) ?? end
            let length = labelEnd - labelStart
            guard length >= 1, length <= maxLabelLength else { return false }
            if length >= 4, bytes[labelStart + 2] == UInt8(ascii: "-"), bytes[labelStart + 3] == UInt8(ascii: "-") { return nil }
            guard bytes[labelStart] != UInt8(ascii: "-"), bytes[labelEnd - 1] != UInt8(ascii: "-") else { return false }
            for index in labelStart..<labelEnd where !(Formats.isAlphaNumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-")) {
                return false
            }
            labelStart = labelEnd + 1
        }
        return true
    }

    /// A label as a U-label with its length in A-label form, or nil when IDNA2008 rejects it.
    private static func checkedLabel(_ scalars: [UInt32]) -> ([UInt32], Int)? {
        // Each code point takes at least one character of the A-label.
        guard !scalars.isEmpty, scalars.count <= maxLabelLength else { return nil }
        if scalars.allSatisfy({ $0 < 0x80 }) {
            guard scalars.count <= maxLabelLength else { return nil }
            let lowered = scalars.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if lowered.count >= 4, lowered[2] == 0x2D, lowered[3] == 0x2D {
                // Only `xn--` may use hyphens there, and what follows must be canonical Punycode
                // of a valid label with something beyond ASCII.
                guard lowered[0] == 0x78, lowered[1] == 0x6E, let uLabel = Punycode.decode(Array(lowered[4...])),
                      uLabel.contains(where: { $0 >= 0x80 }), Punycode.encode(uLabel) == Array(lowered[4...]),
                      isULabel(uLabel) else { return nil }
                return (uLabel, scalars.count)
            }
            guard lowered.first != 0x2D, lowered.last != 0x2D,
                  lowered.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) else { return nil }
            return (lowered, scalars.count)
        }
        guard isULabel(scalars), let encoded = Punycode.encode(scalars), 4 + encoded.count <= maxLabelLength else { return nil }
        return (scalars, 4 + encoded.count)
    }

    /// RFC 5891 section 5.4 and RFC 5892: the code points, hyphens, leading marks, contexts and NFC.
    static func isULabel(_ label: [UInt32]) -> Bool {
        guard !label.isEmpty, label.first != 0x2D, label.last != 0x2D,
              !(label.count >= 4 && label[2] == 0x2D && label[3] == 0x2D),
              let first = Unicode.Scalar(label[0]), !isMark(first) else { return false }
        for index in label.indices where !isAllowed(label, at: index) { return false }
        let text = String(String.UnicodeScalarView(label.compactMap(Unicode.Scalar.init)))
        return text.precomposedStringWithCanonicalMapping.unicodeScalars.map(\.value) == label
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isAllowed(_ label: [UInt32], at index: Int) -> Bool {
        let code = label[index]
        let before = index > 0 ? label[index - 1] : nil
        let after = index + 1 < label.count ? label[index + 1] : nil
        switch code {
        case 0x61...0x7A, 0x30...0x39, 0x2D: return true
        case 0...0x7F: return false
        // RFC 5892 section 2.6: exceptions.
        case 0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007: return true
        case 0x640, 0x7FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return false
        // Appendix A: contextual rules.
        case 0xB7: return before == 0x6C && after == 0x6C
        case 0x375: return after.map(isGreek) ?? false
        case 0x5F3, 0x5F4: return before.map(isHebrew) ?? false
        case 0x30FB: return label.contains { $0 != 0x30FB && isJapanese($0) }
        case 0x660...0x669: return !label.contains { (0x6F0...0x6F9).contains($0) }
        case 0x6F0...0x6F9: return !label.contains { (0x660...0x669).contains($0) }
        case 0x200D: return before.map(isVirama) ?? false
        case 0x200C: return (before.map(isVirama) ?? false) || joinsAcross(label, at: index)
        default:
            guard let scalar = Unicode.Scalar(code) else { return false }
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber: break
            default: return false
            }
            // Stable under NFKC and case folding, as IDNA2008's derivation demands.
            let text = String(scalar)
            return text.lowercased() == text && text.precomposedStringWithCompatibilityMapping == text
        }
    }

    private static func isVirama(_ code: UInt32) -> Bool {
        Unicode.Scalar(code).map { $0.properties.canonicalCombiningClass.rawValue == 9 } ?? false
    }

    private static func isTransparent(_ code: UInt32) -> Bool {
        Unicode.Scalar(code).map { $0.properties.generalCategory == .nonspacingMark } ?? false
    }

    /// Arabic-script letters, taken as dual-joining: enough for the ZWNJ rule between two of them.
    private static func isJoining(_ code: UInt32) -> Bool {
        switch code {
        case 0x620...0x64A, 0x66E...0x66F, 0x671...0x6D3, 0x6D5, 0x6EE...0x6EF, 0x6FA...0x6FC, 0x6FF, 0x750...0x77F, 0x8A0...0x8C9:
            return true
        default:
            return false
        }
    }

    /// RFC 5892 appendix A.1: a joining letter, transparent marks, ZWNJ, marks, a joining letter.
    private static func joinsAcross(_ label: [UInt32], at index: Int) -> Bool {
        var before = index - 1
        while before >= 0, isTransparent(label[before]) { before -= 1 }
        var after = index + 1
        while after < label.count, isTransparent(label[after]) { after += 1 }
        return before >= 0 && after < label.count && isJoining(label[before]) && isJoining(label[after])
    }

    private static func isGreek(_ code: UInt32) -> Bool {
        switch code {
        case 0x370...0x373, 0x376...0x377, 0x37A...0x37D, 0x37F, 0x384, 0x386, 0x388...0x3E1, 0x3F0...0x3FF, 0x1D26...0x1D2A,
             0x1F00...0x1FFE:
            return true
        default:
            return false
        }
    }

    private static func isHebrew(_ code: UInt32) -> Bool { (0x591...0x5F4).contains(code) || (0xFB1D...0xFB4F).contains(code) }

    /// Hiragana, Katakana or Han.
    private static func isJapanese(_ code: UInt32) -> Bool {
        switch code {
        case 0x3005, 0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3041...0x309F, 0x30A1...0x30FA, 0x30FD...0x30FF, 0x31F0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9D, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    private enum BidiClass {
        case left, right, arabicLetter, europeanNumber, arabicNumber, separator, otherNeutral, boundaryNeutral, nonspacingMark
    }

    private static func bidiClass(_ code: UInt32) -> BidiClass {
        switch code {
        case 0x30...0x39, 0x6F0...0x6F9: return .europeanNumber
        case 0x660...0x669, 0x66B...0x66C: return .arabicNumber
        case 0x2D: return .separator
        case 0xB7, 0x375, 0x30FB: return .otherNeutral
        case 0x200C, 0x200D: return .boundaryNeutral
        default: break
        }
        if let scalar = Unicode.Scalar(code), isMark(scalar), scalar.properties.generalCategory != .spacingMark { return .nonspacingMark }
        switch code {
        case 0x590...0x5FF, 0x7C0...0x85F, 0xFB1D...0xFB4F, 0x10800...0x10FFF, 0x1E800...0x1EDFF: return .right
        case 0x600...0x7BF, 0x860...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x1EE00...0x1EEFF: return .arabicLetter
        default: return .left
        }
    }

    /// RFC 5893 section 2, for a name with a right-to-left label: every label must pass it.
    private static func satisfiesBidiRule(_ labels: [[UInt32]]) -> Bool {
        let classes = labels.map { $0.map(bidiClass) }
        guard classes.contains(where: { $0.contains { $0 == .right || $0 == .arabicLetter || $0 == .arabicNumber } }) else { return true }
        for label in classes {
            guard let first = label.first else { return false }
            let last = label.last { $0 != .nonspacingMark }
            switch first {
            case .right, .arabicLetter:
                guard !label.contains(.left), !(label.contains(.europeanNumber) && label.contains(.arabicNumber)) else { return false }
                guard let last, [.right, .arabicLetter, .europeanNumber, .arabicNumber].contains(last) else { return false }
            case .left:
                guard !label.contains(where: { $0 == .right || $0 == .arabicLetter || $0 == .arabicNumber }) else { return false }
                guard let last, last == .left || last == .europeanNumber else { return false }
            default:
                return false
            }
        }
        return true
    }
}

/// RFC 3492 Punycode for IDNA labels, on code points; nil for input it cannot decode or encode.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    private static func adapt(_ delta: Int, _ points: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / points
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int { k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias }

    static func decode(_ input: [UInt32]) -> [UInt32]? {
        var output: [UInt32] = []
        var position = 0
        if let delimiter = input.lastIndex(of: 0x2D) {
            output = Array(input[..<delimiter])
            position = delimiter + 1
        }
        var n = initialN, i = 0, bias = initialBias
        while position < input.count {
            let old = i
            var weight = 1, k = base
            while true {
                guard position < input.count else { return nil }
                let code = input[position]
                position += 1
                let digit: Int
                switch code {
                case 0x30...0x39: digit = Int(code) - 0x30 + 26
                case 0x41...0x5A: digit = Int(code) - 0x41
                case 0x61...0x7A: digit = Int(code) - 0x61
                default: return nil
                }
                i += digit * weight
                guard i < 0x7FFF_FFFF else { return nil }
                let t = threshold(k, bias)
                if digit < t { break }
                weight *= base - t
                guard weight < 0x7FFF_FFFF else { return nil }
                k += base
            }
            bias = adapt(i - old, output.count + 1, old == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        return output
    }

    static func encode(_ input: [UInt32]) -> [UInt32]? {
        var output = input.filter { $0 < 0x80 }
        let basic = output.count
        var handled = basic
        if basic > 0 { output.append(0x2D) }
        var n = initialN, delta = 0, bias = initialBias
        while handled < input.count {
            guard let next = input.filter({ Int($0) >= n }).min() else { return nil }
            delta += (Int(next) - n) * (handled + 1)
            n = Int(next)
            for code in input {
                if Int(code) < n { delta += 1 }
                guard Int(code) == n else { continue }
                var q = delta, k = base
                while true {
                    let t = threshold(k, bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, handled + 1, handled == basic)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return output
    }

    private static func digit(_ value: Int) -> UInt32 { UInt32(value < 26 ? 0x61 + value : 0x30 + value - 26) }
}
