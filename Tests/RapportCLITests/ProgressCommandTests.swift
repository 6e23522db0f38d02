import Foundation
import RapportRecords
import RapportTestSupport
import Testing

/// The learner's loop from the command line: attempts kept over several days (the clock set through
/// RAPPORT_NOW), `rapport progress`, a process killed mid attempt and resumed, `--from`, learners
/// kept apart, and a database that is not Rapport's refused and never written over.
@Suite(.serialized) struct ProgressCommandTests {
    static let golden = Golden(besides: #filePath)

    /// A data folder shared by the runs of one test.
    static func dataFolder(_ label: String = #function) -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "rapport-progress-\(label.filter(\.isLetter))-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        return url.path
    }

    static func run(_ arguments: [String], input: String = "", data: String, now: String = "2026-03-02T09:00:00Z")
        throws -> Rapport.Result
    {
        try Rapport.run(arguments, input: input, environment: ["XDG_DATA_HOME": data, "RAPPORT_NOW": now])
    }

    @Test func threeAttemptsOnDifferentDaysShowATrend() throws {
        let data = Self.dataFolder()
        let days = ["2026-03-02T09:00:00Z", "2026-03-05T18:30:00Z", "2026-03-11T08:15:00Z"]
        let answers = ["2\n2\n2\n1\n", "1\n2\n", "1\n1\n1\n"]
        for (day, input) in zip(days, answers) {
            let played = try Self.run(["play", "Tests/Fixtures/constructs.scenario"], input: input, data: data, now: day)
            #expect(played.status == 0, "\(played.errors)")
        }
        let progress = try Self.run(["progress"], data: data, now: days[2])
        #expect(progress.status == 0)
        Self.golden.assertMatches(OutputRecordTests.record(progress), "progress.txt")
        let plain = try Self.run(["progress", "--plain"], data: data, now: days[2])
        Self.golden.assertMatches(OutputRecordTests.record(plain), "progress-plain.txt")
        #expect(plain.output.contains("over 3 attempts"))
        #expect(!plain.output.contains("▁") && !plain.output.contains("█"))
    }

    /// The menu says how many decisions a learner meets (answers, not silences) and how each
    /// scenario has been done.
    @Test func theMenuShowsHowEachScenarioHasBeenDone() throws {
        let data = Self.dataFolder()
        let before = try Self.run([], input: ":quit\n", data: data)
        #expect(before.output.contains("chat, with Grace Mensah, 6 to 7 decisions"))
        #expect(!before.output.contains("Done "))
        _ = try Self.run(["play", "delivery-promise"], input: String(repeating: "2\n", count: 10), data: data)
        let after = try Self.run([], input: ":quit\n", data: data)
        let grace = try #require(after.output.components(separatedBy: "The Delivery Promise").last)
        #expect(grace.contains("Done once; best: a "))
        #expect(after.output.components(separatedBy: "Done ").count == 2, "only the scenario played")
    }

    @Test func learnersAreKeptApart() throws {
        let data = Self.dataFolder()
        _ = try Self.run(["play", "Tests/Fixtures/constructs.scenario", "--learner", "ana"], input: "1\n1\n1\n", data: data)
        let ben = try Self.run(["progress", "--learner", "ben"], data: data)
        #expect(ben.output.contains("Nothing yet"))
        let ana = try Self.run(["progress", "--learner", "ana"], data: data)
        #expect(ana.output.contains("1 finished attempt"))
    }

    /// The process is killed after its first answer has been kept; `--resume` carries on from there
    /// and the finished attempt is the one an unbroken run would have made.
    @Test func aKilledAttemptIsResumedWithNothingLost() throws {
        let data = Self.dataFolder()
        let process = Process()
        process.executableURL = Rapport.executable
        process.arguments = ["play", "Tests/Fixtures/constructs.scenario"]
        process.currentDirectoryURL = Repository.root
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = data
        environment["LOGNAME"] = "learner"
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("1\n".utf8))
        let path = data + "/rapport/progress.sqlite"
        var kept = 0
        // Bounded at 30 s: the whole suite runs at once, and a loaded machine starts the child slowly.
        for _ in 0..<600 where kept < 1 {
            Thread.sleep(forTimeInterval: 0.05)
            if FileManager.default.fileExists(atPath: path), let store = try? ProgressStore.open(at: path, clock: { Date() }) {
                kept = (try? store.unfinished(learner: "learner").first?.actions.count) ?? 0
            }
        }
        #expect(kept == 1, "the first answer is kept before the next is asked for")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let resumed = try Self.run(["play", "--resume"], input: "1\n1\n", data: data)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.output.contains("Carrying on with your attempt"))
        #expect(resumed.output.contains("Good ending."))
        let store = try ProgressStore.open(at: path, clock: { Date() })
        #expect(try store.unfinished(learner: "learner").isEmpty)
        let finished = try store.finishedAttempts(learner: "learner")
        #expect(finished.count == 1)
        #expect(finished.first?.ending == .good)
        #expect(finished.first?.overallPercent == 100, "1, 1, 1 is the best path")

        let nothing = try Self.run(["play", "--resume"], data: data)
        #expect(nothing.status == 66)
        #expect(nothing.errors.contains("no unfinished attempt"))
    }

    @Test func fromAMomentStartsWhereTheBestPathReachesIt() throws {
        let data = Self.dataFolder()
        let from = try Self.run(["play", "Tests/Fixtures/constructs.scenario", "--from", "wait"], input: "1\n", data: data)
        #expect(from.status == 0, "\(from.errors)")
        #expect(from.output.contains("Starting at wait, as the best path reaches it"))
        #expect(from.output.contains("(played for you)"))
        #expect(from.output.contains("Good ending."))
        let unknown = try Self.run(["play", "Tests/Fixtures/constructs.scenario", "--from", "nowhere"], data: data)
        #expect(unknown.status == 66)
        #expect(unknown.errors.contains("\"Opening\""))
    }

    @Test func aDatabaseThatIsNotRapportsIsRefusedAndKept() throws {
        let data = Self.dataFolder()
        let folder = data + "/rapport"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/progress.sqlite"
        let junk = Data(Array("my shopping list\n".utf8) + [UInt8](repeating: 0x20, count: 600))
        try junk.write(to: URL(fileURLWithPath: path))

        let play = try Self.run(["play", "Tests/Fixtures/constructs.scenario"], input: "1\n", data: data)
        #expect(play.status == 66)
        #expect(play.errors.contains(path))
        #expect(play.errors.contains("is not a database"))
        #expect(play.errors.contains("rapport progress --move-aside"))
        #expect(play.output.isEmpty, "nothing is played over a database that cannot be kept")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)

        let progress = try Self.run(["progress"], data: data)
        #expect(progress.status == 66)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)

        let without = try Self.run(["play", "Tests/Fixtures/constructs.scenario", "--no-progress"], input: "1\n1\n1\n", data: data)
        #expect(without.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == junk)

        let moved = try Self.run(["progress", "--move-aside"], data: data, now: "2026-03-02T09:00:00Z")
        #expect(moved.status == 0)
        #expect(moved.output.contains(path + ".unusable-20260302-090000"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + ".unusable-20260302-090000")) == junk)
        #expect(try Self.run(["play", "Tests/Fixtures/constructs.scenario"], input: "1\n", data: data).status == 0)
    }

    @Test func aBadClockIsAUsageError() throws {
        let result = try Self.run(["progress"], data: Self.dataFolder(), now: "next tuesday")
        #expect(result.status == 64)
        #expect(result.errors.contains("RAPPORT_NOW"))
    }

    @Test func theTranscriptsFolderIsCheckedBeforePlay() throws {
        let result = try Self.run(
            ["play", "Tests/Fixtures/constructs.scenario", "--json", "/no/such/folder/run.json"], input: "1\n", data: Self.dataFolder())
        #expect(result.status == 73)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("/no/such/folder does not exist"))
    }
}
