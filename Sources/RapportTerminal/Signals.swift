#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signals noticed while waiting for input. The handlers only set flags (all a signal handler may
/// safely do); the reader's loop looks at them between waits.
enum Signals {
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    nonisolated(unsafe) static var resized: sig_atomic_t = 0
    nonisolated(unsafe) static var terminated: sig_atomic_t = 0

    /// Installs the handlers without SA_RESTART, so a waiting `poll` returns early.
    static func install() {
        set(SIGINT) { _ in Signals.interrupted = 1 }
        set(SIGWINCH) { _ in Signals.resized = 1 }
        set(SIGTERM) { _ in Signals.terminated = 1 }
        set(SIGHUP) { _ in Signals.terminated = 1 }
    }

    static func set(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(signal, &action, nil)
    }

    /// Reads and clears a flag.
    static func take(_ flag: inout sig_atomic_t) -> Bool {
        guard flag != 0 else { return false }
        flag = 0
        return true
    }
}
