import ArgumentParser
import Foundation
import RapportRecords
import RapportTerminal

/// `rapport progress`: the learner's record over the weeks, from the progress database.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show what you have practised: each scenario, your best, your trend, and the moments you miss most.",
        discussion: "Reads $XDG_DATA_HOME/rapport/progress.sqlite (by default ~/.local/share/rapport/progress.sqlite)."
    )

    @Flag(help: "Plain output for screen readers: trends in words, no charts.")
    var plain = false

    @Flag(
        name: .customLong("move-aside"),
        help: "Rename a progress database Rapport cannot use (adding the time to its name) and start a new one.")
    var moveAside = false

    @Option(name: .customLong("scenarios"), help: "A folder of your own scenarios, for their titles.")
    var scenarioFolders: [String] = []

    @OptionGroup var learnerOptions: LearnerOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let clock = try RapportClock.now(environment)
        let learner = try learnerOptions.name(environment)
        guard let path = ProgressLocation.path(environment) else {
            FileHandle.standardError.write("rapport: no home folder (HOME or XDG_DATA_HOME) to keep progress in\n")
            throw ExitStatus.cannotRead
        }
        if moveAside { return try Self.moveAside(path, clock: clock) }
        guard let store = try ProgressDatabase.open(environment, clock: clock) else { return }
        let attempts: [AttemptSummary]
        let missed: [MissedMoment]
        let unfinished: [UnfinishedAttempt]
        do {
            attempts = try store.finishedAttempts(learner: learner)
            missed = try store.missedMoments(learner: learner)
            unfinished = try store.unfinished(learner: learner)
        } catch {
            FileHandle.standardError.write(
                "rapport: \(error).\nNothing was changed. To keep it and start a new one: rapport progress --move-aside\n")
            throw ExitStatus.cannotRead
        }
        var titles: [String: String] = [:]
        if let library = try? ScenarioLibrary.open(extraFolders: scenarioFolders, quietly: true) {
            for entry in library.entries { titles[entry.scenario.id] = entry.scenario.title }
        }
        let detected = OutputStyle.detect(environment: environment)
        let width = TerminalSize.columns(environment: environment) ?? 80
        let text = ProgressText(style: Style(colour: detected.colour, plain: plain, width: min(width, 100)))
        StandardOutput().write(text.report(learner: learner, attempts: attempts, missed: missed, unfinished: unfinished, titles: titles))
    }

    /// Only a database Rapport cannot use is moved; a sound one is left where it is.
    static func moveAside(_ path: String, clock: @escaping @Sendable () -> Date) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            StandardOutput().write("There is no progress database at \(path); nothing to move.\n")
            return
        }
        do {
            _ = try ProgressStore.open(at: path, clock: clock)
            StandardOutput().write("The progress database \(path) is sound; it was left where it is.\n")
            return
        } catch where !error.canBeMovedAside {
            FileHandle.standardError.write("rapport: \(error).\nIt was not moved: moving it would not help.\n")
            throw error.kind == .cannotWrite ? ExitStatus.cannotWrite : ExitStatus.cannotRead
        } catch {}
        do {
            let aside = try ProgressStore.moveAside(path, now: clock())
            StandardOutput().write("Moved the progress database Rapport could not use to \(aside). A new one starts with your next attempt.\n")
        } catch {
            FileHandle.standardError.write("rapport: \(error)\n")
            throw ExitStatus.cannotWrite
        }
    }
}
