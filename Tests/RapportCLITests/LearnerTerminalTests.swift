import Foundation
import RapportTestSupport
import Testing

/// What a learner meets at a real prompt (a pseudo-terminal of the test's own): the first screen says
/// whether timers run, `--plain` turns them off unless `--timers`, and after the debrief Rapport asks
/// what next and a retry goes back to the decision chosen.
@Suite(.serialized, .enabled(if: LiveRapport.terminalAvailable)) struct LearnerTerminalTests {
    static let scenario = "Tests/Fixtures/constructs.scenario"

    @Test(arguments: [
        (["play", scenario], true), (["play", "--plain", scenario], false), (["play", "--plain", "--timers", scenario], true),
        (["play", "--no-timers", scenario], false),
    ])
    func theFirstScreenSaysWhetherTimersRun(arguments: [String], timers: Bool) throws {
        let rapport = try LiveRapport.inTerminal(arguments)
        try #require(rapport.waitFor("neighbours?") && rapport.waitFor("> "), "\(rapport.text.debugDescription)")
        #expect(rapport.text.contains("Timers are on: if you say nothing for 10 to 15 seconds") == timers)
        rapport.type(":quit\r")
        #expect(rapport.waitFor("What next? "))
        rapport.type(":quit\r")
        #expect(rapport.exitInTerminal().status == 0)
    }

    @Test func aRetryGoesBackToTheDecisionChosen() throws {
        let rapport = try LiveRapport.inTerminal(["play", "--no-timers", Self.scenario])
        for answer in ["1", "1", "1"] {
            try #require(rapport.waitFor("> "), "\(rapport.text.debugDescription)")
            rapport.type(answer + "\r")
        }
        try #require(rapport.waitFor("What next? "), "\(rapport.text.debugDescription)")
        rapport.type("2\r")
        try #require(rapport.waitFor("Decision number> "), "\(rapport.text.debugDescription)")
        rapport.type("2\r")
        #expect(rapport.waitFor("as it was. Try it differently."), "\(rapport.text.debugDescription)")
        rapport.type("2\r")
        #expect(rapport.waitFor("Poor ending."), "\(rapport.text.debugDescription)")
        #expect(rapport.waitFor("(as before)"))
        try #require(rapport.waitFor("What next? "))
        rapport.type(":quit\r")
        #expect(rapport.exitInTerminal().status == 0)
    }
}
