import ArgumentParser
import RapportTerminal
import Foundation
import RapportLanguage

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
        subcommands: [
            PlayCommand.self, ProgressCommand.self, FacilitateCommand.self, CheckCommand.self, TestCommand.self,
            AnalyzeCommand.self, GraphCommand.self, NewCommand.self,
        ],
        defaultSubcommand: PlayCommand.self
    )

    public init() {}

    /// Called first thing: SIGTERM, SIGHUP and SIGQUIT stop every command with 143 (README, "Exit
    /// codes"), and Swift's crash reporter never opens on Ctrl-\. `play` and `facilitate` take these
    /// signals over at their prompts, to restore the terminal and keep what must be kept first.
    public static func exitOnTerminationSignals() {
        Signals.exitOnTermination()
    }

    /// What the `rapport` executable runs: ArgumentParser's `main`, except that an error's message is
    /// sanitised before it is printed. Its messages quote the arguments ("Unexpected argument '…'"),
    /// and an argument can be a file name from a glob, which can hold anything. Help and version,
    /// which quote none, are printed by ArgumentParser as they are.
    public static func mainWithSafeMessages() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) }
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitizer.clean(String($0)) }
                FileHandle.standardError.write(lines.joined(separator: "\n") + "\n")
            }
            Foundation.exit(status.rawValue)
        }
    }
}
