#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RapportLanguage

/// `rapport check --watch`: checks the files once and prints everything, then looks again and again,
/// and for each file saved since the last look prints only what changed: the problems fixed, the new
/// ones in full, and the count now. The world comes in through closures (which files there are and
/// when each was last saved, checking one, waiting before the next look), so that tests drive the loop
/// with no files and no clock.
public struct CheckWatch<Output: TextOutput> {
    /// A file checked: its source and problems, or why it could not be read.
    public enum Look {
        case checked(SourceFile, [Diagnostic])
        case unreadable(String)
    }

    /// The files watched now, each with a stamp that changes when the file is saved.
    let files: () -> [String: String]
    let check: (String) -> Look
    /// Waits before the next look; false when watching should stop.
    let waitForNextLook: () -> Bool
    public private(set) var output: Output
    let colour: Bool
    /// What each file was at the last look.
    private var known: [String: (stamp: String, source: SourceFile?, diagnostics: [Diagnostic])] = [:]

    public init(
        files: @escaping () -> [String: String], check: @escaping (String) -> Look, waitForNextLook: @escaping () -> Bool,
        output: Output, colour: Bool
    ) {
        self.files = files
        self.check = check
        self.waitForNextLook = waitForNextLook
        self.output = output
        self.colour = colour
    }

    /// Watches until `waitForNextLook` says to stop.
    public mutating func run() {
        let first = files()
        var report: [(source: SourceFile, diagnostics: [Diagnostic])] = []
        for path in first.keys.sorted() {
            switch check(path) {
            case .checked(let source, let diagnostics):
                report.append((source, diagnostics))
                known[path] = (first[path]!, source, diagnostics)
            case .unreadable(let reason):
                output.write("\(Sanitizer.clean(path)): \(reason)\n")
                known[path] = (first[path]!, nil, [])
            }
        }
        output.write(CheckReportText.format(report, colour: colour))
        output.write("Watching \(plural(first.count, "file")) for changes. Ctrl-C stops.\n")
        while waitForNextLook() {
            let now = files()
            for path in now.keys.sorted() where known[path]?.stamp != now[path] {
                let before = known[path]
                switch check(path) {
                case .checked(let source, let diagnostics):
                    let changes = DiagnosticChanges(
                        from: before?.diagnostics ?? [], in: before?.source, to: diagnostics, in: source)
                    output.write(
                        CheckReportText.changes(
                            changes, in: source, now: diagnostics, isNew: before == nil, colour: colour))
                    known[path] = (now[path]!, source, diagnostics)
                case .unreadable(let reason):
                    output.write("\n\(Sanitizer.clean(path)): \(reason)\n")
                    known[path] = (now[path]!, nil, [])
                }
            }
            for path in known.keys.sorted() where now[path] == nil {
                output.write("\n\(Sanitizer.clean(path)) is gone.\n")
                known[path] = nil
            }
        }
        output.write("Stopped watching.\n")
    }
}

/// The real wait between two looks: a pause that Ctrl-C, SIGTERM, SIGHUP or SIGQUIT ends at once
/// (their handlers only note the signal and wake the wait, see `Signals`), so watching stops cleanly
/// between two looks, with "Stopped watching." said.
public final class WatchPause {
    let milliseconds: Int32

    public init(milliseconds: Int32 = 500) {
        self.milliseconds = milliseconds
        Signals.catchTermination()
        Signals.set(SIGINT) { _ in Signals.note(.interrupted) }
        // A program started by another may inherit a mask that blocks these signals (a test runner's
        // threads do): then they would wait, pending, and Ctrl-C would never stop the watching.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in [SIGINT] + Signals.terminationSignals { sigaddset(&wanted, signal) }
        sigprocmask(SIG_UNBLOCK, &wanted, nil)
    }

    /// Whether SIGTERM, SIGHUP or SIGQUIT stopped the watching (rather than Ctrl-C).
    public var terminated: Bool { Signals.terminationRequested }

    /// Pauses; false once a signal asks to stop.
    public func wait() -> Bool {
        if stopRequested() { return false }
        // No descriptor to read: only a signal or the time ends the wait.
        _ = Signals.wait(for: [], milliseconds: milliseconds)
        return !stopRequested()
    }

    private func stopRequested() -> Bool { Signals.terminationRequested || Signals.take(.interrupted) }
}
