import Foundation
import RapportTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct FacilitateCommandTests {
    /// Each team's pick at each decision, then Enter to reveal and Enter to go on.
    static let rounds = ["A A B", "A C A", "A A A", "B A A", "A A A", "A B A", "A A A", "A A A", "A A A", "A A A", "A A A", "A A A"]
    static func input(_ rounds: ArraySlice<String>) -> String { rounds.map { "\($0)\n\n\n" }.joined() }

    static func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    @Test func killedMidSessionResumesWithNothingLost() throws {
        // The whole session, uninterrupted.
        let straightState = Self.temporaryFolder("straight-state")
        let straightExport = Self.temporaryFolder("straight-export")
        let straight = try Rapport.run(
            ["facilitate", "delivery-promise", "--teams", "Red,Blue,Green", "--export", straightExport.path],
            input: Self.input(Self.rounds[...]), environment: ["XDG_STATE_HOME": straightState.path])
        #expect(straight.status == 0, "\(straight.errors)")

        // The same session, killed without warning after three votes, then resumed.
        let state = Self.temporaryFolder("killed-state")
        let export = Self.temporaryFolder("killed-export")
        let saveFile = state.appendingPathComponent("rapport/workshops/delivery-promise.json")
        let process = Process()
        process.executableURL = Rapport.executable
        process.arguments = ["facilitate", "delivery-promise", "--teams", "Red,Blue,Green"]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_STATE_HOME"] = state.path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let stdin = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        stdin.fileHandleForWriting.write(Data(Self.input(Self.rounds.prefix(3)).utf8))
        // Wait (at most ~20 s) until the third vote is on disk, then pull the plug.
        var saved = 0
        for _ in 0..<400 where saved < 3 {
            usleep(50_000)
            if let data = try? Data(contentsOf: saveFile),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            {
                saved = (json["decisions"] as? [Any])?.count ?? 0
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(saved == 3)
        #expect(process.terminationReason == .uncaughtSignal)

        let resumed = try Rapport.run(
            ["facilitate", "delivery-promise", "--resume", "--export", export.path],
            input: Self.input(Self.rounds.dropFirst(3)), environment: ["XDG_STATE_HOME": state.path])
        #expect(resumed.status == 0, "\(resumed.errors)")
        let expected = try Data(contentsOf: straightExport.appendingPathComponent("session.json"))
        let actual = try Data(contentsOf: export.appendingPathComponent("session.json"))
        #expect(actual == expected)
        let handout = try String(contentsOf: export.appendingPathComponent("handout.md"), encoding: .utf8)
        #expect(handout.contains("| Red |"))
    }

    @Test func refusesToOverwriteASavedSession() throws {
        let state = Self.temporaryFolder("overwrite-state")
        _ = try Rapport.run(
            ["facilitate", "angry-caller"], input: "A3 B1\n", environment: ["XDG_STATE_HOME": state.path])
        let again = try Rapport.run(["facilitate", "angry-caller"], input: "", environment: ["XDG_STATE_HOME": state.path])
        #expect(again.status == 1)
        #expect(again.errors.contains("--resume"))
        let restarted = try Rapport.run(
            ["facilitate", "angry-caller", "--restart"], input: ":end\n", environment: ["XDG_STATE_HOME": state.path])
        #expect(restarted.status == 0)
    }

    /// A save that cannot be used is named, never written over by a new session, and moved aside
    /// (not deleted) only on --restart.
    @Test func aCorruptSaveIsNamedAndKept() throws {
        let state = Self.temporaryFolder("corrupt-state")
        let folder = state.appendingPathComponent("rapport/workshops")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let save = folder.appendingPathComponent("angry-caller.json")
        try Data("{\"version\": 1, \"decisions\": [".utf8).write(to: save)
        let environment = ["XDG_STATE_HOME": state.path]

        let resumed = try Rapport.run(["facilitate", "--resume"], input: "", environment: environment)
        #expect(resumed.status == 66)
        #expect(resumed.errors.contains("\(save.path) cannot be used: it is not a saved session"))
        let fresh = try Rapport.run(["facilitate", "angry-caller"], input: "A3 B1\n", environment: environment)
        #expect(fresh.status == 66)
        #expect(fresh.errors.contains("--restart"))
        #expect(try String(contentsOf: save, encoding: .utf8) == "{\"version\": 1, \"decisions\": [")

        let restarted = try Rapport.run(["facilitate", "angry-caller", "--restart"], input: "A3 B1\n", environment: environment)
        #expect(restarted.status == 0, "\(restarted.errors)")
        #expect(restarted.errors.contains("moved it to \(save.path).unusable-"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".unusable-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOf: folder.appendingPathComponent(aside[0]), encoding: .utf8) == "{\"version\": 1, \"decisions\": [")
    }

    /// When no save can be written, the facilitator is told at the first vote, the program does not
    /// claim the session is saved, and the exit status says so.
    @Test func failedSavesAreErrorsNotWarnings() throws {
        let state = Self.temporaryFolder("blocked-state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
        // A file where the state folder should be: no folder can be made under it, even by root.
        try Data("x".utf8).write(to: state.appendingPathComponent("rapport"))
        let result = try Rapport.run(["facilitate", "angry-caller"], input: "A3 B1\n\n\n", environment: ["XDG_STATE_HOME": state.path])
        #expect(result.status == 73)
        #expect(result.output.contains("Error: the session could not be saved"))
        #expect(!result.output.contains("The session is saved"))
        #expect(result.errors.contains("could not be saved"))
    }

    /// A session of a scenario file (not a bundled one) resumes without naming the file again.
    @Test func resumesASessionOfAFileWithoutItsName() throws {
        let state = Self.temporaryFolder("file-state")
        let environment = ["XDG_STATE_HOME": state.path]
        let first = try Rapport.run(
            ["facilitate", "Tests/Fixtures/constructs.scenario"], input: "A2 B1\n\n\n", environment: environment)
        #expect(first.status == 0, "\(first.errors)")
        let resumed = try Rapport.run(["facilitate", "--resume"], input: ":end\n", environment: environment)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.output.contains("Every Construct"))
    }

    @Test func usageMistakes() throws {
        #expect(try Rapport.run(["facilitate"]).status == 64)
        #expect(try Rapport.run(["facilitate", "angry-caller", "--teams", "Red,red"]).status == 64)
        #expect(try Rapport.run(["facilitate", "--resume", "--restart"]).status == 64)
    }
}
