import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportTestSupport
import RapportWorkshop
import Testing

/// Whole facilitated sessions of the fixture scenarios (Tests/Fixtures/workshop.scenario, and
/// workshop-ties.scenario with four options and a promise), driven by scripted input, compared with
/// golden files. The tests named after issue 17 hold its defects; each failed before the change.
@Suite struct FacilitatorRunTests {
    static let golden = Golden(besides: #filePath)

    final class Saves: @unchecked Sendable {
        var records: [WorkshopRecord] = []
    }

    struct Played {
        let text: String
        let workshop: Workshop
        let saves: Saves
        let screens: [RoomScreen]
    }

    static func run(
        _ name: String, teams: [String], input: [LineEvent], height: Int? = nil, width: Int = 80, colour: Bool = false,
        clearsScreen: Bool = false, resuming: WorkshopRecord? = nil, piped: Bool = false
    ) throws -> Played {
        let scenario = try fixture(name)
        let saves = Saves()
        var renderer = FacilitatorRenderer(style: Style(colour: colour, plain: false, width: width), clearsScreen: clearsScreen)
        renderer.height = height
        let workshop = try resuming.map { try Workshop(resuming: $0, scenario: scenario) } ?? Workshop(scenario: scenario, teams: teams)
        var run = FacilitatorRun(
            workshop: workshop, analysis: Analysis(scenario),
            reader: AnyLineReader(piped ? PipedLines(input) as any LineReader : ScriptedLineReader(input)), output: BufferOutput(),
            renderer: renderer,
            save: { record in
                saves.records.append(record)
                return nil
            })
        final class Screens: @unchecked Sendable { var list: [RoomScreen] = [] }
        let screens = Screens()
        run.onRoomScreen = { screens.list.append($0) }
        _ = run.run()
        return Played(text: run.output.text, workshop: run.workshop, saves: saves, screens: screens.list)
    }

    /// Scripted lines read as from a pipe: no timers, as `PlainLineReader` (a scripted reader stands
    /// for a terminal).
    struct PipedLines: LineReader {
        var lines: ScriptedLineReader
        init(_ events: [LineEvent]) { lines = ScriptedLineReader(events) }
        mutating func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent { lines.read(prompt: prompt, silenceAfter: nil) }
        var supportsTimers: Bool { false }
    }

    /// The screens drawn, each from its heading on.
    static func screens(_ text: String) -> [String] {
        text.components(separatedBy: "\n── ").dropFirst().map { "── " + $0 }
    }

    /// On a short terminal (a projector's large font) a decision that would scroll is drawn without
    /// its blank lines, so the title and the situation stay on screen above the options.
    @Test(arguments: [24, 40])
    func decisionFitsTheTerminalsHeight(height: Int) throws {
        let played = try Self.run("workshop", teams: [], input: [.line(""), .line(":quit")], height: height)
        let screen = try #require(Self.screens(played.text).first { $0.contains("decision 1") })
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(["  A   ", "  B   ", "  C   ", "Discuss:"].allSatisfy { part in lines.contains { $0.hasPrefix(part) } })
        if height == 24 {
            #expect(lines.count + 2 <= 24, "\(lines.count) lines")
            #expect(!screen.contains("\n\n  B   "))
        } else {
            #expect(screen.contains("\n\n  B   "))
        }
    }

    @Test func teamSessionWithTieUndoRevealAndDebrief() throws {
        let input: [LineEvent] = [
            .line(""),  // the opening screen
            .line(":help"), .line(""),
            .line("Red A, Blue Z, Green A"),  // a typo: nothing recorded
            .line(":timer 1m"), .silence, .silence,  // the countdown ticks
            .line("A B C"), .line("D"), .line("B"),  // a three-way tie; the facilitator picks B
            .line(":back"),  // undo it
            .line("Red A, Blue A, Green C"), .line(""),  // A wins; Enter reveals
            .line(":notes"), .line("yes"), .line(""), .line(""),  // Enter moves on
            .line("AAB"), .line(":reveal"), .line(""),
            .line(":scores"), .line(""),
            .line("a a a"), .line(""), .line(""),  // the last decision; then the debrief
            .line(""), .line(":back"), .line(":pages"), .line("4"), .line(":end"),
        ]
        let played = try Self.run("workshop", teams: ["Red", "Blue", "Green"], input: input)
        #expect(played.workshop.isOver)
        #expect(played.workshop.record.isFinished)
        #expect(played.text.contains("A tie between A and B and C"))
        #expect(played.text.contains("The last vote is undone."))
        #expect(played.text.contains("Blue needs a pick after its name"))
        #expect(played.saves.records.last == played.workshop.record)
        #expect(played.saves.records.map(\.currentStage).filter { $0 == .voted }.count == 4, "the tie's vote (undone), then one for each decision")
        #expect(!played.text.contains("\u{1B}"))
        Self.golden.assertMatches(played.text, "facilitate-teams-workshop.txt")
    }

    /// At a terminal one Ctrl-D mid-workshop only says what a second would do; the room carries on.
    @Test func oneCtrlDAtATerminalDoesNotEndTheWorkshop() throws {
        let played = try Self.run("workshop", teams: [], input: [.line(""), .endOfInput, .line("A4 B1"), .line(""), .endOfInput, .endOfInput])
        #expect(played.text.contains("Ctrl-D again ends the workshop here"))
        #expect(played.workshop.record.decisions.count == 1, "the vote after the first Ctrl-D is recorded")
        #expect(played.workshop.record.isFinished, "two in a row end it")
    }

    /// A vote typed while the scoreboard is up over an open decision is that decision's vote (it
    /// was told "the vote for this step is in" and nothing was recorded).
    @Test func aVoteTypedOverTheScoreboardIsRecorded() throws {
        let played = try Self.run("workshop", teams: [], input: [.line(""), .line(":scores"), .line("A4 B1"), .line(":quit")])
        #expect(played.workshop.record.decisions.count == 1)
        #expect(!played.text.contains("The vote for this step is in"))
    }

    @Test func roomTallySession() throws {
        let input: [LineEvent] = [
            .line(""), .line("A5 B3 C1"), .line(""), .line(""), .line("4 4 1"), .line("A"), .line(""), .line(":end"), .line(":end"),
        ]
        let played = try Self.run("workshop", teams: [], input: input)
        #expect(played.workshop.record.decisions.count == 2)
        #expect(played.workshop.record.decisions[1].tieBroken)
        Self.golden.assertMatches(played.text, "facilitate-room-workshop.txt")
    }

    /// The room votes on the first step and the session ends before anyone reveals it (the input
    /// ends, as a script's does: every page of the debrief is written).
    @Test func nothingOfTheScoringBeforeTheReveal() throws {
        let played = try Self.run("workshop", teams: [], input: [.line(""), .line("A5 B3 C1")], piped: true)
        #expect(played.workshop.record.decisions.count == 1)
        let beforeDebrief = try #require(played.text.components(separatedBy: "── Debrief").first)
        #expect(beforeDebrief.contains("The room goes with"))
        #expect(!beforeDebrief.contains("Coach:"))
        #expect(!beforeDebrief.contains("respect +"))
        #expect(played.text.contains("Coach:") || played.text.contains("respect +"), "the debrief shows them")
    }

    /// Issue 17, defect 4: `:notes` printed every coach note on the shared screen, `:reveal` before
    /// the vote showed every score, and `:scores` after a vote gave the picked option's scores away.
    @Test func theFacilitatorsCommandsLeakNothingUnlessConfirmed() throws {
        let input: [LineEvent] = [
            .line(""), .line(":notes"), .line(""),  // not confirmed
            .line(":reveal"), .line("no"),  // not confirmed
            .line("A5 B3 C1"), .line(":scores"),  // a vote in, not revealed
        ]
        let played = try Self.run("workshop", teams: [], input: input)
        let beforeDebrief = try #require(played.text.components(separatedBy: "── Debrief").first)
        #expect(!beforeDebrief.contains("He hears that you know"), "no coach note")
        #expect(!beforeDebrief.contains("empathy +2"), "no score of an option")
        #expect(beforeDebrief.contains("Freeze or blank the projector first"))
        let scores = try #require(Self.screens(beforeDebrief).last { $0.hasPrefix("── Scores") })
        let room = try #require(scores.split(separator: "\n").first { $0.hasPrefix("  The room") })
        #expect(room.split(separator: " ").dropFirst(2).allSatisfy { $0 == "0" }, "\(room)")
        #expect(scores.contains("The vote just taken counts once it is revealed."))
        #expect(!played.screens.contains(.earlyReveal))

        // Confirmed, the notes are in a pane for the facilitator, and the room's screen comes back.
        let confirmed = try Self.run("workshop", teams: [], input: [.line(""), .line(":notes"), .line("yes"), .line("")])
        let screens = Self.screens(confirmed.text)
        let pane = try #require(screens.firstIndex { $0.hasPrefix("── FOR THE FACILITATOR ONLY: the coach notes") })
        #expect(screens[pane].contains("He hears that you know"))
        #expect(screens[pane + 1].hasPrefix("── The Late Refund: decision 1"), "the room's screen drawn again")
        let early = try Self.run("workshop", teams: [], input: [.line(""), .line(":reveal"), .line("yes"), .line("")])
        #expect(early.screens.prefix(4) == [.opening, .decision, .earlyReveal, .decision])
    }

    /// Issue 17, defect 5: the timer scrolled the step away, a line per tick, and nothing drew the
    /// step again. On a terminal the timer changes in place on the heading; `:show` draws the screen.
    @Test func theScreenHoldsStill() throws {
        let input: [LineEvent] = [.line(""), .line(":timer 1m"), .silence, .silence, .line(":show")]
        let played = try Self.run("workshop", teams: [], input: input, height: 40, clearsScreen: true)
        let beforeDebrief = try #require(played.text.components(separatedBy: "── Debrief").first)
        // The opening, the decision, the decision with its timer, and :show (the ticks cleared
        // nothing), then the clear before the debrief.
        let clears = beforeDebrief.components(separatedBy: "\u{1B}[2J\u{1B}[H").dropFirst().dropLast()
        #expect(clears.count == 4)
        #expect(played.text.contains("\u{1B}7\u{1B}[1;1H\u{1B}[2K── The Late Refund: decision 1"))
        #expect(played.text.contains("0:59 left\u{1B}8"))
        #expect(played.text.contains("0:58 left\u{1B}8"))
        let shown = try #require(clears.last)
        #expect(shown.hasPrefix("── The Late Refund: decision 1 ") && shown.contains("0:58 left"), ":show draws the screen with the timer")
    }

    /// Issue 17, defect 5: a four-option reveal did not fit 80x24. It is drawn compact, and in parts
    /// with an "and more" cue when even that is too tall.
    @Test func aRevealFitsEightyByTwentyFour() throws {
        let input: [LineEvent] = [.line(""), .line("A1 B3 C0 D2"), .line(""), .line(""), .line("")]
        let played = try Self.run("workshop-ties", teams: [], input: input, height: 24, piped: true)
        for screen in Self.screens(played.text) where !screen.hasPrefix("── Debrief") {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count + 2 <= 24, "\(lines.count) lines:\n\(screen)")
        }
        let reveals = Self.screens(played.text).filter { $0.hasPrefix("── Reveal") }
        #expect(!reveals.isEmpty)
        if reveals.count > 1 { #expect(reveals[0].contains("▼ and more: Enter shows the rest.")) }
        Self.golden.assertMatches(played.text, "facilitate-ties-80x24.txt")
    }

    /// Issue 17, defects 1 and 8: the reveal names every best option (two are equally good here), and
    /// no node or promise id reaches the room.
    @Test func theRevealJudgesAndNamesNoIds() throws {
        let input: [LineEvent] = [.line(""), .line("B3 A1"), .line(""), .line(""), .line("A3"), .line(""), .line(""), .line("B2"), .line("")]
        let played = try Self.run("workshop-ties", teams: [], input: input, piped: true)
        let reveal = try #require(Self.screens(played.text).first { $0.hasPrefix("── Reveal") })
        #expect(reveal.components(separatedBy: "★ a best choice").count - 1 == 2)
        #expect(!played.text.contains("tenminutes"))
        #expect(!played.text.contains("At '"))
        #expect(played.text.contains("breaks the promise: message Priya within ten"))
        Self.golden.assertMatches(played.text, "facilitate-ties-judged.txt")
    }

    /// Issue 17: no dim or italic text on the room's screen.
    @Test func noDimOrItalicText() throws {
        let input: [LineEvent] = [.line(""), .line("A5 B3 C1"), .line(""), .line(""), .line(":scores"), .line(""), .line(":end")]
        let played = try Self.run("workshop", teams: [], input: input, colour: true)
        #expect(played.text.contains("\u{1B}[1m"), "colour is on")
        #expect(!played.text.contains("\u{1B}[2m"))
        #expect(!played.text.contains("\u{1B}[3m"))
    }

    /// Issue 17, defect 7: the debrief was printed in one go and the program ended. It is in pages,
    /// stays open until :end, and each page is saved.
    @Test func theDebriefIsPaged() throws {
        let input: [LineEvent] = [
            .line(""), .line("A1"), .line(""), .line(""), .line("A1"), .line(""), .line(""), .line("A1"), .line(""), .line(""),
            .line(""), .line(""), .line(":back"), .line(":pages"), .line("5"), .line(""), .line(""), .line(""), .line(""),
            .line(""), .line(":end"),
        ]
        let played = try Self.run("workshop", teams: [], input: input)
        let pages = Self.screens(played.text).filter { $0.hasPrefix("── Debrief") }
        #expect(pages.first?.hasPrefix("── Debrief: The story, page 1 of ") == true)
        #expect(played.text.contains("── Debrief pages"))
        #expect(played.text.contains("This is the last page. :end closes the debrief"))
        #expect(played.workshop.record.isFinished)
        let pageStages = played.saves.records.filter { $0.currentStage == .debrief }.compactMap(\.debriefPage)
        #expect(pageStages.contains(4), "the page shown is saved")
    }

    /// The list of pages numbered a decision's page twice, its page and its decision ("2. 1. The
    /// opening"), so a facilitator who typed the decision's number landed on the page before. Each
    /// page has one number, the one to type; a decision's page is named "Decision N".
    @Test func theListOfPagesNumbersEachPageOnce() throws {
        let input: [LineEvent] = [
            .line(""), .line("A1"), .line(""), .line(""), .line("A1"), .line(""), .line(""), .line("A1"), .line(""), .line(""),
            .line(":pages"), .line("2"), .line(":end"),
        ]
        let played = try Self.run("workshop", teams: [], input: input)
        let list = try #require(Self.screens(played.text).first { $0.hasPrefix("── Debrief pages") })
        let entries = list.split(separator: "\n").dropFirst().filter { $0.hasPrefix("  ") }
        #expect(entries.count >= 6)
        for (index, entry) in entries.enumerated() {
            let name = try #require(entry.split(separator: ". ", maxSplits: 1).last)
            #expect(entry.hasPrefix("  \(index + 1). "))
            #expect(name.first?.isNumber == false, "numbered twice: \(entry)")
        }
        #expect(entries[1] == "  2. Decision 1: The opening")
        let typed = try #require(Self.screens(played.text).last { $0.hasPrefix("── Debrief") })
        #expect(typed.hasPrefix("── Debrief: Decision 1: The opening, page 2 of "))
    }

    /// Ctrl-D at a terminal, in the debrief, closed it by drawing every page after the one on the
    /// screen, each on a cleared screen, so they flashed past. At a terminal it now closes the
    /// debrief as :end does; at the end of piped input every page is still written, so a script
    /// loses nothing of it.
    @Test(arguments: [false, true])
    func endOfInputInTheDebrief(piped: Bool) throws {
        let toTheDebrief: [LineEvent] = [
            .line(""), .line("A1"), .line(""), .line(""), .line("A1"), .line(""), .line(""), .line("A1"), .line(""), .line(""),
            .line(""),  // page 2; then the input ends
        ]
        let played = try Self.run("workshop", teams: [], input: toTheDebrief, piped: piped)
        let pages = Self.screens(played.text).filter { $0.hasPrefix("── Debrief: ") }
        #expect(played.workshop.record.isFinished)
        if piped {
            #expect(pages.count == 8)
            #expect(pages.last?.contains("For the closing conversation, page 8 of 8") == true)
        } else {
            #expect(pages.count == 2, "\(pages.map { $0.prefix(60) })")
            #expect(pages.last?.contains("page 2 of 8") == true)
        }
    }

    /// `:help` in the debrief of a session with teams stopped Rapport: the forms of a vote were
    /// worked out for the step after the last decision, with no options, and divided by zero.
    @Test func helpInTheDebriefWithTeams() async {
        await #expect(processExitsWith: .success) {
            let input: [LineEvent] = [
                .line(""), .line("A A"), .line(""), .line(""), .line("A A"), .line(""), .line(""), .line("A A"), .line(""), .line(""),
                .line(":help"), .line(""), .line(":end"),
            ]
            let played = try? FacilitatorRunTests.run("workshop", teams: ["Red", "Blue"], input: input)
            guard let played, played.text.contains("FOR THE FACILITATOR ONLY: the commands") else { exit(1) }
        }
    }

    /// Issue 17, defect 6: a session killed between a vote and its reveal resumed at the next
    /// decision. It resumes at the vote, and Enter reveals it.
    @Test func aResumedVoteIsRevealed() throws {
        var workshop = Workshop(scenario: try fixture("workshop"), teams: [])
        workshop.markVoting()
        try workshop.decide(vote: .tally([5, 3, 1]), option: 0, tieBroken: false)
        let played = try Self.run("workshop", teams: [], input: [.line(""), .line(":end")], resuming: workshop.record)
        #expect(played.screens.prefix(2) == [.voted, .reveal])
        #expect(Self.screens(played.text).first?.contains("The room goes with A (5 of 9 votes).") == true)
    }

    /// Issue 17: an opening screen with the title, the customer, the channel and the summary.
    @Test func theOpeningScreen() throws {
        let played = try Self.run("workshop", teams: [], input: [.line(":end")])
        let opening = try #require(Self.screens(played.text).first)
        #expect(opening.hasPrefix("── The Late Refund "))
        #expect(opening.contains("Customer: Omar Haddad, by phone."))
        #expect(opening.contains("Omar sent back a faulty heater"))
        #expect(played.screens.first == .opening)
    }

    /// What the facilitator types is echoed in a vote's error with its NUL shown as a code and its
    /// escape sequence gone; team names from a saved session that was edited are shown the same way
    /// in the prompt, the error, the reveal and the scoreboard.
    @Test func typedVotesAndTeamNamesAreShownSafely() throws {
        let input: [LineEvent] = [.line("A\u{1B}[2J\u{0}"), .line("A A"), .line(""), .line(":scores"), .line(":quit")]
        let text = try Self.run("workshop", teams: ["Red\u{1B}[41m", "Blue\u{202E}"], input: input).text
        let unsafe = text.split(separator: "\n").filter { Sanitizer.firstChange(in: String($0)) != nil }
        #expect(unsafe.isEmpty, "\(unsafe)")
        #expect(text.contains("Type each team's pick (Red A, Blue<U+202E> B, or AB), or :help."))
        #expect(text.contains("'A<U+0000>' is not a team. The teams are Red, Blue<U+202E>."))
        #expect(text.contains("picked by Red, Blue<U+202E>"))
        #expect(text.contains("  Blue<U+202E> "))
    }
}
