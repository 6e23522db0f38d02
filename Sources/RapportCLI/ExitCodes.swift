import ArgumentParser

/// Exit statuses, documented in the README. ArgumentParser itself uses 64 for bad usage.
enum ExitStatus {
    /// Problems found: a scenario with errors (or warnings under --strict), a failed test.
    static let problemsFound = ExitCode(1)
    /// A file or folder named on the command line could not be read.
    static let cannotRead = ExitCode(66)
}
