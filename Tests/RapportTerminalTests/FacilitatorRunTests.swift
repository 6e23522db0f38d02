import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportTestSupport
import RapportWorkshop
import Testing

/// Whole facilitated sessions of the fixture scenario Tests/Fixtures/workshop.scenario, driven by
/// scripted input, compared with golden files.
@Suite struct FacilitatorRunTests {
    static let golden = Golden(besides: #filePath)

    final class Saves: @unchecked Sendable {
        var records: [WorkshopRecord] = []
    }

    static func run(_ name: String, teams: [String], input: [LineEvent], height: Int? = nil) throws -> (String, Workshop, Saves) {
        let scenario = try fixture(name)
        let saves = Saves()
        var renderer = FacilitatorRenderer(style: Style(colour: false, plain: false, width: 80), clearsScreen: false)
        renderer.height = height
        var run = FacilitatorRun(
            workshop: Workshop(scenario: scenario, teams: teams), analysis: Analysis(scenario),
            reader: ScriptedLineReader(input), output: BufferOutput(),
            renderer: renderer,
            save: { record in
                saves.records.append(record)
                return nil
            })
        _ = run.run()
        return (run.output.text, run.workshop, saves)
    }

    /// On a short terminal (a projector's large font) a decision that would scroll is drawn without
    /// its blank lines, so the title and the situation stay on screen above the options.
    @Test(arguments: [24, 40])
    func decisionFitsTheTerminalsHeight(height: Int) throws {
        let (text, _, _) = try Self.run("workshop", teams: [], input: [.line(":quit")], height: height)
        let screen = String(text[..<(try #require(text.range(of: "Type the votes")).lowerBound)])
        // Without the newline before the screen and the empty piece after its last newline.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().dropLast()
        #expect(lines.first?.hasPrefix("── The Late Refund: decision 1") == true)
        #expect(["  A   ", "  B   ", "  C   ", "Discuss:"].allSatisfy { part in lines.contains { $0.hasPrefix(part) } })
        let (unlimited, _, _) = try Self.run("workshop", teams: [], input: [.line(":quit")])
        if height == 24 {
            // The screen, the prompt line and the line typed after it fit in 24 lines.
            #expect(lines.count + 2 <= 24, "\(lines.count) lines")
            #expect(!screen.contains("\n\n  B   "))
        } else {
            // Room enough: drawn as when the height is not known.
            #expect(unlimited.hasPrefix(screen))
            #expect(screen.contains("\n\n  B   "))
        }
    }

    @Test func teamSessionWithTieUndoRevealAndDebrief() throws {
        let input: [LineEvent] = [
            .line(":help"),
            .line("Red A, Blue Z, Green A"),  // a typo: nothing recorded
            .line(":timer 1m"), .silence, .silence,  // the countdown ticks
            .line("A B C"), .line("D"), .line("B"),  // a three-way tie; the facilitator picks B
            .line(":back"),  // undo it
            .line("Red A, Blue A, Green C"), .line(""),  // A wins; Enter reveals
            .line(":notes"), .line(""),  // Enter moves on
            .line("A A B"), .line(":reveal"), .line(""),
            .line(":scores"),
            .line("A A A"), .line(""), .line(""),  // the last decision
        ]
        let (text, workshop, saves) = try Self.run("workshop", teams: ["Red", "Blue", "Green"], input: input)
        #expect(workshop.isOver)
        #expect(text.contains("A tie between A and B and C"))
        #expect(text.contains("The last vote is undone."))
        #expect(text.contains("Blue needs a pick after its name"))
        // A save after every change: the opening, each vote, undo, reveal and next step, the end.
        #expect(saves.records.count == 13)
        #expect(saves.records.map(\.currentStage).filter { $0 == .voted }.count == 4, "the tie's vote (undone), then one for each decision")
        #expect(saves.records.last == workshop.record)
        #expect(!text.contains("\u{1B}"))
        Self.golden.assertMatches(text, "facilitate-teams-workshop.txt")
    }

    @Test func roomTallySession() throws {
        let input: [LineEvent] = [.line("A5 B3 C1"), .line(""), .line(""), .line("4 4 1"), .line("A"), .line(""), .line(":end")]
        let (text, workshop, _) = try Self.run("workshop", teams: [], input: input)
        #expect(workshop.record.decisions.count == 2)
        #expect(workshop.record.decisions[1].tieBroken)
        Self.golden.assertMatches(text, "facilitate-room-workshop.txt")
    }

    /// The room votes on the first step and the session ends before anyone reveals it.
    @Test func nothingOfTheScoringBeforeTheReveal() throws {
        let (text, workshop, _) = try Self.run("workshop", teams: [], input: [.line("A5 B3 C1")])
        #expect(workshop.record.decisions.count == 1)
        let beforeDebrief = try #require(text.components(separatedBy: "── Debrief").first)
        #expect(beforeDebrief.contains("The room goes with"))
        #expect(!beforeDebrief.contains("Coach:"))
        #expect(!beforeDebrief.contains("respect +"))
        #expect(text.contains("Coach:") || text.contains("respect +"), "the debrief shows them")
    }
}
