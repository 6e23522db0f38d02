#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Rapport does with signals (README, "Exit codes"), and the flags its handlers leave for the
/// line readers.
///
/// - SIGTERM, SIGHUP and SIGQUIT stop Rapport with status 143. Until a command has prompts,
///   `exitOnTermination` exits at once: there is nothing to restore or save. `play` and `facilitate`
///   then `catchTermination`: the handler only notes the signal, every prompt answers `.terminate`
///   from then on, and the screens restore the terminal and keep what must be kept before the command
///   exits. SIGQUIT (Ctrl-\) is taken from Swift's runtime backtracer, which would otherwise report a
///   crash on the user's terminal and leave it raw.
/// - SIGINT (Ctrl-C) and SIGWINCH (a resize) matter only at readline's prompt (`catchAtTerminal`).
/// - SIGTSTP (Ctrl-Z) is caught only while readline has the terminal (`catchStops`), so the terminal is
///   handed back before Rapport stops; SIGCONT says the terminal must be taken again and redrawn.
///
/// A handler may only do what is safe in a signal handler: it sets a flag and writes a byte to the wake
/// pipe. Readers wait on that pipe beside their input (`wait(for:milliseconds:)`), so a signal that
/// lands just before a wait still ends it. A signal that was ignored when Rapport started (as `nohup`
/// ignores SIGHUP) stays ignored.
public enum Signals {
    /// What a handler notes.
    enum Flag: Int, CaseIterable {
        case interrupted, resized, stopRequested, continued
        /// Never cleared: once Rapport is asked to stop, every later prompt answers `.terminate`.
        case terminated
    }

    /// The flags and the wake pipe's two ends live at fixed addresses, reached through pointers from
    /// `static let`s: a handler's write through a pointer meets none of Swift's exclusivity checks,
    /// which would trap if a handler wrote a `static var` while the reader was reading it. Each is
    /// touched by `prepare()` before any handler can run, so no handler starts its lazy set-up.
    nonisolated(unsafe) static let flags: UnsafeMutablePointer<sig_atomic_t> = {
        let flags = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: Flag.allCases.count)
        flags.initialize(repeating: 0, count: Flag.allCases.count)
        return flags
    }()
    nonisolated(unsafe) static let wakeEnds: UnsafeMutablePointer<Int32> = {
        let ends = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        ends.initialize(repeating: -1, count: 2)
        return ends
    }()
    /// Whether SIGTSTP is ours right now (between `catchStops` and `releaseStops`); main thread only.
    nonisolated(unsafe) static var catchingStops = false

    static let terminationSignals = [SIGTERM, SIGHUP, SIGQUIT]

    /// Whether SIGTERM, SIGHUP or SIGQUIT has arrived since `catchTermination`.
    public static var terminationRequested: Bool { flags[Flag.terminated.rawValue] != 0 }

    /// For the whole process, from its start: SIGTERM, SIGHUP and SIGQUIT exit at once with 143.
    public static func exitOnTermination() {
        for signal in terminationSignals {
            // 143 is ExitStatus.stoppedBySignal (RapportCLI); a handler can reach no Swift constant safely.
            set(signal) { _ in _exit(143) }
        }
    }

    /// For commands with prompts: SIGTERM, SIGHUP and SIGQUIT are noted, and the prompts answer them.
    public static func catchTermination() {
        prepare()
        for signal in terminationSignals {
            set(signal) { _ in Signals.note(.terminated) }
        }
    }

    /// For readline's prompt on a terminal: Ctrl-C, resizes, and being continued after a stop.
    static func catchAtTerminal() {
        prepare()
        set(SIGINT) { _ in Signals.note(.interrupted) }
        set(SIGWINCH) { _ in Signals.note(.resized) }
        set(SIGCONT) { _ in Signals.note(.continued) }
    }

    /// While readline has the terminal, Ctrl-Z is noted rather than stopping Rapport at once.
    static func catchStops() {
        catchingStops = set(SIGTSTP) { _ in Signals.note(.stopRequested) }
    }

    /// Between prompts the terminal is as the shell left it, so Ctrl-Z may stop Rapport straight away.
    static func releaseStops() {
        guard catchingStops else { return }
        set(SIGTSTP, SIG_DFL)
        catchingStops = false
    }

    /// Stops Rapport as Ctrl-Z would have (the terminal must already be handed back); returns once it
    /// is continued. A process the shell cannot continue (an orphaned process group) is not stopped.
    static func stopAsSuspended() {
        guard catchingStops else { return }
        set(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        catchStops()
    }

    /// Whether this process is in the foreground of the terminal on `descriptor` (or it is no terminal):
    /// only then may it change the terminal's mode without being stopped for it.
    static func inForeground(_ descriptor: Int32) -> Bool {
        let foreground = tcgetpgrp(descriptor)
        return foreground == -1 || foreground == getpgrp()
    }

    /// What ended a wait.
    enum Wait: Equatable {
        /// This descriptor can be read (or has reached its end).
        case input(Int32)
        case signal
        case timeout
    }

    /// Waits until one of `descriptors` can be read, a signal arrives or `milliseconds` pass (-1: no
    /// limit); descriptors of -1 are ignored. A signal wins over input that is also ready, and the
    /// first descriptor over the others: the input stays for the next read.
    static func wait(for descriptors: [Int32], milliseconds: Int32) -> Wait {
        // The wake pipe is ignored by poll while -1.
        var waits = ([wakeEnds[0]] + descriptors).map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let ready = poll(&waits, nfds_t(waits.count), milliseconds)
        if ready < 0 { return .signal }
        if ready == 0 { return .timeout }
        if waits[0].revents != 0 {
            drainWakes()
            return .signal
        }
        guard let first = waits.dropFirst().first(where: { $0.revents != 0 }) else { return .timeout }
        return .input(first.fd)
    }

    /// Reads and clears a flag.
    static func take(_ flag: Flag) -> Bool {
        guard flags[flag.rawValue] != 0 else { return false }
        flags[flag.rawValue] = 0
        return true
    }

    // MARK: Inside handlers and their setting up

    /// In a handler: sets the flag and wakes the reader. Writing to the non-blocking pipe is safe in a
    /// handler; a full pipe wakes the reader as well. errno is kept for the code the signal interrupted.
    static func note(_ flag: Flag) {
        let saved = errno
        flags[flag.rawValue] = 1
        var byte: UInt8 = 1
        _ = write(wakeEnds[1], &byte, 1)
        errno = saved
    }

    /// Sets up the flags and opens the wake pipe, once, before the first handler is installed.
    static func prepare() {
        _ = flags
        guard wakeEnds[0] == -1 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }  // without it, a wait still ends early, when poll is interrupted
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeEnds[0] = ends[0]
        wakeEnds[1] = ends[1]
    }

    static func drainWakes() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while bytes.withUnsafeMutableBytes({ read(wakeEnds[0], $0.baseAddress, $0.count) }) > 0 {}
    }

    /// Installs `handler` for `signal` unless the signal was ignored (SIG_IGN) when asked; returns
    /// whether it was installed. SA_RESTART lets reads and writes carry on; waits end by the wake pipe.
    @discardableResult
    static func set(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) -> Bool {
        var current = sigaction()
        sigaction(signal, nil, &current)
        if isIgnored(current) { return false }
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        return sigaction(signal, &action, nil) == 0
    }

    static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
