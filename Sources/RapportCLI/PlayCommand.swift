import ArgumentParser
import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportRecords
import RapportTerminal

#if canImport(Glibc)
import Glibc
#endif

/// `rapport play [FILE|ID]` (also what `rapport` alone runs): self-paced practice at the prompt, kept
/// in the learner's progress database as it happens.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Practise a scenario at your own pace (with no scenario named, choose from a menu).",
        discussion: """
            Reads answers with line editing and history on a terminal, or plain lines from a pipe:
            printf '1\\n2\\n1\\n' | rapport play system-failure
            Every attempt is kept as it happens in $XDG_DATA_HOME/rapport/progress.sqlite (see rapport progress).
            """
    )

    @Argument(help: "A scenario file, or the id of a bundled scenario (see the menu).")
    var scenario: String?

    @Flag(name: .customLong("assess"), help: "Assessment mode: no feedback, hints or restart until the debrief.")
    var assessment = false

    @Flag(name: .customLong("no-timers"), help: "Turn off silence timers (for learners who type slowly, or use a screen reader).")
    var noTimers = false

    @Flag(help: "Silence timers even with --plain (which turns them off).")
    var timers = false

    @Flag(help: "Plain output for screen readers: no colour, boxes or bars; every figure in words; no timers.")
    var plain = false

    @Option(name: .customLong("json"), help: "Write the run's transcript as JSON to this file at the end.")
    var jsonPath: String?

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenarios to add to the menu.")
    var scenarioFolders: [String] = []

    @Flag(help: "Carry on with your last unfinished attempt, where it stopped.")
    var resume = false

    @Option(
        name: .customLong("from"),
        help: "Start at this moment (as the debrief names it, or its node's id), in the state the best path has there.")
    var fromMoment: String?

    @OptionGroup var learnerOptions: LearnerOptions

    /// `--json` names the file the transcript is written over. Named as a scenario file, it is
    /// almost always a slip (the scenario was meant as the argument), and writing would destroy it.
    func validate() throws {
        if let jsonPath, jsonPath.hasSuffix(".\(ScenarioFiles.fileExtension)") || jsonPath == scenario {
            throw ValidationError(
                "--json names the file the transcript is written to, and '\(jsonPath)' is a scenario: it would be overwritten. Give a path ending in .json, and the scenario on its own: rapport play --json run.json \(scenario ?? jsonPath)")
        }
        if resume && (scenario != nil || fromMoment != nil) {
            throw ValidationError("--resume carries on where your last attempt stopped; name no scenario and no --from with it")
        }
        if fromMoment != nil && scenario == nil { throw ValidationError("--from needs a scenario: rapport play ID --from MOMENT") }
        if timers && noTimers { throw ValidationError("--timers and --no-timers cannot both be given") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        Signals.catchTermination()
        let environment = ProcessInfo.processInfo.environment
        let clock = try RapportClock.now(environment)
        let learner = try learnerOptions.name(environment)
        if let jsonPath { try Self.checkWritable(jsonPath) }
        let store = learnerOptions.noProgress ? nil : try ProgressDatabase.open(environment, clock: clock)

        let interactive = isatty(0) == 1 && isatty(1) == 1
        let detected = OutputStyle.detect(environment: environment)
        let width = TerminalSize.columns(environment: environment) ?? 80
        let style = Style(colour: detected.colour, plain: plain, width: min(width, 100))
        let output = StandardOutput()
        let readline = interactive ? ReadlineLineReader(historyFile: Self.historyFile(environment)) : nil
        defer { readline?.restore() }
        var reader = AnyLineReader(readline ?? PlainLineReader() as any LineReader)
        let timersWanted = plain ? timers : !noTimers

        var resumable = try resume ? Self.lastUnfinished(store, learner: learner) : nil
        let usesMenu = scenario == nil && resumable == nil
        // `--json` gets the last run's transcript, written when the command ends, however it ends.
        var lastTranscript: TranscriptDocument?
        func writeJSON() throws {
            if let jsonPath, let lastTranscript { try Self.writeTranscript(lastTranscript, to: jsonPath) }
        }
        while true {
            let entry: ScenarioLibrary.Entry
            if let attempt = resumable {
                entry = try Self.scenario(for: attempt, extraFolders: scenarioFolders)
            } else if let scenario {
                entry = try ScenarioLibrary.resolve(scenario, extraFolders: scenarioFolders)
            } else {
                let library = try ScenarioLibrary.open(extraFolders: scenarioFolders)
                var menu = ScenarioMenu(reader: reader, output: output, style: style)
                if let store { menu.progress = ProgressSummary.menuLines(store, learner: learner, plain: plain) }
                menu.decisionsPerRun = Self.decisionsPerRun(library.entries.map(\.scenario))
                switch menu.choose(from: library.entries.map(\.scenario)) {
                case .picked(let index): entry = library.entries[index]
                case .left: return try writeJSON()
                case .stopped:
                    try writeJSON()
                    throw ExitStatus.stoppedBySignal
                }
                reader = menu.reader
            }
            let mode: AttemptMode = resumable?.mode ?? (assessment ? .assessment : .practice)
            let timersOn = resumable?.timers ?? timersWanted
            var run = PracticeRun(
                scenario: entry.scenario, reader: reader, output: output, style: style,
                options: PracticeOptions(assessment: mode == .assessment, timers: timersOn))
            if interactive { run.currentWidth = { TerminalSize.columns(environment: [:]) } }
            if let store {
                run.recorder = ProgressRecorder(
                    store: store, learner: learner, mode: mode, timers: timersOn && reader.supportsTimers,
                    resuming: resumable?.id)
            }
            if let attempt = resumable {
                let session = try Self.replay(attempt, on: entry.scenario)
                run.start(
                    from: session, playedForYou: attempt.playedForYou,
                    note: "Carrying on with your attempt from \(Self.day(attempt.startedAt)), where it stopped.")
                resumable = nil
            } else if let fromMoment {
                let (session, label) = try Self.session(at: fromMoment, in: run.analysis)
                run.start(
                    from: session, playedForYou: session.transcript.actions.count,
                    note: "Starting at \(label): the decisions before it were played for you.")
            }
            let end = run.practise(offeringNext: interactive, offeringMenu: usesMenu)
            reader = run.reader
            lastTranscript = TranscriptDocument(
                transcript: run.session.transcript, debrief: end == .quit || end == .menu ? run.lastDebrief : nil,
                recordedAt: clock(), assessment: mode == .assessment, timers: timersOn && reader.supportsTimers)
            if end != .menu { try writeJSON() }
            // A signal during the last screen (the debrief) found no prompt left to answer it.
            if Signals.terminationRequested { throw ExitStatus.stoppedBySignal }
            switch end {
            case .menu: continue
            case .quit: return
            case .abandoned: throw ExitStatus.abandoned
            case .terminated: throw ExitStatus.stoppedBySignal
            }
        }
    }

    /// The decisions a learner meets in a run of each scenario, as answers (no silences): what the
    /// menu says. A scenario too large to explore at once is left to its count of decision nodes.
    static func decisionsPerRun(_ scenarios: [CheckedScenario]) -> [String: ClosedRange<Int>] {
        var result: [String: ClosedRange<Int>] = [:]
        for scenario in scenarios {
            let analysis = Analysis(scenario, limits: Analysis.Limits(states: 50_000, work: 5_000_000), silences: false)
            if !analysis.isTruncated, let range = analysis.decisionsPerRun { result[scenario.id] = range }
        }
        return result
    }

    // MARK: - Files

    /// `$XDG_STATE_HOME/rapport/history`, by default `~/.local/state/rapport/history`.
    static func historyFile(_ environment: [String: String]) -> String? {
        guard let folder = StateFolder.path(environment) else { return nil }
        return folder + "/history"
    }

    /// A file Rapport will write at the end is checked before play starts, so a typo in the path
    /// does not cost the learner the conversation.
    static func checkWritable(_ path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        let problem: String? =
            if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                "the folder \(directory) does not exist"
            } else if access(directory, W_OK) != 0 {
                "the folder \(directory) cannot be written (\(String(cString: strerror(errno))))"
            } else if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
                "the file cannot be written (\(String(cString: strerror(errno))))"
            } else {
                nil
            }
        if let problem {
            FileHandle.standardError.write("rapport: cannot write the transcript to \(path): \(problem); nothing was played\n")
            throw ExitStatus.cannotWrite
        }
    }

    static func writeTranscript(_ transcript: TranscriptDocument, to path: String) throws {
        do {
            try JSONOutput.data(transcript).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.report("cannot write the transcript to \(path): \(error.localizedDescription)")
            throw ExitStatus.cannotWrite
        }
    }
}

/// Where Rapport keeps its files: `$XDG_STATE_HOME/rapport`, by default `~/.local/state/rapport`.
enum StateFolder {
    static func path(_ environment: [String: String]) -> String? {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/state"
        } else {
            return nil
        }
        let folder = base + "/rapport"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }
}
