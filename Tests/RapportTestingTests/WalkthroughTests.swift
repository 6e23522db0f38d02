import RapportEngine
import RapportLanguage
import RapportTestSupport
import RapportTesting
import Testing

@Suite struct WalkthroughTests {
    let scenarioText = """
        title: T
        customer: Dana
        == start
        Dana: Hello.
        silence 5s: Dana: Anyone there?
          score: empathy -1
        * I'm sorry about the wait.
          score: empathy +1
          promise call: call back
          coach: c
          -> next
        * Account number?
          score: respect -1
          coach: c
          -> next
        == next
        * Call her back.
          keep: call
          coach: c
          -> good
        * Leave it.
          break: call
          coach: c
          -> poor
        == good
        Dana: Thanks.
        end good: fine
        == poor
        end poor: lost
        """

    func run(_ tests: String) throws -> ([WalkResult], [Diagnostic]) {
        let scenario = try checked(scenarioText)
        let (file, problems) = WalkthroughFile.parse(SourceFile(name: "t.tests", text: tests))
        return (WalkthroughRunner.run(file, on: scenario), problems)
    }

    /// A line of a walk is held to a scenario's line limit: a 90 KB 'choose:' (found by the fuzzer,
    /// which took 15 s matched against every fixture under instrumentation) is refused unread.
    @Test func aLineBeyondTheLimitIsRefusedUnread() throws {
        let long = "choose: " + String(repeating: "word ", count: 18_000)
        let source = SourceFile(name: "long.tests", text: "== best path\n\(long)\nchoose: 1\n")
        let (file, problems) = WalkthroughFile.parse(source)
        #expect(problems.count == 1)
        #expect(problems.first?.code == .beyondLimit)
        #expect(problems.first?.range.start.line == 2)
        #expect(problems.first?.message.contains("a line can be at most 4000 bytes") == true)
        #expect(file.walks.first?.steps.count == 1, "the lines around it are read")
    }

    @Test func passingWalks() throws {
        let (results, problems) = try run(
            """
            // comments are fine
            == best
            expect choices: 2
            choose: i'm sorry
            expect open: call
            choose: 1
            expect kept: call
            expect line: thanks
            expect node: next
            expect ending: good
            expect score: empathy 1, follow-through 2

            == silent then rude
            silence
            choose: 2
            choose: Leave
            expect ending: poor
            expect ending: poor
            expect score: respect -1, empathy -1
            """)
        #expect(problems.isEmpty)
        #expect(results.map(\.passed) == [true, true])
    }

    @Test func failuresPointAtTheirLine() throws {
        let (results, _) = try run(
            """
            == wrong
            choose: 1
            expect score: empathy 5
            expect kept: call
            choose: 9
            expect ending: good
            """)
        let failures = results[0].failures
        #expect(failures.map(\.range.start.line) == [3, 4, 5])
        #expect(failures[0].message == "wrong: scores differ: empathy 1 (expected 5)")
        #expect(failures[1].message == "wrong: expected the promise 'call' to be kept, but it is open")
        #expect(failures[2].message == "wrong: there is no choice 9 at 'next'")
        #expect(failures.allSatisfy { $0.code == .walkFailed })
    }

    @Test func ambiguousAndMissingChoices() throws {
        let (results, _) = try run("== a\nchoose: zzz\n== b\nsilence\nsilence\n")
        #expect(results[0].failures.first?.message == "a: no choice on offer at 'start' starts with 'zzz'")
        #expect(results[1].failures.first?.message == "b: nothing happens on silence at 'start'")
    }

    @Test(arguments: [
        ("choose: 1\n", "this line comes before the first walk"),
        ("== w\nchose: 1\n", "'chose' is not a walk step"),
        ("== w\nexpect ending\n", "'expect ending' needs a colon"),
        ("== w\nexpect my mood: 3\n", "'expect my mood' is not something a walk can expect"),
        ("== w\nexpect score: empathy\n", "'empathy' is not a dimension and a total"),
        ("== w\nchoose: 0\n", "choices are numbered from 1"),
        ("== w\nexpect choices: many\n", "'many' is not a number of choices"),
    ])
    func malformedLines(text: String, message: String) throws {
        let (_, problems) = try run(text)
        #expect(problems.map(\.message) == [message])
        #expect(problems.allSatisfy { $0.code == .malformedWalk })
    }
}

@Suite struct RandomPlayTests {
    @Test func seededRunsRepeat() throws {
        let scenario = try checked(minimalScenario)
        let a = RandomPlay.run(scenario, playthroughs: 50, seed: 3)
        let b = RandomPlay.run(scenario, playthroughs: 50, seed: 3)
        #expect(a.decisions == b.decisions)
        #expect(a.endings == b.endings)
        #expect(a.endings.values.reduce(0, +) == 50)
        #expect(a.choicesNeverTaken.isEmpty)
    }

    @Test func reportsWhatWasNeverReached() throws {
        let scenario = try checked(minimalScenario)
        let report = RandomPlay.run(scenario, playthroughs: 0, seed: 1)
        #expect(report.nodesNeverReached == ["start", "done"])
        #expect(report.choicesNeverTaken.count == 2)
    }

    let minimalScenario = """
        title: T
        customer: C
        == start
        * One.
          coach: c
          -> done
        * Two.
          coach: c
          -> done
        == done
        end good: ok
        """
}

/// The expectations added for trainers: a state value or the meter, the decisions on any path, and
/// text typed in a word processor.
@Suite struct WalkthroughExpectationTests {
    let scenarioText = """
        title: T
        customer: Dana
        state: trust = 2 (0..5), escalated = false
        meter: trust
        == start
        Dana: I’ve waited – twice.
        * I’m sorry about the wait.
          set: trust += 1
          coach: c
          -> next
        * Let me escalate it.
          set: escalated = true
          coach: d
          -> next
        == next
        * Close.
          coach: e
          -> done
        == done
        end good: fine
        """

    func run(_ tests: String) throws -> ([WalkResult], [Diagnostic]) {
        let scenario = try checked(scenarioText)
        let (file, problems) = WalkthroughFile.parse(SourceFile(name: "t.tests", text: tests))
        return (WalkthroughRunner.run(file, on: scenario), problems)
    }

    @Test func statesTheMeterAndDecisionsPass() throws {
        let (results, problems) = try run(
            """
            == w
            expect trust: 2
            expect escalated: false
            choose: I'm sorry
            expect meter: 3
            expect trust: +3
            expect decisions at least 2
            expect decisions: at most 2
            expect line: I've waited - twice
            """)
        #expect(problems.isEmpty)
        #expect(results.allSatisfy { $0.passed }, "\(results.flatMap(\.failures).map(\.message))")
    }

    @Test func wordProcessorQuotesChooseTheSameChoice() throws {
        let (results, _) = try run("== w\nchoose: I’m sorry\nexpect trust: 3\n== x\nchoose: “Let me\n")
        #expect(results[0].passed)
        #expect(!results[1].passed, "a choice's text has no quotation mark to match")
    }

    @Test func failuresSayWhatIsWrong() throws {
        let (results, problems) = try run(
            """
            == w
            expect trust: 4
            expect escalated: maybe
            expect trsut: 2
            expect decisions at least 3
            expect decisions at most 1
            """)
        #expect(problems.isEmpty)
        let failures = results[0].failures
        #expect(failures.map(\.message) == [
            "w: expected 'trust' to be 4, but it is 2",
            "w: 'maybe' is not a value 'escalated' can have",
            "w: 'trsut' is not something a walk can expect, nor a state value of this scenario",
            "w: expected every path to take at least 3 decisions, but one takes 2",
            "w: expected every path to take at most 1 decisions, but one takes 2",
        ])
        #expect(failures.map(\.code) == [.walkFailed, .malformedWalk, .malformedWalk, .walkFailed, .walkFailed])
        #expect(failures[2].fixIt?.replacement == "trust")
    }

    @Test func aLineNotShownSaysWhatWasShown() throws {
        let (results, _) = try run("== w\nexpect line: goodbye\n")
        #expect(results[0].failures.first?.note == "the last lines shown: 'Dana: I’ve waited – twice.'")
    }

    @Test func decisionsThatCannotBeReadAreReported() {
        let (_, problems) = WalkthroughFile.parse(SourceFile(name: "t.tests", text: "== w\nexpect decisions at leastways 3\n"))
        #expect(problems.map(\.code) == [.malformedWalk])
    }
}
