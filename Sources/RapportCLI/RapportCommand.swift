import ArgumentParser
import RapportTerminal

/// `rapport`: the root command. Each subcommand is its own type in its own file.
public struct RapportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Practise the conversations that build trust with customers.",
        discussion: """
            Rapport plays scripted customer conversations and scores every choice on respect, ownership, \
            empathy and follow-through.
            """,
        version: "0.1.0",
        subcommands: [PlayCommand.self, ProgressCommand.self, FacilitateCommand.self, CheckCommand.self, TestCommand.self, AnalyzeCommand.self],
        defaultSubcommand: PlayCommand.self
    )

    public init() {}

    /// Called first thing: SIGTERM, SIGHUP and SIGQUIT stop every command with 143 (README, "Exit
    /// codes"), and Swift's crash reporter never opens on Ctrl-\. `play` and `facilitate` take these
    /// signals over at their prompts, to restore the terminal and keep what must be kept first.
    public static func exitOnTerminationSignals() {
        Signals.exitOnTermination()
    }
}
