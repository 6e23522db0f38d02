import ArgumentParser

/// Exit statuses, documented in the README. ArgumentParser itself uses 64 for bad usage.
enum ExitStatus {
    /// Problems found: a scenario with errors (or warnings under --strict), a failed test.
    static let problemsFound = ExitCode(1)
    /// A file or folder named on the command line could not be read.
    static let cannotRead = ExitCode(66)
    /// A program Rapport needs for this could not be run: Graphviz's `dot`, for `graph --format svg`.
    static let missingProgram = ExitCode(69)
    /// A file (such as --json's) could not be written.
    static let cannotWrite = ExitCode(73)
    /// The learner left a conversation with Ctrl-C and said yes to leaving; nothing else exits 130.
    static let abandoned = ExitCode(130)
    /// SIGTERM, SIGHUP or SIGQUIT, in any command: the terminal was restored and Rapport stopped. The
    /// handler of `Signals.exitOnTermination` writes the number itself.
    static let stoppedBySignal = ExitCode(143)
}
