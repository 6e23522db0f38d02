// Linux only: see main.swift.
#if os(Linux)

/// The command line. The benchmark target depends only on the Rapport libraries, so the few options
/// are read by hand rather than with ArgumentParser.
enum BenchmarkCommand {
    /// Generate, measure and report (the default).
    case run(BenchmarkOptions)
    /// Print a generated scenario, to look at or to feed to `rapport` by hand.
    case generate(ScenarioShape, decisions: Int)
    /// Run one measurement in this process and print `key value` lines (used by `run`).
    case measure(Measurement, Measurement.Settings)
    case help

    static let usage = """
        usage: rapport-bench [--sizes 100,1000,10000,100000] [--shapes chain,layered] [--quick]
                             [--full-analysis] [--out DIR] [--keep-files] [--rapport PATH]
               rapport-bench generate --shape chain|layered --n DECISIONS
               rapport-bench measure baseline|check|play|analysis|yardstick [--file PATH] [--budget SECONDS] [--seed N] [--no-text] [--record]

        Generates synthetic scenarios of each size and shape, and measures parse+check, seeded random
        play, full analysis, peak memory (each in a child process of its own), and the time from
        starting `rapport play FILE` to the first choice on screen (when a `rapport` executable is in
        the same folder as this one, or given with --rapport).

          --sizes           decision counts to measure (default 100,1000,10000,100000;
                            with --quick, 100,1000,10000)
          --shapes          chain (every playthrough visits every decision), layered (20 layers,
                            20 decisions per playthrough), or both (default)
          --quick           shorter timing budgets, for a first look
          --full-analysis   analyse at every size, even where it is expected to take over a minute
          --out DIR         where the generated scenarios are written (default /tmp/rapport-bench)
          --keep-files      leave the generated scenarios in DIR afterwards
          --rapport PATH    the `rapport` executable for the first-choice figure
        """

    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> BenchmarkCommand {
        var rest = arguments[...]
        func value(for option: String) throws(UsageError) -> String {
            guard let value = rest.popFirst() else { throw UsageError(description: "\(option) needs a value") }
            return value
        }
        func number(_ text: String, for option: String) throws(UsageError) -> Int {
            guard let number = Int(text.filter { $0 != "," && $0 != "_" }), number > 0 else {
                throw UsageError(description: "\(option): '\(text)' is not a positive whole number")
            }
            return number
        }
        func shape(_ text: String) throws(UsageError) -> ScenarioShape {
            guard let shape = ScenarioShape(rawValue: text) else {
                throw UsageError(description: "'\(text)' is not a shape; the shapes are chain and layered")
            }
            return shape
        }

        switch rest.first {
        case "generate":
            rest.removeFirst()
            var chosenShape = ScenarioShape.chain
            var decisions = 100
            while let option = rest.popFirst() {
                switch option {
                case "--shape": chosenShape = try shape(try value(for: option))
                case "--n": decisions = try number(try value(for: option), for: option)
                default: throw UsageError(description: "unknown option '\(option)' for generate")
                }
            }
            if chosenShape == .layered, decisions < ScenarioShape.layerCount || decisions > ScenarioShape.maximumLayered {
                throw UsageError(
                    description: "a layered scenario has \(ScenarioShape.layerCount) to \(Format.grouped(ScenarioShape.maximumLayered)) decisions")
            }
            return .generate(chosenShape, decisions: decisions)
        case "measure":
            rest.removeFirst()
            guard let name = rest.popFirst(), let measurement = Measurement(rawValue: name) else {
                throw UsageError(description: "measure needs one of: baseline, check, play, analysis, yardstick")
            }
            var settings = Measurement.Settings()
            while let option = rest.popFirst() {
                switch option {
                case "--file": settings.file = try value(for: option)
                case "--budget":
                    let text = try value(for: option)
                    guard let budget = Double(text), budget >= 0 else {
                        throw UsageError(description: "--budget: '\(text)' is not a number of seconds")
                    }
                    settings.budget = budget
                case "--no-text": settings.buildText = false
                case "--record": settings.record = true
                case "--seed":
                    let text = try value(for: option)
                    guard let seed = UInt64(text) else { throw UsageError(description: "--seed: '\(text)' is not a seed") }
                    settings.seed = seed
                default: throw UsageError(description: "unknown option '\(option)' for measure")
                }
            }
            if measurement != .baseline, measurement != .yardstick, settings.file.isEmpty {
                throw UsageError(description: "measure needs --file")
            }
            return .measure(measurement, settings)
        default:
            var options = BenchmarkOptions()
            var sizesGiven = false
            while let option = rest.popFirst() {
                switch option {
                case "--help", "-h": return .help
                case "--sizes":
                    options.sizes = try value(for: option).split(separator: ",").map { text throws(UsageError) in
                        try number(String(text), for: option)
                    }
                    sizesGiven = true
                case "--shapes":
                    options.shapes = try value(for: option).split(separator: ",").map { text throws(UsageError) in
                        try shape(String(text))
                    }
                case "--quick": options.quick = true
                case "--full-analysis": options.fullAnalysis = true
                case "--out": options.folder = try value(for: option)
                case "--keep-files": options.keepFiles = true
                case "--rapport": options.rapport = try value(for: option)
                default: throw UsageError(description: "unknown option '\(option)'")
                }
            }
            if options.quick, !sizesGiven { options.sizes = [100, 1_000, 10_000] }
            if options.shapes.contains(.layered),
                let size = options.sizes.first(where: { $0 < ScenarioShape.layerCount || $0 > ScenarioShape.maximumLayered })
            {
                throw UsageError(
                    description: "a layered scenario has \(ScenarioShape.layerCount) to \(Format.grouped(ScenarioShape.maximumLayered)) decisions, not \(Format.grouped(size))")
            }
            return .run(options)
        }
    }
}

struct BenchmarkOptions {
    var sizes = [100, 1_000, 10_000, 100_000]
    var shapes = ScenarioShape.allCases
    var quick = false
    var fullAnalysis = false
    var folder = "/tmp/rapport-bench"
    var keepFiles = false
    /// Nil: look beside this executable.
    var rapport: String?

    /// Seconds each repeated measurement (check, play) runs for.
    var budget: Double { quick ? 0.25 : 1.5 }
    /// How many times `rapport play` is started for the first-choice figure.
    var firstChoiceRuns: Int { quick ? 3 : 9 }
    /// Seconds after which no further `rapport play` is started for one scenario.
    var firstChoiceBudget: Double { quick ? 3 : 10 }
    /// Analysis is skipped at a size when the tenfold smaller size took more than a tenth of this.
    static let analysisSecondsAllowed = 60.0
}

#endif
