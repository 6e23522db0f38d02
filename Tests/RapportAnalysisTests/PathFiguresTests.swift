import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import Testing

/// The figures `rapport analyze` shows beside the ranges: decisions per playthrough, the overall
/// range on the way to each ending, the numbers on arrival at each node; and what exploring says
/// about outcomes and nodes never reached.
@Suite struct PathFiguresTests {
    let text = """
        title: T
        customer: C
        state: mood = 1 (0..3)
        == start
        * Warm.
          score: empathy +2
          set: mood += 1
          coach: warm
          -> middle
        * Cold.
          score: empathy -1
          set: mood -= 1
          coach: cold
          -> middle
        * Hang up.
          score: respect -2
          coach: gone
          -> poor
        == middle
        set: mood += 1
        * [if mood >= 2] Thank them.
          score: respect +1
          coach: thanks
          -> good
        * Chat a while.
          coach: chat
          -> chat
        == chat
        * Wrap up.
          coach: wrap
          -> mixed
        == good
        end good: g
        == mixed
        end mixed: m
        == poor
        end poor: p
        """

    @Test func decisionsPerPlaythrough() throws {
        let analysis = Analysis(try checked(text))
        #expect(analysis.decisionRange.fewest == 1)
        #expect(analysis.decisionRange.most == 3)
    }

    @Test func aLoopThroughAChoiceHasNoMost() throws {
        let looping = text.replacingOccurrences(of: "* Wrap up.", with: "* Again.\n  coach: again\n  -> chat\n* Wrap up.")
        let analysis = Analysis(try checked(looping))
        #expect(analysis.decisionRange.fewest == 1)
        #expect(analysis.decisionRange.most == nil)
    }

    @Test func theOverallRangeOnTheWayToEachEnding() throws {
        let analysis = Analysis(try checked(text))
        let ranges = Dictionary(uniqueKeysWithValues: zip(analysis.endings.map(\.node), analysis.overallRangeByEnding()))
        #expect(ranges["good"] == ScoreRange(worst: 3, best: 3))
        #expect(ranges["mixed"] == ScoreRange(worst: -1, best: 2))
        #expect(ranges["poor"] == ScoreRange(worst: -2, best: -2))
    }

    @Test func numbersOnArrivalAreBeforeTheNodesOwnLines() throws {
        let analysis = Analysis(try checked(text))
        let middle = try #require(analysis.valueRangesOnArrival().first { $0.node == "middle" })
        #expect(middle.values.map { "\($0.name) \($0.low)..\($0.high)" } == ["mood 0..2"])
        let chat = try #require(analysis.valueRangesOnArrival().first { $0.node == "chat" })
        #expect(chat.values.map { "\($0.name) \($0.low)..\($0.high)" } == ["mood 1..3"])
    }

    @Test func anOutcomeNoPlaythroughReachesIsReported() throws {
        let noMixed = text.replacingOccurrences(of: "end mixed: m", with: "end good: m")
        let analysis = Analysis(try checked(noMixed))
        #expect(analysis.diagnostics().map(\.code) == [.outcomeNeverReached])
        #expect(analysis.diagnostics().first?.message == "no playthrough reaches a mixed ending")
        let allowed = Analysis(try checked(noMixed + "\n// rapport: allow RP0207\n"))
        #expect(allowed.diagnostics().isEmpty)
    }

    @Test func aNodeNeverReachedSaysWhyItsWayInIsNotTaken() throws {
        let hidden = text.replacingOccurrences(of: "* [if mood >= 2] Thank them.", with: "* [if mood >= 9] Thank them.")
            .replacingOccurrences(of: "mood = 1 (0..3)", with: "mood = 1 (0..9)")
        let analysis = Analysis(try checked(hidden))
        let neverReached = try #require(analysis.diagnostics().first { $0.code == .nodeNeverReached })
        #expect(neverReached.note == "the choice 'Thank them.' at 'middle' (line 21) is never offered")
    }
}
