import Foundation
import RapportTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rapport facilitate --console` beside a running workshop, both real processes reading plain lines
/// through pipes, the sockets in a runtime folder of the test's own: what the console asks is
/// answered at the console and never reaches the room's screen.
@Suite(.serialized) struct FacilitateConsoleCommandTests {
    static let note = "Quoting the policy answers a question he did not ask."

    static func environment(_ name: String) -> [String: String] {
        let base = FacilitateCommandTests.temporaryFolder(name)
        try? FileManager.default.createDirectory(at: base.appendingPathComponent("run"), withIntermediateDirectories: true)
        return ["XDG_RUNTIME_DIR": base.appendingPathComponent("run").path, "XDG_STATE_HOME": base.appendingPathComponent("state").path]
    }

    @Test func aConsoleDrivesTheRoomAndKeepsTheNotesToItself() throws {
        let environment = Self.environment("console")
        let room = try LiveRapport.throughPipes(
            ["facilitate", "Tests/Fixtures/workshop.scenario", "--session", "console test"], environment: environment)
        #expect(room.waitFor("Enter: the first decision."))
        let socket = environment["XDG_RUNTIME_DIR"]! + "/rapport/room-\(room.process.processIdentifier).sock"
        #expect(LiveRapport.eventually { FileManager.default.fileExists(atPath: socket) })

        let console = try LiveRapport.throughPipes(["facilitate", "--console"], environment: environment)
        #expect(console.waitFor("Connected to the session console test of The Late Refund."))
        room.type("\n")
        #expect(console.waitFor("open for votes"))
        #expect(console.waitFor(Self.note), "each decision's coach notes come to the console")
        console.type(":notes\n")
        #expect(console.waitFor("For you only: the coach notes"))
        console.type("A5 B1\n")
        #expect(console.waitFor("the vote is in"))
        room.type("\n")
        #expect(room.waitFor("── Reveal"))
        #expect(console.waitFor("The room now sees: Reveal"))

        room.type(":quit\n")
        room.closeInput()
        #expect(room.exitStatus() == 0, "\(room.text)")
        #expect(console.waitFor("The room's Rapport has closed the session."))
        #expect(console.exitStatus() == 0, "\(console.text)")
        let beforeTheReveal = try #require(room.text.components(separatedBy: "── Reveal").first)
        #expect(!beforeTheReveal.contains("Quoting the policy"), "the room sees the notes only in the reveal")
        #expect(!room.text.contains("For you only") && !room.text.contains("FOR THE FACILITATOR ONLY"))
        #expect(!FileManager.default.fileExists(atPath: socket), "the room removes its socket")
    }

    @Test func aSecondConsoleIsTurnedAwayWith69() throws {
        let environment = Self.environment("second-console")
        let room = try LiveRapport.throughPipes(["facilitate", "Tests/Fixtures/workshop.scenario", "--session", "second"], environment: environment)
        #expect(room.waitFor("Enter: the first decision."))
        let socket = environment["XDG_RUNTIME_DIR"]! + "/rapport/room-\(room.process.processIdentifier).sock"
        #expect(LiveRapport.eventually { FileManager.default.fileExists(atPath: socket) })
        let first = try LiveRapport.throughPipes(["facilitate", "--console"], environment: environment)
        #expect(first.waitFor("Connected to the session second"))
        let second = try LiveRapport.throughPipes(["facilitate", "--console"], environment: environment)
        #expect(second.exitStatus() == 69, "\(second.text)")
        #expect(second.text.contains("rapport: Another console is already connected"))
        room.closeInput()
        #expect(room.exitStatus() == 0)
        #expect(first.exitStatus() == 0)
    }

    @Test func aConsoleWithNoWorkshopRunningSaysHowToStartOne() throws {
        let console = try LiveRapport.throughPipes(["facilitate", "--console"], environment: Self.environment("no-room"))
        #expect(console.exitStatus() == 69)
        #expect(console.text.contains("no workshop is running for a console to join"))
    }

    @Test func aConsoleTakesNoScenario() throws {
        let console = try LiveRapport.throughPipes(["facilitate", "--console", "delivery-promise"], environment: Self.environment("console-usage"))
        #expect(console.exitStatus() == 64)
        #expect(console.text.contains("--console connects to a workshop already running"))
    }
}
