// Linux only: see main.swift.
#if os(Linux)

/// Turns the collected figures into the tables that docs/performance.md quotes, then sets them
/// against the targets of issue 7 so a run says plainly what is met and what is not.
struct Report {
    let figures: [Figures]
    /// Peak memory of a child that does nothing, so the others can be read against it.
    let baselinePeak: Int
    let bundledFirstChoice: (name: String, result: Measured<FirstChoiceTimer.Result>)?
    let notes: [String]

    /// A tenfold step in N may cost up to this factor in time and still count as "about tenfold":
    /// timings on a shared 2-core machine wobble by a few per cent either way.
    static let tenfoldAllowance = 12.0

    func render() -> String {
        var out = ""
        out += section("Parse and check (time: median of repeated runs; best: the fastest run)", checkTable())
        out += section(
            "Seeded random play, as `rapport test --random` plays (uniform among the choices offered; each step's text built; engine only: the same without the text; with transcript: each session keeps a transcript, as `rapport play` does)",
            playTable())
        out += section(
            "Full analysis (every reachable state, then the findings `rapport test` prints; analysis heap: what it keeps allocated)",
            analysisTable())
        out += section("First choice on screen (`rapport play FILE`, from spawn to the first numbered choice)", firstChoiceTable())
        out += section("Each tenfold step in N (time at 10N / time at N)", scalingTable())
        out += section(
            "Host speed (the yardstick: random play of a \(Benchmark.yardstickDecisions)-decision layered story, in the cache throughout, measured just before each scenario's figures and just after them; a row measured while the host ran slow is slow with it)",
            yardstickTable())
        out += section("Targets (issue 7)", targets())
        out += "Peak memory of a child process that does nothing: \(Format.bytes(baselinePeak)).\n"
        out += "Sizes are decimal: 1 MB = 1,000,000 bytes.\n"
        if let load = MachineInfo.loadAverage() { out += "Load average after the run: \(load).\n" }
        for note in notes { out += "Note: \(note)\n" }
        return out
    }

    private func section(_ title: String, _ body: String) -> String { "\(title)\n\n\(body)\n" }

    private func label(_ figure: Figures) -> [String] { [figure.shape.rawValue, Format.grouped(figure.decisions)] }

    // MARK: - Tables

    private func checkTable() -> String {
        var table = TextTable(["shape", "decisions", "file", "time", "MB/s", "best", "runs", "warnings", "peak memory"])
        for figure in figures {
            guard let check = figure.check.value else { continue }
            table.add(
                label(figure) + [
                    Format.bytes(figure.fileBytes), Format.seconds(check.seconds),
                    Format.significant(check.megabytesPerSecond), Format.seconds(check.best), "\(check.runs)",
                    "\(check.warnings)",
                    Format.bytes(check.peak),
                ])
        }
        return table.render()
    }

    private func playTable() -> String {
        var table = TextTable([
            "shape", "decisions", "playthroughs", "playthroughs/s", "decisions/s", "per playthrough", "unfinished",
            "peak memory", "engine only", "with transcript",
        ])
        for figure in figures {
            guard let play = figure.play.value else { continue }
            table.add(
                label(figure) + [
                    Format.grouped(play.playthroughs), Format.rate(play.playthroughsPerSecond),
                    Format.rate(play.decisionsPerSecond), Format.seconds(play.secondsPerPlaythrough),
                    "\(play.unfinished)", Format.bytes(play.peak), Format.rate(play.engineOnlyDecisionsPerSecond) + "/s",
                    Format.rate(play.recordedDecisionsPerSecond) + "/s",
                ])
        }
        return table.render()
    }

    /// For a time against a target: the host's speed when the rows were measured, if the yardstick
    /// says it was under 90% of the run's fastest, so that a verdict can be read with it.
    private func slowHost(_ rows: Figures...) -> String {
        let fastest = fastestYardstick
        guard fastest > 0, let slowest = rows.compactMap(\.yardstick).min(), slowest < 0.9 * fastest else { return "" }
        return "; host at \(Int((slowest / fastest * 100).rounded())) % by the yardstick"
    }

    /// The host's best speed in the run: the fastest yardstick, before or after any row.
    private var fastestYardstick: Double {
        figures.flatMap { [$0.yardstickBefore, $0.yardstickAfter] }.compactMap { $0 }.max() ?? 0
    }

    private func yardstickTable() -> String {
        var table = TextTable(["shape", "decisions", "before", "after", "slower of the two, of the fastest"])
        let fastest = fastestYardstick
        for figure in figures {
            guard let rate = figure.yardstick, fastest > 0 else { continue }
            let before = figure.yardstickBefore.map { Format.rate($0) + "/s" } ?? "-"
            let after = figure.yardstickAfter.map { Format.rate($0) + "/s" } ?? "-"
            table.add(label(figure) + [before, after, "\(Int((rate / fastest * 100).rounded())) %"])
        }
        return table.render()
    }

    private func analysisTable() -> String {
        var table = TextTable([
            "shape", "decisions", "time", "states", "states/decision", "µs/state", "peak memory", "analysis heap",
            "heap bytes/state", "findings",
        ])
        var skipped: [String] = []
        for figure in figures {
            switch figure.analysis {
            case .measured(let analysis):
                let growth = analysis.analysisHeap
                table.add(
                    label(figure) + [
                        Format.seconds(analysis.seconds),
                        Format.grouped(analysis.states) + (analysis.truncated ? " (limit)" : ""),
                        Format.significant(Double(analysis.states) / Double(figure.decisions)),
                        Format.significant(analysis.microsecondsPerState), Format.bytes(analysis.peak),
                        Format.bytes(growth), Format.grouped(growth / max(1, analysis.states)), "\(analysis.findings)",
                    ])
            case .skipped(let reason):
                skipped.append("\(figure.shape.rawValue) \(Format.grouped(figure.decisions)): \(reason)")
            }
        }
        return table.render() + skipped.map { "  \($0)\n" }.joined()
    }

    private func firstChoiceTable() -> String {
        var table = TextTable(["scenario", "decisions", "time", "peak memory"])
        var skipped: [String] = []
        if let (name, result) = bundledFirstChoice {
            switch result {
            case .measured(let value):
                table.add([name, "-", Format.seconds(value.seconds), value.peak.map(Format.bytes) ?? "-"])
            case .skipped(let reason): skipped.append("\(name): \(reason)")
            }
        }
        for figure in figures {
            switch figure.firstChoice {
            case .measured(let value):
                table.add(label(figure) + [Format.seconds(value.seconds), value.peak.map(Format.bytes) ?? "-"])
            case .skipped(let reason):
                skipped.append("\(figure.shape.rawValue) \(Format.grouped(figure.decisions)): \(reason)")
            }
        }
        if table.rows.isEmpty { return skipped.isEmpty ? "  not measured\n" : "  skipped: \(skipped[0])\n" }
        return table.render() + skipped.map { "  \($0)\n" }.joined()
    }

    /// One row per shape and tenfold step. Play is compared per decision for the chain (a playthrough
    /// is N decisions long) and per playthrough for the layered story (always 20 decisions, so the
    /// ideal factor is 1).
    private func scalingTable() -> String {
        var table = TextTable(["shape", "step", "check", "play (per decision)", "play (per playthrough)", "analysis", "states"])
        for figure in figures {
            guard
                let smaller = figures.first(where: { $0.shape == figure.shape && $0.decisions * 10 == figure.decisions })
            else { continue }
            func ratio(_ large: Double?, _ small: Double?) -> String {
                guard let large, let small, small > 0 else { return "-" }
                return "×" + Format.significant(large / small)
            }
            let perDecision: (Figures) -> Double? = { $0.play.value.map { $0.seconds / Double(max(1, $0.decisions)) } }
            table.add([
                figure.shape.rawValue,
                "\(Format.grouped(smaller.decisions)) → \(Format.grouped(figure.decisions))",
                ratio(figure.check.value?.seconds, smaller.check.value?.seconds),
                ratio(perDecision(figure), perDecision(smaller)),
                ratio(figure.play.value?.secondsPerPlaythrough, smaller.play.value?.secondsPerPlaythrough),
                ratio(figure.analysis.value?.seconds, smaller.analysis.value?.seconds),
                ratio(figure.analysis.value.map { Double($0.states) }, smaller.analysis.value.map { Double($0.states) }),
            ])
        }
        return table.render()
    }

    // MARK: - Targets

    private func targets() -> String {
        var lines: [String] = []
        func verdict(_ met: Bool?) -> String {
            switch met {
            case true?: "met   "
            case false?: "MISSED"
            case nil: "n/a   "
            }
        }
        func add(_ met: Bool?, _ text: String) { lines.append("  \(verdict(met))  \(text)") }

        let checks = figures.compactMap { figure in figure.check.value.map { (figure, $0) } }
        if let slowest = checks.min(by: { $0.1.megabytesPerSecond < $1.1.megabytesPerSecond }) {
            add(
                slowest.1.megabytesPerSecond >= 50,
                "parse and check at least 50 MB/s: slowest \(Format.significant(slowest.1.megabytesPerSecond)) MB/s (\(slowest.0.shape.rawValue), \(Format.grouped(slowest.0.decisions)))")
        }
        for (figure, check) in checks where figure.decisions == 10_000 {
            add(
                check.seconds < 0.1,
                "10,000-decision \(figure.shape.rawValue) checked in under 100 ms: \(Format.seconds(check.seconds))\(slowHost(figure))")
        }
        if let (name, result) = bundledFirstChoice {
            let value = result.value
            add(value.map { $0.seconds < 0.05 }, "first choice within 50 ms for a bundled scenario (\(name)): \(value.map { Format.seconds($0.seconds) } ?? "not measured")")
        }
        for figure in figures where figure.decisions == 10_000 {
            let value = figure.firstChoice.value
            add(value.map { $0.seconds < 0.15 }, "first choice within 150 ms at 10,000 decisions (\(figure.shape.rawValue)): \(value.map { Format.seconds($0.seconds) } ?? "not measured")\(slowHost(figure))")
        }
        let plays = figures.compactMap { figure in figure.play.value.map { (figure, $0) } }
        if let slowest = plays.min(by: { $0.1.decisionsPerSecond < $1.1.decisionsPerSecond }) {
            add(
                slowest.1.decisionsPerSecond >= 1_000_000,
                "random play at least 1,000,000 decisions/s: slowest \(Format.rate(slowest.1.decisionsPerSecond)) (\(slowest.0.shape.rawValue), \(Format.grouped(slowest.0.decisions))\(slowHost(slowest.0)))")
        }
        let analyses = figures.compactMap { figure in figure.analysis.value.map { (figure, $0) } }
        for (figure, analysis) in analyses where figure.decisions == 10_000 {
            add(analysis.peak < 50_000_000, "analysis peak memory under 50 MB at 10,000 decisions (\(figure.shape.rawValue)): \(Format.bytes(analysis.peak))")
        }
        // Linear in states: the time and memory per state stay flat as the state count grows.
        for shape in ScenarioShape.allCases {
            let measured = analyses.filter { $0.0.shape == shape && $0.1.states >= 10_000 }.map(\.1)
            guard measured.count >= 2, let first = measured.first, let last = measured.last else { continue }
            let timeGrowth = last.microsecondsPerState / first.microsecondsPerState
            add(
                timeGrowth <= 2,
                "analysis time linear in states (\(shape.rawValue)): µs/state \(Format.significant(first.microsecondsPerState)) at \(Format.grouped(first.states)) states, \(Format.significant(last.microsecondsPerState)) at \(Format.grouped(last.states))")
        }
        // Nothing quadratic: every tenfold step within the allowance. Each step over it is listed.
        var steps: [(factor: Double, what: String)] = []
        for figure in figures {
            guard let smaller = figures.first(where: { $0.shape == figure.shape && $0.decisions * 10 == figure.decisions })
            else { continue }
            let step = "\(figure.shape.rawValue) \(Format.grouped(smaller.decisions)) → \(Format.grouped(figure.decisions))\(slowHost(figure, smaller))"
            if let large = figure.check.value, let small = smaller.check.value {
                steps.append((large.seconds / small.seconds, "check, \(step)"))
            }
            if let large = figure.play.value, let small = smaller.play.value {
                steps.append((large.secondsPerPlaythrough / small.secondsPerPlaythrough, "one playthrough, \(step)"))
            }
            if let large = figure.analysis.value, let small = smaller.analysis.value {
                steps.append((large.seconds / small.seconds, "analysis, \(step)"))
            }
        }
        let over = steps.filter { $0.factor > Self.tenfoldAllowance }
        if !steps.isEmpty {
            let largest = steps.max { $0.factor < $1.factor }!
            add(
                over.isEmpty,
                "each tenfold step in N at most about tenfold time (×\(Format.significant(Self.tenfoldAllowance)) allowed): "
                    + (over.isEmpty
                        ? "largest ×\(Format.significant(largest.factor)) (\(largest.what))"
                        : over.map { "×\(Format.significant($0.factor)) (\($0.what))" }.joined(separator: ", ")))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

#endif
