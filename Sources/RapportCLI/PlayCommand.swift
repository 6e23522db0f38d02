import ArgumentParser
import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal

#if canImport(Glibc)
import Glibc
#endif

/// `rapport play [FILE|ID]` (also what `rapport` alone runs): self-paced practice at the prompt.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Practise a scenario at your own pace (with no scenario named, choose from a menu).",
        discussion: """
            Reads answers with line editing and history on a terminal, or plain lines from a pipe:
            printf '1\\n2\\n1\\n' | rapport play system-failure
            """
    )

    @Argument(help: "A scenario file, or the id of a bundled scenario (see the menu).")
    var scenario: String?

    @Flag(name: .customLong("assess"), help: "Assessment mode: no feedback, hints or restart until the debrief.")
    var assessment = false

    @Flag(name: .customLong("no-timers"), help: "Turn off silence timers (for learners who type slowly, or use a screen reader).")
    var noTimers = false

    @Flag(help: "Plain output for screen readers: no colour, boxes or bars; every figure in words.")
    var plain = false

    @Option(name: .customLong("json"), help: "Write the run's transcript as JSON to this file at the end.")
    var jsonPath: String?

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenarios to add to the menu.")
    var scenarioFolders: [String] = []

    /// `--json` names the file the transcript is written over. Named as a scenario file, it is
    /// almost always a slip (the scenario was meant as the argument), and writing would destroy it.
    func validate() throws {
        guard let jsonPath else { return }
        if jsonPath.hasSuffix(".\(ScenarioFiles.fileExtension)") || jsonPath == scenario {
            throw ValidationError(
                "--json names the file the transcript is written to, and '\(jsonPath)' is a scenario: it would be overwritten. Give a path ending in .json, and the scenario on its own: rapport play --json run.json \(scenario ?? jsonPath)")
        }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let environment = ProcessInfo.processInfo.environment
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let detected = OutputStyle.detect(environment: environment)
        let width = TerminalSize.columns(environment: environment) ?? 80
        let style = Style(colour: detected.colour, plain: plain, width: min(width, 100))
        let output = StandardOutput()

        let readline = interactive ? ReadlineLineReader(historyFile: Self.historyFile(environment)) : nil
        defer { readline?.restore() }
        var reader = AnyLineReader(readline ?? PlainLineReader() as any LineReader)

        let entry: ScenarioLibrary.Entry
        if let scenario {
            entry = try ScenarioLibrary.resolve(scenario, extraFolders: scenarioFolders)
        } else {
            let library = try ScenarioLibrary.open(extraFolders: scenarioFolders)
            var menu = ScenarioMenu(reader: reader, output: output, style: style)
            guard let index = menu.choose(from: library.entries.map(\.scenario)) else { return }
            reader = menu.reader
            entry = library.entries[index]
        }

        var run = PracticeRun(
            scenario: entry.scenario, reader: reader, output: output, style: style,
            options: PracticeOptions(assessment: assessment, timers: !noTimers))
        if interactive { run.currentWidth = { TerminalSize.columns(environment: [:]) } }
        let outcome = run.run()
        if let jsonPath { try Self.writeTranscript(run.session.transcript, to: jsonPath) }
        switch outcome {
        case .finished: return
        case .abandoned: throw ExitStatus.abandoned
        case .terminated: throw ExitStatus.stoppedBySignal
        }
    }

    /// `$XDG_STATE_HOME/rapport/history`, by default `~/.local/state/rapport/history`.
    static func historyFile(_ environment: [String: String]) -> String? {
        guard let folder = StateFolder.path(environment) else { return nil }
        return folder + "/history"
    }

    static func writeTranscript(_ transcript: Transcript, to path: String) throws {
        do {
            try JSONOutput.data(transcript).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            FileHandle.standardError.write("rapport: cannot write the transcript to \(path): \(error.localizedDescription)\n")
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
