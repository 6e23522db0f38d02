import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

/// A workshop at the projector: the facilitator types the room's votes and drives the reveal, the
/// timer and the debrief. What the room sees is a `RoomScreen` at a time, drawn whole on a clean
/// screen and drawn again on `:show` or Ctrl-L; what only the facilitator should see is a pane
/// closed before the room's screen comes back (see `FacilitatorPanes`). Every change to the session
/// is handed to `save` at once, with the stage it is at, so a resumed session shows the same screen.
public struct FacilitatorRun<Reader: LineReader, Output: TextOutput> {
    public internal(set) var workshop: Workshop
    /// Needed from the first reveal on (the best choices), so it is worked out then.
    public lazy var analysis: Analysis = makeAnalysis()
    let makeAnalysis: @Sendable () -> Analysis
    public var reader: Reader
    public var output: Output
    public var renderer: FacilitatorRenderer
    /// Asked before each prompt, so screens drawn after a resize fit the new width and height.
    public var currentWidth: @Sendable () -> Int? = { nil }
    public var currentHeight: @Sendable () -> Int? = { nil }
    let save: (WorkshopRecord) -> String?
    /// The time now, for the record's times; none by default, so a test reads no clock.
    public var now: () -> Date? = { nil }
    /// Told each screen the room is shown, in order: what a room screen of another kind would follow.
    public var onRoomScreen: (RoomScreen) -> Void = { _ in }
    /// The facilitator's console, when the room listens for one (see `FacilitatorRunConsole`).
    public var console: ConsoleLink?
    /// Why no console can connect, for `:help`, when the room could not listen for one.
    public var consoleProblem: String?
    /// Lines from the console not yet handled, and whether the line being handled came from it: what
    /// answers that line goes back to the console.
    var consoleLines: [String] = []
    var fromConsole = false
    /// Lines typed at the room while a question asked at the console waited for its answer.
    var roomLines: [String] = []

    /// The room's screen now, and which part of it when it is shown in parts.
    public internal(set) var screen = RoomScreen.opening
    var part = 0
    /// Where Enter goes back to from the scoreboard, an early reveal or the list of debrief pages.
    var returnTo: RoomScreen?
    var showingPageList = false
    /// Ctrl-D was pressed once at a terminal, and nothing typed since.
    var endOfInputOnce = false
    var debrief: DebriefPages?
    /// Seconds left on the discussion countdown, if one is running.
    var timerLeft: Int?
    /// Whether the last save failed: what is on disk is behind what the room has done.
    public internal(set) var saveFailed = false

    static var commands: [String] {
        [":reveal", ":back", ":timer", ":scores", ":notes", ":show", ":end", ":pages", ":help"]
    }

    /// - Parameter save: called with the record after every change; returns an error message if the
    ///   save failed (the session goes on, and the facilitator is told).
    public init(
        workshop: Workshop, analysis: @autoclosure @escaping @Sendable () -> Analysis, reader: Reader, output: Output,
        renderer: FacilitatorRenderer,
        save: @escaping (WorkshopRecord) -> String?
    ) {
        self.workshop = workshop
        self.makeAnalysis = analysis
        self.reader = reader
        self.output = output
        self.renderer = renderer
        self.save = save
    }

    public enum Outcome: Sendable, Equatable {
        case finished
        case stopped
    }

    public mutating func run() -> Outcome {
        reader.setCompletions(Self.commands)
        refreshSize()
        // A resumed session carries on at the screen it was at; a finished one opens its debrief.
        switch workshop.record.currentStage {
        case .opening: show(.opening)
        case .voting: show(workshop.isOver ? .debrief(page: 0) : .decision)
        case .voted: show(.voted)
        case .revealed: show(.reveal)
        case .debrief: show(.debrief(page: workshop.record.debriefPage ?? 0))
        case .finished: show(.debrief(page: 0))
        }
        while true {
            refreshSize()
            let ticking = timerLeft != nil && reader.supportsTimers
            switch nextLine(prompt: prompt, silenceAfter: ticking ? 1 : nil) {
            case .line(let text):
                endOfInputOnce = false
                if let outcome = handle(text.trimmingBlanks()) { return outcome }
            case .silence:
                tick()
            case .ready:
                continue  // taken by nextLine
            case .endOfInput:
                // At a terminal, one Ctrl-D pressed by mistake must not end the workshop in front of
                // the room: it takes a second. The end of piped input ends it at once.
                if reader.supportsTimers, !endOfInputOnce, !screen.isDebrief {
                    endOfInputOnce = true
                    tell("Ctrl-D again ends the workshop here and opens the debrief, as :end does. The session is saved after every change.\n")
                    continue
                }
                return close(showingEveryPage: true)
            case .interrupt:
                output.write("The session is saved after every change. Type :end for the debrief, or carry on.\n")
            case .terminate:
                return stop()
            case .rejected(let reason):
                tell(rendererForAsker.style.wrap(reason))
            }
        }
    }

    var prompt: String {
        switch screen {
        case .decision: "votes> "
        case .debrief: "debrief> "
        default: "> "
        }
    }

    /// SIGTERM, SIGHUP or SIGQUIT, at any prompt: every vote shown as recorded is already saved.
    mutating func stop() -> Outcome {
        if saveFailed {
            output.write("Stopped. The last changes could not be saved.\n")
        } else if workshop.record.decisions.isEmpty {
            output.write("Stopped. No vote was recorded.\n")
        } else {
            output.write("Stopped. The session is saved; resume it with 'rapport facilitate --resume'.\n")
        }
        return .stopped
    }

    /// Lays out what comes next at the terminal's size now, after any resize.
    mutating func refreshSize() {
        if let width = currentWidth() { renderer.setWidth(width) }
        if let height = currentHeight() { renderer.height = height }
    }

    // MARK: - The room's screen

    /// Moves the room to `next`, saving the stage it means, and draws it.
    mutating func show(_ next: RoomScreen, part: Int = 0) {
        screen = next
        self.part = part
        showingPageList = false
        switch next {
        case .opening: break
        case .decision: if workshop.record.currentStage != .voting { workshop.markVoting() }
        case .voted: break
        case .reveal: workshop.markRevealed(at: now())
        case .earlyReveal, .scoreboard: break
        case .debrief(let page):
            timerLeft = nil
            if debrief == nil { debrief = DebriefPages(WorkshopReport(workshop: workshop, analysis: analysis), renderer: renderer) }
            if !workshop.record.isFinished { workshop.markDebrief(page: page) }
        }
        persistIfChanged()
        onRoomScreen(next)
        redraw()
        tellConsoleOfScreen()
    }

    var lastSaved: WorkshopRecord?

    /// Saves a change of stage. A session is first saved at its first vote: one left before any vote
    /// holds nothing to resume, and would only stand in the way of the next under its name.
    mutating func persistIfChanged() {
        guard lastSaved != nil || !workshop.record.decisions.isEmpty else { return }
        if lastSaved != workshop.record { persist() }
    }

    /// The current screen's text, at the terminal's size now.
    mutating func screenText() -> ScreenText {
        if showingPageList, let debrief { return debrief.list(renderer: renderer) }
        switch screen {
        case .opening: return renderer.opening(workshop)
        case .decision: return renderer.openDecision(workshop)
        case .voted: return renderer.voted(workshop)
        case .reveal:
            let report = WorkshopReport(workshop: workshop, analysis: analysis)
            guard let last = report.decisions.last else { return renderer.openDecision(workshop) }
            return renderer.reveal(
                options: last.options, chosen: last.chosen, teams: last.teamPicks,
                next: workshop.session.transcript.steps.last?.lines.first, early: false)
        case .earlyReveal:
            let report = WorkshopReport(workshop: workshop, analysis: analysis)
            return renderer.reveal(options: report.openOptions, chosen: nil, teams: [], next: nil, early: true)
        case .scoreboard:
            return renderer.scoreboard(workshop, footer: ["Enter: back to the room's screen."])
        case .debrief(let page):
            guard let debrief, !debrief.pages.isEmpty else { return ScreenText(title: "Debrief", spaced: []) }
            return debrief.pages[min(page, debrief.count - 1)]
        }
    }

    mutating func redraw() {
        let text = screenText()
        part = min(part, text.parts(height: renderer.height).count - 1)
        output.write(renderer.draw(text, part: part, timer: timerLeft))
    }

    // MARK: - Commands

    mutating func handle(_ text: String) -> Outcome? {
        refreshSize()
        let lower = text.lowercased()
        if lower.hasPrefix(":timer") {
            startTimer(String(text.dropFirst(6)).trimmingBlanks())
            return nil
        }
        if case .debrief(let page) = screen { return debriefCommand(lower, page: page) }
        switch lower {
        case ":help", "?":
            return facilitatorPane("the commands") { [workshop, consoleHelp] in $0.help(workshop, console: consoleHelp) }
        case ":show":
            redraw()
        case ":reveal":
            switch screen {
            case .voted, .reveal: show(.reveal)
            case .decision:
                switch confirm("Nobody has voted yet: the reveal shows every option's scores to the room.") {
                case nil: return stop()
                case true?:
                    returnTo = .decision
                    show(.earlyReveal)
                case false?:
                    if fromConsole { tell("Nothing was shown.\n") } else { redraw() }
                }
            default: tell("There is no vote to reveal here.\n")
            }
        case ":back":
            back()
        case ":scores", ":score":
            returnTo = screen == .scoreboard ? returnTo : screen
            show(.scoreboard)
        case ":notes":
            let notes = { [options = optionsOnScreen()] (renderer: FacilitatorRenderer) in renderer.notes(options) }
            // With a console they go there, the facilitator's alone: nothing to confirm.
            if console?.isConnected == true { return facilitatorPane("the coach notes", notes) }
            switch confirm("The coach notes are for you, not the room.") {
            case nil: return stop()
            case true?: return facilitatorPane("the coach notes", notes)
            case false?: redraw()
            }
        case ":end", ":quit":
            show(.debrief(page: 0))
        case "":
            enter()
        default:
            if text.hasPrefix(":") {
                tell("Unknown command \(Sanitizer.clean(String(text.prefix(20)))). Type :help for the list.\n")
            } else if screen == .decision {
                return vote(text)
            } else if screen == .opening || [.scoreboard, .earlyReveal].contains(screen) && returnTo == .decision {
                // A vote typed at the opening (a script's first line) is for the first decision, and
                // one typed over the scoreboard or an early reveal for the decision beneath it.
                show(.decision)
                return vote(text)
            } else {
                tell("The vote for this step is in. Press Enter to go on, or :back to change it.\n")
            }
        }
        return nil
    }

    /// Enter: the rest of a screen shown in parts, or the next screen.
    mutating func enter() {
        if part + 1 < screenText().parts(height: renderer.height).count {
            part += 1
            redraw()
            return
        }
        switch screen {
        case .opening: show(.decision)
        case .decision: tell(rendererForAsker.votePrompt(workshop) + "\n")
        case .voted: show(.reveal)
        case .reveal: show(workshop.isOver ? .debrief(page: 0) : .decision)
        case .earlyReveal, .scoreboard: show(returnTo ?? .decision)
        case .debrief: break
        }
    }

    /// A pane for the facilitator alone, its body laid out by `body` for where it is shown. With a
    /// console connected it is shown there, whoever asked (the room is told where it went). Without,
    /// it is drawn on the room's screen, closed by Enter, after which the room's screen is drawn again;
    /// `.stopped` if a signal to stop comes instead.
    mutating func facilitatorPane(_ title: String, _ body: (FacilitatorRenderer) -> [String]) -> Outcome? {
        if let console, let consoleRenderer, console.isConnected {
            console.show(consoleRenderer.consolePane(title, body(consoleRenderer)))
            if !fromConsole { output.write("Shown at the console.\n") }
            return nil
        }
        if fromConsole { return nil }  // the console has gone: nothing of it is for the room
        output.write(renderer.pane(title, body(renderer)))
        if answer(atConsole: false, prompt: "> ") == .terminate { return stop() }
        redraw()
        return nil
    }

    /// Asks before showing what the room should not see yet; only "yes" (or "y") shows it, and only
    /// from whoever asked. Nil when a signal to stop comes at the question.
    mutating func confirm(_ what: String) -> Bool? {
        tell(rendererForAsker.confirmation(what))
        switch answer(atConsole: fromConsole, prompt: "show? ") {
        case .line(let answer): return ["yes", "y"].contains(answer.trimmingBlanks().lowercased())
        case .terminate: return nil
        default: return false
        }
    }

    /// The options of the decision on the room's screen: the one voted on, once the vote is in.
    func optionsOnScreen() -> [ChoiceReveal] {
        if screen != .decision, screen != .earlyReveal, let last = workshop.pastDecisions.last { return last.reveals }
        return workshop.reveal()
    }

    mutating func startTimer(_ argument: String) {
        if argument == "off" || argument == "stop" {
            timerLeft = nil
            redraw()
            return
        }
        guard let seconds = Self.seconds(argument.isEmpty ? "2m" : argument) else {
            tell("Write the time as 2m, 90s or 1m30s (at most an hour): :timer 2m\n")
            return
        }
        timerLeft = seconds
        if renderer.clearsScreen {
            redraw()
        } else {
            output.write(renderer.timer(seconds))
        }
        if !reader.supportsTimers { tell("(The countdown runs only on a terminal.)\n") }
    }

    static func seconds(_ text: String) -> Int? {
        Parser.durationSeconds(in: SourceFile(name: "", text: text))
    }

    /// A second of the countdown: the heading's clock changes in place; the screen holds still.
    mutating func tick() {
        guard let left = timerLeft else { return }
        let now = left - 1
        if now <= 0 {
            timerLeft = nil
            if renderer.clearsScreen {
                redraw()
                output.write(renderer.style.bold("Time is up.") + "\n")
            } else {
                output.write(renderer.style.bold("Time is up.") + "\n")
            }
            return
        }
        timerLeft = now
        if let text = renderer.timerTick(screenText().title, seconds: now) { output.write(text) }
    }

    mutating func persist() {
        lastSaved = workshop.record
        if let problem = save(workshop.record) {
            saveFailed = true
            let error = " (\(Sanitizer.clean(problem))). You can carry on, but after a crash it cannot be resumed."
            output.write(renderer.style.wrap(renderer.style.bold("Error: the session could not be saved") + error))
            if fromConsole, let consoleRenderer {
                console?.show(consoleRenderer.style.wrap(consoleRenderer.style.bold("Error: the session could not be saved") + error))
            }
        } else {
            saveFailed = false
        }
    }
}
