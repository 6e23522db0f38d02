import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import Testing

@Suite struct AnalysisTests {
    /// Two decisions whose best choices are known by hand.
    let branching = """
        title: T
        customer: C
        state: mood = 1 (0..2)
        == start
        * Warm.
          score: empathy +2, respect +1
          set: mood += 1
          coach: c
          -> middle
        * Cold.
          score: empathy -1
          set: mood -= 1
          coach: c
          -> middle
        == middle
        [if mood == 0] -> sad
        * Promise a call.
          promise call: call back
          coach: c
          -> close
        * Fix it now.
          score: ownership +3
          coach: c
          -> close
        == close
        * Call.
          keep: call
          coach: c
          -> happy
        * Forget.
          score: respect -1
          coach: c
          -> happy
        == happy
        end good: fine
        == sad
        end poor: lost
        """

    @Test func rangesOverEveryPath() throws {
        let analysis = Analysis(try checked(branching))
        #expect(analysis.ranges.map(\.best) == [1, 3, 2, 2])  // respect, ownership, empathy, follow-through
        #expect(analysis.ranges.map(\.worst) == [0, 0, -1, -2])  // 'forget' costs respect only after 'warm' earned it
        #expect(analysis.overallRange.best == 6)  // warm (+3) and fix it now (+3), then call or forget... call keeps nothing open
        #expect(analysis.overallRange.worst == -1)  // cold leads to 'sad' at once
        #expect(analysis.isTruncated == false)
        #expect(analysis.stuck.isEmpty && analysis.loops.isEmpty)
    }

    @Test func bestAndWorstPaths() throws {
        let analysis = Analysis(try checked(branching))
        #expect(analysis.bestPath.map(\.text) == ["Warm.", "Fix it now.", "Call."])
        #expect(analysis.worstPath.map(\.text) == ["Cold."])
    }

    /// A path encodes as the list of its moves, and two analyses of one file give equal paths.
    @Test func pathsAreTheirMoves() throws {
        let analysis = Analysis(try checked(branching))
        let moves = Array(analysis.bestPath)
        #expect(moves.map(\.choiceID) == ["start.1", "middle.2", "close.1"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // without it, key order can differ from one encoding to the next
        #expect(try encoder.encode(analysis.bestPath) == encoder.encode(moves))
        let again = Analysis(try checked(branching))
        #expect(again.bestPath == analysis.bestPath)
        #expect(again.bestPath.hashValue == analysis.bestPath.hashValue)
        #expect(analysis.bestPath != analysis.worstPath)
    }

    @Test func endingsAndHowToReachThem() throws {
        let analysis = Analysis(try checked(branching))
        #expect(analysis.endings.map(\.outcome) == [.good, .poor])
        #expect(analysis.endings.last?.example.map(\.text) == ["Cold."])
    }

    @Test func statesNotPaths() throws {
        // 20 decisions of two choices that rejoin: 2^20 paths but few states.
        var text = "title: T\ncustomer: C\n"
        for index in 0..<20 {
            text += "== n\(index)\n* a\n  score: respect +1\n  coach: c\n  -> n\(index + 1)\n* b\n  score: respect -1\n  coach: c\n  -> n\(index + 1)\n"
        }
        text += "== n20\nend good: ok\n"
        let analysis = Analysis(try checked(text))
        #expect(analysis.stateCount == 21)
        #expect(analysis.ranges[0] == ScoreRange(worst: -20, best: 20))
        #expect(analysis.bestPath.count == 20)
        // A long path is written as its ends, with how many moves are left out between them.
        let excerpt = analysis.bestPath.excerpt(atMost: 12)
        #expect(excerpt.first.map(\.node) == (0..<6).map { "n\($0)" })
        #expect(excerpt.omitted == 8)
        #expect(excerpt.last.map(\.node) == (14..<20).map { "n\($0)" })
        #expect(analysis.bestPath.excerpt(atMost: 20).omitted == 0)
    }

    @Test func findsStuckStatesAndHiddenChoices() throws {
        let text = """
            title: T
            customer: C
            state: angry = false
            == start
            * Provoke.
              set: angry = true
              coach: c
              -> next
            * Calm.
              coach: c
              -> next
            == next
            * [if not angry] Carry on.
              coach: c
              -> end
            * [if angry and not angry] Impossible.
              coach: c
              -> end
            == end
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.stuck.map(\.node) == ["next"])
        #expect(analysis.stuck.first?.example.map(\.text) == ["Provoke."])
        #expect(analysis.choicesNeverOffered.map(\.text) == ["Impossible."])
        let codes = analysis.diagnostics().map(\.code)
        #expect(codes.contains(.stuckState))
        #expect(codes.contains(.choiceNeverOffered))
    }

    @Test func loopThatRepeatsAScoreIsUnbounded() throws {
        let text = """
            title: T
            customer: C
            == start
            * Apologise again.
              score: empathy +1
              coach: c
              -> start
            * Move on.
              coach: c
              -> end
            == end
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.unboundedDimensions == ["empathy"])
        #expect(analysis.ranges[2].best == nil)
        let diagnostic = analysis.diagnostics().first { $0.code == .unboundedScore }
        #expect(diagnostic?.range.start.line == 4, "points at the choice that loops")
    }

    @Test func zeroWeightLoopIsFine() throws {
        let text = """
            title: T
            customer: C
            == start
            * Ask again.
              coach: c
              -> start
            * Help.
              score: ownership +2
              coach: c
              -> end
            == end
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.unboundedDimensions.isEmpty)
        #expect(analysis.ranges[1] == ScoreRange(worst: 2, best: 2))
        #expect(analysis.bestPath.map(\.text) == ["Help."])
    }

    @Test func conditionalLoopFoundByExploring() throws {
        let text = """
            title: T
            customer: C
            state: n = 0
            == start
            * Go.
              coach: c
              -> a
            * Stop.
              coach: c
              -> end
            == a
            [if n == 0] -> b
            end good: ok
            == b
            [if n == 0] -> a
            end good: ok
            == end
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.loops.map(\.node) == ["b"] || analysis.loops.map(\.node) == ["a"])
        #expect(analysis.diagnostics().map(\.code).contains(.loopsWithoutChoice))
    }

    /// A loop of choices whose only way out has a condition that can never hold: the checker sees a
    /// way out, only exploring finds that it never opens.
    @Test func trapClosedByAConditionIsAnError() throws {
        let text = """
            title: T
            customer: C
            state: n = 0 (0..3), open = false
            == start
            * Go round.
              coach: c
              -> a
            * Leave.
              coach: c
              -> done
            == a
            * Again.
              set: n += 1
              coach: c
              -> b
            * [if open] Out.
              coach: c
              -> done
            == b
            * Back.
              coach: c
              -> a
            == done
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.traps.map(\.node) == ["a"])
        #expect(analysis.traps.first?.nodes == ["a", "b"])
        #expect(analysis.traps.first?.example.map(\.text) == ["Go round."])
        #expect(analysis.stuck.isEmpty && analysis.loops.isEmpty)
        let trap = try #require(analysis.diagnostics().first { $0.code == .trapped })
        #expect(trap.severity == .error)
        #expect(trap.range.start.line == 11)

        // With the way out open, there is no trap.
        let fixed = Analysis(try checked(text.replacingOccurrences(of: "open = false", with: "open = true")))
        #expect(fixed.traps.isEmpty)
    }

    /// A state that only leads to a stuck state is not also called a trap: the stuck state is the news.
    @Test func stuckIsNotATrap() throws {
        let text = """
            title: T
            customer: C
            state: n = 0
            == start
            * Go.
              coach: c
              -> a
            == a
            * [if n == 1] Out.
              coach: c
              -> done
            == done
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.stuck.map(\.node) == ["a"])
        #expect(analysis.traps.isEmpty)
    }

    @Test func stateLimitIsADiagnosticNotAHang() throws {
        let text = """
            title: T
            customer: C
            state: n = 0 (0..1000)
            == start
            [if n >= 1000] -> end
            * Count.
              set: n += 1
              coach: c
              -> start
            == end
            end good: ok
            """
        let analysis = Analysis(try checked(text), stateLimit: 100)
        #expect(analysis.isTruncated)
        #expect(analysis.diagnostics().map(\.code) == [.stateSpaceTooLarge])
        #expect(Analysis(try checked(text)).stateCount == 1001)
    }

    /// Exploring costs states times the size of the conditions tested in each: long conditions in
    /// a large state space stop at the work limit, with a diagnostic that says why.
    @Test func workLimitStopsLongConditionsInManyStates() throws {
        let long = (1...16).map { "n != \($0 * 1000)" }.joined(separator: " and ")
        let text = """
            title: T
            customer: C
            state: n = 0 (0..1000)
            == start
            [if n >= 1000] -> end
            * [if \(long)] Count.
              set: n += 1
              coach: c
              -> start
            == end
            end good: ok
            """
        let scenario = try checked(text)
        let stopped = Analysis(scenario, limits: Analysis.Limits(states: 1_000_000, work: 20_000))
        #expect(stopped.stoppedBy == .work)
        #expect(stopped.stateCount < 1001)
        let diagnostic = try #require(stopped.diagnostics().first)
        #expect(diagnostic.code == .stateSpaceTooLarge)
        #expect(diagnostic.message.hasPrefix("exploring this scenario would take too long"))
        // A move from each state counts the node's conditions twice, to list the choices and on
        // arrival: the choice's condition of 16 comparisons and 15 'and's (3 and 1 terms), the
        // step's one comparison, and the node.
        #expect(Analysis(scenario).stoppedBy == nil)
        // States are expanded until the work reaches the limit, each finding one new state.
        let perState = 2 * (1 + 16 * 3 + 15 + 3)
        #expect(stopped.stateCount == (20_000 + perState - 1) / perState + 1)
    }

    @Test func silenceIsAnAction() throws {
        let text = """
            title: T
            customer: C
            == start
            silence 10s: C: Hello?
              score: empathy -2
            * Hi.
              coach: c
              -> end
            == end
            end good: ok
            """
        let analysis = Analysis(try checked(text))
        #expect(analysis.ranges[2] == ScoreRange(worst: -2, best: 0))
        #expect(analysis.worstPath.map(\.text) == ["(silence)", "Hi."])
    }

    /// Issue 17: equal outcomes are equally best, in every place that names a best choice.
    @Test func equalOutcomesAreEquallyBest() throws {
        let scenario = try checked(
            """
            title: T
            customer: C
            == start
            * Sorry, let me fix it.
              score: empathy +2
              coach: c
              -> end
            * I'm sorry; I'll fix it now.
              score: empathy +2
              coach: c
              -> end
            * Not my problem.
              score: empathy -1
              coach: c
              -> end
            == end
            end good: fine
            """)
        let analysis = Analysis(scenario)
        let session = Session(scenario)
        let judgement = analysis.judgement(at: session.state)
        #expect(judgement.best == [.choose(0), .choose(1)])
        #expect(judgement.isBest(.choose(1)))
        #expect(judgement.pointsGivenUp(by: .choose(1)) == 0)
        #expect(judgement.pointsGivenUp(by: .choose(2)) == 3)
        // Play's debrief, on the second of the two: no "better" choice.
        var played = session
        try played.choose(number: 2)
        let debrief = Debrief(session: played, analysis: analysis)
        #expect(debrief.decisions[0].better == nil)
        #expect(debrief.decisions[0].pointsMissed == 0)
        // Among the options a room has (no silence), the same.
        #expect(analysis.judgement(at: session.state, among: [.choose(1), .choose(2)]).best == [.choose(1)])
    }
}
