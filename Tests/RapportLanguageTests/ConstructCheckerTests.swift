@testable import RapportLanguage
import Testing

/// What the checker makes of the constructs added for trainers, and the warnings from the writing
/// guide, with the comments that turn them off.
@Suite struct ConstructCheckerTests {
    func check(_ text: String) -> CheckResult { Checker.check(SourceFile(name: "t.scenario", text: text)) }

    let header = "title: T\ncustomer: Dana\nstate: patience = 2 (0..5)\n"

    /// The codes reported, but for choices without a coach note (most examples here have none).
    func codes(_ text: String) -> [DiagnosticCode] {
        check(header + text).diagnostics.map(\.code).filter { $0 != .missingCoachNote }
    }

    @Test func elseNeedsConditionalLinesOfItsKindDirectlyAbove() {
        #expect(codes("== start\n[if patience > 1] Hi.\n[else] Bye.\nend good: ok\n").isEmpty)
        #expect(codes("== start\n[if patience > 1] Hi.\nHello.\n[else] Bye.\nend good: ok\n") == [.misplacedOtherwise])
        #expect(codes("== start\n[else] Bye.\nend good: ok\n") == [.misplacedOtherwise])
        // A choice does not answer a line, nor a line a choice.
        #expect(codes("== start\n[if patience > 1] Hi.\n[else] * Bye.\n  -> end\n== end\nend good: ok\n") == [.misplacedOtherwise])
        #expect(codes("== start\n* [if patience > 1] Hi.\n  -> end\n[else] Bye.\n* Stay.\n  -> end\n== end\nend good: ok\n") == [.misplacedOtherwise])
        #expect(codes("== start\n[else] silence 5s: Dana: Hello?\n* Hi.\n  -> end\n== end\nend good: ok\n") == [.conditionNotAllowed])
    }

    /// An `[else]` after an `[if ...]` that holds whatever the state (judged from the limits the
    /// header declares) can never happen, and said nothing. Patience here is 0 to 5.
    @Test(arguments: [
        ("[if patience >= 0] Hi.\n[else] Bye.\n", [DiagnosticCode.otherwiseNeverHappens]),
        ("[if patience <= 5] Hi.\n[else if patience > 1] Hm.\n[else] Bye.\n", [.otherwiseNeverHappens, .otherwiseNeverHappens]),
        ("[if patience > 3] Hi.\n[else if patience < 6] Hm.\n[else] Bye.\n", [.otherwiseNeverHappens]),
        ("[if 1 == 1] Hi.\n[else] Bye.\n", [.otherwiseNeverHappens]),
        ("[if not (patience > 7)] Hi.\n[else] Bye.\n", [.otherwiseNeverHappens]),
        ("[if patience > 1 or patience < 2] Hi.\n[else] Bye.\n", []),  // always true, but not from each part's limits
        ("[if patience >= 1] Hi.\n[else] Bye.\n", []),
        ("[if patience > -1 and patience < 3] Hi.\n[else] Bye.\n", []),
        ("[if patience >= 0] Hi.\nHello.\n[if patience > 2] Hi.\n[else] Bye.\n", []),  // a new run
        ("[if patience >= 0] -> end\n[else] -> end\n", [.otherwiseNeverHappens]),
    ] as [(String, [DiagnosticCode])])
    func anElseAfterAnIfThatAlwaysHoldsIsReported(lines: String, expected: [DiagnosticCode]) {
        #expect(codes("== start\n" + lines + "end good: ok\n== end\nend good: ok\n").filter { $0 != .unreachableNode && $0 != .unreachableLine } == expected)
    }

    @Test func aDeadElseIsReportedWhereItStands() throws {
        let diagnostics = check(header + "== start\n[if patience >= 0] Hi.\n[otherwise] Bye.\nend good: ok\n").diagnostics
        let dead = try #require(diagnostics.first { $0.code == .otherwiseNeverHappens })
        #expect(dead.severity == .warning)
        #expect(dead.message == "this '[otherwise]' can never happen: the condition on line 5 always holds")
        #expect(dead.range.start.line == 6 && dead.range.start.column == 2)
    }

    @Test func anElseChoiceIsOfferedWhenNoChoiceAboveIs() throws {
        let scenario = try #require(check(header + "== start\n* [if patience > 3] A.\n  -> end\n* [else if patience > 1] B.\n  -> end\n* [else] C.\n  -> end\n== end\nend good: ok\n").scenario)
        let conditions = scenario.nodes[0].choices.map(\.condition)
        #expect(conditions[1] == .and(.not(.compare(.variable(0), .greater, .constant(3))), .compare(.variable(0), .greater, .constant(1))))
        #expect(conditions[2] == .not(.or(.compare(.variable(0), .greater, .constant(3)), .compare(.variable(0), .greater, .constant(1)))))
    }

    @Test func elseStepsAreMarked() throws {
        let scenario = try #require(check(header + "== start\n[if patience > 3] A.\n[else if patience > 1] B.\n[else] C.\nend good: ok\n").scenario)
        #expect(scenario.nodes[0].steps.map(\.otherwise) == [false, true, true, false])
        #expect(scenario.nodes[0].steps.map { $0.condition == nil } == [false, false, true, true])
    }

    /// `[if] ->` and `[else] ->` always leave: what follows them can never run.
    @Test func anElseJumpAfterConditionalJumpsLeavesForCertain() {
        #expect(codes("== start\n[if patience > 1] -> a\n[else] -> b\nNever shown.\n== a\nend good: a\n== b\nend poor: b\n").contains(.unreachableLine))
        #expect(!codes("== start\n[if patience > 1] Hi.\n[else] -> b\nShown.\nend good: a\n== b\nend poor: b\n").contains(.unreachableLine))
    }

    @Test func dropNeedsAPromiseMadeSomewhere() {
        #expect(codes("== start\n* Hi.\n  promise call: call back\n  -> end\n== end\ndrop: call\nkeep: call\nend good: ok\n").isEmpty)
        #expect(codes("== start\ndrop: call\nend good: ok\n") == [.undefinedPromise])
    }

    @Test func aSilenceWithoutALineTakesTheHeaders() throws {
        let text = header + "silence-line: Dana: Still there?\n== start\n[if patience <= 2] silence 10s:\n* Hi.\n  -> end\n== end\nend good: ok\n"
        let scenario = try #require(check(text).scenario)
        #expect(scenario.nodes[0].silence?.line == Line(speaker: "Dana", text: "Still there?"))
        #expect(scenario.nodes[0].silence?.condition == .compare(.variable(0), .lessOrEqual, .constant(2)))
        #expect(codes("== start\nsilence 10s:\n* Hi.\n  -> end\n== end\nend good: ok\n") == [.missingText])
    }

    @Test func theGuidesWarnings() {
        let choice = { (text: String, score: String, coach: String) in "* \(text)\n  score: \(score)\n  coach: \(coach)\n  -> end\n" }
        // A moment without a question for the room.
        #expect(codes("== start\nmoment: M\n" + choice("A", "respect +1", "a") + choice("B", "respect -1", "b") + "== end\nend good: ok\n") == [.momentWithoutDiscussion])
        // A spread of 7 with no hint, and then with one.
        let hard = choice("A", "respect +3, empathy +3", "a") + choice("B", "respect -1", "b") + "== end\nend good: ok\n"
        #expect(codes("== start\n" + hard) == [.hardDecisionWithoutHint])
        #expect(codes("== start\nhint: h\n" + hard).isEmpty)
        // One note on two choices.
        #expect(codes("== start\n" + choice("A", "respect +1", "Same note.") + choice("B", "respect -1", "same  note.") + "== end\nend good: ok\n") == [.repeatedCoachNote])
        // The best choice first at three of three decisions.
        var three = ""
        for (node, next) in [("start", "two"), ("two", "three"), ("three", "end")] {
            three += "== \(node)\n* Best.\n  score: respect +2\n  coach: best \(node)\n  -> \(next)\n* Worst.\n  score: respect -1\n  coach: worst \(node)\n  -> \(next)\n"
        }
        #expect(codes(three + "== end\nend good: ok\n") == [.bestChoiceInOnePlace])
    }

    @Test func allowCommentsTurnWarningsOffByLineOrFile() {
        let text = "== start\nmoment: M   // rapport: allow RP0110\n* A.\n  -> end\n== end\nend good: ok\n"
        #expect(codes(text).isEmpty)
        // On another line, it does not cover this one.
        #expect(codes("== start   // rapport: allow RP0110\nmoment: M\n* A.\n  -> end\n== end\nend good: ok\n") == [.momentWithoutDiscussion])
        // On a line of its own, it covers the file.
        #expect(codes("// rapport: allow RP0110\n== start\nmoment: M\n* A.\n  -> end\n== end\nend good: ok\n").isEmpty)
    }

    @Test func anErrorCannotBeAllowed() {
        #expect(codes("== start\n-> nowhere   // rapport: allow RP0003\n") == [.undefinedNode, .unusableAllowance])
        #expect(codes("// rapport: allow RP9999\n== start\nend good: ok\n") == [.unusableAllowance])
    }

    @Test func suggestionsCountASwapAsOneTypo() {
        #expect(Suggestions.closest(to: "nxet", among: ["next", "start"]) == "next")
        #expect(Suggestions.closest(to: "trsut", among: ["trust"]) == "trust")
        #expect(Suggestions.closest(to: "patient", among: ["patience"]) == "patience")
        #expect(Suggestions.closest(to: "xyz", among: ["patience"]) == nil)
    }
}
