import Foundation
import RapportTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Signals at readline's prompts, in a terminal made for the test under a shell with job control
/// (`LiveRapport.inTerminal`). At every prompt a signal to stop exits 143 and leaves the terminal as
/// the shell had it (echo on, whole lines); Ctrl-\ is such a signal, never Swift's crash report.
/// Ctrl-Z hands the terminal back before stopping, and `fg` sets readline's mode again and redraws
/// the prompt with what was half typed.
@Suite(.serialized, .enabled(if: LiveRapport.terminalAvailable)) struct TerminalSignalTests {
    /// How a terminal looks after a well-behaved program: echo, whole lines, Ctrl-C and Ctrl-Z work.
    static let shellModes: Set<String> = ["echo", "icanon", "isig"]

    /// A prompt, how to reach it, and how the signal is sent there.
    struct Prompt: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: [String]
        /// Alternately text to wait for and keys to type, starting with a wait.
        let script: [String]
        /// A signal sent with kill, or (nil) `key` typed.
        let signal: Int32?
        var key = ""
        /// Votes the workshop's save must hold afterwards, for facilitate.
        var savedVotes: Int?

        var testDescription: String { name }
    }

    static let practice = ["play", "--no-timers", "Tests/Fixtures/constructs.scenario"]
    static let workshop = ["facilitate", "Tests/Fixtures/workshop.scenario", "--session", "workshop"]

    static let prompts = [
        Prompt(name: "the menu, SIGTERM", arguments: ["play"], script: ["Scenario number (or :quit)> ", "12", "12"], signal: SIGTERM),
        Prompt(name: "practice's >, SIGHUP", arguments: practice, script: ["neighbours?", "", "> ", "2", "2"], signal: SIGHUP),
        Prompt(name: "leave?, SIGTERM", arguments: practice, script: ["neighbours?", "", "> ", "\u{03}", "leave? ", "y"], signal: SIGTERM),
        Prompt(name: "votes>, Ctrl-\\", arguments: workshop, script: ["the first decision", "\r", "votes> ", "A5", "A5"], signal: nil, key: "\u{1C}", savedVotes: 0),
        Prompt(
            name: "tie>, SIGTERM", arguments: workshop,
            script: [
                "the first decision", "\r", "votes> ", "A5 B3 C1\r", "The room goes with", "\r", "Enter: next step", "\r", "votes> ",
                "4 4 1\r", "tie> ", "B",
            ],
            signal: SIGTERM, savedVotes: 1),
        Prompt(
            name: "> after a vote, SIGQUIT", arguments: workshop, script: ["the first decision", "\r", "votes> ", "A5 B3 C1\r", "The room goes with", "", "> "],
            signal: SIGQUIT, savedVotes: 1),
    ]

    @Test(arguments: prompts)
    func stopsWith143AndASaneTerminal(at prompt: Prompt) throws {
        let state = FacilitateCommandTests.temporaryFolder("terminal-signal")
        let rapport = try LiveRapport.inTerminal(prompt.arguments, environment: ["XDG_STATE_HOME": state.path])
        for (index, step) in prompt.script.enumerated() {
            if index % 2 == 0 {
                try #require(rapport.waitFor(step), "waiting for \(step.debugDescription) in \(rapport.text.debugDescription)")
            } else {
                rapport.type(step)
            }
        }
        if let signal = prompt.signal { rapport.send(signal) } else { rapport.type(prompt.key) }
        let (status, modes) = rapport.exitInTerminal()
        #expect(status == 143, "\(rapport.text.debugDescription)")
        #expect(Self.shellModes.isSubset(of: modes), "\(modes.sorted())")
        #expect(!rapport.text.contains("crashed"))
        if let votes = prompt.savedVotes {
            let save = state.appendingPathComponent("rapport/workshops/workshop.json")
            let json = try? JSONSerialization.jsonObject(with: Data(contentsOf: save)) as? [String: Any]
            #expect((json?["decisions"] as? [Any])?.count ?? 0 == votes)
        }
    }

    /// Ctrl-Z with a half-typed answer: the terminal is the shell's while stopped; after `fg` it is
    /// readline's again, the prompt and the half-typed text are on screen, and Enter sends the text
    /// that is seen.
    @Test func ctrlZThenFgRedrawsTheHalfTypedLine() throws {
        let rapport = try LiveRapport.inTerminal(Self.practice)
        try #require(rapport.waitFor("neighbours?") && rapport.waitFor("> "), "\(rapport.text.debugDescription)")
        rapport.type("hel")
        try #require(rapport.waitFor("hel"))
        rapport.type("\u{1A}")
        let stopped = try #require(rapport.modesWhenStopped(), "not stopped: \(rapport.text.debugDescription)")
        #expect(Self.shellModes.isSubset(of: stopped), "left in readline's modes: \(stopped.sorted())")

        #expect(rapport.waitFor("> hel"), "not redrawn after fg: \(rapport.text.debugDescription)")
        #expect(rapport.localModes & tcflag_t(ICANON | ECHO) == 0, "readline's modes are not set again")
        rapport.type("lo\r")
        #expect(rapport.waitFor("didn't understand \"hello\""), "\(rapport.text.debugDescription)")
        rapport.type(":quit\r")
        // At a terminal the debrief is followed by what next.
        #expect(rapport.waitFor("What next? "), "\(rapport.text.debugDescription)")
        rapport.type(":quit\r")
        let (status, modes) = rapport.exitInTerminal()
        #expect(status == 0)
        #expect(Self.shellModes.isSubset(of: modes))
    }
}
