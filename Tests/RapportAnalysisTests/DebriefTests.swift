import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import Testing

/// The debrief built around the connection, on a hand-made scenario whose answers are known.
@Suite struct DebriefTests {
    /// Three decisions. At the first, "Warm" scores +2 and "Blunt" +1 but costs two trust; at the
    /// second, "Promise" is the only way to the good ending, "Deflect" the coach criticises; the
    /// third keeps or breaks the promise. The meter (trust) starts at 2.
    let scenario = """
        title: T
        customer: C
        state: trust = 2 (0..5)
        meter: trust
        == start
        moment: Hello
        C: Hi.
        * Warm.
          score: empathy +2
          set: trust += 1
          coach: Warm first.
          -> ask
        * Blunt.
          score: ownership +1
          set: trust -= 2
          coach: Quick, but cold.
          -> ask
        == ask
        C: Can you call me back?
        * Deflect.
          score: respect -1, ownership +3
          set: trust -= 1
          coach: Clever, but it dodges her question.
          -> later
        * Promise.
          score: ownership +1
          promise call: call her back by five
          coach: A time she can hold you to.
          -> later
        == later
        moment: The call
        * [if promised call] Call at five.
          keep: call
          set: trust += 2
          coach: Kept.
          -> close
        * Forget.
          set: trust -= 1
          coach: She waited.
          -> close
        == close
        [if kept call] -> good
        -> poor
        == good
        end good: She stays.
        == poor
        end poor: She leaves.
        """

    func played(_ choices: [Int]) throws -> Debrief {
        let checked = try checked(scenario)
        var session = Session(checked)
        for choice in choices { try session.choose(number: choice) }
        return Debrief(session: session, analysis: Analysis(checked, silences: false))
    }

    @Test func theMeterAndItsTurningPoints() throws {
        let debrief = try played([2, 2, 2])
        #expect(debrief.meter?.values == [2, 0, 0, 0])
        #expect(debrief.turningPoints.map(\.decision.label) == ["Hello"])
        #expect(debrief.turningPoints.map(\.to) == [0])
        // Forget at trust 0 cannot fall further: the meter did not move, so it is no turning point.
        let best = try played([1, 2, 1])
        #expect(best.meter?.values == [2, 3, 3, 5])
        #expect(best.turningPoints.map(\.decision.label) == ["Hello", "The call"])
    }

    @Test func forNextTimeIsTheDecisionThatClosedTheGoodEnding() throws {
        // Warm, Deflect, Forget: Deflect scores most there, but no good ending is reachable after it.
        let debrief = try played([1, 1, 1])
        let focus = try #require(debrief.focus)
        #expect(focus.label == "C: \"Can you call me back?\"")
        #expect(focus.closedABetterEnding)
        #expect(focus.better == "Promise.")
        #expect(debrief.suggestion.contains("\"Promise.\" A time she can hold you to."))
        #expect(debrief.suggestion.contains("a good ending was out of reach"))
    }

    @Test func betterIsNeverAChoiceTheCoachCriticises() throws {
        // After Blunt and Promise, kept: at the second decision Deflect would score more overall
        // (+2 against +1) but loses points on its own, so it is never offered as better.
        let debrief = try played([2, 2, 1])
        let second = debrief.decisions[1]
        #expect(second.better == nil)
        #expect(debrief.decisions.allSatisfy { $0.better != "Deflect." })
    }

    @Test func eachCoachNoteBelongsToItsChoice() throws {
        let debrief = try played([2, 1, 1])
        #expect(debrief.decisions.map(\.chosenCoach) == ["Quick, but cold.", "Clever, but it dodges her question.", "She waited."])
        #expect(debrief.decisions[0].better == "Warm.")
        #expect(debrief.decisions[0].betterCoach == "Warm first.")
    }

    @Test func promisesByTheirWordsWithWhereTheyWereMadeAndKept() throws {
        let kept = try played([1, 2, 1])
        #expect(kept.promises.map(\.description) == ["call her back by five"])
        #expect(kept.promises.first?.madeAt == "C: \"Can you call me back?\"", "an unmarked decision is named by what the customer had just said")
        #expect(kept.promises.first?.settledAt == "The call")
        #expect(kept.promises.first?.status == .kept)
        #expect(kept.focus == nil, "the best path leaves nothing to suggest")
        #expect(kept.scores.overall == 100)
    }

    @Test func playedForYouIsShownButNotJudged() throws {
        let checked = try checked(scenario)
        var session = try Session.replaying([.choice(id: "start.2", text: ScenarioText("Blunt."))], on: checked)
        try session.choose(number: 1)
        try session.choose(number: 1)
        let debrief = Debrief(session: session, analysis: Analysis(checked, silences: false), playedForYou: 1)
        #expect(debrief.decisions.first?.playedForYou == true)
        #expect(debrief.focus?.index != 0)
    }
}
