import RapportAnalysis
import RapportEngine
import RapportLanguage

/// How a self-paced run is set up.
public struct PracticeOptions: Sendable {
    /// No feedback, hints or restart until the debrief.
    public var assessment = false
    /// Whether silence timers run (only where the reader can time out).
    public var timers = true

    public init(assessment: Bool = false, timers: Bool = true) {
        self.assessment = assessment
        self.timers = timers
    }
}

/// How a run ended.
public enum PracticeOutcome: Sendable, Equatable {
    /// Reached an ending, or stopped with Ctrl-D or `:quit`; the debrief was shown.
    case finished
    /// Left with Ctrl-C, after saying yes.
    case abandoned
    /// SIGTERM, SIGHUP or SIGQUIT, at any prompt (the question before leaving too).
    case terminated
}

/// A learner's run of one scenario at the prompt: shows each step, reads the answer, gives feedback
/// in practice mode, and ends with the debrief. All input comes through a `LineReader` and all output
/// goes to a `TextOutput`, so tests drive whole sessions with scripted input.
public struct PracticeRun<Reader: LineReader, Output: TextOutput> {
    public let scenario: CheckedScenario
    /// Needed only for the debrief, so it is worked out then: a large scenario shows its first
    /// choice at once instead of after exploring every state.
    public lazy var analysis: Analysis = makeAnalysis()
    let makeAnalysis: @Sendable () -> Analysis
    public var reader: Reader
    public var output: Output
    public let options: PracticeOptions
    public var renderer: PracticeRenderer
    /// Asked before each prompt, so text laid out after a resize fits the new width.
    public var currentWidth: @Sendable () -> Int? = { nil }
    public private(set) var session: Session
    /// How many of the session's first actions the program made (a retry's or `--from`'s way in).
    public private(set) var playedForYou = 0
    /// Keeps each attempt as it happens, if set.
    public var recorder: (any PracticeRecorder)?
    /// Whether a recording has failed (the learner has been told, once).
    public private(set) var recordingFailed = false
    /// The debrief of the last finished attempt, for what comes after it.
    public private(set) var lastDebrief: Debrief?
    /// Said instead of the introduction when the run does not start at the beginning.
    var resumeNote: String?
    var retrying = false
    /// How the decisions played for the learner came about, as the debrief says it.
    var wayIn = "played for you"

    static var commands: [String] { [":help", ":hint", ":score", ":promises", ":restart", ":quit"] }

    public init(
        scenario: CheckedScenario, analysis: @autoclosure @escaping @Sendable () -> Analysis, reader: Reader,
        output: Output, style: Style,
        options: PracticeOptions
    ) {
        self.scenario = scenario
        self.makeAnalysis = analysis
        self.reader = reader
        self.output = output
        self.options = options
        self.renderer = PracticeRenderer(style: style)
        self.session = Session(scenario)
    }

    /// A run whose debrief judges it against what this learner can reach: with no silences when
    /// their timers do not run (turned off, or a reader that cannot time out), so points only a
    /// silence can give or take never count against them.
    public init(scenario: CheckedScenario, reader: Reader, output: Output, style: Style, options: PracticeOptions) {
        let silences = options.timers && reader.supportsTimers
        self.init(
            scenario: scenario, analysis: Analysis(scenario, silences: silences), reader: reader, output: output, style: style,
            options: options)
    }

    var practising: Bool { !options.assessment }

    /// The shortest and longest silence timer in the scenario, when timers run for this learner.
    var timerRange: ClosedRange<Int>? {
        guard options.timers && reader.supportsTimers else { return nil }
        let seconds = scenario.nodes.compactMap { $0.silence?.seconds }
        guard let low = seconds.min(), let high = seconds.max() else { return nil }
        return low...high
    }

    /// Starts the next `run` from a session already under way: an attempt being resumed, or the
    /// decision the program played to for a retry or `--from`. `note` is said first.
    public mutating func start(from session: Session, playedForYou: Int, note: String, retrying: Bool = false) {
        self.session = session
        self.playedForYou = min(playedForYou, session.transcript.actions.count)
        resumeNote = note
        self.retrying = retrying
        wayIn = retrying ? "as before" : "played for you"
    }

    /// Plays until an ending, Ctrl-D, `:quit`, an abandon or a signal.
    public mutating func run() -> PracticeOutcome {
        reader.setCompletions(Self.commands)
        if let note = resumeNote {
            output.write(renderer.heading(scenario) + renderer.style.wrap(note) + "\n")
        } else {
            output.write(renderer.introduction(scenario, assessment: options.assessment, silence: timerRange))
        }
        resumeNote = nil
        keep(recorder?.began(session, playedForYou: playedForYou, retrying: retrying))
        retrying = false
        output.write(renderer.lines(session.step.lines))
        showDecision()
        while !session.isOver {
            refreshWidth()
            let timer = options.timers && reader.supportsTimers ? session.step.silenceSeconds : nil
            switch reader.read(prompt: "> ", silenceAfter: timer) {
            case .line(let text):
                if let outcome = handle(text.trimmingBlanks()) { return outcome }
            case .silence:
                stayedSilent()
            case .ready:
                continue  // practice watches nothing
            case .endOfInput:
                output.write("\n")
                return finish()
            case .interrupt:
                if let outcome = askBeforeLeaving() { return outcome }
                showDecision()
            case .terminate:
                return stopped()
            case .rejected(let reason):
                output.write(renderer.style.wrap(reason))
            }
        }
        return finish()
    }

    /// Handles one typed line; returns an outcome when the run is over.
    /// Lays out what comes next at the terminal's width now, after any resize.
    mutating func refreshWidth() {
        if let width = currentWidth() { renderer.style.width = max(20, min(width, 100)) }
    }

    mutating func handle(_ text: String) -> PracticeOutcome? {
        refreshWidth()
        if text.isEmpty { return nil }
        if let number = Int(text) {
            guard number >= 1, number <= session.step.choices.count else {
                output.write("There is no choice \(number). Type a number from 1 to \(session.step.choices.count), or :help.\n")
                return nil
            }
            choose(number)
            return nil
        }
        switch text.lowercased() {
        case ":help", ":h", "?", "help":
            output.write(renderer.help(assessment: options.assessment))
        case ":hint":
            if options.assessment {
                output.write("Hints are off in assessment mode.\n")
            } else if let hint = session.step.hint {
                output.write(renderer.style.wrap("Hint: \(Sanitizer.clean(hint))"))
            } else {
                output.write("No hint for this one: trust your judgement.\n")
            }
        case ":score", ":scores":
            output.write(
                options.assessment ? "Scores are shown in the debrief in assessment mode.\n" : renderer.scoresSoFar(session))
        case ":promises":
            output.write(renderer.promises(session))
        case ":restart":
            if options.assessment {
                output.write("Restarting is off in assessment mode until the debrief.\n")
            } else {
                keep(recorder?.gaveUp(session))
                session = Session(scenario)
                playedForYou = 0
                keep(recorder?.began(session, playedForYou: 0, retrying: false))
                output.write("\nStarting again.\n\n")
                output.write(renderer.lines(session.step.lines))
                showDecision()
            }
        case ":quit", ":q", ":exit":
            return finish()
        default:
            output.write(
                "Sorry, I didn't understand \"\(Sanitizer.clean(String(text.prefix(40))))\". Type a number from 1 to \(session.step.choices.count), or :help.\n"
            )
        }
        return nil
    }

    mutating func choose(_ number: Int) {
        let offered = session.step.choices[number - 1]
        output.write(renderer.trainee(offered.text.string))
        guard let events = try? session.choose(offered.id) else { return }
        keep(recorder?.moved(session))
        let own = session.step.actionEventCount
        if practising {
            output.write(renderer.feedback(events: Array(events.prefix(own)), coach: session.step.coachNote?.string, scenario: scenario))
        }
        continueConversation(arrival: events.dropFirst(own))
    }

    /// The customer fills the silence first; then comes the feedback on it, and then, when the
    /// silence moves the conversation on, what follows (as after a choice).
    mutating func stayedSilent() {
        output.write(renderer.silence())
        guard let events = try? session.stayedSilent() else { return }
        keep(recorder?.moved(session))
        // The silence's own line is the first of the step's lines.
        let own = session.step.actionEventCount
        let lines = session.step.lines
        output.write(renderer.lines(lines.prefix(1)))
        if practising {
            output.write(renderer.feedback(events: Array(events.prefix(own)), coach: session.step.coachNote?.string, scenario: scenario))
        }
        if lines.count > 1 { output.write("\n" + renderer.lines(lines.dropFirst())) }
        arrivalFeedback(events.dropFirst(own))
        if !session.isOver { showDecision() }
    }

    /// After an action: the new lines, what happened on arrival (which they explain), then the next
    /// decision or the ending.
    mutating func continueConversation(arrival: ArraySlice<Event>) {
        output.write("\n" + renderer.lines(session.step.lines))
        arrivalFeedback(arrival)
        if !session.isOver { showDecision() }
    }

    /// In practice, what arriving at the next node did (a promise broken there, a score, the meter),
    /// after the lines shown there, which say why.
    mutating func arrivalFeedback(_ events: ArraySlice<Event>) {
        guard practising, !events.isEmpty else { return }
        output.write(renderer.feedback(events: Array(events), coach: nil, scenario: scenario))
    }

    mutating func showDecision() {
        guard !session.isOver else { return }
        output.write(renderer.decision(session.step, meter: session.meter, showMeter: practising))
    }

    /// After Ctrl-C: nil to carry on, `.abandoned` if the learner says yes (or presses Ctrl-C or Ctrl-D
    /// again), `.terminated` for a signal to stop, which is not the learner leaving.
    mutating func askBeforeLeaving() -> PracticeOutcome? {
        output.write("Leave this conversation without a debrief? Type y to leave, or anything else to carry on.\n")
        switch reader.read(prompt: "leave? ", silenceAfter: nil) {
        case .line(let answer):
            return ["y", "yes"].contains(answer.trimmingBlanks().lowercased()) ? .abandoned : nil
        case .interrupt, .endOfInput:
            return .abandoned
        case .terminate:
            return stopped()
        case .silence, .ready, .rejected:
            return nil
        }
    }

    mutating func stopped() -> PracticeOutcome {
        output.write("Stopped.\n")
        return .terminated
    }

    mutating func finish() -> PracticeOutcome {
        // The ending is the debrief's first line: it matters more than any figure.
        switch session.step.status {
        case .stuck:
            output.write("The scenario left you with nothing to choose here; please tell its writer (rapport test finds this).\n")
        case .endlessLoop:
            output.write("The scenario went round in a loop without a choice; please tell its writer (rapport test finds this).\n")
        default:
            break
        }
        let debrief = Debrief(session: session, analysis: analysis, playedForYou: playedForYou, wayIn: wayIn)
        lastDebrief = debrief
        keep(recorder?.finished(session, debrief: debrief))
        output.write(renderer.debrief(debrief))
        return .finished
    }

    /// Tells the learner, once, that their progress is not being kept, and why.
    mutating func keep(_ problem: String?) {
        guard let problem, !recordingFailed else { return }
        recordingFailed = true
        output.write(renderer.style.wrap("Your progress is not being saved: \(Sanitizer.clean(problem)). The conversation goes on."))
    }
}
