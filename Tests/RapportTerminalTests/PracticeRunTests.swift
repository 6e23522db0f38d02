import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportTestSupport
import Testing

/// Whole sessions of the fixture scenarios (Tests/Fixtures) driven by scripted input, compared with
/// golden files.
@Suite struct PracticeRunTests {
    static let golden = Golden(besides: #filePath)

    static func play(
        _ name: String, _ input: [LineEvent], assessment: Bool = false, plain: Bool = false, width: Int = 80
    ) throws -> (String, PracticeOutcome, Session) {
        let scenario = try fixture(name)
        var run = PracticeRun(
            scenario: scenario, analysis: Analysis(scenario), reader: ScriptedLineReader(input), output: BufferOutput(),
            style: Style(colour: false, plain: plain, width: width), options: PracticeOptions(assessment: assessment))
        let outcome = run.run()
        return (run.output.text, outcome, run.session)
    }

    @Test func practiceRun() throws {
        let input: [LineEvent] = [
            .line(":help"), .line(":hint"), .line("hello?"), .line("7"), .silence, .line("1"), .line(":score"),
            .line(":promises"), .line("1"), .line(":promises"), .line("1"),
        ]
        let (text, outcome, session) = try Self.play("constructs", input)
        #expect(outcome == .finished)
        #expect(session.isOver == true, "the script should reach an ending")
        #expect(!text.contains("\u{1B}"))
        Self.golden.assertMatches(text, "practice-constructs.txt")
    }

    @Test func assessmentRun() throws {
        let input: [LineEvent] = [.line(":hint"), .line(":score"), .line(":restart"), .line("2"), .line("2")]
        let (text, outcome, session) = try Self.play("no-follow-through", input, assessment: true)
        #expect(outcome == .finished)
        #expect(session.isOver)
        #expect(text.contains("Hints are off in assessment mode."))
        let beforeDebrief = text.components(separatedBy: "── Debrief")[0]
        #expect(!beforeDebrief.contains("Coach:"), "no feedback before the debrief")
        Self.golden.assertMatches(text, "assessment-no-follow-through.txt")
    }

    @Test func plainRun() throws {
        let input: [LineEvent] = Array(repeating: .line("1"), count: 3)
        let (text, _, session) = try Self.play("workshop", input, plain: true)
        #expect(session.isOver)
        #expect(!text.contains("█") && !text.contains("●") && !text.contains("─") && !text.contains("◆"))
        #expect(text.contains("percent"))
        Self.golden.assertMatches(text, "plain-workshop.txt")
    }

    @Test func endOfInputShowsTheDebriefSoFar() throws {
        let (text, outcome, session) = try Self.play("constructs", [.line("1")])
        #expect(outcome == .finished)
        #expect(session.isOver == false)
        #expect(text.contains("did not reach an ending"))
    }

    @Test func interruptAsksBeforeLeaving() throws {
        let (carryOn, carried, _) = try Self.play("constructs", [.interrupt, .line("n"), .line(":quit")])
        #expect(carried == .finished)
        #expect(carryOn.contains("Leave this conversation without a debrief?"))
        let (_, left, _) = try Self.play("constructs", [.interrupt, .line("y")])
        #expect(left == .abandoned)
    }

    @Test func terminateStopsCleanly() throws {
        let (text, outcome, _) = try Self.play("constructs", [.terminate])
        #expect(outcome == .terminated)
        #expect(text.hasSuffix("Stopped.\n"))
    }

    @Test func rejectedLinesAreExplained() throws {
        let (text, _, _) = try Self.play("constructs", [.rejected("That line is too long."), .line(":quit")])
        #expect(text.contains("That line is too long."))
    }

    @Test func restartStartsAgain() throws {
        let (text, _, session) = try Self.play("constructs", [.line("1"), .line(":restart"), .line(":quit")])
        #expect(text.contains("Starting again."))
        #expect(session.transcript.actions.isEmpty)
    }

    @Test(arguments: [":help", ":hint", ":score", ":promises", ":restart", ":quit", "zzz", "0"])
    func everyPromptCommandAnswers(_ command: String) throws {
        let (text, _, _) = try Self.play("constructs", [.line(command), .line(":quit")])
        // Every run ends with a debrief (the second line is :quit), so a command must also be understood.
        if command.hasPrefix(":") { #expect(!text.contains("didn't understand"), "\(command) is a command") }
        switch command {
        case ":help": #expect(text.contains(":promises"))
        case ":hint": #expect(text.contains("Hint:") || text.contains("No hint"))
        case ":score": #expect(text.contains("Scores so far:"))
        case ":promises": #expect(text.contains("You have not promised anything yet."))
        case ":restart": #expect(text.contains("Starting again."))
        case ":quit": #expect(text.contains("Debrief"))
        default: #expect(text.contains("Type a number from 1 to"))
        }
    }

    @Test func silenceOnlyWhereATimerRuns() throws {
        // The first decision has a silence timer; with timers off the scripted silence is skipped.
        let scenario = try fixture("constructs")
        var run = PracticeRun(
            scenario: scenario, analysis: Analysis(scenario), reader: ScriptedLineReader([.silence, .line(":quit")]),
            output: BufferOutput(), style: Style(colour: false, plain: false, width: 80),
            options: PracticeOptions(timers: false))
        _ = run.run()
        #expect(run.session.transcript.actions.isEmpty)
    }

    /// A promise broken on arrival at a node ("Promise broken: ...") was printed with the choice's
    /// feedback, before the narration that says what happened. What the choice did comes first (its
    /// scores, the promise it made, its coach note), then the node's lines, then what happened on
    /// arrival there, explained by them.
    @Test func whatHappensOnArrivalFollowsTheLinesThatExplainIt() throws {
        let scenario = try #require(
            Checker.check(
                SourceFile(
                    name: "t.scenario",
                    text: """
                        title: T
                        customer: Dana
                        state: trust = 2 (0..3)
                        meter: trust
                        == start
                        * I'll call you back by five.
                          score: follow-through +1
                          promise callback: call Dana back by five
                          coach: A time she can hold you to.
                          -> next-day
                        == next-day
                        The next morning. Nobody called Dana.
                        break: callback
                        set: trust -= 1
                        Dana: You said five. I waited all evening.
                        * I'm sorry. That was my promise, and I broke it.
                          coach: c
                          -> done
                        == done
                        end poor: Dana goes elsewhere.
                        """)
            ).scenario)
        var run = PracticeRun(
            scenario: scenario, analysis: Analysis(scenario), reader: ScriptedLineReader([.line("1"), .line(":quit")]),
            output: BufferOutput(), style: Style(colour: false, plain: false, width: 80), options: PracticeOptions())
        _ = run.run()
        let text = run.output.text
        let order = ["You: I'll call", "You promised: call Dana back by five", "Coach: A time", "Nobody called Dana.",
            "Dana: You said five.", "Promise broken: call Dana back by five", "Trust 2 → 1", "1. I'm sorry."]
        let places = try order.map { try #require(text.range(of: $0), "\($0)").lowerBound }
        #expect(places == places.sorted(), "\(text)")
    }

    /// A silence with a `->`: its line, then what it cost (score and coach), then the next node's
    /// lines, as after a choice. (They used to come after the next node's lines.)
    @Test func aSilenceThatMovesOnShowsItsFeedbackBeforeWhatFollows() throws {
        let (text, _, _) = try Self.play("constructs", [.line("1"), .silence, .line(":quit")])
        let said = try #require(text.range(of: "Still there?"))
        let cost = try #require(text.range(of: "ownership -1", range: said.upperBound..<text.endIndex))
        let next = try #require(text.range(of: "I'll wait, I suppose."))
        #expect(said.upperBound <= cost.lowerBound && cost.upperBound <= next.lowerBound)
    }
}
