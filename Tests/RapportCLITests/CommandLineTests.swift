import Foundation
import RapportTestSupport
import Testing

/// Runs the built `rapport` as a user would, with no terminal: arguments, piped input, exit status.
enum Rapport {
    static let executable: URL = {
        // Tests run from the build folder that also holds the `rapport` executable.
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("rapport"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rapport"),
            Repository.url(".build/debug/rapport"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    /// 14 March 2025, 09:30 UTC: the time every run of the program in these tests takes as now.
    static let now = "1741944600"
    static let today = "2025-03-14"

    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = Repository.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-cli-tests").path
        // A workshop's times, default session name and handout date read this clock, not the wall's.
        env["SOURCE_DATE_EPOCH"] = Rapport.now
        env["TZ"] = "UTC"
        // A progress database of its own for every run, unless the test shares one on purpose.
        env["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory
            .appendingPathComponent("rapport-cli-tests-data-\(getpid())-\(UUID().uuidString.prefix(8))").path
        // Records carry the time; golden ones need it to hold still.
        env["RAPPORT_NOW"] = "2026-01-05T10:00:00Z"
        env["LOGNAME"] = "learner"
        for (key, value) in environment { env[key] = value }
        process.environment = env.filter { !$0.value.isEmpty }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }
}

@Suite(.serialized) struct CommandLineTests {
    static let golden = Golden(besides: #filePath)

    @Test func checkIsCleanOnTheLibrary() throws {
        let result = try Rapport.run(["check", "--strict", "Scenarios"])
        #expect(result.status == 0)
        #expect(result.output == "Checked 8 files: no problems found.\n")
    }

    @Test func checkReportsLikeACompiler() throws {
        let result = try Rapport.run(["check", "Tests/RapportCLITests/Golden/broken.scenario"])
        #expect(result.status == 1)
        Self.golden.assertMatches(result.output, "check-broken.txt")
    }

    @Test func checkAsJSON() throws {
        let result = try Rapport.run(["check", "--format", "json", "Tests/RapportCLITests/Golden/broken.scenario"])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["errors"] as? Int == 3)
        let diagnostics = json?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["code"] as? String == "RP0005")
    }

    @Test func exploringCanBeSkipped() throws {
        // A choice that is never offered is found only by exploring.
        let path = "Tests/RapportTestingTests/Golden/Diagnostics/RP0204.scenario"
        #expect(try Rapport.run(["check", path]).output.contains("RP0204"))
        #expect(!(try Rapport.run(["check", "--no-explore", path]).output.contains("RP0204")))
    }

    /// The reproduction from the reliability pass: a flat chain of 50,000 terms (0.7 MB) crashed
    /// check, analyze and play with a stack overflow. It is refused with a limit.
    @Test(arguments: [["check"], ["analyze"], ["play", "--plain"]])
    func aHugeConditionIsRefusedNotACrash(command: [String]) throws {
        let chain = (0..<50_000).map { _ in "escalated" }.joined(separator: " and ")
        let text = "title: T\ncustomer: C\nstate: escalated = false\n== start\n* [if \(chain)] Go.\n  coach: c\n  -> done\n* Stay.\n  coach: c\n  -> done\n== done\nend good: ok\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-chain-\(getpid())-\(command[0]).scenario")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Rapport.run(command + [file.path], input: "")
        #expect(result.status == 1)
        #expect((result.output + result.errors).contains("RP0037"))
    }

    /// A file with more problems than are printed shows the first 200 and counts the rest.
    @Test func problemsPrintedPerFileAreCapped() throws {
        var text = "title: T\ncustomer: C\n== start\n"
        for index in 0..<250 { text += "set: nothing\(index) = 1\n" }
        text += "end good: ok\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-many-\(getpid()).scenario")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Rapport.run(["check", file.path])
        #expect(result.status == 1)
        #expect(result.output.components(separatedBy: "error[").count - 1 == 200)
        #expect(result.output.contains("\(file.path): 50 more problems not shown (50 errors and 0 warnings)"))
        #expect(result.output.hasSuffix("Checked 1 file: 250 errors and 0 warnings.\n"))
        let json = try Rapport.run(["check", "--format", "json", file.path])
        #expect(json.output.components(separatedBy: "\"RP0014\"").count - 1 == 250)
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let path = "Tests/RapportCLITests/Golden/warning.scenario"
        #expect(try Rapport.run(["check", path]).status == 0)
        #expect(try Rapport.run(["check", "--strict", path]).status == 1)
    }

    @Test func missingFilesAndBadUsage() throws {
        let missing = try Rapport.run(["check", "no/such/file.scenario"])
        #expect(missing.status == 66)
        #expect(missing.errors.contains("no such file or folder"))
        #expect(try Rapport.run(["check", "--frobnicate"]).status == 64)
        let unknown = try Rapport.run(["play", "angry-calller"])
        #expect(unknown.status == 66)
        #expect(unknown.errors.contains("did you mean 'angry-caller'?"))
    }

    /// `--json` takes the transcript's path; given a scenario file by mistake, it must not write over it.
    @Test(arguments: [["--json", "Scenarios/angry-caller.scenario"], ["--json", "notes.txt", "notes.txt"]])
    func transcriptNeverOverwritesAScenario(arguments: [String]) throws {
        let scenario = Repository.url("Scenarios/angry-caller.scenario")
        let before = try Data(contentsOf: scenario)
        let result = try Rapport.run(["play", "--plain"] + arguments, input: "1\n1\n")
        #expect(result.status == 64)
        #expect(result.errors.contains("it would be overwritten"))
        #expect(try Data(contentsOf: scenario) == before)
        #expect(!FileManager.default.fileExists(atPath: Repository.url("notes.txt").path))
    }

    @Test func testCommandPassesOnTheLibrary() throws {
        let result = try Rapport.run(["test", "Scenarios", "--random", "50"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix(" failed\n"))
        #expect(result.output.contains(", 0 failed\n"))
    }

    @Test func analyzeAsJSON() throws {
        let result = try Rapport.run(["analyze", "--format", "json", "Scenarios/delivery-promise.scenario"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect((json?["states"] as? Int ?? 0) > 0)
        #expect((json?["endings"] as? [Any])?.count ?? 0 >= 3)
    }

    /// A generated scenario's paths run to thousands of moves: the text shortens them, JSON keeps all.
    @Test func longPathsAreShortenedInText() throws {
        var text = "title: Long\ncustomer: C\n"
        for index in 0..<120 {
            text += "== n\(index)\n* Go on \(index).\n  score: respect +1\n  coach: c\n  -> n\(index + 1)\n"
        }
        text += "== n120\nend good: done\n"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-long-\(getpid()).scenario")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }

        let result = try Rapport.run(["analyze", file.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("shortest way: \"Go on 0.\" > \"Go on 1.\""))
        #expect(result.output.contains("\"Go on 5.\" > (108 more) > \"Go on 114.\""))
        #expect(result.output.contains("\"Go on 119.\"\n"))
        #expect(result.output.contains("  50. [n49] Go on 49.\n  … 20 more (all of them with --format json)\n  71. [n70] Go on 70.\n"))
        #expect(result.output.contains("  120. [n119] Go on 119.\n"))
        #expect(!result.output.contains("Go on 60."))

        let json = try Rapport.run(["analyze", "--format", "json", file.path])
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["bestPath"] as? [Any])?.count == 120)
    }

    @Test func playFromAPipeWithATranscript() throws {
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-run-\(getpid()).json")
        let result = try Rapport.run(
            ["play", "delivery-promise", "--json", transcript.path], input: String(repeating: "1\n", count: 12))
        #expect(result.status == 0)
        #expect(result.output.contains("Debrief"))
        #expect(!result.output.contains("\u{1B}"))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: transcript)) as? [String: Any]
        #expect(json?["version"] as? Int == 2)
        #expect((json?["steps"] as? [Any])?.isEmpty == false)
        // The figures a reader of the record wants beside the steps (docs/transcript.md).
        #expect(json?["recordedAt"] as? String == "2026-01-05T10:00:00Z")
        #expect(json?["mode"] as? String == "practice")
        #expect(json?["timers"] as? Bool == false)
        let scores = json?["scores"] as? [String: Any]
        #expect(scores?["overall"] is Int)
        let steps = json?["steps"] as? [[String: Any]]
        #expect(steps?.contains { $0["coachNote"] is String } == true)
    }

    @Test func menuWithNoArguments() throws {
        let result = try Rapport.run([], input: "2\n:quit\n")
        #expect(result.status == 0)
        #expect(result.output.contains("Pick a scenario"))
        #expect(result.output.contains("8. "))
    }

    @Test func playAFile() throws {
        let result = try Rapport.run(["play", "Scenarios/little-extra.scenario", "--plain"], input: ":quit\n")
        #expect(result.status == 0)
        #expect(result.output.contains("percent") || result.output.contains("not applicable"))
    }

    /// `rapport new` -> `check --strict` -> `test --strict`, as a trainer would type them.
    @Test func aNewScenarioChecksAndTestsCleanAsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-new-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let made = try Rapport.run(["new", "late-parcel", "--folder", folder.path])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("rapport check --watch \(folder.path)/late-parcel.scenario"))
        let scenario = folder.appendingPathComponent("late-parcel.scenario").path
        let checked = try Rapport.run(["check", "--strict", scenario])
        #expect(checked.status == 0)
        #expect(checked.output == "Checked 1 file: no problems found.\n")
        let tested = try Rapport.run(["test", "--strict", scenario])
        #expect(tested.status == 0, "\(tested.output)")
        #expect(tested.output.hasSuffix("4 passed, 0 failed\n"))

        // Never over a file: the second time, nothing is written.
        try "// mine\n".write(to: folder.appendingPathComponent("late-parcel.scenario"), atomically: true, encoding: .utf8)
        let again = try Rapport.run(["new", "late-parcel", "--folder", folder.path])
        #expect(again.status == 73)
        #expect(try String(contentsOf: folder.appendingPathComponent("late-parcel.scenario"), encoding: .utf8) == "// mine\n")

        let badID = try Rapport.run(["new", "Late Parcel!", "--folder", folder.path])
        #expect(badID.status == 64)
        #expect(badID.errors.contains("such as 'late-parcel'"))
    }

    /// `check --watch` as a trainer runs it beside an editor: it answers a save, and Ctrl-C (SIGINT)
    /// or SIGTERM stops it cleanly. Each step waits for what the watcher prints, never for a time; a
    /// watchdog ends the child only if it hangs, so a broken watcher fails instead of stalling.
    @Test(arguments: [(SIGINT, Int32(0)), (SIGTERM, Int32(143))])
    func checkWatchAnswersASaveAndStopsOnASignal(signal: Int32, status: Int32) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-watch-\(getpid())-\(signal)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.scenario")
        let clean = "title: T\ncustomer: Dana\n== start\n* Hello.\n  coach: c\n  -> done\n== done\nend good: ok\n"
        try clean.write(to: file, atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = Rapport.executable
        process.arguments = ["check", "--watch", "--no-explore", file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let child = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(child, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }

        var seen = ""
        func readUntil(_ text: String) {
            while !seen.contains(text) {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return }  // the watcher has gone
                seen += String(decoding: data, as: UTF8.self)
            }
        }
        readUntil("Ctrl-C stops.\n")
        try clean.replacingOccurrences(of: "-> done", with: "-> dnoe").write(to: file, atomically: false, encoding: .utf8)
        readUntil("no node named 'dnoe'")
        kill(process.processIdentifier, signal)
        readUntil("Stopped watching.\n")
        process.waitUntilExit()
        #expect(seen.contains("w.scenario saved: 1 new; now 1 error and 0 warnings"))
        #expect(seen.hasSuffix("Stopped watching.\n"))
        #expect(process.terminationStatus == status)
    }

    /// `check --watch` said "no problems found" while every walk in the scenario's .tests file
    /// failed: it did not run them. It runs them at the first look and after each save of either
    /// file, and prints what changed.
    @Test func checkWatchRunsTheWalks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-watch-walks-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("w.scenario")
        let tests = folder.appendingPathComponent("w.tests")
        try "title: T\ncustomer: Dana\n== start\n* Hello.\n  coach: c\n  -> done\n== done\nend good: ok\n"
            .write(to: file, atomically: false, encoding: .utf8)
        try "== the good ending\nchoose: Hello\nexpect ending: poor\n".write(to: tests, atomically: false, encoding: .utf8)

        let process = Process()
        process.executableURL = Rapport.executable
        process.arguments = ["check", "--watch", "--no-explore", file.path]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let child = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(child, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }

        var seen = ""
        func readUntil(_ text: String) {
            while !seen.contains(text) {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return }  // the watcher has gone
                seen += String(decoding: data, as: UTF8.self)
            }
        }
        readUntil("Ctrl-C stops.\n")
        #expect(seen.contains("error[RP0301]: the good ending:"), "\(seen)")
        #expect(seen.contains("w.tests: 1 of 1 walk fails"), "\(seen)")
        if seen.contains("RP0301") {
            try "== the good ending\nchoose: Hello\nexpect ending: good\n".write(to: tests, atomically: false, encoding: .utf8)
            readUntil("now no problems")
        }
        kill(process.processIdentifier, SIGINT)
        readUntil("Stopped watching.\n")
        process.waitUntilExit()
        #expect(seen.contains("w.tests saved: 1 fixed; now no problems\n  fixed: \(tests.path):3:1: error[RP0301]"), "\(seen)")
        #expect(process.terminationStatus == 0)
    }

    @Test func checkWatchPrintsText() throws {
        let result = try Rapport.run(["check", "--watch", "--format", "json", "Scenarios"])
        #expect(result.status == 64)
    }
}
