import ArgumentParser
import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportWorkshop

#if canImport(Glibc)
import Glibc
#endif

/// `rapport facilitate SCENARIO`: run a scenario with a room, at the projector.
struct FacilitateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitate",
        abstract: "Run a scenario with a room: votes, reveals, teams, a countdown, and a debrief.",
        discussion: """
            Shows each step on a clean screen with the options lettered A, B, C. Type the room's tally \
            (A5 B3 C1, or 5 3 1), or with --teams each team's pick (Red A, Blue C). The session is saved \
            after every vote; if the laptop dies, 'rapport facilitate --resume' carries on where it was.
            """
    )

    @Argument(help: "A scenario file, or the id of a bundled scenario. With --resume, optional.")
    var scenario: String?

    @Option(help: "Team names, separated by commas, e.g. \"Red,Blue,Green\".")
    var teams: String?

    @Flag(help: "Carry on the saved session for this scenario (or the most recent one).")
    var resume = false

    @Flag(help: "Discard a saved session for this scenario and start again.")
    var restart = false

    @Option(help: "At the end, write a Markdown handout and a JSON record into this folder.")
    var export: String?

    @Flag(help: "Plain output for screen readers: no colour, boxes or bars.")
    var plain = false

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenarios, to find ids in.")
    var scenarioFolders: [String] = []

    func validate() throws {
        if resume && restart { throw ValidationError("--resume and --restart cannot be used together") }
        if resume && teams != nil { throw ValidationError("--teams cannot change on --resume: the saved session keeps its teams") }
        if scenario == nil && !resume { throw ValidationError("name a scenario to facilitate, or use --resume") }
        if let teams {
            let names = Self.teamNames(teams)
            guard !names.isEmpty else { throw ValidationError("--teams needs at least one name") }
            guard Set(names.map { $0.lowercased() }).count == names.count else {
                throw ValidationError("each team needs a different name")
            }
        }
    }

    static func teamNames(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map(Sanitizer.clean)
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        Signals.catchTermination()
        let environment = ProcessInfo.processInfo.environment
        guard let stateFolder = StateFolder.path(environment) else {
            FileHandle.standardError.write("rapport: cannot find a folder to save the session in (set HOME or XDG_STATE_HOME)\n")
            throw ExitStatus.cannotWrite
        }
        let store = WorkshopStore(folder: URL(fileURLWithPath: stateFolder).appendingPathComponent("workshops"))

        var name = scenario
        if name == nil, resume {
            guard let recent = store.mostRecent() else {
                FileHandle.standardError.write("rapport: there is no saved session to resume\n")
                throw ExitStatus.cannotRead
            }
            name = recent
        }
        // A scenario named by its file is saved under its id: the file is read first to learn it.
        var entry = try? ScenarioLibrary.resolve(name!, extraFolders: scenarioFolders, quietly: true)
        let saved: WorkshopRecord?
        do {
            saved = try store.load(scenarioID: entry?.scenario.id ?? name!)
        } catch {
            guard restart else {
                FileHandle.standardError.write(
                    "rapport: \(Sanitizer.clean(error.description))\nStart again with --restart: the file will be moved aside, not deleted.\n")
                throw ExitStatus.cannotRead
            }
            let aside = try? store.moveAside(scenarioID: entry?.scenario.id ?? name!, at: Date())
            FileHandle.standardError.write(
                "rapport: \(Sanitizer.clean(error.description))\n"
                    + (aside.map { "rapport: moved it to \(Sanitizer.clean($0.path))\n" } ?? ""))
            saved = nil
        }
        // A session of a scenario file (not a bundled one) is resumed from that file.
        if entry == nil, let path = saved?.sourcePath { entry = try? ScenarioLibrary.load(file: path) }
        let found = try entry ?? ScenarioLibrary.resolve(name!, extraFolders: scenarioFolders)
        let isFile = name!.hasSuffix(".\(ScenarioFiles.fileExtension)") || name!.contains("/")
        let sourcePath = isFile ? URL(fileURLWithPath: name!).standardizedFileURL.path : saved?.sourcePath

        var workshop: Workshop
        if resume {
            guard let saved else {
                FileHandle.standardError.write("rapport: there is no saved session for '\(found.scenario.id)'\n")
                throw ExitStatus.cannotRead
            }
            do {
                workshop = try Workshop(resuming: saved, scenario: found.scenario)
            } catch {
                FileHandle.standardError.write("rapport: cannot resume: \(error)\n")
                throw ExitStatus.problemsFound
            }
        } else {
            if let saved, !restart {
                FileHandle.standardError.write(
                    "rapport: there is a saved session for '\(found.scenario.id)' (\(plural(saved.decisions.count, "vote")) in). Carry on with --resume, or start again with --restart.\n")
                throw ExitStatus.problemsFound
            }
            workshop = Workshop(scenario: found.scenario, teams: teams.map(Self.teamNames) ?? [], sourcePath: sourcePath)
        }

        let interactive = isatty(0) == 1 && isatty(1) == 1
        let detected = OutputStyle.detect(environment: environment)
        let width = TerminalSize.columns(environment: environment) ?? 80
        let style = Style(colour: detected.colour, plain: plain, width: width)
        let readline = interactive ? ReadlineLineReader(historyFile: stateFolder + "/facilitate-history") : nil
        defer { readline?.restore() }
        let reader = AnyLineReader(readline ?? PlainLineReader() as any LineReader)
        var renderer = FacilitatorRenderer(style: style, clearsScreen: interactive && !plain)
        if interactive { renderer.height = TerminalSize.rows(environment: [:]) }

        var run = FacilitatorRun(
            workshop: workshop, analysis: Analysis(found.scenario), reader: reader, output: StandardOutput(),
            renderer: renderer,
            save: { record in
                do {
                    try store.save(record)
                    return nil
                } catch {
                    return error.localizedDescription
                }
            })
        if interactive {
            run.currentWidth = { TerminalSize.columns(environment: [:]) }
            run.currentHeight = { TerminalSize.rows(environment: [:]) }
        }
        let outcome = run.run()
        if outcome == .stopped { throw ExitStatus.stoppedBySignal }
        if run.saveFailed {
            FileHandle.standardError.write("rapport: the session could not be saved to \(store.url(for: found.scenario.id).path)\n")
        }
        if let export {
            let report = WorkshopReport(workshop: run.workshop, analysis: run.analysis)
            try Self.export(report, to: export)
            StandardOutput().write(renderer.exported(to: export))
        } else if !run.saveFailed {
            StandardOutput().write(renderer.savedForLater(scenarioID: found.scenario.id))
        }
        // A signal during the debrief found no prompt left to answer it; the export above is written.
        if Signals.terminationRequested { throw ExitStatus.stoppedBySignal }
        if run.saveFailed { throw ExitStatus.cannotWrite }
    }

    static func export(_ report: WorkshopReport, to folder: String) throws {
        let url = URL(fileURLWithPath: folder)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(report.markdown().utf8).write(to: url.appendingPathComponent("handout.md"), options: .atomic)
            try JSONOutput.data(report.export()).write(to: url.appendingPathComponent("session.json"), options: .atomic)
        } catch {
            FileHandle.standardError.write("rapport: cannot write to \(folder): \(error.localizedDescription)\n")
            throw ExitStatus.cannotWrite
        }
    }
}
