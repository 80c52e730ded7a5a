import XCTest
@testable import PathcCore

/// Self-contained tests for the ECMA-262 (`u` flag) engine behind `pattern` and `patternProperties`.
final class SchemaRegexTests: XCTestCase {
    private func regex(_ pattern: String, file: StaticString = #filePath, line: UInt = #line) -> SchemaRegex? {
        do {
            return try SchemaRegex(pattern)
        } catch {
            XCTFail("/\(pattern)/ did not compile: \(error.message) at \(error.offset)", file: file, line: line)
            return nil
        }
    }

    private func check(_ cases: [(String, String, Bool)], file: StaticString = #filePath, line: UInt = #line) {
        for (pattern, text, expected) in cases {
            guard let r = regex(pattern, file: file, line: line) else { continue }
            XCTAssertEqual(r.matches(text), expected, "/\(pattern)/ on \(text.debugDescription)", file: file, line: line)
        }
    }

    func testLiteralsDotAndAnchors() {
        check([
            ("", "", true), ("", "anything", true),
            ("abc", "xxabcxx", true), ("abc", "ab", false), ("abc", "ABC", false),
            ("^abc", "abcd", true), ("^abc", "xabc", false), ("abc$", "xabc", true), ("abc$", "abcx", false),
            ("^abc$", "abc", true), ("^abc$", "abc\n", false), ("^$", "", true), ("^$", "\n", false),
            ("a.c", "abc", true), ("a.c", "a\nc", false), ("a.c", "a\rc", false), ("a.c", "a\u{2028}c", false),
            ("a.c", "a\u{2029}c", false), ("a.c", "a\tc", true), ("a.c", "aéc", true), ("^.$", "😀", true),
            ("^..$", "😀", false), ("^.$", "é", true), ("^.$", "e\u{301}", false), ("^é$", "é", true),
            ("x^", "x", false), ("$x", "x", false), ("a|^b", "cb", false), ("a|^b", "bc", true),
            ("^😀+$", "😀😀", true), ("^[😀-😂]$", "😁", true), ("^[😀-😂]$", "😃", false),
        ])
    }

    func testCharacterClasses() {
        check([
            ("^[abc]+$", "abcabc", true), ("^[abc]+$", "abd", false), ("^[^abc]$", "d", true), ("^[^abc]$", "a", false),
            ("^[a-z]$", "m", true), ("^[a-z]$", "M", false), ("^[a-zA-Z0-9_]+$", "Az_09", true),
            ("^[-a]+$", "-a-", true), ("^[a-]+$", "-a-", true), ("^[a-c-e]+$", "a-e", true), ("^[a-c-e]+$", "d", false),
            ("^[\\d]+$", "123", true), ("^[\\D]+$", "abc", true), ("^[\\D]+$", "a1", false),
            ("^[\\w-]+$", "a-b_c", true), ("^[\\s\\S]+$", "a\nb", true), ("^[^\\s]+$", "a b", false),
            ("^[\\]]$", "]", true), ("^[\\[]$", "[", true), ("^[[]$", "[", true), ("^[\\\\]$", "\\", true),
            ("^[\\-]$", "-", true), ("^[.]$", "a", false), ("^[.]$", ".", true), ("^[$^]+$", "^$", true),
            ("^[\\b]$", "\u{8}", true), ("^[\\n\\t]+$", "\n\t", true), ("^[\\x41-\\x43]+$", "ABC", true),
            ("^[\\u0041-\\u{43}]+$", "ABC", true), ("^[\\u0041-\\u{43}]+$", "ABCD", false),
            ("[]", "", false), ("[]", "a", false), ("^[^]$", "\n", true), ("^[^]*$", "any\nthing", true),
            ("^[é-ë]$", "ê", true), ("^[é-ë]$", "e", false), ("^[^é]$", "e", true), ("^[^é]$", "é", false),
            ("^[\\p{Lu}\\d]+$", "AB12", true), ("^[\\p{Lu}\\d]+$", "aB", false), ("^[^\\p{L}]+$", "12!", true),
            ("^[^\\p{L}]+$", "1a", false), ("^[\\P{L}]+$", "12", true), ("^[\\P{L}\\P{N}]+$", "a1!", true),
        ])
    }

    func testEscapes() {
        check([
            ("^\\d+$", "0123456789", true), ("^\\d$", "\u{0660}", false), ("^\\D$", "\u{0660}", true),
            ("^\\w+$", "azAZ09_", true), ("^\\w$", "é", false), ("^\\W$", "é", true), ("^\\W$", "_", false),
            ("^\\s+$", " \t\n\u{B}\u{C}\r\u{A0}\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{FEFF}", true),
            ("^\\s$", "\u{200B}", false), ("^\\s$", "\u{85}", false), ("^\\S$", "\u{85}", true), ("^\\S$", " ", false),
            ("^\\t\\n\\r\\f\\v$", "\t\n\r\u{C}\u{B}", true), ("^\\0$", "\u{0}", true),
            ("^\\cJ$", "\n", true), ("^\\cj$", "\n", true), ("^\\cC$", "\u{3}", true),
            ("^\\x41\\x7a$", "Az", true), ("^\\u00e9$", "é", true), ("^\\u{1F600}$", "😀", true),
            ("^\\u{0000041}$", "A", true), ("^\\ud83d\\ude00$", "😀", true),
            ("^\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/$", "^$\\.*+?()[]{}|/", true),
            ("\\bfoo\\b", "a foo b", true), ("\\bfoo\\b", "afoo", false), ("\\bfoo\\b", "foo", true),
            ("\\Bfoo", "afoo", true), ("\\Bfoo", "a foo", false), ("^\\b$", "", false), ("^\\B$", "", true),
            ("\\bé", " é", false), ("o\\b", "foo!", true),
        ])
    }

    func testUnicodeProperties() {
        check([
            ("^\\p{L}+$", "héllo", true), ("^\\p{Letter}+$", "π", true), ("^\\p{Letter}+$", "123", false),
            ("^\\p{Lu}+$", "ÉA", true), ("^\\p{Lu}+$", "éA", false), ("^\\p{Ll}$", "é", true), ("^\\p{Lt}$", "ǅ", true),
            ("^\\p{Lo}$", "中", true), ("^\\p{Lm}$", "ʰ", true), ("^\\p{M}$", "\u{301}", true), ("^\\p{Mn}$", "\u{301}", true),
            ("^\\p{N}+$", "1½Ⅳ", true), ("^\\p{Nd}+$", "1٣", true), ("^\\p{Nd}+$", "½", false), ("^\\p{Nl}$", "Ⅳ", true),
            ("^\\p{No}$", "½", true), ("^\\p{digit}+$", "৪২", true), ("^\\p{P}+$", "!-(", true), ("^\\p{Pd}$", "-", true),
            ("^\\p{S}+$", "+$^©", true), ("^\\p{Sc}$", "€", true), ("^\\p{Z}$", " ", true), ("^\\p{Zs}$", "\u{3000}", true),
            ("^\\p{Zl}$", "\u{2028}", true), ("^\\p{C}$", "\u{0}", true), ("^\\p{Cc}$", "\u{7}", true), ("^\\p{Cf}$", "\u{200D}", true),
            ("^\\p{Co}$", "\u{E000}", true), ("^\\p{Cn}$", "\u{378}", true), ("^\\P{L}+$", "123", true), ("^\\P{L}$", "a", false),
            ("^\\p{gc=Lu}$", "A", true), ("^\\p{General_Category=Decimal_Number}$", "7", true),
            ("^\\p{LC}$", "a", true), ("^\\p{LC}$", "中", false), ("^\\p{Any}$", "\n", true), ("^\\p{ASCII}+$", "abc~", true),
            ("^\\p{ASCII}$", "é", false), ("^\\P{ASCII}$", "é", true), ("^\\p{Alphabetic}+$", "aé中", true),
            ("^\\p{White_Space}$", "\u{85}", true), ("^\\p{Emoji_Presentation}$", "😀", true), ("^\\p{Emoji}$", "a", false),
            ("^\\p{Uppercase}$", "A", true), ("^\\p{Lowercase}$", "A", false), ("^\\p{ID_Start}\\p{ID_Continue}*$", "x1_", true),
            ("^\\p{Hex_Digit}+$", "09afAF", true), ("^\\p{AHex}+$", "09afAFg", false), ("^\\p{Assigned}$", "\u{378}", false),
            ("^\\p{RI}{2}$", "🇫🇷", true), ("\\p{Letter}cole", "l'école", true), ("\\p{Letter}cole", "L'ÉCOLE", false),
        ])
    }

    func testGroupsAlternationAndQuantifiers() {
        check([
            ("^(ab)+$", "ababab", true), ("^(ab)+$", "ababa", false), ("^(?:ab)*$", "", true), ("^(?<pair>ab){2}$", "abab", true),
            ("^(a|b|c)+$", "abcba", true), ("^(a|b|c)+$", "abcd", false), ("^(|a)+$", "aaa", true), ("^(a|)+$", "", true),
            ("cat|dog", "hotdog", true), ("cat|dog", "cow", false), ("^(cat|dog)s?$", "dogs", true), ("^a|b$", "xb", true),
            ("^a*$", "", true), ("^a+$", "", false), ("^a?b$", "b", true), ("^a?b$", "aab", false),
            ("^a{3}$", "aaa", true), ("^a{3}$", "aa", false), ("^a{3}$", "aaaa", false),
            ("^a{2,}$", "a", false), ("^a{2,}$", "aaaaaa", true), ("^a{2,4}$", "aaaa", true), ("^a{2,4}$", "aaaaa", false),
            ("^a{0}$", "", true), ("^a{0}b$", "ab", false), ("^(ab){2,3}$", "ababab", true), ("^(ab){2,3}$", "abababab", false),
            ("^(ab){0,2}c$", "c", true), ("^(?:a|bc){2,}$", "abca", true), ("^(?:a|bc){2,}$", "bc", false),
            ("^a*?b$", "aab", true), ("^a+?$", "aaa", true), ("^a??b$", "ab", true), ("^(a{2,3}?)+$", "aaaaa", true),
            ("^(?:a{1,2}?){2}$", "aaa", true), ("^[ab]{2,3}?c$", "abac", true), ("^.*?x$", "abcx", true),
            ("^(?:x*)*$", "xxx", true), ("^(?:x*)*y$", "xxz", false), ("^(?:x?)*y$", "xxy", true),
            ("^(?:(?:a)?){3}b$", "ab", true), ("^(a*)+b$", "aab", true), ("^(a*)*$", "b", false), ("^(?:)+$", "", true),
            ("^a{1000}$", String(repeating: "a", count: 1000), true), ("^(?:ab){100}$", String(repeating: "ab", count: 100), true),
            ("^.{2,3}$", "😀😀", true), ("^.{2,3}$", "😀", false),
        ])
    }

    func testLookaround() {
        check([
            ("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123", true), ("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef", false),
            ("^(?!foo)\\w+$", "bar", true), ("^(?!foo)\\w+$", "food", false), ("foo(?=bar)", "foobar", true),
            ("foo(?=bar)", "foobaz", false), ("foo(?!bar)", "foobar", false), ("foo(?!bar)", "foobaz", true),
            ("(?<=\\$)\\d+", "cost $42", true), ("(?<=\\$)\\d+", "cost 42", false), ("(?<!\\$)\\b\\d+", "$42", false),
            ("(?<!\\$)\\b\\d+", "42", true), ("(?<=^a+)b", "aaab", true), ("(?<=^a+)b", "xab", false),
            ("(?<=ab|cde)x", "cdex", true), ("(?<=ab|cde)x", "dex", false), ("(?<=a(?=b)b)c", "abc", true),
            ("^(?:(?!ab).)*$", "aaccbb", true), ("^(?:(?!ab).)*$", "acab", false), ("(?=a)", "bab", true),
            ("^(?=(a+))a*b$", "aaab", true), ("(?<![a-z])\\d", "a1 2", true), ("(?<![a-z])\\d", "a1", false),
            ("(?<=\\d{3})x", "12x", false), ("(?<=\\d{3})x", "123x", true), ("(?<=é.)z", "éxz", true),
        ])
    }

    func testBackreferences() {
        check([
            ("^(a|b)\\1$", "aa", true), ("^(a|b)\\1$", "ab", false), ("^(\\w+) \\1$", "hey hey", true),
            ("^(\\w+) \\1$", "hey you", false), ("^(?<q>['\"]).*\\k<q>$", "'x'", true), ("^(?<q>['\"]).*\\k<q>$", "'x\"", false),
            ("^\\1(a)$", "a", true), ("^(a)?\\1b$", "b", true), ("^(?:(a)|b)\\1$", "b", true),
            ("^(?:(a)|b)+\\1$", "abb", true), ("^(?:(a)|b)+\\1$", "aba", false), ("^(?:(a)|b)+\\1$", "aa", true),
            ("(?<=(\\d)\\1)x", "12x", true), ("(?<=\\1(\\d))x", "11x", true), ("(?<=\\1(\\d))x", "12x", false), ("^(a+)\\1$", "aaaa", true),
            ("^(a+)\\1$", "aaa", false), ("\\k<n>(?<n>x)", "x", true), ("^(?<a>.)(?<b>.)\\k<b>\\k<a>$", "abba", true),
        ])
    }

    func testProductPatterns() {
        check([
            ("^[a-z0-9]+(-[a-z0-9]+)*$", "onboarding-flow-2026", true), ("^[a-z0-9]+(-[a-z0-9]+)*$", "a", true),
            ("^[a-z0-9]+(-[a-z0-9]+)*$", "a--b", false), ("^[a-z0-9]+(-[a-z0-9]+)*$", "-a", false),
            ("^[a-z0-9]+(-[a-z0-9]+)*$", "a-", false), ("^[a-z0-9]+(-[a-z0-9]+)*$", "Abc", false),
            ("^[a-z0-9]+(-[a-z0-9]+)*$", "", false), ("^[a-z0-9]+(-[a-z0-9]+)*$", "ab-cd\n", false),
            ("^[0-9]+[dwm]$", "30d", true), ("^[0-9]+[dwm]$", "2w", true), ("^[0-9]+[dwm]$", "12y", false),
            ("^[0-9]+[dwm]$", "d", false), ("^[0-9]{4}(-Q[1-4]|-H[1-2])?$", "2026", true),
            ("^[0-9]{4}(-Q[1-4]|-H[1-2])?$", "2026-Q3", true), ("^[0-9]{4}(-Q[1-4]|-H[1-2])?$", "2026-H2", true),
            ("^[0-9]{4}(-Q[1-4]|-H[1-2])?$", "2026-Q5", false), ("^[0-9]{4}(-Q[1-4]|-H[1-2])?$", "202-Q1", false),
            ("^[0-9]{4}(-Q[1-4]|-H[1-2])?$", "2026-H3", false), ("^-?[0-9]+(\\.[0-9]+)?%$", "12.5%", true),
            ("^-?[0-9]+(\\.[0-9]+)?%$", "-3%", true), ("^-?[0-9]+(\\.[0-9]+)?%$", "3.%", false),
            ("^-?[0-9]+(\\.[0-9]+)?%$", "12.5", false), ("^(PW[0-9]{4}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$", "PW0042", true),
            ("^(PW[0-9]{4}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$", "pw-x9", true),
            ("^(PW[0-9]{4}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$", "PW42", false),
            ("^(PW[0-9]{4}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$", "9lives", false),
        ])
    }

    /// Cases from the JSON Schema Test Suite (draft 2020-12 pattern, patternProperties, optional/ecmascript-regex,
    /// optional/non-bmp-regex), as pattern/text/match triples.
    func testConformanceSuiteCases() {
        let letterCole = "Les hivers de mon enfance étaient des saisons longues, longues. Nous vivions en trois lieux: l'école, l'église et la patinoire; mais la vraie vie était sur la patinoire."
        check([
            ("^a*$", "aaa", true), ("^a*$", "abc", false), ("a+", "xxaayy", true),
            ("^\\p{Letter}+$", "Hello", true), ("^\\p{Letter}+$", "π", true), ("^\\p{Letter}+$", "123", false),
            ("f.*o", "foo", true), ("f.*o", "foooooo", true), ("a*", "aaaa", true), ("aaa*", "a", false),
            ("[0-9]{2,}", "answer 1", false), ("[0-9]{2,}", "a31b", true), ("X_", "a_x_3", false), ("X_", "a_X_3", true),
            ("^.*bar$", "foobar", true), ("^abc$", "abc\n", false), ("^\\t$", "\\t", false), ("^\\t$", "\t", true),
            ("^\\cC$", "\\cC", false), ("^\\cc$", "\u{3}", true), ("^\\d$", "\u{07C0}", false), ("^\\D$", "\u{07C0}", true),
            ("^\\w$", "é", false), ("^\\W$", "é", true), ("^\\s$", "\u{2003}", true), ("^\\s$", "\u{2013}", false),
            ("^\\S$", "\u{FEFF}", false), ("^\\S$", "\u{1}", true),
            ("\\p{Letter}cole", letterCole, true), ("\\p{Letter}cole", letterCole.uppercased(), false),
            ("\\wcole", letterCole, false), ("\\wcole", "l'ecole", true), ("[a-z]cole", letterCole, false),
            ("^\\d+$", "\u{09EA}\u{09E8}", false), ("^\\p{digit}+$", "\u{09EA}\u{09E8}", true), ("^\\p{digit}+$", "-%#", false),
            ("^🐲*$", "", true), ("^🐲*$", "🐲🐲", true), ("^🐲*$", "🐉", false), ("^🐲*$", "DD", false),
        ])
    }

    func testCatastrophicPatternsFinishFast() {
        let a30 = String(repeating: "a", count: 30)
        let cases: [(String, String, Bool)] = [
            ("^(a+)+$", a30 + "!", false), ("^(a+)+$", a30, true), ("^(a|a)*$", a30 + "b", false),
            ("^(a|aa)+$", a30 + "b", false), ("^(a|aa)+$", a30 + "a", true), ("^(a*)*b$", a30, false),
            ("^(a?){30}a{30}$", a30, true), ("^(\\w+\\s?)*$", "an enormous pile of words that ends badly!", false),
            ("(x+x+)+y", String(repeating: "x", count: 40), false),
            ("^([a-z0-9]+-?)*[a-z0-9]$", String(repeating: "ab-", count: 20) + "!", false),
            ("(?=(a+)+b)", a30, false), ("(?<=(a+)+)b", a30 + "c", false), ("^(?:(?!(a+)+b).)*$", a30, true),
            ("^(?:(?!(a+)+b).)*$", a30 + "b", false),
            ("(.*a){12}", String(repeating: "a", count: 11) + String(repeating: "b", count: 2000), false),
            ("(.*a){12}", String(repeating: "ab", count: 12) + String(repeating: "b", count: 2000), true),
            (".*.*=.*", String(repeating: "x", count: 20_000), false), (".*.*=.*", String(repeating: "x", count: 20_000) + "=", true),
            ("^(\\d+)*$", String(repeating: "1", count: 5000) + "x", false), ("^(\\d+)*$", String(repeating: "1", count: 5000), true),
            ("(?<=a+)b", String(repeating: "a", count: 20_000) + "c", false), ("(?<=a+)b", String(repeating: "a", count: 20_000) + "b", true),
            ("^(?:a|ab|b)*c", String(repeating: "ab", count: 5000), false), ("^(?:a|ab|b)*c", String(repeating: "ab", count: 5000) + "c", true),
            ("^(a+)+\\1$", String(repeating: "a", count: 12) + "!", false), ("^(a+)+\\1$", String(repeating: "a", count: 12), true),
        ]
        for (pattern, text, expected) in cases {
            guard let r = regex(pattern) else { continue }
            let start = ContinuousClock.now
            XCTAssertEqual(r.matches(text), expected, "/\(pattern)/")
            let elapsed = ContinuousClock.now - start
            XCTAssertLessThan(elapsed, .seconds(1), "/\(pattern)/ took \(elapsed)")
        }
        // With a backreference there is no memoization: the step budget ends a runaway search (as no match).
        if let r = regex("^(a+)+\\1$") {
            let start = ContinuousClock.now
            XCTAssertFalse(r.matches(a30 + "!"))
            XCTAssertLessThan(ContinuousClock.now - start, .seconds(10))
        }
        // Long texts do not blow the stack.
        let long = String(repeating: "ab", count: 100_000)
        XCTAssertTrue(regex("^(ab)*$")?.matches(long) ?? false)
        XCTAssertTrue(regex("^(?:a|b)*$")?.matches(long) ?? false)
        XCTAssertFalse(regex("^(?:a|b)*c$")?.matches(long) ?? true)
        XCTAssertTrue(regex("(?<=a)b$")?.matches(long) ?? false)
        XCTAssertTrue(regex("^(?:(?!c).)*$")?.matches(long) ?? false)
        XCTAssertTrue(regex("^(?:(a)|b)*$")?.matches(long) ?? false)
    }

    /// Greedy repetitions that cannot give anything back are run without backtracking; those that can must.
    func testGivingBack() {
        check([
            ("^[a-z]+[a-z0-9]$", "abc", true), ("^\\d+\\d$", "12", true), ("^\\d+\\d$", "1", false), ("^[a-z]+-$", "ab-", true),
            ("^[a-z]+[a-z]*-?$", "ab", true), ("^[a-z]+(?:[0-9]|[a-z])$", "ab", true), ("^.+\\.json$", "a.b.json", true),
            ("^[^/]+/[^/]+$", "a/b", true), ("^[^/]+/[^/]+$", "a/b/c", false), ("^\\w+\\b", "ab", true),
            ("^a+?a$", "aaa", true), ("^(?:[ab]+b)+$", "abab", true), ("[a-z]+é", "abé", true), ("[^x]+é$", "abé", true),
        ])
    }

    func testErrors() {
        let cases: [(String, String, Int)] = [
            ("(abc", "unterminated group", 0), ("a(b(c)", "unterminated group", 1), ("abc)", "unmatched ')'", 3),
            ("[abc", "unterminated character class", 0), ("x[^", "unterminated character class", 1),
            ("[z-a]", "range out of order in character class", 1), ("[\\d-z]", "invalid character class range", 1),
            ("[a-\\w]", "invalid character class range", 1), ("*a", "nothing to repeat", 0), ("a**", "nothing to repeat", 2),
            ("a|+", "nothing to repeat", 2), ("(?:+)", "nothing to repeat", 3), ("^*", "nothing to repeat", 1),
            ("\\b+", "nothing to repeat", 2), ("(?=a)*", "nothing to repeat", 5), ("{2}", "nothing to repeat", 0),
            ("a{2,1}", "numbers out of order in {} quantifier", 1), ("a{", "lone quantifier bracket", 1),
            ("a{1", "lone quantifier bracket", 1), ("a{,2}", "lone quantifier bracket", 1), ("a}", "lone quantifier bracket", 1), ("]", "unmatched ']'", 0),
            ("\\", "\\ at end of pattern", 0), ("a\\q", "invalid escape '\\q'", 1), ("\\a", "invalid escape '\\a'", 0),
            ("\\-", "invalid escape '\\-' outside a character class", 0), ("[\\B]", "invalid escape '\\B' in character class", 1),
            ("\\1", "invalid backreference", 0), ("(a)\\2", "invalid backreference", 3), ("[\\1]", "invalid escape in character class", 1),
            ("\\01", "invalid decimal escape", 0), ("\\c1", "invalid control escape", 0), ("\\xZ1", "invalid hexadecimal escape", 0),
            ("\\u12", "invalid unicode escape", 0), ("\\u{110000}", "invalid unicode escape", 0), ("\\u{}", "invalid unicode escape", 0),
            ("\\k<x>", "invalid named reference", 0), ("(?<a>.)\\k<b>", "invalid named reference", 7),
            ("(?<1a>x)", "invalid capture group name", 3), ("(?<a>x)(?<a>y)", "duplicate capture group name", 7),
            ("(?x)", "invalid group", 0), ("(?", "invalid group", 0),
            ("\\p{Letterz}", "unknown unicode property 'Letterz'", 0), ("\\p{letter}", "unknown unicode property 'letter'", 0),
            ("\\p{L", "invalid property name", 0), ("\\pL", "invalid property name", 0),
            ("\\p{Script=Greek}", "unsupported unicode property 'Script=Greek' (scripts are not supported)", 0),
            ("\\p{gc=Foo}", "unknown general category 'Foo'", 0), ("é[", "unterminated character class", 1),
            (String(repeating: "(", count: 200), "pattern nested too deeply", 100),
            ("(?:ab){1000000}", "pattern is too large (repetition counts too big)", 6),
        ]
        for (pattern, message, offset) in cases {
            do {
                _ = try SchemaRegex(pattern)
                XCTFail("/\(pattern)/ compiled; expected \(message)")
            } catch {
                XCTAssertEqual(error, SchemaRegexError(message: message, offset: offset), "/\(pattern)/")
            }
        }
    }

    func testLargeCountsOfSingleScalarsCompileSmall() throws {
        let r = try SchemaRegex("^.{0,100000}$")
        XCTAssertTrue(r.matches(String(repeating: "x", count: 100_000)))
        XCTAssertFalse(r.matches(String(repeating: "x", count: 100_001)))
        XCTAssertEqual(r.pattern, "^.{0,100000}$")
        XCTAssertTrue(try SchemaRegex("^(?:){999999999}$").matches(""))
        XCTAssertTrue(try SchemaRegex("a{99999999999999999999}|b").matches("b"))
    }

    func testIsSendable() throws {
        let r = try SchemaRegex("^[a-z]+$")
        let check: @Sendable () -> Bool = { r.matches("abc") }
        XCTAssertTrue(check())
    }
}
