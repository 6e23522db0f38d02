// Running `rapport` as a child process, as a user's shell would: every time includes process start,
// and every peak memory is that one process's own (wait4's ru_maxrss).
import Foundation

struct Failure: Error, CustomStringConvertible {
    let description: String
}

func seconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = (ContinuousClock.now - start).components
    return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
}

/// A started child. Its standard output and error go to one pipe; its standard input is a pipe kept
/// open and never written to (a player who has not typed yet) or /dev/null.
private struct Child {
    let pid: pid_t
    let output: Int32
    let input: Int32?

    init(_ executable: String, _ arguments: [String], keepInputOpen: Bool) throws {
        var out: [Int32] = [-1, -1]
        var inp: [Int32] = [-1, -1]
        guard pipe(&out) == 0, !keepInputOpen || pipe(&inp) == 0 else { throw Failure(description: "pipe failed") }
        #if os(Linux)
            var actions = posix_spawn_file_actions_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, out[1], 2)
        posix_spawn_file_actions_addclose(&actions, out[0])
        if keepInputOpen {
            posix_spawn_file_actions_adddup2(&actions, inp[0], 0)
            posix_spawn_file_actions_addclose(&actions, inp[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        close(out[1])
        if keepInputOpen { close(inp[0]) }
        guard status == 0 else {
            close(out[0])
            if keepInputOpen { close(inp[1]) }
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        output = out[0]
        input = keepInputOpen ? inp[1] : nil
    }

    /// More of the output, as it arrives; empty at its end.
    func read() -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var count = -1
        while count < 0 {
            count = buffer.withUnsafeMutableBytes { Foundation.read(output, $0.baseAddress, $0.count) }
            if count < 0, errno != EINTR { count = 0 }
        }
        return Array(buffer.prefix(count))
    }

    /// Closes the pipes and waits: the exit status (128 + the signal, if one ended it) and the peak
    /// resident memory in bytes.
    func wait() -> (status: Int32, peakBytes: Int) {
        if let input { close(input) }
        close(output)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0, errno == EINTR {}
        #if os(Linux)
            let peak = usage.ru_maxrss * 1024  // kilobytes on Linux, bytes on macOS
        #else
            let peak = usage.ru_maxrss
        #endif
        return (status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F), peak)
    }
}

/// A child run to its end: wall time from spawn to exit, exit status, peak memory and output.
struct Finished {
    var seconds: Double
    var status: Int32
    var peakBytes: Int
    var output: String
}

func run(_ executable: String, _ arguments: [String]) throws -> Finished {
    let start = ContinuousClock.now
    let child = try Child(executable, arguments, keepInputOpen: false)
    var output: [UInt8] = []
    while true {
        let chunk = child.read()
        if chunk.isEmpty { break }
        output += chunk
    }
    let (status, peak) = child.wait()
    return Finished(seconds: seconds(since: start), status: status, peakBytes: peak, output: String(decoding: output, as: UTF8.self))
}

/// Seconds from spawning `rapport play FILE` until a line of its output starts with the first
/// numbered choice, "1."; the child is then stopped with SIGTERM.
func firstChoiceSeconds(_ rapport: String, _ file: String) throws -> Double {
    let start = ContinuousClock.now
    let child = try Child(rapport, ["play", file], keepInputOpen: true)
    var output: [UInt8] = []
    while true {
        let chunk = child.read()
        if chunk.isEmpty { break }
        output += chunk
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.dropLast().contains(where: { $0.drop { $0 == " " }.hasPrefix("1.") }) {
            let elapsed = seconds(since: start)
            kill(child.pid, SIGTERM)
            _ = child.wait()
            return elapsed
        }
    }
    let (status, _) = child.wait()
    throw Failure(description: "`rapport play \(file)` ended (status \(status)) with no numbered choice:\n\(String(decoding: output.prefix(3000), as: UTF8.self))")
}
