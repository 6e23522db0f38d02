@testable import RapportLanguage
import Testing

@Suite struct ParserTests {
    func parse(_ text: String) -> (ScenarioSyntax, [Diagnostic]) {
        Parser.parse(SourceFile(name: "t.scenario", text: text))
    }

    /// The characters of a piece of text in the file it was parsed from.
    func string(_ text: TextSyntax?, in file: String) -> String? {
        text.map { SourceFile(name: "t.scenario", text: file).string($0) }
    }

    @Test func readsHeaderAndNodes() {
        let (syntax, diagnostics) = parse(minimal)
        #expect(diagnostics.isEmpty)
        #expect(syntax.header.map(\.key.text) == ["title", "customer"])
        #expect(syntax.header.map { string($0.value, in: minimal) } == ["Minimal", "Dana Okafor"])
        #expect(syntax.nodes.map(\.name.text) == ["start", "done"])
        #expect(syntax.nodes[0].items.count == 3)
    }

    @Test func readsChoiceDetails() {
        let (syntax, _) = parse(minimal)
        guard case .choice(let choice) = syntax.nodes[0].items[1].kind else {
            Issue.record("expected a choice")
            return
        }
        #expect(string(choice.text, in: minimal) == "Hello Dana, how can I help?")
        #expect(string(choice.details.coach, in: minimal) == "Greet by name.")
        #expect(choice.details.target?.text == "done")
        guard case .score(let score) = choice.details.effects.first else {
            Issue.record("expected a score")
            return
        }
        #expect(score.dimension.text == "respect")
        #expect(score.delta == 1)
    }

    @Test func commentsAreIgnoredButURLsAreKept() {
        let file = """
            title: T // a comment
            customer: C
            // a whole-line comment
            == start
            See https://example.com/help for more.
            end good: ok
            """
        let (syntax, _) = parse(file)
        #expect(string(syntax.header[0].value, in: file) == "T")
        guard case .line(let line) = syntax.nodes[0].items[0].kind else {
            Issue.record("expected a line")
            return
        }
        #expect(string(line.text, in: file) == "See https://example.com/help for more.")
    }

    @Test func windowsLineEndingsAndByteOrderMark() {
        let text = "\u{FEFF}title: T\r\ncustomer: C\r\n== start\r\nend good: ok\r\n"
        let result = Checker.check(SourceFile(name: "t", text: text))
        #expect(result.diagnostics.isEmpty)
        #expect(result.scenario?.title == "T")
    }

    @Test func speechNeedsANameShapedPrefix() {
        let file = """
            title: T
            customer: Dana
            == start
            Dana: Hi.
            It's 2:40pm and nothing has changed.
            \\Note: narration that starts like speech.
            end good: ok
            """
        let (syntax, _) = parse(file)
        let lines = syntax.nodes[0].items.compactMap { item -> LineSyntax? in
            if case .line(let line) = item.kind { return line }
            return nil
        }
        #expect(lines.map { $0.speaker?.text } == ["Dana", nil, nil])
        #expect(string(lines[2].text, in: file) == "Note: narration that starts like speech.")
    }

    @Test func conditionPrecedence() {
        let (syntax, diagnostics) = parse(
            """
            title: T
            customer: C
            == start
            [if not a and b or c] -> start
            end good: ok
            """)
        #expect(diagnostics.isEmpty)
        guard case .or(.and(.not(.flag(let a)), .flag(let b)), .flag(let c))? = syntax.nodes[0].items[0].condition else {
            Issue.record("expected ((not a) and b) or c")
            return
        }
        #expect([a.text, b.text, c.text] == ["a", "b", "c"])
    }

    @Test(arguments: [
        ("[if x = 3] Hi", "'=' sets a value; to compare, use '=='"),
        ("[if x && y] Hi", "write 'and' instead of '&&'"),
        ("[if (x] Hi", "a '(' in this condition is never closed"),
        ("[if x >] Hi", "'>' needs something on its right"),
        ("[if promised] Hi", "'promised' needs a promise name after it"),
        ("[if 3] Hi", "'3' alone is not a condition"),
        ("[if x Hi", "this condition has no closing ']'"),
    ])
    func malformedConditions(line: String, message: String) {
        let (_, diagnostics) = parse("title: T\ncustomer: C\n== start\n\(line)\nend good: ok\n")
        #expect(diagnostics.map(\.code) == [.malformedCondition])
        #expect(diagnostics.first?.message == message)
    }

    @Test func deeplyNestedConditionIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        let (_, diagnostics) = parse("title: T\ncustomer: C\n== start\n[if \(deep)] Hi\nend good: ok\n")
        #expect(diagnostics.first?.message == "this condition is nested too deeply")
    }

    @Test(arguments: [("20s", 20), ("2m", 120), ("1m30s", 90), ("3600s", 3600), (" 2m ", 120)])
    func durations(text: String, seconds: Int) {
        #expect(Parser.durationSeconds(in: SourceFile(name: "", text: text)) == seconds)
    }

    @Test(arguments: ["20", "s", "0s", "2h", "30s2m", "61m", "1.5m", "1000000s", ""])
    func badDurations(text: String) {
        #expect(Parser.durationSeconds(in: SourceFile(name: "", text: text)) == nil)
    }

    @Test func locationsCountCharactersNotBytes() {
        let source = SourceFile(name: "", text: "héllo\n日本 x")
        let location = source.location(ofOffset: Array("héllo\n日本 ".utf8).count)
        #expect(location.line == 2)
        #expect(location.column == 4)
    }
}
