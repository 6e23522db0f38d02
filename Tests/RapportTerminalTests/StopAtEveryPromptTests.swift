import RapportAnalysis
import RapportLanguage
import RapportTerminal
import RapportTestSupport
import RapportWorkshop
import Testing

/// A signal to stop (SIGTERM, SIGHUP or SIGQUIT; a reader answers `.terminate`) is obeyed at every
/// prompt, including the questions asked inside another answer (`leave?`, `tie>`): the screen says it
/// stopped and reads nothing more, and a signal is never taken for the learner leaving (130) or for
/// a quiet `:quit` (0). Whole runs through `ScriptedLineReader`; the lines after `.terminate` must
/// never be read.
@Suite struct StopAtEveryPromptTests {
    static let style = Style(colour: false, plain: false, width: 80)

    @Test func atTheMenu() throws {
        var menu = ScenarioMenu(
            reader: ScriptedLineReader([.line("zzz"), .terminate, .line("1")]), output: BufferOutput(), style: Self.style)
        #expect(menu.choose(from: [try fixture("constructs")]) == .stopped)
        #expect(menu.output.text.hasSuffix("Stopped.\n"))
        #expect(menu.reader.remaining == [.line("1")])
    }

    @Test func leavingTheMenuIsNotStopping() throws {
        for ending: LineEvent in [.line(":quit"), .endOfInput, .interrupt] {
            var menu = ScenarioMenu(reader: ScriptedLineReader([ending]), output: BufferOutput(), style: Self.style)
            #expect(menu.choose(from: [try fixture("constructs")]) == .left)
        }
    }

    /// Ctrl-C asks `leave?`; a signal there stops the run, and is not the learner saying yes.
    @Test func atTheQuestionBeforeLeaving() throws {
        let scenario = try fixture("constructs")
        var run = PracticeRun(
            scenario: scenario, analysis: Analysis(scenario),
            reader: ScriptedLineReader([.interrupt, .terminate, .line("1")]), output: BufferOutput(), style: Self.style,
            options: PracticeOptions())
        #expect(run.run() == .terminated)
        #expect(run.output.text.hasSuffix("Leave this conversation without a debrief? Type y to leave, or anything else to carry on.\nStopped.\n"))
        #expect(run.reader.prompts == ["> ", "leave? "])
    }

    static func facilitate(_ input: [LineEvent]) throws -> (FacilitatorRun<ScriptedLineReader, BufferOutput>.Outcome, String, [String], [WorkshopRecord]) {
        let scenario = try fixture("workshop")
        var saves: [WorkshopRecord] = []
        var run = FacilitatorRun(
            workshop: Workshop(scenario: scenario, teams: []), analysis: Analysis(scenario), reader: ScriptedLineReader(input),
            output: BufferOutput(), renderer: FacilitatorRenderer(style: Self.style, clearsScreen: false),
            save: { record in
                saves.append(record)
                return nil
            })
        let outcome = run.run()
        return (outcome, run.output.text, run.reader.prompts, saves)
    }

    /// A tie asks which way the story goes; a signal there stops the session with the tied vote
    /// unrecorded and every vote before it saved.
    @Test func atTheTieQuestion() throws {
        let (outcome, text, prompts, saves) = try Self.facilitate([
            .line("A5 B3 C1"), .line(""), .line(""), .line("4 4 1"), .terminate, .line("A"), .line(":end"),
        ])
        #expect(outcome == .stopped)
        #expect(prompts.suffix(2) == ["votes> ", "tie> "])
        #expect(text.hasSuffix("The vote was not recorded.\nStopped. The session is saved; resume it with 'rapport facilitate --resume'.\n"))
        #expect(saves.last?.decisions.count == 1)
    }

    @Test(arguments: [
        [LineEvent.terminate],  // at votes>
        [.line("A5 B3 C1"), .terminate],  // at > after a vote, before the reveal
        [.line("A5 B3 C1"), .line(""), .terminate],  // at > after the reveal
    ])
    func atTheFacilitatorsPrompts(input: [LineEvent]) throws {
        let (outcome, text, prompts, saves) = try Self.facilitate(input + [.line(":end")])
        #expect(outcome == .stopped)
        #expect(prompts.count == input.count)
        if input.count > 1 {
            #expect(text.hasSuffix("Stopped. The session is saved; resume it with 'rapport facilitate --resume'.\n"))
            #expect(saves.last?.decisions.count == 1)
        } else {
            #expect(text.hasSuffix("Stopped. No vote was recorded.\n"))
            #expect(saves.isEmpty)
        }
    }
}
