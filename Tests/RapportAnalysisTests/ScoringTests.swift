import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import Testing

/// The learner's scale on hand-made scenarios whose answers are known: the best path reads +100%
/// overall, a run that gains and loses nothing 0%, the worst path -100%, and points that only a
/// silence can give or take do not count for a learner whose timers are off.
@Suite struct ScoringTests {
    /// Best path: Warm (+2 empathy, +1 respect) then Fix (+3 ownership) = +6. Worst: Shrug then
    /// Blame (-3) = -3. Shrug then Wait gains and loses nothing. Respect's best (+2, Cold then
    /// Polite) is on another path than the overall best, so per-dimension bests add up to more
    /// than one path can reach.
    let twoDecisions = """
        title: T
        customer: C
        == start
        * Warm.
          score: empathy +2, respect +1
          -> middle
        * Shrug.
          -> middle
        * Cold.
          score: empathy -1, respect +2
          -> polite
        == middle
        * Fix.
          score: ownership +3
          -> done
        * Wait.
          -> done
        * Blame.
          score: ownership -3
          -> done
        == polite
        * Blame.
          score: ownership -3
          -> done
        * Polite.
          score: respect -1
          -> done
        == done
        end good: fine
        """

    func run(_ text: String, _ choices: [Int], silences: Bool = true, silentFirst: Bool = false) throws -> ScoreReport {
        let scenario = try checked(text)
        var session = Session(scenario)
        if silentFirst { try session.stayedSilent() }
        for choice in choices { try session.choose(number: choice) }
        #expect(session.isOver)
        return Debrief(session: session, analysis: Analysis(scenario, silences: silences)).scores
    }

    @Test func theBestPathIsTheTop() throws {
        #expect(try run(twoDecisions, [1, 1]).overall == 100)
    }

    @Test func nothingGainedOrLostIsNeutral() throws {
        let report = try run(twoDecisions, [2, 2])
        #expect(report.overall == 0)
        #expect(report.dimensions.allSatisfy { $0.percent == 0 || $0.percent == nil })
    }

    @Test func theWorstPathIsTheBottom() throws {
        let report = try run(twoDecisions, [2, 3])
        #expect(report.overallTotal == -3)
        #expect(report.overallRange.worst == -3)
        #expect(report.overall == -100)
    }

    @Test func overallIsFromTotalsOnePathReaches() throws {
        let analysis = Analysis(try checked(twoDecisions))
        let perDimensionBests = analysis.ranges.compactMap(\.best).reduce(0, +)
        #expect(perDimensionBests == 7)  // respect +2 comes only with Cold
        #expect(analysis.overallRange.best == 6)
        #expect(try run(twoDecisions, [1, 1]).overall == 100)
    }

    /// Waiting out the silence gains 2; only a learner whose timers run can do it.
    let timed = """
        title: T
        customer: C
        == start
        silence 20s: C: ...and that's all.
          score: empathy +2
        * Answer.
          score: respect +1
          -> done
        * Interrupt.
          score: respect -1
          -> done
        == done
        end good: fine
        """

    @Test func silenceOnlyPointsDoNotCountWithTimersOff() throws {
        #expect(try run(timed, [1], silences: true).overall == 33, "with timers, the best waits out the silence (+3)")
        #expect(try run(timed, [1], silences: false).overall == 100, "without timers, answering is the best there is")
        #expect(try run(timed, [1], silences: true, silentFirst: true).overall == 100)
    }
}
