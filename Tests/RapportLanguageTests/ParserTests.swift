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
        let deep = String(repeating: "(", count: 1_900) + "x" + String(repeating: ")", count: 1_900)
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

    /// A choice, a silence and an effect line each hold their own changes, in the order written; a
    /// line with a problem adds none of its parts.
    @Test func effectsStayWithWhatMakesThem() {
        let file = """
            title: T
            customer: C
            silence: 30s
            == start
            set: a = 1, b += 2
            set: c = 1, d = x
            silence: Hello?
              score: respect +1
              -> start
            * Hi
              score: empathy +1, respect -1
              keep: cb
              promise cb: call back
              coach: c
              -> start
            """
        let (syntax, diagnostics) = parse(file)
        #expect(diagnostics.map(\.code) == [.malformedNumber])
        let items = syntax.nodes[0].items
        #expect(items.count == 3)
        guard case .effect(let effects) = items[0].kind, case .silence(let silence) = items[1].kind,
            case .choice(let choice) = items[2].kind
        else {
            Issue.record("expected an effect line, a silence and a choice")
            return
        }
        #expect(effects.count == 2)
        #expect(silence.details.effects.count == 1)
        let kinds = choice.details.effects.map { effect -> String in
            switch effect {
            case .score(let score): "score \(score.dimension.text) \(score.delta)"
            case .keep(let name): "keep \(name.text)"
            case .promise(let name, _): "promise \(name.text)"
            default: "other"
            }
        }
        #expect(kinds == ["score empathy 1", "score respect -1", "keep cb", "promise cb"])
    }

    /// Header values with parts are read into them by the parser; the checker judges them.
    @Test func headerValuesAreReadIntoParts() {
        let file = """
            title: T
            customer: C
            cast: Priya Shah (team leader), Sam, (boss)
            dimensions: respect, , care
            state: p = 3 (0..5), f = false, q = 1 (2..x), no equals, r = 1 (0..2
            promises: kept +3, open, later -1
            silence: 1m30s
            == start
            end good: ok
            """
        let (syntax, diagnostics) = parse(file)
        #expect(diagnostics.isEmpty)
        var cast: [CastMemberSyntax] = []
        var dimensions: [NameSyntax] = []
        var state: [StateDeclarationSyntax] = []
        var promises: [PromiseScoreSyntax] = []
        var silence: Int?
        for field in syntax.header {
            switch field.parts {
            case .cast(let parts): cast = parts
            case .dimensions(let parts): dimensions = parts
            case .state(let parts): state = parts
            case .promiseScoring(let parts): promises = parts
            case .silence(let seconds): silence = seconds
            case .text, .line: break
            }
        }
        #expect(cast.map(\.name) == ["Priya Shah", "Sam", ""])
        #expect(cast.map(\.role) == ["team leader", nil, "boss"])
        #expect(dimensions.map(\.text) == ["respect", "", "care"])
        #expect(silence == 90)
        let shapes = state.map { declaration -> String in
            switch declaration.shape {
            case .notADeclaration(let text): "not \(text)"
            case .unclosedLimits(let name): "unclosed \(name)"
            case .declaration(let value):
                "\(value.name) \(value.initial.map { "\($0)" } ?? "?") \(value.limits.map { "\($0.low)..\($0.high)" } ?? value.limitsText ?? "-")"
            }
        }
        #expect(shapes == ["p integer(3) 0..5", "f boolean(false) -", "q integer(1) 2..x", "not no equals", "unclosed r"])
        let scores = promises.map { score -> String in
            switch score {
            case .score(let word, let points, _): "\(word) \(points)"
            case .malformed(let text, _): "malformed \(text)"
            }
        }
        #expect(scores == ["kept 3", "malformed open", "later -1"])
    }
}
