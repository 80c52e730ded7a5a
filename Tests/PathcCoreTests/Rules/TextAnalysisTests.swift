import XCTest
@testable import PathcCore

/// How pathc reads a statement: the lexicon, the tagger, main and purpose clauses, sentences.
final class TextAnalysisTests: XCTestCase {
    let vocabulary = Vocabulary()

    private func analysis(_ text: String) -> TextAnalysis { TextAnalysis(text, vocabulary: vocabulary) }

    /// The words read as main verbs, as written.
    private func predicates(_ text: String) -> [String] {
        let analysis = analysis(text)
        return analysis.predicates.map { analysis.tokens[$0].text }
    }

    func testTheLexiconKnowsWordNetsWordsAndTheirForms() {
        let lexicon = Lexicon.shared
        XCTAssertTrue(lexicon.entry("settle")?.has(.verb) ?? false)
        XCTAssertTrue(lexicon.entry("break down")?.has(.verb) ?? false, "phrasal verbs are entries")
        XCTAssertFalse(lexicon.entry("transparent")?.has(.verb) ?? true)
        XCTAssertNil(lexicon.entry("zzzyx"))
        XCTAssertTrue(lexicon.readings(of: "led").contains { $0.base == "lead" && $0.part == .verb && $0.form == .past })
        XCTAssertTrue(lexicon.readings(of: "planned").contains { $0.base == "plan" && $0.form == .past })
        XCTAssertTrue(lexicon.readings(of: "issues").contains { $0.base == "issue" && $0.part == .verb && $0.form == .s })
        XCTAssertTrue(lexicon.readings(of: "prioritises").contains { $0.part == .verb }, "British spellings")
        XCTAssertEqual(lexicon.entry("integrity")?.semanticField(.noun), .nounState)
    }

    func testVerbsThatStartBehavioursAreVerbs() {
        XCTAssertEqual(predicates("Breaks down complex problems into smaller tasks"), ["breaks"])
        XCTAssertEqual(predicates("Issues refunds within the policy"), ["issues"])
        XCTAssertEqual(predicates("Seeks feedback on their designs"), ["seeks"])
        XCTAssertEqual(predicates("Regularly scopes the team's work"), ["scopes"], "a verb of pathc's own lists that WordNet lacks")
        XCTAssertEqual(predicates("Coaches peers on testing"), ["coaches"])
        XCTAssertEqual(predicates("Mentors junior engineers"), ["mentors"])
    }

    func testSubjectsBeforeTheirVerbs() {
        XCTAssertEqual(predicates("Account executives resolve customer objections within two interactions"), ["resolve"])
        XCTAssertEqual(predicates("The team reviews every incident"), ["reviews"])
        XCTAssertEqual(predicates("Help articles are up to date"), ["are"])
        XCTAssertEqual(predicates("Tools increase the number of users by 50%"), ["increase"])
    }

    func testNounsThatCouldBeVerbsStayNouns() {
        let help = analysis("Publish 10 help articles")
        XCTAssertEqual(help.tags[2].tag, .noun)
        XCTAssertEqual(predicates("Facilitate weekly sessions with documented decisions and action plans"), ["facilitate"])
        XCTAssertEqual(predicates("Evidence of mentoring beyond their team"), [], "a noun before 'of'")
        XCTAssertEqual(predicates("Monitor the landscape of OS (e.g. GDPR, ODD)"), ["monitor"], "acronyms are nouns")
        XCTAssertEqual(predicates("Customer interviews around UI improvements"), [], "a singular noun without a determiner is no subject")
    }

    func testCoordinatedVerbsAndLists() {
        XCTAssertEqual(predicates("Writes tests and reviews code"), ["writes", "reviews"])
        XCTAssertEqual(predicates("Identify, monitor and address program risks"), ["identify", "monitor", "address"])
        XCTAssertEqual(predicates("Clarify and shape the strategy"), ["clarify", "shape"])
        XCTAssertEqual(predicates("Addresses bugs or issues discovered after release"), ["addresses"], "a noun before a participle")
    }

    func testPurposeAndSubordinateClauses() {
        let purpose = analysis("Asks questions in order to learn the domain")
        XCTAssertEqual(purpose.mainVerb?.base, "ask")
        XCTAssertTrue(purpose.purpose[purpose.tokens.firstIndex { $0.text == "learn" }!])
        XCTAssertEqual(predicates("Writes tests to catch regressions, and reviews code from peers"), ["writes", "reviews"])
        XCTAssertEqual(predicates("Writes docs so that others can find and use them"), ["writes"])
    }

    func testSentencesAndClauses() {
        XCTAssertEqual(analysis("Seeks feedback. Talks to customers.").sentencesWithVerbs, 2)
        XCTAssertEqual(analysis("Writes clear docs, e.g. runbooks and guides.").sentencesWithVerbs, 1)
        XCTAssertEqual(analysis("Ships changes behind flags on Login.gov").sentencesWithVerbs, 1, "a dot inside a name")
        XCTAssertEqual(analysis("Anyone can pull their results from the app, and the growth review takes two hours").clauses, 2)
    }

    func testNamesWithDigitsAreWordsAndPeriodsAreQuantities() {
        XCTAssertFalse(analysis("libp2p has a design doc").hasNumber)
        XCTAssertTrue(analysis("Ship the beta in Q3").hasQuantity)
    }
}
