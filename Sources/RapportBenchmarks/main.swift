// rapport-bench: what users of Rapport feel, at real sizes and at a stress size, each figure judged
// against its floor (docs/performance.md). After building both products (`swift build -c release
// --static-swift-stdlib --product rapport`, then `--product rapport-bench`), from the repository root:
// `.build/release/rapport-bench [--quick]`.
//
// Every command is timed by running the release `rapport` beside this executable as a child process,
// as a user would, so process start is included and nothing here depends on Rapport's internals.
// Random play is timed in this process, through the engine's public API only. Each figure is the
// median of repeated runs: the machine may be shared, and one slow run says little.
import Foundation
import RapportEngine
import RapportLanguage

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.allSatisfy({ $0 == "--quick" }) else {
    print("usage: rapport-bench [--quick]   (from the repository root; --quick repeats less, for a run of about 15 s)")
    exit(arguments.contains { $0 == "-h" || $0 == "--help" } ? 0 : 2)
}
let quick = !arguments.isEmpty
/// How often each measurement is repeated: those under a second, and the longer ones.
let repeats = quick ? 3 : 11
let stressRepeats = quick ? 1 : 5

let rapport = (Bundle.main.executableURL?.deletingLastPathComponent().path ?? ".") + "/rapport"
let bundled = ((try? FileManager.default.contentsOfDirectory(atPath: "Scenarios")) ?? [])
    .filter { $0.hasSuffix(".scenario") }.sorted().map { "Scenarios/" + $0 }
guard FileManager.default.isExecutableFile(atPath: rapport), !bundled.isEmpty else {
    print("rapport-bench: needs \(rapport) (swift build -c release --static-swift-stdlib --product rapport) and Scenarios/*.scenario (run from the repository root)")
    exit(1)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
}

/// Runs `rapport ARGUMENTS`, failing with its output unless it exits 0 (for `check`: no errors).
func runRapport(_ arguments: [String]) throws -> Finished {
    let finished = try run(rapport, arguments)
    guard finished.status == 0 else {
        throw Failure(description: "`rapport \(arguments.joined(separator: " "))` exited \(finished.status):\n\(finished.output.suffix(3000))")
    }
    return finished
}

/// The median wall time of `count` runs of `rapport ARGUMENTS`.
func time(_ arguments: [String], _ count: Int = repeats) throws -> Double {
    median(try (0..<count).map { _ in try runRapport(arguments).seconds })
}

func firstChoice(_ file: String, _ count: Int = repeats) throws -> Double {
    median(try (0..<count).map { _ in try firstChoiceSeconds(rapport, file) })
}

/// The whole number after `label` in `text`, such as `rapport analyze`'s "States explored: 522".
func number(after label: String, in text: String) -> Int? {
    text.range(of: label).flatMap { Int(text[$0.upperBound...].drop { $0 == " " }.prefix { $0.isNumber }) }
}

func ms(_ seconds: Double) -> String {
    seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000)
}

func grouped(_ value: Int) -> String {
    let formatter = NumberFormatter()
    formatter.numberStyle = .decimal
    formatter.locale = Locale(identifier: "en_GB")
    return formatter.string(from: value as NSNumber) ?? "\(value)"
}

/// A table row: each cell right-aligned in its width, or left-aligned where the width is negative.
func row(_ cells: [String], _ widths: [Int]) -> String {
    zip(cells, widths).map { cell, width in
        let space = String(repeating: " ", count: max(0, abs(width) - cell.count))
        return width < 0 ? cell + space : space + cell
    }.joined()
}

/// The figures judged against their floors, listed together at the end.
var verdicts: [String] = []
@MainActor func judge(_ what: String, _ figure: String, _ floor: String, _ met: Bool) {
    verdicts.append(row(["  " + what, figure, "  " + floor, met ? "PASS" : "MISS"], [-52, 10, -26, 4]))
}

func describeMachine() {
    func shell(_ arguments: [String]) -> String? {
        (try? run("git", arguments)).flatMap { $0.status == 0 ? $0.output.trimmingCharacters(in: .whitespacesAndNewlines) : nil }
    }
    let cpu = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").split(separator: "\n")
        .first { $0.hasPrefix("model name") }.map { $0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces) }
    let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ")
    let dirty = shell(["status", "--porcelain", "--untracked-files=no"]).map { $0.isEmpty ? "" : " (with uncommitted changes)" }
    print("rapport-bench\(quick ? " --quick" : ""): median of \(repeats) runs (\(stressRepeats) for the stress files)")
    print("date     \(ISO8601DateFormatter().string(from: Date()))")
    print("commit   \(shell(["rev-parse", "--short", "HEAD"]).map { $0 + (dirty ?? "") } ?? "unknown")")
    print("machine  \(ProcessInfo.processInfo.activeProcessorCount) cores, \(cpu ?? "unknown CPU"), \(ProcessInfo.processInfo.operatingSystemVersionString)")
    print("load     \(load ?? "unknown") (1, 5 and 15 minutes, before the run)\n")
    #if DEBUG
        print("This is a debug build, and so is the rapport beside it: build with -c release for figures that mean anything.\n")
    #endif
}

do {
    describeMachine()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bench-\(getpid())").path
    let library = folder + "/library"
    try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // Every `rapport play` started for "first choice on screen" opens a progress database and leaves
    // an unfinished attempt in it: one of the benchmark's own, never the user's.
    setenv("XDG_DATA_HOME", folder + "/data", 1)

    // Generated files, each checked with `rapport check` (the benchmark stops on any error).
    let libraryFiles = (1...100).map { library + "/call-" + String(format: "%03d", $0) }
    for (number, base) in zip(1..., libraryFiles) {
        try conversation(number: number, middle: 5 + number % 4).write(toFile: base + ".scenario", atomically: false, encoding: .utf8)
        try walkthroughs(middle: 5 + number % 4).write(toFile: base + ".tests", atomically: false, encoding: .utf8)
    }
    let long = [(1_000, folder + "/long-1000.scenario"), (10_000, folder + "/long-10000.scenario")]
    for (decisions, file) in long {
        try conversation(number: 1, middle: decisions - 4).write(toFile: file, atomically: false, encoding: .utf8)
    }
    let manyFile = folder + "/many-states.scenario"
    try manyStates(rounds: millionRounds).write(toFile: manyFile, atomically: false, encoding: .utf8)
    print("Generated files, checked with `rapport check` (errors stop the benchmark)")
    for (label, arguments) in [
        ("library of 100 calls", ["check", library]), ("calls of 1,000 and 10,000 decisions", ["check"] + long.map(\.1)),
        ("the many-states call (without exploring)", ["check", "--no-explore", manyFile]),
    ] {
        print(row(["  " + label, String(try runRapport(arguments).output.split(separator: "\n").last ?? "")], [-44, 0]))
    }

    // Every bundled scenario, as a trainer uses it.
    let widths = [-20, 10, 8, 8, 10, 10, 10, 14]
    print("\n" + row(["Bundled scenarios", "decisions", "states", "size", "check", "test", "analyze", "first choice"], widths))
    var checks: [Double] = []
    var firstChoices: [Double] = []
    for file in bundled {
        let analysis = try runRapport(["analyze", file]).output
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
        checks.append(try time(["check", file]))
        let test = try time(["test", file])
        let analyze = try time(["analyze", file])
        firstChoices.append(try firstChoice(file))
        print(row([
            "  " + URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
            number(after: "Decisions:", in: analysis).map(String.init) ?? "?",
            number(after: "States explored:", in: analysis).map(String.init) ?? "?",
            "\(size / 1024) KB", ms(checks.last!), ms(test), ms(analyze), ms(firstChoices.last!),
        ], widths))
    }
    let checkAll = try time(["check", "Scenarios"])
    let testAll = try time(["test", "Scenarios"])
    let start = try time(["--version"])
    print("  all \(bundled.count): rapport check Scenarios \(ms(checkAll)), rapport test Scenarios \(ms(testAll))")
    print("  process start alone (rapport --version): \(ms(start))")
    judge("first choice on screen, slowest bundled scenario", ms(firstChoices.max()!), "<= 30 ms", firstChoices.max()! <= 0.030)
    judge("rapport check, slowest bundled scenario", ms(checks.max()!), "<= 20 ms", checks.max()! <= 0.020)
    judge("rapport check Scenarios (all \(bundled.count))", ms(checkAll), "<= 150 ms", checkAll <= 0.150)
    judge("rapport test Scenarios", ms(testAll), "<= 2 s", testAll <= 2)

    // Random play in this process: whole playthroughs from the start, a seeded random choice at each step.
    let playFile = "Scenarios/system-failure.scenario"
    guard let scenario = Checker.check(try SourceFile.read(playFile)).scenario else {
        throw Failure(description: "\(playFile) has errors")
    }
    let rates = try (1...repeats).map { seed in
        var random = SeededRandom(seed: UInt64(seed))
        var decisions = 0
        let begun = ContinuousClock.now
        while seconds(since: begun) < (quick ? 0.2 : 0.5) {
            var session = Session(scenario)
            var steps = 0
            while !session.step.isOver, steps < 1_000 {  // a loop cannot keep one playthrough going
                try session.choose(number: 1 + Int(random.next() % UInt64(session.step.choices.count)))
                steps += 1
            }
            decisions += steps
        }
        return Double(decisions) / seconds(since: begun)
    }
    print("\nRandom play on system-failure, in process: \(grouped(Int(median(rates)))) decisions per second")
    judge("random play, system-failure", "\(grouped(Int(median(rates))))/s", ">= 200,000/s", median(rates) >= 200_000)

    // A trainer's library, larger than any real one.
    print("\nGenerated library of 100 calls, 9 to 12 decisions each (no floors: to compare with the bundled ones)")
    let states = number(after: "States explored:", in: try runRapport(["analyze", libraryFiles[0] + ".scenario"]).output) ?? 0
    let libraryCheck = try time(["check", library])
    let libraryTest = try time(["test", library])
    let analyses = try libraryFiles.map { try runRapport(["analyze", $0 + ".scenario"]).seconds }
    for (label, figure) in [
        ("rapport check, all 100", ms(libraryCheck)), ("rapport test, all 100", ms(libraryTest)),
        ("rapport analyze, each file", "median \(ms(median(analyses))), slowest \(ms(analyses.max()!)) (call-001: \(states) states)"),
        ("first choice on screen, call-001", ms(try firstChoice(libraryFiles[0] + ".scenario"))),
    ] { print(row(["  " + label, figure], [-36, 0])) }

    // One long call: the checker and the first choice grow in proportion to its size, nothing
    // faster. The floor is on the checker (`--no-explore`, what an editor runs on every save);
    // exploring every state is measured too, and grows with the states, which the analysis
    // floors below cover.
    let longWidths = [-32, 9, 9, 10, 14, 18]
    print("\n" + row(["One long call", "decisions", "size", "check", "first choice", "check + explore"], longWidths))
    var longTimes: [(check: Double, first: Double)] = []
    for (decisions, file) in long {
        let size = try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int ?? 0
        let count = decisions > 1_000 ? stressRepeats : repeats
        longTimes.append((try time(["check", "--no-explore", file], count), try firstChoice(file, count)))
        let explored = try time(["check", file], count)
        print(row([
            "", grouped(decisions), String(format: "%.1f MB", Double(size) / 1e6), ms(longTimes.last!.check),
            ms(longTimes.last!.first), ms(explored),
        ], longWidths))
    }
    // The tenfold step, on the time beyond process start, which does not grow with the file.
    let checkStep = (longTimes[1].check - start) / (longTimes[0].check - start)
    let firstStep = (longTimes[1].first - start) / (longTimes[0].first - start)
    judge("rapport check --no-explore, 10,000 decisions", ms(longTimes[1].check), "<= 1 s", longTimes[1].check <= 1)
    judge("check, 1,000 -> 10,000 decisions, beyond start", String(format: "x%.1f", checkStep), "<= x12 (about tenfold)", checkStep <= 12)
    judge("first choice, 1,000 -> 10,000, beyond start", String(format: "x%.1f", firstStep), "<= x12 (about tenfold)", firstStep <= 12)

    // About a million states: analysis time and the analysing process's peak memory.
    let manyRuns = try (0..<stressRepeats).map { _ in try runRapport(["analyze", manyFile]) }
    let many = number(after: "States explored:", in: manyRuns[0].output) ?? 0
    let manyTime = median(manyRuns.map(\.seconds))
    let peak = manyRuns.map(\.peakBytes).max()!
    print("\nMany states (\(millionRounds) decisions): rapport analyze explored \(grouped(many)) states in \(ms(manyTime)), peak memory \(peak >> 20) MB")
    judge("rapport analyze, \(grouped(many)) states: time", ms(manyTime), "<= 15 s", manyTime <= 15)
    judge("rapport analyze, \(grouped(many)) states: peak memory", "\(peak >> 20) MB", "<= 1 GB", peak <= 1 << 30)

    print("\n" + row(["Floors", "figure", "  floor"], [-52, 10, 0]))
    verdicts.forEach { print($0) }
    print("\(verdicts.filter { $0.hasSuffix("PASS") }.count) of \(verdicts.count) floors met.")
} catch {
    print("rapport-bench: \(error)")
    exit(1)
}
