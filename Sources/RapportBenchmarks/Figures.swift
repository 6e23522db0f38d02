// Linux only: see main.swift.
#if os(Linux)

/// The figures for one generated scenario (one shape, one size), as read back from the child
/// processes that measured them.
struct Figures {
    let shape: ScenarioShape
    let decisions: Int
    let fileBytes: Int

    var check: Measured<CheckFigures> = .skipped("not measured")
    var play: Measured<PlayFigures> = .skipped("not measured")
    var analysis: Measured<AnalysisFigures> = .skipped("not measured")
    var firstChoice: Measured<FirstChoiceTimer.Result> = .skipped("not measured")
    /// Decisions per second of the yardstick, measured just before this scenario's figures, and
    /// just after them.
    var yardstickBefore: Double?
    var yardstickAfter: Double?

    /// The slower of the two: a disturbance during the row's figures may show in either, as one
    /// measured only before them missed some.
    var yardstick: Double? { [yardstickBefore, yardstickAfter].compactMap { $0 }.min() }
}

enum Measured<Value> {
    case measured(Value)
    case skipped(String)

    var value: Value? {
        if case .measured(let value) = self { return value }
        return nil
    }
}

struct CheckFigures {
    /// The median run.
    let seconds: Double
    /// The fastest run: on a shared machine, other work can only slow a run down, so this is the
    /// figure least disturbed by it.
    let best: Double
    let bytes: Int
    let warnings: Int
    let runs: Int
    let peak: Int

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
}

struct PlayFigures {
    let playthroughs: Int
    let decisions: Int
    let unfinished: Int
    let seconds: Double
    let peak: Int
    /// Decisions per second when no text is built: the engine's share of the time.
    let engineOnlyDecisionsPerSecond: Double
    /// Decisions per second, with the text, when every session keeps a transcript as `rapport play`
    /// does: the record's share of the time is the difference.
    let recordedDecisionsPerSecond: Double

    var playthroughsPerSecond: Double { Double(playthroughs) / seconds }
    var decisionsPerSecond: Double { Double(decisions) / seconds }
    /// Mean time of one playthrough.
    var secondsPerPlaythrough: Double { seconds / Double(playthroughs) }
}

struct AnalysisFigures {
    let seconds: Double
    let states: Int
    let truncated: Bool
    let findings: Int
    /// Peak memory of the whole process, reading and checking included.
    let peak: Int
    /// The heap in use before the analysis and after it (with the analysis still held).
    let heapBefore: Int
    let heapAfter: Int

    /// What the analysis keeps: its explored graph and its findings.
    var analysisHeap: Int { max(0, heapAfter - heapBefore) }

    var microsecondsPerState: Double { seconds * 1e6 / Double(max(1, states)) }
}

/// The `key value` lines a measurement child prints.
struct ChildReport {
    let values: [String: String]

    init(lines: [String]) {
        var values: [String: String] = [:]
        for line in lines {
            guard let space = line.firstIndex(of: " ") else { continue }
            values[String(line[..<space])] = String(line[line.index(after: space)...])
        }
        self.values = values
    }

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    func int(_ key: String) throws(Missing) -> Int {
        guard let text = values[key], let value = Int(text) else { throw Missing(description: "no '\(key)' in the report") }
        return value
    }

    func double(_ key: String) throws(Missing) -> Double {
        guard let text = values[key], let value = Double(text) else { throw Missing(description: "no '\(key)' in the report") }
        return value
    }

    func bool(_ key: String) -> Bool { values[key] == "true" }
}

#endif
