import RapportLanguage
import Testing

@Suite struct DisplayWidthTests {
    @Test(arguments: [("abc", 3), ("日本", 4), ("é", 1), ("e\u{301}", 1), ("👋", 2), ("👋🏽", 2), ("", 0)])
    func widths(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}

@Suite struct SuggestionTests {
    @Test func findsCloseNames() {
        #expect(Suggestions.closest(to: "empaty", among: Checker.defaultDimensions) == "empathy")
        #expect(Suggestions.closest(to: "lookup", among: ["look-up", "later"]) == "look-up")
        #expect(Suggestions.closest(to: "zzz", among: ["respect"]) == nil)
    }
}
