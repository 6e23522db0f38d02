@testable import RapportLanguage
import Testing

/// How the parser reads the constructs added for trainers: `[else]` and `[else if ...]`, `drop:`,
/// conditions on silences, a silence with no line of its own, `// rapport: allow` comments, and the
/// habits of word processors, each read as meant (and reported).
@Suite struct ConstructParserTests {
    func parse(_ text: String) -> (ScenarioSyntax, [Diagnostic]) {
        Parser.parse(SourceFile(name: "t.scenario", text: text))
    }

    let header = "title: T\ncustomer: Dana\nstate: patience = 2 (0..5)\n"

    @Test func elseAndElseIfAreReadInFrontOfLines() {
        let (syntax, diagnostics) = parse(
            header + """
                == start
                [if patience >= 4] Dana: Thanks.
                [else if patience >= 2] Dana: Fine.
                [otherwise] Dana: Whatever.
                [else] -> start
                end good: ok
                """)
        #expect(diagnostics.isEmpty)
        let items = syntax.nodes[0].items
        #expect(items.map { $0.condition != nil } == [true, true, false, false, false])
        #expect(items.map { $0.otherwise != nil } == [false, true, true, true, false])
    }

    @Test func elseOnAChoiceBeforeOrAfterTheStar() {
        let (syntax, diagnostics) = parse(
            header + """
                == start
                * [if patience >= 3] A.
                  -> start
                [else] * B.
                  -> start
                * [else] C.
                  -> start
                """)
        #expect(diagnostics.isEmpty)
        #expect(syntax.nodes[0].items.map { $0.otherwise != nil } == [false, true, true])
    }

    @Test func dropNamesPromises() {
        let (syntax, diagnostics) = parse(header + "== start\ndrop: callback, refund\nend good: ok\n")
        #expect(diagnostics.isEmpty)
        guard case .effect(let effects) = syntax.nodes[0].items[0].kind else {
            Issue.record("expected changes")
            return
        }
        let names = effects.compactMap { effect -> String? in
            if case .drop(let name) = effect { return name.text }
            return nil
        }
        #expect(names == ["callback", "refund"])
    }

    @Test func aSilenceCanHaveAConditionAndNoLineOfItsOwn() {
        let (syntax, diagnostics) = parse(
            header + "silence-line: Dana: Hello?\n== start\n[if patience <= 2] silence 10s:\n  score: empathy -1\n* Hi.\n  -> start\n")
        #expect(diagnostics.isEmpty)
        let item = syntax.nodes[0].items[0]
        #expect(item.condition != nil)
        guard case .silence(let silence) = item.kind else {
            Issue.record("expected a silence")
            return
        }
        #expect(silence.line == nil)
        #expect(silence.seconds == 10)
        #expect(silence.details.effects.count == 1)
        guard case .line(let line) = syntax.header.last?.parts else {
            Issue.record("expected the header's silence line")
            return
        }
        #expect(line.speaker?.text == "Dana")
    }

    @Test func allowCommentsCoverTheirLineOrTheFile() {
        let (syntax, diagnostics) = parse(
            header + "// rapport: allow RP0207\n== start   // rapport: allow RP0111, RP0110\nend good: ok\n")
        #expect(diagnostics.isEmpty)
        #expect(syntax.allowances.map(\.line) == [nil, 5])
        #expect(syntax.allowances.map { $0.codes.map(\.text) } == [["RP0207"], ["RP0111", "RP0110"]])
    }

    @Test func aRapportCommentThatSaysNothingIsReported() {
        let (_, diagnostics) = parse(header + "// rapport: ignore RP0110\n== start\nend good: ok\n")
        #expect(diagnostics.map(\.code) == [.unusableAllowance])
    }

    /// Each habit is reported once, with the fix, and the line is read as meant: nothing else is
    /// reported because of it.
    @Test(arguments: [
        ("== start\nHint: Listen.\nend good: ok\n", DiagnosticCode.keywordCase, "hint"),
        ("== start\nEnd good: ok\n", .keywordCase, "end"),
        ("== start\nend Good: ok\n", .keywordCase, "good"),
        ("== start\n[If patience > 1] Hello.\nend good: ok\n", .keywordCase, "if"),
        ("== start\n[unless patience > 1] Hello.\nend good: ok\n", .unknownBracket, "if not"),
        ("== start\n* Hi.\n  → start\n", .typographicCharacter, "->"),
        ("== start\n* Hi.\n  —> start\n", .typographicCharacter, "->"),
        ("== start\n- Hi.\n  -> start\n", .listBullet, "*"),
        ("== start\n2) Hi.\n  -> start\n", .listBullet, "*"),
        ("== start\n* Hi.\ncoach: c\n-> start\n", .unindentedDetail, "  coach"),
        ("== start\n[if patience => 1] Hi.\nend good: ok\n", .malformedCondition, ">="),
        ("== start\n[if patience ≤ 1] Hi.\nend good: ok\n", .typographicCharacter, "<="),
    ])
    func habitsAreNamedAndReadAsMeant(text: String, code: DiagnosticCode, fix: String) {
        let (_, diagnostics) = parse(header + text)
        #expect(diagnostics.map(\.code) == [code])
        #expect(diagnostics.first?.fixIt?.replacement == fix)
    }

    @Test func aNameInTheCastIsSpeechNotACapitalisedKeyword() {
        let (syntax, diagnostics) = parse("title: T\ncustomer: Dana\ncast: Hint Adeyemi\n== start\nHint: Hello.\nend good: ok\n")
        #expect(diagnostics.isEmpty)
        guard case .line(let line) = syntax.nodes[0].items[0].kind else {
            Issue.record("expected speech")
            return
        }
        #expect(line.speaker?.text == "Hint")
    }

    @Test func aBracketedStageDirectionNeedsABackslash() {
        #expect(parse(header + "== start\n[The line goes quiet]\nend good: ok\n").1.map(\.code) == [.unknownBracket])
        #expect(parse(header + "== start\n\\[The line goes quiet]\nend good: ok\n").1.isEmpty)
    }

    @Test func unindentedDetailsAreReportedOnceAndBelongToTheirChoice() {
        let (syntax, diagnostics) = parse(header + "== start\n* Hi.\nscore: empathy +1\ncoach: c\nset: patience += 1\n-> start\n* Bye.\n  -> start\n")
        #expect(diagnostics.map(\.code) == [.unindentedDetail])
        #expect(diagnostics.first?.range.start.line == 6)
        guard case .choice(let choice) = syntax.nodes[0].items[0].kind else {
            Issue.record("expected a choice")
            return
        }
        #expect(choice.details.effects.count == 2)
        #expect(choice.details.coach != nil)
        #expect(choice.details.target?.text == "start")
        #expect(syntax.nodes[0].items.count == 2)
    }

    /// A node's own `set:` after a choice that already has its `->` is the node's, as before.
    @Test func aNodeLineAfterACompleteChoiceIsTheNodes() {
        let (syntax, diagnostics) = parse(header + "== start\n* Hi.\n  -> start\nset: patience += 1\n")
        #expect(diagnostics.isEmpty)
        #expect(syntax.nodes[0].items.count == 2)
    }
}
