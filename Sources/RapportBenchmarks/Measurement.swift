// Linux only: see main.swift.
#if os(Linux)

import RapportEngine
import RapportLanguage
import RapportAnalysis

/// One measurement, run inside a child process (`rapport-bench measure ...`) so that the peak memory
/// it reports belongs to it alone. It prints its figures as `key value` lines on standard output,
/// which the parent (`Benchmark`) reads back.
enum Measurement: String, CaseIterable {
    /// Nothing at all: the peak memory of a process that only starts, for comparison.
    case baseline
    /// Parse and check the file, repeatedly.
    case check
    /// Seeded random playthroughs.
    case play
    /// Full state-space analysis, once.
    case analysis
    /// Random play of a small scenario made in memory (`Benchmark.yardstick`), the same before
    /// every size: on a shared machine it shows how fast the host is running at that moment.
    case yardstick

    /// A measurement that could not be made: a file that cannot be read or does not check cleanly,
    /// or a choice the engine refused.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Settings {
        var file = ""
        /// Seconds to spend repeating a measurement.
        var budget = 1.0
        var seed: UInt64 = 1
        /// Whether random play builds each step's text, as a player's screen would. Without it the
        /// figure is the engine's alone, which shows how much of the time the text takes.
        var buildText = true
        /// Whether each session keeps a transcript, as `rapport play` does. Without it, sessions are
        /// played as `rapport test --random` plays them (`Session(rules:recording: false)`).
        var record = false
    }

    func run(_ settings: Settings) throws(Failure) {
        switch self {
        case .baseline:
            break
        case .check:
            try measureCheck(settings)
        case .play:
            try measurePlay(settings)
        case .analysis:
            try measureAnalysis(settings)
        case .yardstick:
            try measureYardstick(settings)
        }
        emit("peak", PeakMemory.ofThisProcess() ?? 0)
    }

    private func emit(_ key: String, _ value: some CustomStringConvertible) {
        print("\(key) \(value)")
    }

    /// Reads and checks the file, failing loudly if it does not check cleanly: every figure would
    /// be meaningless for a scenario with errors.
    private func load(_ path: String) throws(Failure) -> (bytes: [UInt8], scenario: CheckedScenario) {
        let bytes: [UInt8]
        do {
            bytes = try SystemFiles.read(path)
        } catch {
            throw Failure(description: error.description)
        }
        let result = Checker.check(SourceFile(name: path, bytes: bytes))
        guard let scenario = result.scenario else {
            let errors = result.diagnostics.filter { $0.severity == .error }
            let first = errors.prefix(5).map { "  line \($0.range.start.line): \($0.message)" }.joined(separator: "\n")
            throw Failure(description: "\(path) has \(errors.count) errors; the first:\n\(first)")
        }
        return (bytes, scenario)
    }

    // MARK: - Parse and check

    private func measureCheck(_ settings: Settings) throws(Failure) {
        let (bytes, scenario) = try load(settings.file)
        var warnings = 0
        let times = Stopwatch.repeatedly(minimumRuns: 3, maximumRuns: 50, budget: settings.budget) {
            // The line index is built here too: it is part of reading the file.
            let result = Checker.check(SourceFile(name: settings.file, bytes: bytes))
            warnings = result.diagnostics.warningCount
            return result
        }
        emit("bytes", bytes.count)
        emit("decisions", scenario.decisionCount)
        emit("warnings", warnings)
        emit("runs", times.count)
        emit("seconds", Stopwatch.median(times))
        emit("best", times.min() ?? 0)
    }

    // MARK: - Random play

    private func measurePlay(_ settings: Settings) throws(Failure) {
        let (_, scenario) = try load(settings.file)
        try play(scenario, settings)
    }

    /// A 100-decision layered story, in cache at every step: its speed depends on the host alone.
    private func measureYardstick(_ settings: Settings) throws(Failure) {
        let text = ScenarioGenerator(shape: .layered, decisions: Benchmark.yardstickDecisions).text()
        guard let scenario = Checker.check(SourceFile(name: "yardstick", text: text)).scenario else {
            throw Failure(description: "the yardstick scenario does not check")
        }
        try play(scenario, settings)
    }

    private func play(_ scenario: CheckedScenario, _ settings: Settings) throws(Failure) {
        // One set of rules for every playthrough, and sessions without a record unless asked for,
        // as `RandomPlay` (behind `rapport test --random`) plays them: building the rules walks the
        // whole scenario, which a playthrough of the layered story does not.
        let rules = Rules(scenario)
        var random = SeededRandom(seed: settings.seed)
        var playthroughs = 0
        var decisions = 0
        var unfinished = 0
        var shownBytes = 0
        let screen = Screen()
        let clock = Stopwatch()
        // Whole playthroughs only, so the rates are not skewed by a half-played last one.
        while playthroughs == 0 || clock.seconds < settings.budget {
            var session = Session(rules: rules)
            if settings.buildText { shownBytes += screen.render(session.step) }
            while !session.isOver {
                let offered = session.step.choices.count
                guard offered > 0 else { break }
                // Uniform among the choices on offer, as `RandomPlay` does (no silences here).
                let number = Int(random.next() % UInt64(offered)) + 1
                do {
                    try session.choose(number: number)
                } catch {
                    throw Failure(description: "choice \(number) was refused: \(error)")
                }
                decisions += 1
                if settings.buildText { shownBytes += screen.render(session.step) }
            }
            if session.step.ending == nil { unfinished += 1 }
            playthroughs += 1
        }
        let seconds = clock.seconds
        emit("playthroughs", playthroughs)
        emit("decisions", decisions)
        emit("unfinished", unfinished)
        emit("seconds", seconds)
        // Printed so that the text really is built: an optimiser may drop work whose result is unused.
        emit("shown-bytes", shownBytes)
    }

    // MARK: - Analysis

    private func measureAnalysis(_ settings: Settings) throws(Failure) {
        let (_, scenario) = try load(settings.file)
        // The heap in use before and after, with the analysis and its findings still held: what the
        // analysis keeps. The peak of the whole process cannot show it, as the analysis fits in
        // memory that the check has freed. The file's fingerprint is waited for first: until it is
        // done, its work holds a copy of the file's bytes, which would be freed during the analysis.
        _ = scenario.sourceHash
        emit("heap-before", PeakMemory.heapInUse() ?? 0)
        let clock = Stopwatch()
        let analysis = Analysis(scenario)
        // What `rapport test` prints comes from here, so it is part of a full analysis.
        let findings = analysis.diagnostics()
        let seconds = clock.seconds
        withExtendedLifetime((analysis, findings)) { emit("heap-after", PeakMemory.heapInUse() ?? 0) }
        emit("states", analysis.stateCount)
        emit("truncated", analysis.isTruncated)
        emit("findings", findings.count)
        emit("decisions", scenario.decisionCount)
        emit("seconds", seconds)
    }
}

#endif
