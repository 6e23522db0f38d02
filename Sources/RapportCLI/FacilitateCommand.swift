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
            (A5 B3 C1, or 5 3 1), or with --teams each team's pick (Red A, Blue C, or A C). Each session \
            is saved under its name after every change and kept: 'rapport facilitate --list' lists them, \
            and '--session NAME --resume' carries one on exactly where it was, or shows a finished one's \
            debrief and, with --export, writes its handout again.

            For a screen the room never sees, run 'rapport facilitate --console' in a second terminal \
            (or on your laptop while the projector shows the room's): what you type there is done in \
            the room, and what answers it, such as :help and :notes, and each decision's coach notes, \
            show only there.
            """
    )

    @Argument(help: "A scenario file, or the id of a bundled scenario. With --resume, a session's name or a scenario, optional.")
    var scenario: String?

    @Option(help: "Team names, separated by commas, e.g. \"Red,Blue,Front Desk\".")
    var teams: String?

    @Option(help: "The session's name (default: the scenario's id and today's date, e.g. delivery-promise-2025-03-14).")
    var session: String?

    @Option(help: "The group's name, for the handout.")
    var group: String?

    @Option(help: "The facilitator's name, for the handout.")
    var facilitator: String?

    @Flag(help: "Carry on a saved session (the one named, or the most recent) exactly where it was.")
    var resume = false

    @Flag(help: "Throw away the saved session of this name and start again.")
    var restart = false

    @Flag(help: "List the saved sessions and stop.")
    var list = false

    @Flag(help: "Be the facilitator's console of the workshop running in another terminal (with --session, of that one).")
    var console = false

    @Option(help: "At the end, write the handout (HTML and Markdown) and session.json into this folder.")
    var export: String?

    @Flag(help: "Plain output for screen readers: no colour, boxes or bars.")
    var plain = false

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenarios, to find ids in.")
    var scenarioFolders: [String] = []

    func validate() throws {
        if console {
            guard scenario == nil, !list, !resume, !restart, teams == nil, export == nil, group == nil, facilitator == nil else {
                throw ValidationError("--console connects to a workshop already running; it takes only --session and --plain")
            }
        }
        if list {
            guard scenario == nil, !resume, !restart, teams == nil, export == nil, session == nil else {
                throw ValidationError("--list lists the saved sessions; it takes no scenario and no other option")
            }
            return
        }
        if resume && restart { throw ValidationError("--resume and --restart cannot be used together") }
        if resume && teams != nil { throw ValidationError("--teams cannot change on --resume: the saved session keeps its teams") }
        if scenario == nil && !resume && !console { throw ValidationError("name a scenario to facilitate, or use --resume") }
        if let teams, let problem = TeamNames.problem(with: TeamNames.parse(teams)) { throw ValidationError(problem) }
        if let session, let problem = SessionName.problem(with: session) { throw ValidationError("the session name \(problem)") }
        for (option, value) in [("--group", group), ("--facilitator", facilitator)] {
            if let value, value.count > WorkshopRecord.maximumNameLength || Sanitizer.clean(value) != value {
                throw ValidationError("\(option) takes a name of at most \(WorkshopRecord.maximumNameLength) characters, with no control or invisible characters")
            }
        }
    }

    static func fail(_ message: String, _ status: Int32) -> ExitCode {
        FileHandle.standardError.report(message)
        return ExitCode(status)
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        Signals.catchTermination()
        let environment = ProcessInfo.processInfo.environment
        let now = { Now.date(environment) }
        guard let stateFolder = StateFolder.path(environment) else {
            throw Self.fail("cannot find a folder to save the session in (set HOME or XDG_STATE_HOME)", 73)
        }
        let store = WorkshopStore(folder: URL(fileURLWithPath: stateFolder).appendingPathComponent("workshops"))
        let style = Style(
            colour: OutputStyle.detect(environment: environment).colour, plain: plain,
            width: TerminalSize.columns(environment: environment) ?? 80)
        if list {
            StandardOutput().write(SessionListText(style: style).render(store.list(), folder: store.folder.path))
            return
        }
        let consoleFolder = ConsoleFolder(environment: environment)
        if console { return try runConsole(folder: consoleFolder, style: style, stateFolder: stateFolder) }
        // The handout's folder is checked before the room sees anything.
        let handout = export.map { HandoutFolder(path: $0) }
        if let handout, let problem = handout.problem() {
            throw Self.fail("cannot write the handout to \(handout.path): \(problem). Name another folder with --export.", 73)
        }

        let sessions = FacilitateSessions(store: store)
        var workshop: Workshop
        do {
            workshop = resume ? try resumed(sessions) : try started(sessions, now: now())
        } catch let refusal as FacilitateSessions.Refusal {
            throw Self.fail(refusal.message, refusal.status)
        }
        if group != nil || facilitator != nil { workshop.describe(group: group, facilitator: facilitator) }
        let sessionName = workshop.record.name ?? workshop.scenario.id

        let interactive = isatty(0) == 1 && isatty(1) == 1
        let readline = interactive ? ReadlineLineReader(historyFile: stateFolder + "/facilitate-history") : nil
        // Ctrl-L draws the room's screen again rather than blanking it.
        readline?.redrawLine = ":show"
        defer { readline?.restore() }
        let reader = AnyLineReader(readline ?? PlainLineReader() as any LineReader)
        var renderer = FacilitatorRenderer(style: style, clearsScreen: interactive && !plain)
        if interactive { renderer.height = TerminalSize.rows(environment: [:]) }

        let scenario = workshop.scenario
        var run = FacilitatorRun(
            workshop: workshop, analysis: Analysis(scenario), reader: reader, output: StandardOutput(),
            renderer: renderer,
            save: { record in
                do {
                    try store.save(record)
                    return nil
                } catch {
                    return SystemMessage.explain(error)
                }
            })
        run.now = now
        // The facilitator's console connects here; without it, the one terminal is still safe.
        if let problem = consoleFolder.prepare() {
            run.consoleProblem = problem
        } else {
            do {
                run.console = try ConsoleLink(
                    listeningAt: consoleFolder.roomPath, session: sessionName, scenario: Sanitizer.clean(scenario.title))
            } catch {
                run.consoleProblem = error.description
            }
        }
        defer { run.console?.close(reason: "The room's Rapport has closed the session.") }
        if interactive {
            run.currentWidth = { TerminalSize.columns(environment: [:]) }
            run.currentHeight = { TerminalSize.rows(environment: [:]) }
        }
        let outcome = run.run()
        if outcome == .stopped { throw ExitStatus.stoppedBySignal }
        if run.saveFailed {
            FileHandle.standardError.report("the session could not be saved to \(store.url(forSession: sessionName).path)")
        }
        if let handout {
            if let problem = handout.write(WorkshopReport(workshop: run.workshop, analysis: run.analysis)) {
                throw Self.fail("cannot write the handout to \(handout.path): \(problem)", 73)
            }
            StandardOutput().write(renderer.exported(to: handout.path))
        } else if !run.saveFailed {
            StandardOutput().write(renderer.savedForLater(session: sessionName))
        }
        // A signal during the debrief found no prompt left to answer it; the export above is written.
        if Signals.terminationRequested { throw ExitStatus.stoppedBySignal }
        if run.saveFailed { throw ExitStatus.cannotWrite }
    }

    /// A new session of the scenario named, under a name no unfinished session has.
    func started(_ sessions: FacilitateSessions, now: Date) throws -> Workshop {
        let name = scenario!
        let found = try ScenarioLibrary.resolve(name, extraFolders: scenarioFolders)
        let sessionName = try sessions.nameForNewSession(
            session: session, scenarioID: found.scenario.id, now: now, restart: restart)
        if restart {
            do {
                _ = try sessions.store.load(session: sessionName)
            } catch {
                let aside = try? sessions.store.moveAside(session: sessionName, at: now)
                FileHandle.standardError.write(
                    "rapport: \(Sanitizer.clean(error.description))\n"
                        + (aside.map { "rapport: moved it to \(Sanitizer.clean($0.path))\n" } ?? ""))
            }
        }
        let isFile = name.hasSuffix(".\(ScenarioFiles.fileExtension)") || name.contains("/")
        let sourcePath = isFile ? URL(fileURLWithPath: name).standardizedFileURL.path : nil
        return Workshop(
            scenario: found.scenario, teams: teams.map(TeamNames.parse) ?? [], sourcePath: sourcePath, name: sessionName,
            group: group, facilitator: facilitator, startedAt: now)
    }

    /// The saved session, replayed to exactly where it was.
    func resumed(_ sessions: FacilitateSessions) throws -> Workshop {
        let argumentEntry = scenario.flatMap { try? ScenarioLibrary.resolve($0, extraFolders: scenarioFolders, quietly: true) }
        let name = try sessions.sessionToResume(session: session, argument: scenario) { _ in argumentEntry?.scenario.id }
        let saved: WorkshopRecord
        do {
            guard let record = try sessions.store.load(session: name) else {
                throw FacilitateSessions.Refusal(message: "there is no saved session named '\(Sanitizer.clean(name))'", status: 66)
            }
            saved = record
        } catch let error as WorkshopStore.LoadError {
            throw FacilitateSessions.Refusal(
                message: "\(Sanitizer.clean(error.description))\nStart again with --restart: the file will be moved aside, not deleted.", status: 66)
        }
        // The scenario named on the command line, else the file that was played, else the bundled one.
        var entry = argumentEntry?.scenario.id == saved.scenario.id ? argumentEntry : nil
        if entry == nil, let path = saved.sourcePath { entry = try? ScenarioLibrary.load(file: path) }
        let found = try entry ?? ScenarioLibrary.resolve(saved.scenario.id, extraFolders: scenarioFolders)
        do {
            return try Workshop(resuming: saved, scenario: found.scenario)
        } catch {
            throw FacilitateSessions.Refusal(message: "cannot resume: \(error)", status: 1)
        }
    }
}
