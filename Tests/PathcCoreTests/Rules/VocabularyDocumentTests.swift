import XCTest
@testable import PathcCore

/// docs/vocabulary.md ends with the word lists pathc uses, made by scripts/generate-vocabulary-doc.
final class VocabularyDocumentTests: XCTestCase {
    func testThePageListsTheWordsPathcUses() throws {
        let page = try String(contentsOf: TestPaths.repository.appendingPathComponent("docs/vocabulary.md"), encoding: .utf8)
        let start = try XCTUnwrap(page.range(of: VocabularyDocument.heading), "docs/vocabulary.md has no '\(VocabularyDocument.heading)'")
        XCTAssertEqual(String(page[start.lowerBound...]), VocabularyDocument.markdown,
                       "docs/vocabulary.md's lists differ from the code: run scripts/generate-vocabulary-doc")
    }
}

/// The judgement rules' word lists are lowercase and say each word once.
final class WordListTests: XCTestCase {
    func testEveryListIsLowercaseWithoutRepeats() {
        for id in WordListID.allCases {
            let words = id.definition.words
            XCTAssertEqual(words.count, Set(words).count, "\(id.key) repeats a word: \(words.filter { word in words.filter { $0 == word }.count > 1 })")
            XCTAssertEqual(words.filter { $0 != $0.lowercased() }, [], id.key)
            XCTAssertEqual(words.filter { $0.contains("  ") || $0.hasPrefix(" ") || $0.hasSuffix(" ") }, [], id.key)
        }
    }
}
