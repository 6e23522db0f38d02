import Foundation
import RapportTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGHUP and SIGQUIT stop every command with 143 (README, "Exit codes"), here with plain
/// lines through pipes: Rapport reads nothing more, keeps what must be kept (a workshop's votes, the
/// `--json` transcript) and exits 143, never killed by the signal, and SIGQUIT never brings out
/// Swift's crash report. A signal that comes before Rapport waits is kept for its next prompt, so
/// each test waits only for the text shown before the prompt it means.
@Suite(.serialized) struct SignalExitTests {
    static func folder(_ name: String) -> URL {
        FacilitateCommandTests.temporaryFolder(name)
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func atTheMenu(signal: Int32) throws {
        let rapport = try LiveRapport.throughPipes(["play"])
        #expect(rapport.waitFor("Pick a scenario:"))
        rapport.send(signal)
        #expect(rapport.exitStatus() == 143, "\(rapport.text)")
        #expect(rapport.text.hasSuffix("Stopped.\n"))
        #expect(!rapport.text.contains("crashed"))
    }

    /// The transcript asked for with --json is written: what was played is kept.
    @Test func atThePracticePromptTheTranscriptIsKept() throws {
        let transcript = Self.folder("signal-transcript").appendingPathExtension("json")
        let rapport = try LiveRapport.throughPipes(["play", "Tests/Fixtures/constructs.scenario", "--no-timers", "--json", transcript.path])
        #expect(rapport.waitFor("neighbours?"))
        rapport.type("1\n")
        #expect(rapport.waitFor("Robin"))
        rapport.send(SIGHUP)
        #expect(rapport.exitStatus() == 143, "\(rapport.text)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: transcript)) as? [String: Any]
        #expect((json?["steps"] as? [Any])?.count ?? 0 >= 2)
    }

    /// At the tie question: the tied vote is not recorded, every vote before it is on disk.
    @Test func atTheTieQuestionTheVotesAreKept() throws {
        let state = Self.folder("signal-tie")
        let rapport = try LiveRapport.throughPipes(
            ["facilitate", "Tests/Fixtures/workshop.scenario", "--session", "workshop"], environment: ["XDG_STATE_HOME": state.path])
        rapport.type("A5 B3 C1\n\n\n4 4 1\n")
        #expect(rapport.waitFor("Which way does the story go?"))
        rapport.send(SIGTERM)
        #expect(rapport.exitStatus() == 143, "\(rapport.text)")
        #expect(rapport.text.hasSuffix("The vote was not recorded.\nStopped. The session is saved; resume it with 'rapport facilitate --resume'.\n"))
        let save = state.appendingPathComponent("rapport/workshops/workshop.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: save)) as? [String: Any]
        #expect((json?["decisions"] as? [Any])?.count == 1)
    }

    /// A command without prompts (here `check`, reading a FIFO that is open and never written) exits
    /// 143 too.
    @Test(arguments: [SIGTERM, SIGHUP, SIGQUIT])
    func inACommandWithoutPrompts(signal: Int32) throws {
        let fifo = Self.folder("signal-fifo").appendingPathExtension("scenario")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: fifo) }
        let rapport = try LiveRapport.throughPipes(["check", fifo.path])
        // The writer's end opens only once `check` has opened the reader's, long after the handlers
        // are in place; held open with nothing written, it keeps `check` reading.
        var writer: Int32 = -1
        let opened = LiveRapport.eventually {
            writer = open(fifo.path, O_WRONLY | O_NONBLOCK)
            return writer >= 0
        }
        #expect(opened)
        defer { close(writer) }
        rapport.send(signal)
        #expect(rapport.exitStatus() == 143, "\(rapport.text)")
        #expect(!rapport.text.contains("crashed"))
    }
}
