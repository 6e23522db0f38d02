#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RapportLanguage

/// `rapport check --watch`: checks the files once and prints everything, then looks again and again,
/// and for each file saved since the last look prints only what changed: the problems fixed, the new
/// ones in full, and the count now. A scenario's walkthrough tests (`NAME.tests` beside it) are run
/// with it, their failures reported as problems in the tests file: again when either file is saved,
/// and printed, like the scenario's, only when they changed. The world comes in through closures
/// (which files there are and when each was last saved, checking one, waiting before the next
/// look), so that tests drive the loop with no files and no clock.
public struct CheckWatch<Output: TextOutput> {
    /// A file checked: its source and problems, and its walks when a tests file is beside it; or why
    /// it could not be read.
    public enum Look {
        case checked(SourceFile, [Diagnostic], walks: Walks? = nil)
        case unreadable(String)
    }

    /// A scenario's walkthrough tests as the watch sees them: the tests file, and the problems in it
    /// with a diagnostic for each failed step of a walk; `problems` is nil when the walks could not
    /// be run (the scenario has errors).
    public struct Walks {
        public let source: SourceFile
        public let problems: [Diagnostic]?
        public let count: Int
        public let failed: Int

        public init(source: SourceFile, problems: [Diagnostic]?, count: Int, failed: Int) {
            self.source = source
            self.problems = problems
            self.count = count
            self.failed = failed
        }
    }

    /// The files watched now (the scenarios), each with a stamp that changes when it, or the tests
    /// file beside it, is saved.
    let files: () -> [String: String]
    let check: (String) -> Look
    /// Waits before the next look; false when watching should stop.
    let waitForNextLook: () -> Bool
    public private(set) var output: Output
    let colour: Bool

    /// What a scenario was at the last look: its stamp, its source and problems, its tests file, and
    /// the last walks that could be run (kept while the scenario has errors, to compare with later).
    struct Known {
        var stamp: String
        var source: SourceFile?
        var diagnostics: [Diagnostic]
        var tests: SourceFile?
        var walked: (source: SourceFile, problems: [Diagnostic])?
    }

    private var known: [String: Known] = [:]

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
        var notes: [String] = []
        var watched = first.count
        for path in first.keys.sorted() {
            switch check(path) {
            case .checked(let source, let diagnostics, let walks):
                report.append((source, diagnostics))
                var now = Known(stamp: first[path]!, source: source, diagnostics: diagnostics)
                if let walks {
                    watched += 1
                    now.tests = walks.source
                    if let problems = walks.problems {
                        report.append((walks.source, problems))
                        now.walked = (walks.source, problems)
                    }
                    notes.append(Self.summary(of: walks, scenario: source.name))
                }
                known[path] = now
            case .unreadable(let reason):
                output.write("\(Sanitizer.clean(path)): \(reason)\n")
                known[path] = Known(stamp: first[path]!, diagnostics: [])
            }
        }
        output.write(CheckReportText.format(report, notes: notes, colour: colour))
        output.write("Watching \(plural(watched, "file")) for changes. Ctrl-C stops.\n")
        while waitForNextLook() {
            let now = files()
            for path in now.keys.sorted() where known[path]?.stamp != now[path] {
                let before = known[path]
                switch check(path) {
                case .checked(let source, let diagnostics, let walks):
                    // Only the tests file saved: the scenario is not said to be saved too.
                    let onlyTheTests = before?.source?.bytes == source.bytes && before?.tests?.bytes != walks?.source.bytes
                    if !onlyTheTests {
                        let changes = DiagnosticChanges(
                            from: before?.diagnostics ?? [], in: before?.source, to: diagnostics, in: source)
                        output.write(
                            CheckReportText.changes(
                                changes, in: source, now: diagnostics, isNew: before == nil, colour: colour))
                    }
                    var after = Known(stamp: now[path]!, source: source, diagnostics: diagnostics, tests: walks?.source, walked: before?.walked)
                    reportWalks(walks, scenario: source.name, before: before, into: &after)
                    known[path] = after
                case .unreadable(let reason):
                    output.write("\n\(Sanitizer.clean(path)): \(reason)\n")
                    known[path] = Known(stamp: now[path]!, diagnostics: [])
                }
            }
            for path in known.keys.sorted() where now[path] == nil {
                output.write("\n\(Sanitizer.clean(path)) is gone.\n")
                known[path] = nil
            }
        }
        output.write("Stopped watching.\n")
    }

    /// What changed in a scenario's walks since the last look: a tests file new or gone, saved, or
    /// walked again after the scenario was saved (said only when what they found changed).
    mutating func reportWalks(_ walks: Walks?, scenario: String, before: Known?, into after: inout Known) {
        guard let walks else {
            if let gone = before?.tests { output.write("\n\(Sanitizer.clean(gone.name)) is gone.\n") }
            after.walked = nil
            return
        }
        let saved = before?.tests.map { $0.bytes != walks.source.bytes } ?? true
        let isNew = before?.tests == nil
        guard let problems = walks.problems else {
            if saved {
                let name = Sanitizer.clean(walks.source.name)
                output.write("\n\(name) \(isNew ? "is new" : "saved"): not walked while \(Sanitizer.clean(scenario)) has errors\n")
            }
            return
        }
        let changes = DiagnosticChanges(
            from: after.walked?.problems ?? [], in: after.walked?.source, to: problems, in: walks.source)
        after.walked = (walks.source, problems)
        guard saved || !changes.isEmpty else { return }
        output.write(
            CheckReportText.changes(
                changes, in: walks.source, now: problems, isNew: isNew, walked: !saved, colour: colour))
    }

    /// One line on a scenario's walks at the first look.
    static func summary(of walks: Walks, scenario: String) -> String {
        let name = Sanitizer.clean(walks.source.name)
        guard walks.problems != nil else { return "\(name): not walked while \(Sanitizer.clean(scenario)) has errors" }
        if walks.failed == 0 { return "\(name): \(walks.count == 1 ? "1 walk passes" : "\(plural(walks.count, "walk")), all pass")" }
        return "\(name): \(walks.failed) of \(plural(walks.count, "walk")) \(walks.failed == 1 ? "fails" : "fail")"
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
