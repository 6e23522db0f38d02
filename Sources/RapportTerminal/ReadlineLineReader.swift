import CReadline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// readline's callback interface calls plain C functions, which cannot capture anything; these
// globals carry their results back. Only the main thread reads the keyboard.
nonisolated(unsafe) private var receivedLine: [UInt8]?
nonisolated(unsafe) private var receivedEndOfInput = false
nonisolated(unsafe) private var lineComplete = false
nonisolated(unsafe) private var completionWords: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func handleLine(_ line: UnsafeMutablePointer<CChar>?) {
    // Removing the handler here, inside the callback, stops readline from printing the prompt again
    // for a next line that Rapport has not asked for yet.
    rl_callback_handler_remove()
    lineComplete = true
    guard let line else {
        receivedEndOfInput = true
        return
    }
    let length = strlen(line)
    receivedLine = [UInt8](UnsafeRawBufferPointer(start: line, count: length))
    free(line)
}

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let prefix = String(cString: text)
    if state == 0 { completionIndex = 0 }
    while completionIndex < completionWords.count {
        let word = completionWords[completionIndex]
        completionIndex += 1
        if word.hasPrefix(prefix) { return strdup(word) }
    }
    return nil
}

/// Set by the Ctrl-L binding, read by the reader's loop (readline calls bindings on this thread).
nonisolated(unsafe) private var redrawRequested = false

private func redrawKey(_ count: Int32, _ key: Int32) -> Int32 {
    redrawRequested = true
    return 0
}

private func attemptCompletion(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    // Never fall back to completing file names.
    rapport_rl_set_attempted_completion_over(1)
    return rl_completion_matches(text, completionGenerator)
}

/// The interactive prompt: GNU readline for editing, history and completion, driven through its
/// callback interface so a silence timer and signals can interrupt the wait without losing what the
/// trainee had half typed. Readline catches no signal itself: `Signals` notes them, and the wait loop
/// answers each one where readline's state is known (see `read`).
public final class ReadlineLineReader: LineReader {
    let historyFile: String?
    var installed = false
    /// Text and cursor kept across a silence, put back at the next prompt.
    var pending: (text: String, point: Int32)?
    /// Descriptors that end a read with `.ready` (see `LineReader.watch`).
    var watched: [Int32] = []
    /// When set, Ctrl-L does not blank the screen (readline's way) but returns this line, keeping
    /// what was half typed for the next prompt, so the caller draws its whole screen again.
    public var redrawLine: String? {
        didSet {
            if redrawLine == nil {
                _ = rl_bind_key(12, rl_clear_screen)
            } else {
                _ = rl_bind_key(12, redrawKey)
            }
        }
    }

    /// - Parameter historyFile: where this prompt's history is kept, or nil for none.
    public init(historyFile: String?) {
        self.historyFile = historyFile
        Self.useUTF8Locale()
        rapport_rl_set_readline_name("rapport")
        rapport_rl_set_catch_signals(0)
        rapport_rl_set_catch_sigwinch(0)
        rapport_rl_set_change_environment(0)
        rapport_rl_set_attempted_completion(attemptCompletion)
        using_history()
        stifle_history(1_000)
        if let historyFile {
            _ = read_history(historyFile)
        }
        Signals.catchAtTerminal()
    }

    deinit { restore() }

    /// Readline edits by characters only in a UTF-8 locale (otherwise Backspace would take one byte of
    /// an accented letter or a CJK character). Take the user's locale, and if it is not UTF-8 (as in
    /// a bare `C` locale), the C.UTF-8 one that Debian always has.
    static func useUTF8Locale() {
        if let current = setlocale(LC_CTYPE, ""), String(cString: current).uppercased().contains("UTF-8") { return }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
    }

    public var supportsTimers: Bool { true }

    public func setCompletions(_ words: [String]) {
        completionWords = words
    }

    public func watch(_ descriptors: [Int32]) {
        watched = descriptors
    }

    /// Leaves the terminal as it was found.
    public func restore() {
        if installed {
            rl_callback_handler_remove()
            installed = false
        }
    }

    /// Readline has the terminal (its own mode: no echo, a key at a time) only inside this call; on
    /// every way out it is handed back as it was found.
    public func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent {
        if Signals.terminationRequested { return .terminate }
        Signals.catchStops()
        defer { Signals.releaseStops() }
        // A stop between prompts found the terminal as the shell had it; it is set up afresh below.
        _ = Signals.take(.continued)
        if !installed {
            rl_callback_handler_install(prompt, handleLine)
            installed = true
            if let kept = pending {
                rl_insert_text(kept.text)
                rapport_rl_set_point(kept.point)
                rl_redisplay()
                pending = nil
            }
        }
        var timer = seconds.map { SilenceTimer(seconds: Double($0), startingAt: Self.now()) }
        while true {
            if Signals.terminationRequested {
                rl_callback_sigcleanup()
                restore()
                writeOut("\n")
                return .terminate
            }
            if Signals.take(.interrupted) {
                // Show the ^C after what was typed, as a shell does, then drop the line.
                rapport_rl_set_point(rapport_rl_end())
                rl_redisplay()
                writeOut("^C\n")
                rl_callback_sigcleanup()
                rl_replace_line("", 0)
                restore()
                return .interrupt
            }
            if Signals.take(.resized) { rl_resize_terminal() }
            if Signals.take(.stopRequested) {
                suspend()
                timer?.resumed(at: Self.now())
            }
            if Signals.take(.continued) {
                takeTerminalAgain()
                timer?.resumed(at: Self.now())
            }
            var timeout: Int32 = -1
            if let timer {
                let left = timer.remaining(at: Self.now())
                if left <= 0 { return keepHalfTyped(.silence) }
                timeout = Int32(min(left * 1000, 60_000).rounded(.up))
            }
            // A signal, or the deadline: the checks above decide.
            switch Signals.wait(for: [0] + watched, milliseconds: timeout) {
            case .input(0): break
            case .input: return keepHalfTyped(.ready)
            case .signal, .timeout: continue
            }
            rl_callback_read_char()
            timer?.typed(at: Self.now())
            if lineComplete { return finishLine() }
            if redrawRequested, let redrawLine {
                redrawRequested = false
                _ = keepHalfTyped(.silence)
                return .line(redrawLine)
            }
        }
    }

    /// Ctrl-Z: hand the terminal back as it was found, stop as the shell expects, and when continued
    /// take it again.
    func suspend() {
        rl_cleanup_after_signal()
        Signals.stopAsSuspended()
        _ = Signals.take(.continued)
        takeTerminalAgain()
    }

    /// After a stop (Ctrl-Z, or SIGSTOP from elsewhere) the shell has put the terminal in its own mode
    /// (echo, whole lines) and written over the prompt. Readline's mode is set again and the prompt is
    /// redrawn with what was typed, so the trainee sees the line that Enter will send. In the background
    /// (after `bg`) the terminal is left alone: `fg` continues Rapport again, and that SIGCONT does it.
    func takeTerminalAgain() {
        guard Signals.inForeground(0) else { return }
        // Readline still counts its mode as set; release it first, or setting it again does nothing.
        rl_cleanup_after_signal()
        rl_reset_after_signal()
        writeOut("\r")
        rl_forced_update_display()
    }

    func finishLine() -> LineEvent {
        lineComplete = false
        installed = false  // the line handler has already removed itself
        if receivedEndOfInput {
            receivedEndOfInput = false
            writeOut("\n")
            // The end of input a hang-up brings is the SIGHUP's to answer.
            return Signals.terminationRequested ? .terminate : .endOfInput
        }
        let bytes = receivedLine ?? []
        receivedLine = nil
        let event = LineValidation.validate(bytes)
        if case .line(let text) = event, !text.trimmingBlanks().isEmpty {
            add_history(text)
            if let historyFile {
                // Append rather than rewrite, so two windows do not overwrite each other's history.
                if append_history(1, historyFile) != 0 { _ = write_history(historyFile) }
            }
        }
        return event
    }

    /// The timer ran out, or a watched descriptor is ready: keep the half-typed text, clear the prompt
    /// line, and let the caller print.
    func keepHalfTyped(_ event: LineEvent) -> LineEvent {
        let length = Int(rapport_rl_end())
        var text = ""
        if let buffer = rapport_rl_line_buffer(), length > 0 {
            text = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        }
        pending = (text, rapport_rl_point())
        // Clear every row the prompt and a long, wrapped half-typed line take, not only the last.
        _ = rl_clear_visible_line()
        rl_replace_line("", 0)
        restore()
        writeOut("\r\u{1B}[K")
        return event
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    func writeOut(_ text: String) {
        StandardOutput().write(text)
    }
}
