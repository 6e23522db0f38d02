import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

/// A workshop at the projector: the facilitator types the room's votes and drives the reveal, the
/// timer and the debrief. Input and output go through the same protocols as practice, and every
/// change to the session is handed to `save` at once, so nothing is lost if the laptop dies.
public struct FacilitatorRun<Reader: LineReader, Output: TextOutput> {
    public private(set) var workshop: Workshop
    /// Needed only for the debrief (the best path), so it is worked out then.
    public lazy var analysis: Analysis = makeAnalysis()
    let makeAnalysis: @Sendable () -> Analysis
    public var reader: Reader
    public var output: Output
    public var renderer: FacilitatorRenderer
    /// Asked before each prompt, so screens drawn after a resize fit the new width and height.
    public var currentWidth: @Sendable () -> Int? = { nil }
    public var currentHeight: @Sendable () -> Int? = { nil }
    let save: (WorkshopRecord) -> String?

    /// Where the room is in the current step.
    enum Phase: Equatable {
        case voting
        /// The vote is in; the story has moved on, but the screen still shows the decision.
        case voted(Vote, option: Int, tieBroken: Bool)
        case revealed
    }

    var phase = Phase.voting
    /// Seconds left on the discussion countdown, if one is running.
    var timerLeft: Int?
    /// Whether the last save failed: what is on disk is behind what the room has done.
    public private(set) var saveFailed = false

    static var commands: [String] { [":reveal", ":back", ":timer", ":scores", ":notes", ":end", ":help"] }

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
        if workshop.isOver {
            return finish()
        }
        showStep()
        while true {
            refreshSize()
            if phase == .voting, workshop.isOver { return finish() }
            let ticking = timerLeft != nil && reader.supportsTimers
            let prompt = phase == .voting ? "votes> " : "> "
            switch reader.read(prompt: prompt, silenceAfter: ticking ? 1 : nil) {
            case .line(let text):
                if let outcome = handle(text.trimmingBlanks()) { return outcome }
            case .silence:
                tick()
            case .endOfInput:
                return finish()
            case .interrupt:
                output.write("The session is saved after every vote. Type :end for the debrief, or carry on.\n")
            case .terminate:
                return stop()
            case .rejected(let reason):
                output.write(renderer.style.wrap(reason))
            }
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

    mutating func tick() {
        guard let left = timerLeft else { return }
        let now = left - 1
        if now <= 0 {
            timerLeft = nil
            output.write(renderer.style.bold("Time is up.") + "\n")
        } else {
            timerLeft = now
            if now % 15 == 0 || now <= 10 { output.write(renderer.timer(now)) }
        }
    }

    /// Lays out what comes next at the terminal's size now, after any resize.
    mutating func refreshSize() {
        if let width = currentWidth() { renderer.style.width = max(20, width) }
        if let height = currentHeight() { renderer.height = height }
    }

    mutating func handle(_ text: String) -> Outcome? {
        refreshSize()
        let lower = text.lowercased()
        if lower.hasPrefix(":timer") {
            startTimer(String(text.dropFirst(6)).trimmingBlanks())
            return nil
        }
        switch lower {
        case ":help", "?":
            output.write(renderer.help())
        case ":reveal":
            reveal()
        case ":back":
            back()
        case ":scores", ":score":
            output.write(renderer.scoreboard(workshop))
        case ":notes":
            output.write(renderer.notes(revealsForScreen()))
        case ":end", ":quit":
            return finish()
        case "":
            switch phase {
            case .voted: reveal()
            case .revealed: nextStep()
            case .voting: break
            }
        default:
            if text.hasPrefix(":") {
                output.write("Unknown command \(Sanitizer.clean(String(text.prefix(20)))). Type :help for the list.\n")
            } else if phase == .voting {
                return vote(text)
            } else {
                output.write("The vote for this step is in. Press Enter to go on, or :back to change it.\n")
            }
        }
        return nil
    }

    mutating func startTimer(_ argument: String) {
        if argument == "off" || argument == "stop" {
            timerLeft = nil
            output.write("Timer stopped.\n")
            return
        }
        guard let seconds = Self.seconds(argument.isEmpty ? "2m" : argument) else {
            output.write("Write the time as 2m, 90s or 1m30s (at most an hour): :timer 2m\n")
            return
        }
        timerLeft = seconds
        output.write(renderer.timer(seconds))
        if !reader.supportsTimers { output.write("(The countdown runs only on a terminal.)\n") }
    }

    static func seconds(_ text: String) -> Int? {
        let source = SourceFile(name: "", text: text)
        return Parser.durationSeconds(in: source)
    }

    /// Records a vote, asking which way the story goes on a tie; returns `.stopped` if a signal to stop
    /// comes at that question.
    mutating func vote(_ text: String) -> Outcome? {
        let vote: Vote
        do {
            vote = try workshop.parser.parse(text)
        } catch {
            output.write(renderer.style.wrap(error.message + " Nothing was recorded."))
            return nil
        }
        switch workshop.result(of: vote) {
        case .majority(let option):
            record(vote, option: option, tieBroken: false)
            return nil
        case .tie(let options):
            output.write(renderer.tie(options, counts: vote.counts(optionCount: workshop.step.choices.count)))
            while true {
                switch reader.read(prompt: "tie> ", silenceAfter: nil) {
                case .line(let answer):
                    let letter = answer.trimmingBlanks().uppercased()
                    if let option = options.first(where: { FacilitatorRenderer.letter($0) == letter }) {
                        record(vote, option: option, tieBroken: true)
                        return nil
                    }
                    if letter == ":BACK" {
                        output.write("The vote was not recorded.\n")
                        return nil
                    }
                    output.write("Type \(options.map(FacilitatorRenderer.letter).joined(separator: " or ")), or :back to vote again.\n")
                case .silence, .rejected:
                    continue
                case .endOfInput, .interrupt:
                    output.write("The vote was not recorded.\n")
                    return nil
                case .terminate:
                    output.write("The vote was not recorded.\n")
                    return stop()
                }
            }
        }
    }

    mutating func record(_ vote: Vote, option: Int, tieBroken: Bool) {
        do {
            try workshop.decide(vote: vote, option: option, tieBroken: tieBroken)
        } catch {
            output.write("That vote could not be recorded: \(error).\n")
            return
        }
        persist()
        phase = .voted(vote, option: option, tieBroken: tieBroken)
        timerLeft = nil
        output.write(renderer.decided(workshop, vote: vote, option: option, tieBroken: tieBroken))
    }

    /// The options of the step on screen: the one voted on, if the vote is in.
    func revealsForScreen() -> [ChoiceReveal] {
        if phase != .voting, let last = workshop.pastDecisions.last { return last.reveals }
        return workshop.reveal()
    }

    mutating func reveal() {
        switch phase {
        case .voting:
            output.write(renderer.reveal(workshop.reveal(), vote: nil, chosen: nil, teams: workshop.teams))
        case .voted(let vote, let option, _):
            output.write(renderer.reveal(revealsForScreen(), vote: vote, chosen: option, teams: workshop.teams))
            if let effects = workshop.session.transcript.steps.last?.lines.first {
                output.write(renderer.style.wrap("What happens next: " + (effects.speaker.map { "\($0): " } ?? "") + Sanitizer.clean(effects.text)))
            }
            output.write(renderer.style.dim("Enter: next step.  :back: undo this vote.") + "\n")
            phase = .revealed
        case .revealed:
            output.write(renderer.reveal(revealsForScreen(), vote: workshop.record.decisions.last?.vote, chosen: workshop.pastDecisions.last?.chosenIndex, teams: workshop.teams))
        }
    }

    mutating func back() {
        guard workshop.undo() else {
            output.write("There is no vote to undo yet.\n")
            return
        }
        persist()
        phase = .voting
        output.write("The last vote is undone.\n")
        showStep()
    }

    mutating func nextStep() {
        phase = .voting
        if !workshop.isOver { showStep() }
    }

    mutating func showStep() {
        output.write(renderer.step(workshop, number: workshop.record.decisions.count + 1))
        output.write(renderer.votePrompt(workshop))
    }

    mutating func persist() {
        if let problem = save(workshop.record) {
            saveFailed = true
            output.write(
                renderer.style.wrap(
                    renderer.style.bold("Error: the session could not be saved")
                        + " (\(Sanitizer.clean(problem))). You can carry on, but after a crash it cannot be resumed."))
        } else {
            saveFailed = false
        }
    }

    mutating func finish() -> Outcome {
        if let ending = workshop.session.step.ending {
            output.write("\n" + renderer.style.wrap(renderer.style.bold("Ending (\(ending.outcome.rawValue)):") + " " + Sanitizer.clean(ending.summary)))
        }
        output.write(renderer.debrief(WorkshopReport(workshop: workshop, analysis: analysis)))
        return .finished
    }
}
