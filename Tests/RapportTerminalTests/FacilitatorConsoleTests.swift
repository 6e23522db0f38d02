import Foundation
import RapportAnalysis
import RapportLanguage
@testable import RapportTerminal
import RapportTestSupport
import RapportWorkshop
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The facilitator's console seen from the room: a real `ConsoleLink` on a socket in a folder of
/// the test's own, a console connected to it that has sent its lines before the session reads
/// them, and the room's prompt told (by a scripted `.ready`) that the console has something. What
/// the console is sent and what the room's screen shows are compared: nothing meant for the
/// facilitator may reach the room.
@Suite struct FacilitatorConsoleTests {
    /// A coach note of the first decision short enough not to be wrapped at the console's width.
    static let note = "Quoting the policy answers a question he did not ask."

    struct Played {
        let room: String
        let console: String
        let consoleMessages: [ConsoleMessage]
        let workshop: Workshop
        /// The prompts the room's keyboard was read at.
        let roomPrompts: [String]
    }

    static func socketPath(_ label: String = #function) -> String {
        let folder = "/tmp/rapport-console-\(getpid())-\(UUID().uuidString.prefix(6))"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/room-\(label.filter(\.isLetter).prefix(20)).sock"
    }

    /// Runs the workshop fixture with `room` typed at the room's prompt; `console` lines are sent
    /// by a console that connected first (and left, if `consoleLeaves`).
    static func run(
        room: [LineEvent], console lines: [String], consoleLeaves: Bool = false, teams: [String] = [], plain: Bool = false
    ) throws -> Played {
        let path = socketPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let link = try ConsoleLink(listeningAt: path, session: "trial", scenario: "The Late Refund")
        let client = try #require(ConsoleSocket.connect(to: path))
        // A console that leaves was taken in and greeted first: its lines and its leaving then
        // arrive together.
        if consoleLeaves { #expect(link.service() == []) }
        client.send(ConsoleMessage(width: 60, colour: false, plain: plain))
        for line in lines { client.send(ConsoleMessage(line: line)) }
        if consoleLeaves { client.close() }

        let scenario = try fixture("workshop")
        var run = FacilitatorRun(
            workshop: Workshop(scenario: scenario, teams: teams), analysis: Analysis(scenario),
            reader: ScriptedLineReader(room), output: BufferOutput(),
            renderer: FacilitatorRenderer(style: Style(colour: false, plain: false, width: 80), clearsScreen: false),
            save: { _ in nil })
        run.console = link
        _ = run.run()
        link.close(reason: "The session is over.")

        var messages: [ConsoleMessage] = []
        while !consoleLeaves, let message = client.next(within: 1_000) { messages.append(message) }
        return Played(
            room: run.output.text, console: messages.compactMap(\.text).joined(), consoleMessages: messages,
            workshop: run.workshop, roomPrompts: run.reader.prompts)
    }

    @Test func notesAskedAtTheConsoleAreShownThereAloneWithoutAQuestion() throws {
        let played = try Self.run(room: [.line(""), .ready, .line(":quit")], console: [":notes"])
        #expect(played.console.contains("For you only: the coach notes"))
        #expect(played.console.contains(Self.note))
        #expect(!played.room.contains(Self.note), "the room never sees a coach note")
        #expect(!played.room.contains("FOR THE FACILITATOR ONLY"))
        #expect(!played.room.contains("show?") && !played.console.contains("Type yes"))
    }

    @Test func theConsoleIsWelcomedAndToldOfEachScreenWithTheNotesAtADecision() throws {
        let played = try Self.run(room: [.ready, .line(""), .line(":quit")], console: [])
        #expect(played.consoleMessages.first?.session == "trial")
        #expect(played.console.contains("Connected to The Late Refund"))
        #expect(played.console.contains("The room now sees: The Late Refund\n"))
        #expect(played.console.contains("The room now sees: The Late Refund: decision 1, open for\nvotes"))
        #expect(played.console.contains(Self.note), "each decision's notes come to the console unasked")
        #expect(played.consoleMessages.last?.closed == "The session is over.")
        // Laid out at the console's width, not the room's.
        let widest = played.console.split(separator: "\n").map { TextLayout.width(String($0)) }.max() ?? 0
        #expect(widest <= 60)
    }

    @Test func aVoteAtTheConsoleMovesTheRoomOnAndItsMistakesStayAtTheConsole() throws {
        let played = try Self.run(room: [.line(""), .ready, .line(""), .line(":quit")], console: [":nonsense", "Q7", "A5 B1"])
        #expect(played.console.contains("Unknown command :nonsense"))
        #expect(played.console.contains("'Q' is not an option here"))
        #expect(!played.room.contains("Unknown command") && !played.room.contains("is not an option"))
        let first = try #require(played.workshop.record.decisions.first, "the console's vote is the room's")
        #expect(first.chosen == first.offered[0])
        #expect(played.room.contains("── Reveal"), "the room's Enter reveals the console's vote")
        #expect(played.console.contains("The room now sees: The Late Refund: decision 1: the vote is\nin"))
    }

    @Test func aTieAtTheConsoleIsShownToTheRoomAndSettledFromTheConsole() throws {
        let played = try Self.run(room: [.line(""), .ready, .line(":quit")], console: ["A2 B2", "B"])
        #expect(played.room.contains("A tie between A and B"))
        #expect(played.console.contains("A tie between A and B"))
        let first = try #require(played.workshop.record.decisions.first)
        #expect(first.chosen == first.offered[1] && first.tieBroken)
    }

    /// A console asking for plain text (a screen reader) gets no rules or boxes.
    @Test func aPlainConsoleGetsPlainText() throws {
        let played = try Self.run(room: [.line(""), .ready, .line(":quit")], console: [":notes"], plain: true)
        #expect(played.console.contains("For you only: the coach notes\n"))
        #expect(!played.console.contains("─"))
    }

    /// An early reveal asked at the console is asked there alone and answered from there; the room's
    /// prompt never becomes the question, and "no" shows nothing.
    @Test(arguments: ["no", "yes"])
    func anEarlyRevealAskedAtTheConsoleIsAnsweredThere(answer: String) throws {
        let played = try Self.run(room: [.line(""), .ready, .line(":quit")], console: [":reveal", answer])
        #expect(played.console.contains("Nobody has voted yet"))
        #expect(!played.room.contains("Nobody has voted yet"))
        #expect(!played.roomPrompts.contains("show? "), "the room's prompt stays the room's")
        #expect(played.console.contains("Nothing was shown.") == (answer == "no"))
        #expect(played.room.contains("Quoting the policy") == (answer == "yes"), "yes shows the scores to the room")
    }

    /// A console that goes before answering its question has said no; the room carries on.
    @Test func aConsoleThatGoesBeforeAnsweringHasSaidNo() throws {
        let played = try Self.run(
            room: [.line(""), .ready, .line("A3 B1"), .line(":quit")], console: [":reveal"], consoleLeaves: true)
        #expect(!played.room.contains("Quoting the policy"))
        #expect(!played.roomPrompts.contains("show? "))
        #expect(played.workshop.record.decisions.count == 1, "the room's vote after it is recorded")
    }

    /// A tie asked at the room is answered at the room: a line from the console waits its turn.
    @Test func aTieAskedAtTheRoomIsNotAnsweredByTheConsole() throws {
        let played = try Self.run(room: [.line(""), .line("A2 B2"), .ready, .line("B"), .line(":quit")], console: [":notes"])
        let first = try #require(played.workshop.record.decisions.first)
        #expect(first.chosen == first.offered[1])
        #expect(!played.room.contains(":back to vote again") && !played.console.contains(":back to vote again"), "the console's :notes was not taken as an answer")
        #expect(played.console.contains("For you only: the coach notes"), "and was done after")
    }

    /// With a console connected, the room's own :help and :notes go to the console.
    @Test func panesAskedAtTheRoomGoToAConnectedConsole() throws {
        let played = try Self.run(room: [.ready, .line(""), .line(":help"), .line(":notes"), .line(":quit")], console: [])
        #expect(played.console.contains("For you only: the commands"))
        #expect(played.console.contains("For you only: the coach notes"))
        #expect(played.room.components(separatedBy: "Shown at the console.").count == 3)
        #expect(!played.room.contains("FOR THE FACILITATOR ONLY") && !played.room.contains("show?"))
    }

    /// A line from the console is checked as one typed at the room: no line breaks, not too long.
    @Test func aConsoleLineIsCheckedAsATypedOne() throws {
        let played = try Self.run(
            room: [.line(""), .ready, .line(":quit")], console: ["A5\nB1", String(repeating: "A", count: 5_000)])
        #expect(played.console.contains("cannot hold a line break"))
        #expect(played.console.contains("That line is too long"))
        #expect(played.workshop.record.decisions.isEmpty)
    }

    @Test func helpAtTheConsoleSaysAConsoleIsConnected() throws {
        let played = try Self.run(room: [.line(""), .ready, .line(":quit")], console: [":help"])
        #expect(played.console.contains("A console is connected"))
        #expect(!played.room.contains(":timer 2m"))
    }

    /// A console that asks and goes before the answer: the answer is dropped, never shown to the room.
    @Test func anAnswerForAConsoleThatHasGoneIsNeverShownToTheRoom() throws {
        let played = try Self.run(room: [.line(""), .ready, .line(":quit")], console: [":notes", ":help"], consoleLeaves: true)
        #expect(!played.room.contains(Self.note))
        #expect(!played.room.contains(":timer 2m") && !played.room.contains("FOR THE FACILITATOR ONLY"))
    }

    @Test func aSecondConsoleIsTurnedAway() throws {
        let path = Self.socketPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let link = try ConsoleLink(listeningAt: path, session: "trial", scenario: "The Late Refund")
        let first = try #require(ConsoleSocket.connect(to: path))
        first.send(ConsoleMessage(width: 80, colour: false))
        #expect(link.service() == [.connected])
        let second = try #require(ConsoleSocket.connect(to: path))
        second.send(ConsoleMessage(width: 80, colour: false))
        #expect(link.service() == [], "the first stays the console")
        #expect(second.next(within: 1_000)?.session == "trial", "greeted, as every connection is")
        let refusal = try #require(second.next(within: 1_000))
        #expect(refusal.closed?.contains("Another console is already connected") == true)
        #expect(second.next(within: 1_000) == nil, "and let go")
        #expect(link.isConnected)
        first.close()
        #expect(link.service() == [.disconnected])
        #expect(!link.isConnected)
        link.close(reason: nil)
        #expect(!FileManager.default.fileExists(atPath: path), "the socket file goes with the room")
    }

    /// A connection that never says hello (a console that was only asking the room's name) does not
    /// keep the facilitator's console out.
    @Test func aConnectionThatNeverSaysHelloGivesWay() throws {
        let path = Self.socketPath()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let link = try ConsoleLink(listeningAt: path, session: "trial", scenario: "The Late Refund")
        let silent = try #require(ConsoleSocket.connect(to: path))
        #expect(link.service() == [])
        let console = try #require(ConsoleSocket.connect(to: path))
        console.send(ConsoleMessage(width: 80, colour: false))
        #expect(link.service() == [.connected])
        #expect(silent.next(within: 1_000)?.session == "trial")
        #expect(silent.next(within: 1_000) == nil, "the silent one was let go")
        #expect(console.next(within: 1_000)?.closed == nil)
    }

    /// The console's end reads only whole messages, and a line that is not one ends the connection.
    @Test func whatIsNotAMessageEndsTheConnection() throws {
        var framing = ConsoleFraming()
        let two = ConsoleMessage(line: "A").encoded() + ConsoleMessage(line: "B\nC").encoded()
        #expect(try framing.messages(after: two.prefix(5)) == [])
        #expect(try framing.messages(after: two.dropFirst(5)).map(\.line) == ["A", "B\nC"])
        #expect(throws: ConsoleFraming.Problem.notAMessage) { try framing.messages(after: Array("junk\n".utf8)) }
        var endless = ConsoleFraming()
        #expect(throws: ConsoleFraming.Problem.tooLong) {
            try endless.messages(after: [UInt8](repeating: 0x61, count: ConsoleMessage.maximumBytes + 1))
        }
    }
}
