// Linux only: see main.swift.
#if os(Linux)

/// Times what a trainee waits for: from starting `rapport play FILE` (or `rapport play ID`) to the first numbered choice
/// appearing on its standard output. Standard input is an open pipe nobody writes to, so the player
/// is simply sitting there; once the choice is seen the process is asked to stop.
struct FirstChoiceTimer {
    /// The `rapport` executable to start.
    let rapport: String

    struct Result {
        /// Median seconds from spawn to the first choice line.
        var seconds: Double
        /// `rapport play`'s peak memory at that moment (its VmHWM), in bytes.
        var peak: Int?
    }

    /// Starts `rapport play` up to `runs` times, stopping early once `budget` seconds have gone (at
    /// 100,000 decisions one start takes many seconds), and returns the median.
    func measure(scenario: String, runs: Int, budget: Double) throws(ChildProcess.Failure) -> Result {
        var times: [Double] = []
        var peaks: [Int] = []
        let total = Stopwatch()
        for _ in 0..<max(1, runs) where times.isEmpty || total.seconds < budget {
            let clock = Stopwatch()
            var child = try ChildProcess(
                executable: rapport, arguments: ["play", scenario], keepInputOpen: true, quiet: true)
            var seen: [String] = []
            var found = false
            while let line = child.nextLine() {
                if Self.looksLikeFirstChoice(line) {
                    found = true
                    break
                }
                if seen.count < 20 { seen.append(line) }
            }
            let seconds = clock.seconds
            if found, let peak = PeakMemory.ofProcess(child.pid) { peaks.append(peak) }
            child.terminate()
            let status = child.wait()
            guard found else {
                let shown = seen.isEmpty ? "nothing" : seen.joined(separator: "\n    ")
                throw ChildProcess.Failure(
                    description: "'\(rapport) play \(scenario)' ended (status \(status)) without showing a numbered choice; it printed:\n    \(shown)")
            }
            times.append(seconds)
        }
        return Result(seconds: Stopwatch.median(times), peak: peaks.max())
    }

    /// A line such as `1. Hi Grace...`, `  1) ...` or `[1] ...`, possibly coloured.
    static func looksLikeFirstChoice(_ line: String) -> Bool {
        let plain = withoutEscapes(line)
        var rest = plain.drop { $0 == " " || $0 == "\t" || $0 == "[" || $0 == "(" }
        guard rest.first == "1" else { return false }
        rest = rest.dropFirst()
        guard let mark = rest.first, mark == "." || mark == ")" || mark == "]" || mark == ":" else { return false }
        return true
    }

    /// The line without terminal escape sequences (`ESC [ ... final`), in case colour is on.
    static func withoutEscapes(_ line: String) -> String {
        var result = ""
        var inEscape = false
        var sawBracket = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if !sawBracket, scalar == "[" {
                    sawBracket = true
                    continue
                }
                if (0x40...0x7E).contains(scalar.value) { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                sawBracket = false
                continue
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

#endif
