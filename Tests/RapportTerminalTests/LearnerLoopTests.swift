import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportTestSupport
import Testing

/// What a recorder was told, in order.
final class RecorderLog: PracticeRecorder {
    var events: [String] = []
    var failWith: String?

    func began(_ session: Session, playedForYou: Int, retrying: Bool) -> String? {
        events.append("began \(session.transcript.actions.count) played-for-you \(playedForYou)\(retrying ? " retry" : "")")
        return failWith
    }

    func moved(_ session: Session) -> String? {
        events.append("moved \(session.transcript.actions.count)")
        return failWith
    }

    func finished(_ session: Session, debrief: Debrief) -> String? {
        events.append("finished \(session.step.ending?.outcome.rawValue ?? "none")")
        return failWith
    }

    func gaveUp(_ session: Session) -> String? {
        events.append("gave up")
        return failWith
    }
}

/// The learner's loop on the fixture scenarios: each attempt reported as it happens, and after the
/// debrief play again, retry from a chosen decision, the menu, or quit.
@Suite struct LearnerLoopTests {
    func run(_ input: [LineEvent], offeringNext: Bool = true, offeringMenu: Bool = true, recorder: RecorderLog = RecorderLog())
        throws -> (String, PracticeEnd, Session, RecorderLog)
    {
        let scenario = try fixture("constructs")
        var run = PracticeRun(
            scenario: scenario, reader: ScriptedLineReader(input), output: BufferOutput(),
            style: Style(colour: false, plain: false, width: 80), options: PracticeOptions(timers: false))
        run.recorder = recorder
        let end = run.practise(offeringNext: offeringNext, offeringMenu: offeringMenu)
        return (run.output.text, end, run.session, recorder)
    }

    @Test func everyActionIsReportedAsItHappens() throws {
        let (_, end, session, log) = try run([.line("1"), .line("1"), .line("1")], offeringNext: false)
        #expect(end == .quit)
        #expect(session.step.ending != nil)
        #expect(log.events == ["began 0 played-for-you 0", "moved 1", "moved 2", "moved 3", "finished good"])
    }

    @Test func aScriptEndsAfterTheDebrief() throws {
        let (text, _, _, _) = try run([.line("1"), .line("1"), .line("1"), .line("1")], offeringNext: false)
        #expect(!text.contains("What next?"))
    }

    @Test func retryFromAChosenDecision() throws {
        // Through to the end, then back to the second decision, where the other way is tried.
        let input: [LineEvent] = [.line("1"), .line("1"), .line("1"), .line("2"), .line("2"), .line("2"), .line("4")]
        let (text, end, session, log) = try run(input)
        #expect(end == .quit)
        #expect(text.contains("What next?"))
        #expect(text.contains("Which decision?"))
        #expect(text.contains("Back at Robin: \"Thank you for actually looking.\", as it was. Try it differently."))
        #expect(log.events.contains("began 1 played-for-you 1 retry"))
        // The retry kept the first decision and took the other choice at the second, which ends it.
        #expect(session.transcript.actions.count == 2)
        #expect(session.step.ending?.outcome == .poor)
        let debrief = text.components(separatedBy: "── Debrief").last ?? ""
        #expect(debrief.contains("Opening (as before)"))
    }

    @Test func playAgainStartsFromTheBeginning() throws {
        let input: [LineEvent] = [.line("1"), .line("1"), .line("1"), .line("1"), .line(":quit"), .line("4")]
        let (text, end, session, log) = try run(input)
        #expect(end == .quit)
        #expect(text.contains("Playing it again from the start."))
        #expect(session.transcript.actions.isEmpty)
        #expect(log.events.filter { $0.hasPrefix("began") } == ["began 0 played-for-you 0", "began 0 played-for-you 0"])
    }

    @Test func theMenuIsOfferedOnlyWhenThereIsOne() throws {
        let (withMenu, toMenu, _, _) = try run([.line("1"), .line("1"), .line("1"), .line("3")])
        #expect(withMenu.contains("Back to the menu of scenarios"))
        #expect(toMenu == .menu)
        let (without, _, _, _) = try run([.line("1"), .line("1"), .line("1"), .line("3")], offeringMenu: false)
        #expect(!without.contains("Back to the menu"))
    }

    @Test func theEndOfInputAtTheQuestionQuits() throws {
        let (_, end, _, _) = try run([.line("1"), .line("1"), .line("1")])
        #expect(end == .quit)
    }

    @Test func aFailedSaveIsToldOnceAndPlayGoesOn() throws {
        let log = RecorderLog()
        log.failWith = "the progress database /x cannot be written (disk full)"
        let (text, _, session, _) = try run([.line("1"), .line("1"), .line("1")], offeringNext: false, recorder: log)
        #expect(session.step.ending != nil)
        #expect(text.components(separatedBy: "Your progress is not being saved").count == 2)
    }

    @Test func restartGivesTheAttemptUp() throws {
        let (_, _, _, log) = try run([.line("1"), .line(":restart"), .line(":quit")], offeringNext: false)
        #expect(log.events == ["began 0 played-for-you 0", "moved 1", "gave up", "began 0 played-for-you 0", "finished none"])
    }
}
