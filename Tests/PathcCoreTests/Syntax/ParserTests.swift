import XCTest
@testable import PathcCore

final class ParserTests: XCTestCase {
    // MARK: - Block structure

    func testBlockMappingAndSequence() {
        XCTAssertEqual(dumped("a: 1\nb:\n  - x\n  - y\nc: text\n"), #"{"a":1,"b":["x","y"],"c":"text"}"#)
    }

    func testSequenceAtTheIndentationOfItsKey() {
        XCTAssertEqual(dumped("key:\n- a\n- b\nnext: 1\n"), #"{"key":["a","b"],"next":1}"#)
    }

    func testMappingThatStartsOnTheLineOfItsDash() {
        let text = """
            key_results:
              - id: kr1
                target: 75%
              - id: kr2
                target: 4
            """
        XCTAssertEqual(dumped(text), #"{"key_results":[{"id":"kr1","target":"75%"},{"id":"kr2","target":4}]}"#)
    }

    func testNestedCompactSequences() {
        XCTAssertEqual(dumped("- - a\n  - b\n- c\n"), #"[["a","b"],"c"]"#)
    }

    func testEmptyValuesAreNull() {
        XCTAssertEqual(dumped("a:\nb: # comment\n-\n"), #"{"a":null,"b":[null]}"#)
        XCTAssertEqual(dumped("a:\nb: # comment\nc: 1\n"), #"{"a":null,"b":null,"c":1}"#)
        XCTAssertEqual(dumped("- \n-\n- x\n"), #"[null,null,"x"]"#)
    }

    func testTopLevelScalarAndSequence() {
        XCTAssertEqual(dumped("just text\n"), #""just text""#)
        XCTAssertEqual(dumped("- 1\n- 2\n"), "[1,2]")
        XCTAssertEqual(dumped(""), "null")
        XCTAssertEqual(dumped("# only a comment\n"), "null")
    }

    func testDocumentMarkers() {
        XCTAssertEqual(dumped("---\na: 1\n...\n# trailing comment\n"), #"{"a":1}"#)
        XCTAssertEqual(dumped("--- text\n"), #""text""#)
        XCTAssertEqual(dumped("--- |\n  block\n"), #""block\n""#)
    }

    func testCommentsEverywhere() {
        let text = "# head\na: 1 # trailing\n# between\nb: [1, # inside\n  2]\n"
        XCTAssertEqual(dumped(text), #"{"a":1,"b":[1,2]}"#)
        XCTAssertEqual(dumped("a: b#c\n"), #"{"a":"b#c"}"#)
    }

    func testCRLFLineBreaks() {
        XCTAssertEqual(dumped("a: 1\r\nb: |\r\n  x\r\n  y\r\n"), #"{"a":1,"b":"x\ny\n"}"#)
    }

    func testByteOrderMarkIsSkipped() {
        XCTAssertEqual(dumped("\u{FEFF}a: 1\n"), #"{"a":1}"#)
    }

    // MARK: - Scalars

    func testPlainMultiLineScalarsFold() {
        let text = "objective: >\n  unused\nsummary: Account executives resolve\n  customer objections\n\n  within two interactions\n"
        XCTAssertEqual(dumped(text), #"{"objective":"unused\n","summary":"Account executives resolve customer objections\nwithin two interactions"}"#)
    }

    func testQuotedScalars() {
        XCTAssertEqual(dumped(#"a: 'it''s'"#), #"{"a":"it's"}"#)
        XCTAssertEqual(dumped(#"a: "tab\there \u00e9 \x41 \U0001F600 \\ \"""#), #"{"a":"tab\there é A 😀 \\ \""}"#)
        XCTAssertEqual(dumped("a: \"one\n  two\n\n  three\"\n"), #"{"a":"one two\nthree"}"#)
        XCTAssertEqual(dumped("a: \"joined\\\n  line\"\n"), #"{"a":"joinedline"}"#)
        XCTAssertEqual(dumped(#"a: "\uD83D\uDE00""#), #"{"a":"😀"}"#)
        XCTAssertEqual(codes(#"a: "\uD83D""#), ["PW0107"])
        XCTAssertEqual(dumped("a: 'x\n   y'\n"), #"{"a":"x y"}"#)
    }

    func testBlockScalarsWithChompingAndIndentation() {
        XCTAssertEqual(dumped("a: |\n  one\n  two\n\nb: 1\n"), #"{"a":"one\ntwo\n","b":1}"#)
        XCTAssertEqual(dumped("a: |-\n  one\n\n"), #"{"a":"one"}"#)
        XCTAssertEqual(dumped("a: |+\n  one\n\n"), #"{"a":"one\n\n"}"#)
        XCTAssertEqual(dumped("a: >\n  one\n  two\n\n  three\n    indented\n  four\n"),
                       #"{"a":"one two\nthree\n  indented\nfour\n"}"#)
        XCTAssertEqual(dumped("a: |2\n    two extra\n  base\n"), #"{"a":"  two extra\nbase\n"}"#)
        XCTAssertEqual(dumped("- |\n  in list\n- next\n"), #"["in list\n","next"]"#)
    }

    func testFlowCollections() {
        XCTAssertEqual(dumped("a: [1, two, 'three', {k: v}]\n"), #"{"a":[1,"two","three",{"k":"v"}]}"#)
        XCTAssertEqual(dumped("a: {x: 1, y: [a, b], z: }\n"), #"{"a":{"x":1,"y":["a","b"],"z":null}}"#)
        XCTAssertEqual(dumped("a: [\n  1,\n  2,\n  ]\n"), #"{"a":[1,2]}"#)
        XCTAssertEqual(codes("a: [\n  1,\n]\n"), ["PW0103"])
        XCTAssertEqual(codes("a: [\n  1,\nb: 2\n"), ["PW0106"])
        XCTAssertEqual(dumped("{\"json\": [true, null, 1.5e3]}"), #"{"json":[true,null,1500.0]}"#)
        XCTAssertEqual(dumped("[a: b, c]"), #"[{"a":"b"},"c"]"#)
        XCTAssertEqual(dumped("{a:1}"), #"{"a:1":null}"#)
        XCTAssertEqual(dumped("a: [http://x.org/a?b=c#d]"), #"{"a":["http://x.org/a?b=c#d"]}"#)
    }

    func testCoreSchemaTyping() {
        let text = "n: ~\nb: True\no: 0o17\nh: 0x1F\ni: -42\nf: .5\ne: 1e3\ninf: -.inf\nnan: .NaN\ns1: yes\ns2: 2026-07-15\ns3: '42'\ns4: 1.2.3\n"
        XCTAssertEqual(dumped(text),
                       #"{"n":null,"b":true,"o":15,"h":31,"i":-42,"f":0.5,"e":1000.0,"inf":"-.inf","nan":".nan","s1":"yes","s2":"2026-07-15","s3":"42","s4":"1.2.3"}"#)
    }

    // MARK: - Spans

    func testSpansAreExact() throws {
        let text = "kind: okr\nkey_results:\n  - id: kr1\n    target: \"75%\"\n"
        let tree = parse(text)
        let root = try XCTUnwrap(tree.root)
        let target = try XCTUnwrap(root["key_results"]?.sequence?.first?["target"])
        XCTAssertEqual(tree.file.text(of: target.span), "\"75%\"")
        XCTAssertEqual(tree.file.position(of: target.span.start).description, "4:13")
        XCTAssertEqual(target.scalar?.style, .doubleQuoted)
        let entry = try XCTUnwrap(root["key_results"]?.sequence?.first)
        XCTAssertEqual(tree.file.position(of: entry.span.start).description, "3:5")
        XCTAssertEqual(tree.file.text(of: entry.span), "id: kr1\n    target: \"75%\"")
        let list = try XCTUnwrap(root["key_results"])
        XCTAssertEqual(tree.file.position(of: list.span.start).description, "3:3")
    }

    func testColumnsCountUnicodeScalars() throws {
        let tree = parse("é: ü\nnext: [ø, x]\n")
        let root = try XCTUnwrap(tree.root)
        XCTAssertEqual(tree.file.position(of: root["é"]!.span.start).column, 4)
        XCTAssertEqual(tree.file.position(of: root["next"]!.sequence![1].span.start).description, "2:11")
    }

    func testEmptyValueSpanSitsAfterItsIndicator() throws {
        let tree = parse("a:\nb: 1\n")
        let a = try XCTUnwrap(tree.root?["a"])
        XCTAssertEqual(a.span, Span.at(2))
    }

    // MARK: - Errors

    func testDuplicateKeyNamesBothLines() throws {
        let tree = parse("target: 75%\nother: 1\ntarget: 80%\n")
        let diagnostic = try XCTUnwrap(tree.diagnostics.first)
        XCTAssertEqual(diagnostic.code.code, "PW0102")
        XCTAssertEqual(diagnostic.message, "duplicate key 'target'")
        XCTAssertEqual(diagnostic.start.line, 3)
        XCTAssertEqual(diagnostic.secondary.first.map { tree.file.position(of: $0.span.start).line }, 1)
        XCTAssertNil(tree.root)
    }

    func testDuplicateKeysCompareDataKeys() {
        XCTAssertEqual(codes("1: a\n01: b\n"), ["PW0102"])
        XCTAssertEqual(codes("a: 1\n'a': 2\n"), ["PW0102"])
        // Distinct YAML keys, but one key of the JSON data that schemas, rules and the site see,
        // where the second would replace the first: a duplicate (found by fuzz/run parser).
        XCTAssertEqual(codes("1: a\n'1': b\n"), ["PW0102"])
        XCTAssertEqual(codes("1: a\n'01': b\n1.0: c\n"), [])
        XCTAssertEqual(codes("{a: 1, a: 2}"), ["PW0102"])
        let many = (0..<40).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: again\n"
        XCTAssertEqual(codes(many), ["PW0102"])
    }

    func testTabsInIndentation() {
        XCTAssertEqual(codes("a:\n\tb: 1\n"), ["PW0101"])
        XCTAssertEqual(codes("- a\n\t- b\n"), ["PW0101"])
        XCTAssertEqual(dumped("a:\t1\nb: [1,\t2]\n"), #"{"a":1,"b":[1,2]}"#)
    }

    func testInvalidUTF8AndControlCharacters() throws {
        let tree = SyntaxTree.parse(SourceFile(path: "x.yaml", bytes: Array("a: ".utf8) + [0xC3, 0x28] + [0x0A]))
        let diagnostic = try XCTUnwrap(tree.diagnostics.first)
        XCTAssertEqual(diagnostic.code.code, "PW0001")
        XCTAssertEqual(diagnostic.start.description, "1:4")
        XCTAssertTrue(diagnostic.message.contains("byte offset 3"), diagnostic.message)
        XCTAssertEqual(codes("a: \u{7}\n"), ["PW0003"])
        XCTAssertEqual(codes("a: 1\rb: 2\n"), ["PW0002"])
        XCTAssertEqual(SyntaxTree.parse(SourceFile(path: "x", bytes: [0x61, 0x00, 0x0A])).diagnostics.map(\.code.code), ["PW0003"])
        XCTAssertEqual(SyntaxTree.parse(SourceFile(path: "x", bytes: [0xED, 0xA0, 0x80])).diagnostics.map(\.code.code), ["PW0001"])
    }

    func testUnsupportedConstructsAreNamed() {
        let cases: [(String, String)] = [
            ("a: &anchor 1\n", "PW0201"), ("a: *alias\n", "PW0202"), ("a: !!str 1\n", "PW0203"),
            ("%YAML 1.2\n---\na: 1\n", "PW0204"), ("? a\n: b\n", "PW0205"), ("[a, b]: c\n", "PW0206"),
            (": v\n", "PW0207"), ("<<: {a: 1}\n", "PW0208"), ("a: 1\n---\nb: 2\n", "PW0209"),
            ("a: 1\n...\nb: 2\n", "PW0210"), ("{[a]: b}\n", "PW0206"), ("[? a]\n", "PW0205"),
        ]
        for (text, code) in cases {
            let diagnostics = parse(text).diagnostics
            XCTAssertEqual(diagnostics.first?.code.code, code, "for \(text.debugDescription)")
            XCTAssertTrue(diagnostics.first?.message.contains("not supported") ?? false, "for \(text.debugDescription)")
            XCTAssertNotNil(diagnostics.first?.help)
        }
    }

    func testSyntaxErrors() {
        let cases: [(String, String)] = [
            ("a: 'open\n", "PW0105"), ("a: [1, 2\n", "PW0106"), ("a: \"\\q\"\n", "PW0107"),
            ("a: 1\nb\n", "PW0108"), ("a: |x\n  t\n", "PW0109"), ("a: b: c\n", "PW0113"),
            ("a: 'x'#c\n", "PW0111"), ("a: @x\n", "PW0112"), ("a: 1\n   b: 2\n", "PW0103"),
            ("- a\nb: 1\n", "PW0104"), ("a:\n  - x\n  y: 1\n", "PW0103"),
        ]
        for (text, code) in cases {
            XCTAssertEqual(codes(text).first, code, "for \(text.debugDescription): \(parse(text).diagnostics.map(\.message))")
        }
    }

    func testSeveralErrorsInOneFile() {
        let text = "a: 1\n   bad: indentation\nb: [unclosed\nc: ok\nc: duplicate\nd: \"\\z\"\n"
        let found = codes(text)
        XCTAssertGreaterThanOrEqual(found.count, 3, "\(found)")
        XCTAssertTrue(found.contains("PW0103"))
        XCTAssertTrue(found.contains("PW0107"))
    }

    func testLimits() {
        let deep = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        XCTAssertEqual(codes(deep), ["PW0011"])
        var nested = ""
        for level in 0..<150 { nested += String(repeating: " ", count: level) + "k:\n" }
        XCTAssertEqual(codes(nested), ["PW0011"])
        let limits = ParserLimits(maxFileBytes: 100, maxDepth: 100, maxScalarBytes: 10, maxErrors: 5)
        XCTAssertEqual(SyntaxTree.parse(SourceFile(path: "x", text: String(repeating: "a", count: 200)), limits: limits)
            .diagnostics.map(\.code.code), ["PW0010"])
        XCTAssertEqual(SyntaxTree.parse(SourceFile(path: "x", text: "a: " + String(repeating: "b", count: 20)), limits: limits)
            .diagnostics.map(\.code.code), ["PW0012"])
        let manyErrors = String(repeating: "a: 1\n  - x\n", count: 20)
        let capped = SyntaxTree.parse(SourceFile(path: "x", text: manyErrors), limits: ParserLimits(maxErrors: 5)).diagnostics
        XCTAssertEqual(capped.count, 6)
        XCTAssertEqual(capped.last?.code.code, "PW0013")
    }
}
