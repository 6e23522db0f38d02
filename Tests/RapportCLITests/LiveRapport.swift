import Foundation
import RapportTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The built `rapport`, running while a test types into it, reads what it shows and signals it, as a
/// user would. Two ways to run it:
/// - `throughPipes`: standard input and output are pipes, so Rapport reads plain lines (no prompt is
///   shown) and the exit status is the process's own.
/// - `inTerminal`: a pseudo-terminal made for the test (no real terminal is needed), under a small
///   bash script with job control, so Rapport has readline, Ctrl-Z stops it and `fg` continues it as
///   at a shell. After each stop and at the exit, the script prints the terminal's modes:
///   `[stopped] <stty -a>` and `[exit STATUS] <stty -a>`.
///
/// Every wait is bounded (`patience`), so a Rapport that never answers fails its test instead of
/// hanging the run; nothing else depends on the clock.
final class LiveRapport {
    let process: Process
    /// Where the test types (a pipe, or the terminal's master side).
    let input: Int32
    /// Where Rapport's output arrives (a pipe, or the same master side).
    let output: Int32
    let throughTerminal: Bool
    /// Everything shown so far, and how far `waitFor` has read it.
    private(set) var shown = [UInt8]()
    private var cursor = 0

    static let patience = 15.0

    private init(process: Process, input: Int32, output: Int32, throughTerminal: Bool) {
        self.process = process
        self.input = input
        self.output = output
        self.throughTerminal = throughTerminal
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        if output != input { close(output) }
        closeInput()
    }

    private var inputOpen = true

    /// Ends Rapport's input (through pipes: the end of input a script reaches).
    func closeInput() {
        guard inputOpen else { return }
        inputOpen = false
        close(input)
    }

    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["TERM"] = "xterm"
        environment["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-tests").path
        // Progress is kept in a folder of the run's own, never in the home folder of whoever runs the tests.
        environment["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-live-data-\(getpid())-\(UUID().uuidString.prefix(8))").path
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func throughPipes(_ arguments: [String], environment: [String: String] = [:]) throws -> LiveRapport {
        let process = Process()
        process.executableURL = Rapport.executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        process.environment = Self.environment(environment)
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        try Self.start(process)
        let rapport = LiveRapport(
            process: process, input: dup(stdin.fileHandleForWriting.fileDescriptor),
            output: dup(stdout.fileHandleForReading.fileDescriptor), throughTerminal: false)
        // The process keeps its pipes: only the test's copy of the input's end may stay open, so that
        // `closeInput` is Rapport's end of input.
        try? stdin.fileHandleForWriting.close()
        return rapport
    }

    /// Whether `inTerminal` can run here: it needs util-linux's `setsid` and bash.
    static var terminalAvailable: Bool {
        ["/usr/bin/setsid", "/bin/bash"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The shell around Rapport: job control on (`set -m`), so Rapport gets a process group of its
    /// own in the terminal's foreground and a stop returns to the script. After a stop, the terminal is
    /// put back to ordinary modes (`stty sane`, as an interactive shell restores its own) before `fg`.
    static let shell = """
        set -m
        "$@"
        status=$?
        while [ "$status" -eq 148 ]; do
            printf '\\n[stopped] %s\\n' "$(stty -a | tr -s '\\n;' '  ')"
            stty sane
            fg >/dev/null
            status=$?
        done
        printf '\\n[exit %s] %s\\n' "$status" "$(stty -a | tr -s '\\n;' '  ')"
        """

    static func inTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> LiveRapport {
        let (master, slave) = try openTerminal()
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        // A session of its own whose controlling terminal is this one; --wait gives bash's status.
        process.arguments = ["--ctty", "--wait", "/bin/bash", "-c", shell, "bash", Rapport.executable.path] + arguments
        process.currentDirectoryURL = Repository.root
        process.environment = Self.environment(environment)
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try Self.start(process)
        try terminal.close()
        return LiveRapport(process: process, input: master, output: master, throughTerminal: true)
    }

    /// Starts `process` with no signal blocked, as a shell starts programs. Tests run on Dispatch's
    /// worker threads, which block most signals, and a child keeps the mask of the thread that starts
    /// it: Rapport would never receive the signals sent to it.
    static func start(_ process: Process) throws {
        var none = sigset_t()
        var saved = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        try process.run()
    }

    /// A new pseudo-terminal: its master side (the test's) and its terminal side (Rapport's), neither
    /// becoming the test's controlling terminal. Swift's Glibc module lacks posix_openpt, unlockpt and
    /// ptsname, so this is what they do on Linux: open /dev/ptmx, unlock, ask the terminal's number.
    static func openTerminal() throws -> (master: Int32, slave: Int32) {
        // TIOCSPTLCK and TIOCGPTN (<asm-generic/ioctls.h>), function-like macros Swift cannot import.
        let unlock: UInt = 0x4004_5431
        let number: UInt = 0x8004_5430
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw POSIXError(.ENXIO) }
        var locked: Int32 = 0
        var index: UInt32 = 0
        guard ioctl(master, unlock, &locked) == 0, ioctl(master, number, &index) == 0 else {
            close(master)
            throw POSIXError(.ENXIO)
        }
        let slave = open("/dev/pts/\(index)", O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            close(master)
            throw POSIXError(.ENXIO)
        }
        return (master, slave)
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until `text` is shown after what earlier waits found, and moves past it; false if it is
    /// not shown within `patience`, or Rapport's output ends first.
    @discardableResult
    func waitFor(_ text: String) -> Bool {
        let wanted = Array(text.utf8)
        let deadline = Self.now() + Self.patience
        while true {
            if let found = find(wanted) {
                cursor = found + wanted.count
                return true
            }
            guard readMore(before: deadline) else { return false }
        }
    }

    /// Reads what has come, waiting until `deadline` for something; false at the deadline, or at the
    /// end of the output (a pipe's end, or EIO once nothing holds the terminal open).
    private func readMore(before deadline: Double) -> Bool {
        while true {
            let left = deadline - Self.now()
            if left <= 0 { return false }
            var waiting = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&waiting, 1, Int32(min(left, 1) * 1000))
            if ready > 0 { break }
        }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        shown += chunk[0..<count]
        return true
    }

    private func find(_ wanted: [UInt8]) -> Int? {
        guard shown.count - cursor >= wanted.count else { return nil }
        return (cursor...(shown.count - wanted.count)).first { shown[$0..<($0 + wanted.count)].elementsEqual(wanted) }
    }

    /// The rest of the line after the text found last, moving past it (for `[exit …]` and `[stopped]`).
    func restOfLine() -> String {
        let start = cursor
        guard waitFor("\n") else { return "" }
        return String(decoding: shown[start..<(cursor - 1)], as: UTF8.self)
    }

    var text: String { String(decoding: shown, as: UTF8.self) }

    /// The process Rapport runs as: in a terminal, the leader of the foreground process group (bash
    /// gives each job its own), which is Rapport while it waits at a prompt.
    var rapportProcess: pid_t {
        throughTerminal ? tcgetpgrp(output) : process.processIdentifier
    }

    func send(_ signal: Int32) {
        kill(rapportProcess, signal)
    }

    /// The terminal's local modes (ECHO, ICANON …) now: the master side reports the terminal's.
    var localModes: tcflag_t {
        var modes = termios()
        tcgetattr(output, &modes)
        return modes.c_lflag
    }

    /// Through pipes: Rapport's exit status, or nil if it did not exit within `patience` (then it is
    /// killed, so the test goes on) or was killed by a signal. All it wrote is in `text` afterwards.
    func exitStatus() -> Int32? {
        guard Self.eventually({ !process.isRunning }) else {
            kill(process.processIdentifier, SIGKILL)
            return nil
        }
        let deadline = Self.now() + Self.patience
        while readMore(before: deadline) {}
        return process.terminationReason == .exit ? process.terminationStatus : nil
    }

    /// In a terminal: the status the shell saw and the terminal's modes after Rapport exited.
    func exitInTerminal() -> (status: Int32?, modes: Set<String>) {
        guard waitFor("[exit ") else { return (nil, []) }
        let line = restOfLine()
        return (Int32(line.prefix { $0 != "]" }), Self.modes(String(line.drop { $0 != "]" }.dropFirst())))
    }

    /// In a terminal: the terminal's modes while Rapport was stopped, or nil if it did not stop.
    func modesWhenStopped() -> Set<String>? {
        guard waitFor("[stopped]") else { return nil }
        return Self.modes(restOfLine())
    }

    /// The words of `stty -a` (such as `icanon`, or `-echo` when echo is off).
    static func modes(_ stty: String) -> Set<String> {
        Set(stty.split(whereSeparator: \.isWhitespace).map(String.init))
    }

    /// Whether `condition` comes true, asked every 10 ms for at most `patience`.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = now() + patience
        while !condition() {
            if now() > deadline { return false }
            usleep(10_000)
        }
        return true
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
