// Linux only: see main.swift.
#if os(Linux)
    import Glibc

/// The parent process: writes each generated scenario to a file, starts one child process per
/// measurement (this same executable, `rapport-bench measure ...`) so each peak-memory figure is
/// that measurement's own, collects what the children print, and hands the figures to `Report`.
struct Benchmark {
    let options: BenchmarkOptions
    let executable: String

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The size of the yardstick's scenario (`Measurement.yardstick`).
    static let yardstickDecisions = 100
    /// Seconds of yardstick play before each scenario's figures, and again after them.
    static let yardstickBudget = 0.5

    func run() throws(Failure) {
        print(MachineInfo.describe())
        print("")
        // Standard output is buffered when it is a file or pipe; show the machine before the progress.
        fflush(nil)
        do {
            try SystemFiles.makeDirectory(options.folder)
        } catch {
            throw Failure(description: error.description)
        }
        let rapport = findRapport()
        var notes: [String] = []
        if rapport == nil {
            notes.append(
                "first choice on screen: skipped, no `rapport` executable beside \(executable) (build it with "
                    + "`swift build -c release --product rapport` into the same folder, or pass --rapport PATH)")
        }

        let baseline = try measure(.baseline, file: nil)
        var all: [Figures] = []
        for shape in options.shapes {
            for decisions in options.sizes.sorted() {
                let smaller = all.last { $0.shape == shape && $0.decisions * 10 == decisions }
                all.append(try measure(shape: shape, decisions: decisions, smaller: smaller, rapport: rapport))
            }
        }

        var bundled: (name: String, result: Measured<FirstChoiceTimer.Result>)?
        if let rapport {
            bundled = firstChoiceForBundledScenario(rapport: rapport)
        }
        let report = Report(
            figures: all, baselinePeak: (try? baseline.int("peak")) ?? 0, bundledFirstChoice: bundled, notes: notes)
        print(report.render())
    }

    // MARK: - One scenario

    private func measure(
        shape: ScenarioShape, decisions: Int, smaller: Figures?, rapport: String?
    ) throws(Failure) -> Figures {
        let generator = ScenarioGenerator(shape: shape, decisions: decisions)
        let path = "\(options.folder)/\(generator.id).scenario"
        progress("\(shape.rawValue) \(decisions): generating")
        let text = generator.text()
        do {
            try SystemFiles.write(text, to: path)
        } catch {
            throw Failure(description: error.description)
        }
        var figures = Figures(shape: shape, decisions: decisions, fileBytes: text.utf8.count)
        defer { if !options.keepFiles { SystemFiles.remove(path) } }

        progress("\(shape.rawValue) \(decisions): yardstick")
        figures.yardstickBefore = try yardstick()

        progress("\(shape.rawValue) \(decisions): parse and check")
        let check = try measure(.check, file: path)
        let checkFigures = try read("check of \(path)") { () throws(ChildReport.Missing) in
            CheckFigures(
                seconds: try check.double("seconds"), best: try check.double("best"), bytes: try check.int("bytes"),
                warnings: try check.int("warnings"),
                runs: try check.int("runs"), peak: try check.int("peak"))
        }
        let checkedDecisions = try read("check of \(path)") { () throws(ChildReport.Missing) in try check.int("decisions") }
        guard checkedDecisions == decisions else {
            throw Failure(description: "\(path) has \(checkedDecisions) decisions, not \(decisions)")
        }
        figures.check = .measured(checkFigures)

        progress("\(shape.rawValue) \(decisions): random play")
        let play = try measure(.play, file: path)
        let engineOnly = try measure(.play, file: path, extra: ["--no-text"])
        let recorded = try measure(.play, file: path, extra: ["--record"])
        figures.play = .measured(
            try read("play of \(path)") { () throws(ChildReport.Missing) in
                PlayFigures(
                    playthroughs: try play.int("playthroughs"), decisions: try play.int("decisions"),
                    unfinished: try play.int("unfinished"), seconds: try play.double("seconds"), peak: try play.int("peak"),
                    engineOnlyDecisionsPerSecond: Double(try engineOnly.int("decisions")) / (try engineOnly.double("seconds")),
                    recordedDecisionsPerSecond: Double(try recorded.int("decisions")) / (try recorded.double("seconds")))
            })

        if let skip = analysisSkipReason(decisions: decisions, smaller: smaller) {
            figures.analysis = .skipped(skip)
        } else {
            progress("\(shape.rawValue) \(decisions): analysis")
            let analysis = try measure(.analysis, file: path)
            figures.analysis = .measured(
                try read("analysis of \(path)") { () throws(ChildReport.Missing) in
                    AnalysisFigures(
                        seconds: try analysis.double("seconds"), states: try analysis.int("states"),
                        truncated: analysis.bool("truncated"), findings: try analysis.int("findings"),
                        peak: try analysis.int("peak"), heapBefore: try analysis.int("heap-before"),
                        heapAfter: try analysis.int("heap-after"))
                })
        }

        if let rapport {
            progress("\(shape.rawValue) \(decisions): first choice on screen")
            do {
                figures.firstChoice = .measured(
                    try FirstChoiceTimer(rapport: rapport).measure(scenario: path, runs: options.firstChoiceRuns, budget: options.firstChoiceBudget))
            } catch {
                figures.firstChoice = .skipped(error.description)
            }
        } else {
            figures.firstChoice = .skipped("no rapport executable")
        }

        progress("\(shape.rawValue) \(decisions): yardstick again")
        figures.yardstickAfter = try yardstick()
        return figures
    }

    /// Decisions per second of the yardstick, now.
    private func yardstick() throws(Failure) -> Double? {
        let yardstick = try measure(.yardstick, file: nil, extra: ["--budget", "\(Self.yardstickBudget)"])
        return (try? yardstick.int("decisions")).flatMap { decisions in
            (try? yardstick.double("seconds")).map { Double(decisions) / $0 }
        }
    }

    /// Analysis is skipped where the size ten times smaller already took over a tenth of the time
    /// allowed: linear growth would take it past the limit, which makes the run too long to repeat.
    private func analysisSkipReason(decisions: Int, smaller: Figures?) -> String? {
        guard !options.fullAnalysis, let previous = smaller?.analysis.value else { return nil }
        let expected = previous.seconds * 10
        guard expected > BenchmarkOptions.analysisSecondsAllowed else { return nil }
        return "skipped: expected to take about \(Format.seconds(expected)) (ten times the "
            + "\(Format.grouped(decisions / 10))-decision time); use --full-analysis to run it"
    }

    // MARK: - Children

    /// Turns a figure missing from a child's report into a failure naming the measurement.
    private func read<T>(_ what: String, _ body: () throws(ChildReport.Missing) -> T) throws(Failure) -> T {
        do {
            return try body()
        } catch {
            throw Failure(description: "\(what): \(error)")
        }
    }

    private func measure(_ measurement: Measurement, file: String?, extra: [String] = []) throws(Failure) -> ChildReport {
        var arguments = ["measure", measurement.rawValue, "--budget", "\(options.budget)"] + extra
        if let file { arguments += ["--file", file] }
        do {
            var child = try ChildProcess(executable: executable, arguments: arguments)
            let lines = child.remainingLines()
            let status = child.wait()
            guard status == 0 else {
                throw Failure(description: "the \(measurement.rawValue) measurement failed (exit status \(status))")
            }
            return ChildReport(lines: lines)
        } catch let failure as ChildProcess.Failure {
            throw Failure(description: failure.description)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    // MARK: - rapport play

    /// `--rapport PATH`, or a `rapport` executable in the same folder as this one (where
    /// `swift build --product rapport` puts it with the same build path).
    private func findRapport() -> String? {
        if let given = options.rapport { return SystemFiles.isExecutable(given) ? given : nil }
        let beside = SystemFiles.folder(of: executable) + "/rapport"
        return SystemFiles.isExecutable(beside) ? beside : nil
    }

    /// The reference scenario shipped with Rapport, played by id as a trainee would start it
    /// (`rapport play system-failure`): it is built into the executable, so no file is read.
    static let bundledScenario = "system-failure"

    private func firstChoiceForBundledScenario(rapport: String) -> (String, Measured<FirstChoiceTimer.Result>) {
        let name = "\(Self.bundledScenario) (bundled)"
        progress("\(name): first choice on screen")
        do {
            return (name, .measured(try FirstChoiceTimer(rapport: rapport).measure(scenario: Self.bundledScenario, runs: options.firstChoiceRuns, budget: options.firstChoiceBudget)))
        } catch {
            return (name, .skipped(error.description))
        }
    }

    private func progress(_ text: String) {
        printToStandardError("rapport-bench: \(text)...")
    }
}

#endif
