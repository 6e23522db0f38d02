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

@Suite struct DiagnosticPrinterTests {
    @Test func printsLikeACompiler() throws {
        let source = SourceFile(name: "x.scenario", text: "title: T\ncustomer: C\n== start\n  -> lookup\n")
        let result = Checker.check(source)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .indentedOutsideChoice })
        let text = DiagnosticPrinter(colour: false).format(diagnostic, source: source)
        #expect(text.hasPrefix("x.scenario:4:3: error[RP0025]: this indented line does not belong to a choice\n"))
        #expect(text.contains(" 4 |   -> lookup\n"))
        #expect(text.contains("   |   ^~~~~~~~~\n"))
        #expect(!text.contains("\u{1B}"))
        #expect(DiagnosticPrinter(colour: true).format(diagnostic, source: source).contains("\u{1B}["))
    }

    @Test func longLinesAreWindowed() throws {
        let line = String(repeating: "a", count: 5_000) + " coch: x"
        let source = SourceFile(name: "x", text: "title: T\ncustomer: C\n== start\n* hi\n  coach: c\n  -> start\n  \(line)\n")
        let result = Checker.check(source)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .notAllowedInChoice })
        let text = DiagnosticPrinter(colour: false).format(diagnostic, source: source)
        #expect(text.split(separator: "\n").allSatisfy { $0.count < 200 })
    }
}
