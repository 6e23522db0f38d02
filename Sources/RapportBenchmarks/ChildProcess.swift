// Linux only: see main.swift.
#if os(Linux)
    import Glibc

/// A program started with `posix_spawn`, its standard output read through a pipe. Standard input
/// can be a pipe that is kept open and never written to, which is what a player who has not typed
/// yet looks like to `rapport play`.
struct ChildProcess {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    private let output: Int32
    private let input: Int32?
    private var pending: [UInt8] = []
    private var finishedOutput = false

    /// Starts `executable` with `arguments` (not including the program name). Standard error is
    /// passed through unless `quiet`, when it goes to /dev/null.
    init(
        executable: String, arguments: [String], keepInputOpen: Bool = false, quiet: Bool = false
    ) throws(Failure) {
        var outputPipe: [Int32] = [0, 0]
        guard pipe(&outputPipe) == 0 else { throw Failure(description: "pipe: \(SystemFiles.errorText())") }
        var inputPipe: [Int32] = [-1, -1]
        if keepInputOpen {
            guard pipe(&inputPipe) == 0 else { throw Failure(description: "pipe: \(SystemFiles.errorText())") }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
        if keepInputOpen {
            posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if quiet { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(outputPipe[1])
        if keepInputOpen { close(inputPipe[0]) }
        guard status == 0 else {
            close(outputPipe[0])
            if keepInputOpen { close(inputPipe[1]) }
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        output = outputPipe[0]
        input = keepInputOpen ? inputPipe[1] : nil
    }

    /// The next line of standard output (without its newline), or nil at the end of the output.
    /// Blocks until a whole line has arrived.
    mutating func nextLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if finishedOutput {
                guard !pending.isEmpty else { return nil }
                defer { pending.removeAll() }
                return String(decoding: pending, as: UTF8.self)
            }
            var buffer = [UInt8](repeating: 0, count: 65_536)
            let count = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                finishedOutput = true
            } else {
                pending.append(contentsOf: buffer[0..<count])
            }
        }
    }

    /// Every remaining line of standard output.
    mutating func remainingLines() -> [String] {
        var lines: [String] = []
        while let line = nextLine() { lines.append(line) }
        return lines
    }

    /// Asks the process to stop (it was started here, so it is ended by its own id).
    func terminate() { kill(pid, SIGTERM) }

    /// Closes the pipes and waits for the process to end; returns its exit status, or 128 plus the
    /// signal that ended it.
    func wait() -> Int32 {
        if let input { close(input) }
        close(output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

#endif
