import Foundation
@testable import RapportEngine
import RapportLanguage
import Testing

@Suite struct SessionTests {
    @Test func opensWithTheFirstNode() throws {
        let session = Session(try scenario(callback))
        #expect(session.step.node == "start")
        #expect(session.step.lines == [Line(speaker: "Dana", text: "You charged me twice.")])
        #expect(session.step.coachNote == nil)
        #expect(session.step.choices.map(\.number) == [1, 2])
        #expect(session.step.moment == "Opening")
        #expect(session.step.silenceSeconds == 20)
        #expect(!session.isOver)
    }

    /// A move's events are its own (the choice's effects, or the silence and its effects) and then
    /// those of arriving (a node's effects, a promise broken there): the step says where they part,
    /// so a front end can show the second kind after the lines that explain them.
    @Test func theStepSaysWhichEventsTheMoveMadeAndWhichCameOnArrival() throws {
        let text = """
            title: Arrival
            id: arrival
            customer: Dana
            state: trust = 2 (0..5)

            == start
            silence 10s: Dana: Hello?
              set: trust -= 1
            Dana: Will you call me?
            * I'll call at four.
              score: ownership +1
              promise call: call Dana at four
              -> late
            * No.
              -> done

            == late
            It is five, and you did not call.
            break: call
            set: trust -= 1
            * Sorry.
              -> done

            == done
            end mixed: Done.
            """
        var session = Session(try scenario(text))
        #expect(session.step.actionEventCount == 0)
        let silent = try session.stayedSilent()
        #expect(session.step.actionEventCount == silent.count, "a silence that stays: all its own")
        #expect(silent.first == .silence(Line(speaker: "Dana", text: "Hello?")))
        let events = try session.choose(number: 1)
        let own = session.step.actionEventCount
        #expect(own == 2, "\(events)")
        #expect(events.prefix(own).contains(.promiseMade(name: "call", description: "call Dana at four")))
        #expect(events.dropFirst(own).contains(.promiseBroken(name: "call")))
        #expect(events.dropFirst(own).contains(.stateChanged(name: "trust", from: 1, to: 0)))
    }

    @Test func speakerNameIsAsWritten() throws {
        let session = Session(try scenario(callback))
        #expect(session.step.lines.first?.speaker == "Dana")
    }

    @Test func bestPathKeepsThePromise() throws {
        var session = Session(try scenario(callback))
        try session.choose(number: 1)
        try session.choose(number: 1)
        #expect(session.status(ofPromise: "callback") == .open)
        #expect(session.step.choices.count == 2)
        try session.choose(number: 1)
        #expect(session.step.ending?.outcome == .good)
        #expect(session.total(of: "respect") == 1)
        #expect(session.total(of: "ownership") == 2)
        #expect(session.total(of: "follow-through") == 2)
        #expect(session.status(ofPromise: "callback") == .kept)
        #expect(session.events.contains(.promiseKept(name: "callback")))
    }

    @Test func brokenPromiseCosts() throws {
        var session = Session(try scenario(callback))
        try session.choose(number: 1)
        try session.choose(number: 1)
        try session.choose(number: 2)
        #expect(session.step.ending?.outcome == .mixed)
        #expect(session.total(of: "follow-through") == -2)
    }

    @Test func openPromiseAtTheEndCosts() throws {
        let text = """
            title: T
            customer: C
            promises: kept +3, broken -1, open -4
            == start
            * Promise.
              promise p: something
              coach: c
              -> end
            == end
            [if kept p] never
            end good: done
            == other
            keep: p
            end good: unreachable but keeps
            """
        var session = Session(try scenario(text))
        try session.choose(number: 1)
        #expect(session.isOver)
        #expect(session.total(of: "follow-through") == -4)
        #expect(session.events.contains(.promiseLeftOpen(name: "p")))
        #expect(session.transcript.result?.totals.first { $0.dimension == "follow-through" }?.total == -4)
    }

    @Test func eachStepCarriesTheCoachNoteOfWhatLedThere() throws {
        var session = Session(try scenario(callback))
        try session.stayedSilent()
        #expect(session.step.coachNote == nil)
        try session.choose(number: 1)
        #expect(session.step.coachNote == "Ownership first.")
        try session.choose(number: 2)
        #expect(session.step.coachNote == "Vague.")
    }

    /// A promise made again is a new promise under the same name: whatever it was (kept, broken or
    /// open), it is open again, and keeping or breaking it scores again.
    @Test func aPromiseMadeAgainIsOpenAgain() throws {
        let again = """
            title: Again
            customer: Dana Okafor

            == start
            * I'll call you back today.
              promise callback: call Dana back today
              coach: c
              -> call
            == call
            * [if promised callback] Call her.
              keep: callback
              coach: c
              -> again
            == again
            [if kept callback] Dana: Thanks. Call me again tomorrow?
            * I'll call you tomorrow too.
              promise callback: call Dana back tomorrow
              coach: c
              -> second
            == second
            * [if promised callback] Call her again.
              keep: callback
              coach: c
              -> done
            * [if kept callback] Nothing to do.
              coach: c
              -> done
            == done
            end good: Done.
            """
        var session = Session(try scenario(again))
        try session.choose(number: 1)
        try session.choose(number: 1)
        #expect(session.status(ofPromise: "callback") == .kept)
        #expect(session.total(of: "follow-through") == 2)
        try session.choose(number: 1)
        #expect(session.status(ofPromise: "callback") == .open)
        #expect(session.step.choices.map(\.text) == ["Call her again."])
        try session.choose(number: 1)
        #expect(session.status(ofPromise: "callback") == .kept)
        #expect(session.total(of: "follow-through") == 4)
    }

    /// Without a follow-through dimension, promises are tracked (conditions, events, the record) but
    /// move no score.
    @Test func promisesWithoutFollowThroughScoreNothing() throws {
        let noFollowThrough = """
            title: Plain
            customer: Dana Okafor
            dimensions: respect, empathy

            == start
            * I'll call you back.
              promise callback: call Dana back
              score: respect +1
              coach: c
              -> later
            == later
            * [if promised callback] Forget it.
              break: callback
              coach: c
              -> done
            == done
            end mixed: Done.
            """
        var session = Session(try scenario(noFollowThrough))
        try session.choose(number: 1)
        try session.choose(number: 1)
        #expect(session.status(ofPromise: "callback") == .broken)
        #expect(session.totals == [1, 0])
        #expect(session.events.contains(.promiseBroken(name: "callback")))
        #expect(!session.events.contains { if case .scored(_, _, .promiseBroken) = $0 { true } else { false } })
    }

    @Test func hiddenChoiceIsNotOffered() throws {
        var session = Session(try scenario(callback))
        try session.choose(number: 1)
        try session.choose(number: 2)  // no promise made
        #expect(session.step.choices.map(\.text) == ["Wait for news."])
        try session.choose(number: 1)
        #expect(session.total(of: "follow-through") == -1, "break on a promise never made does nothing")
    }

    @Test func boundsClampAndConditionsRoute() throws {
        var session = Session(try scenario(callback))
        try session.stayedSilent()
        #expect(session.value(of: "patience") == 1)
        #expect(session.step.silenceSeconds == nil, "a silence happens once per visit")
        #expect(session.step.lines.map(\.text) == ["Hello?"])
        try session.choose(number: 2)
        #expect(session.value(of: "patience") == 0, "clamped at the lower limit")
        #expect(session.step.ending?.outcome == .poor)
        #expect(session.value(of: "escalated") == 1)
        #expect(session.step.lines.map(\.text) == ["Dana hangs up."])
        #expect(session.total(of: "empathy") == -1)
    }

    @Test func invalidRequestsAreErrors() throws {
        var session = Session(try scenario(callback))
        #expect(throws: PlayError.noSuchChoice("nope")) { try session.choose("nope") }
        #expect(throws: PlayError.noSuchChoice("7")) { try session.choose(number: 7) }
        try session.choose(number: 1)
        #expect(throws: PlayError.noSilenceHere) { try session.stayedSilent() }
        try session.choose(number: 1)
        try session.choose(number: 1)
        #expect(throws: PlayError.conversationOver) { try session.choose(number: 1) }
        #expect(throws: PlayError.conversationOver) { try session.stayedSilent() }
    }

    @Test func runtimeGuardStopsALoopTheCheckerAllowed() throws {
        let text = """
            title: T
            customer: C
            state: n = 0
            == start
            [if n >= 0] -> b
            end good: never
            == b
            [if n >= 0] -> start
            end good: never
            """
        let session = Session(try scenario(text))
        #expect(session.step.status == .endlessLoop)
        #expect(session.isOver)
    }

    @Test func choiceLoopsAreFine() throws {
        let text = """
            title: T
            customer: C
            == start
            * Ask again.
              coach: c
              -> start
            * Done.
              coach: c
              -> end
            == end
            end good: ok
            """
        var session = Session(try scenario(text))
        for _ in 0..<5 { try session.choose(number: 1) }
        try session.choose(number: 2)
        #expect(session.step.ending?.outcome == .good)
        #expect(session.path.count == 7)
    }

    @Test func revealShowsWhatEachChoiceWouldDo() throws {
        var session = Session(try scenario(callback))
        try session.choose(number: 1)
        let reveal = session.reveal()
        #expect(reveal.count == 2)
        #expect(reveal[0].coach == "Specific.")
        #expect(reveal[0].effects == [.promiseMade(name: "callback", description: "call Dana by 3pm")])
        #expect(reveal[0].leadsTo == "later")
        #expect(reveal[1].deltas.map(\.dimension) == ["follow-through"])
        #expect(reveal[1].deltas.map(\.delta) == [-1])
        #expect(session.status(ofPromise: "callback") == .notMade, "revealing changes nothing")
    }
}

@Suite struct TranscriptTests {
    func play(_ numbers: [Int], silenceFirst: Bool = false) throws -> Session {
        var session = Session(try scenario(callback))
        if silenceFirst { try session.stayedSilent() }
        for number in numbers { try session.choose(number: number) }
        return session
    }

    func json(_ transcript: Transcript) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(transcript)
    }

    @Test func sameChoicesSameTranscriptByteForByte() throws {
        let first = try json(try play([1, 1, 1], silenceFirst: true).transcript)
        let second = try json(try play([1, 1, 1], silenceFirst: true).transcript)
        #expect(first == second)
        #expect(first != (try json(try play([1, 1, 2]).transcript)))
    }

    @Test func roundTripsThroughJSON() throws {
        let transcript = try play([1, 1, 1], silenceFirst: true).transcript
        let decoded = try JSONDecoder().decode(Transcript.self, from: try json(transcript))
        #expect(decoded == transcript)
        #expect(decoded.version == Transcript.formatVersion)
        #expect(decoded.actions.count == 4)
        #expect(decoded.result?.ending?.outcome == .good)
    }

    @Test func replaysExactly() throws {
        let original = try play([1, 1, 2], silenceFirst: true)
        let replayed = try Session.replay(original.transcript, on: try scenario(callback))
        #expect(replayed.transcript == original.transcript)
        #expect(replayed.totals == original.totals)
    }

    @Test func detectsAChangedScenario() throws {
        let original = try play([1, 1, 1])
        let edited = try scenario(callback.replacingOccurrences(of: "Thanks for calling.", with: "Thank you for calling."))
        #expect(throws: ReplayError.scenarioChanged) { try Session.replay(original.transcript, on: edited) }
        #expect(throws: ReplayError.diverged(step: 3, reason: "what was shown or offered is not what the record says")) {
            try Session.replay(original.transcript, on: edited, allowChangedScenario: true)
        }
    }

    /// A transcript names the file played by its fingerprint, comments and all.
    @Test(arguments: [0, 1_000])
    func carriesTheFilesFingerprint(padding: Int) throws {
        let text = callback + String(repeating: "\n// " + String(repeating: "x", count: 1_000), count: padding) + "\n"
        var session = Session(try scenario(text))
        try session.choose(number: 1)
        #expect(session.transcript.scenario.hash == Fingerprint.of(Array(text.utf8)))
        #expect(session.transcript.scenario.hash == session.scenario.sourceHash)
        #expect(session.transcript.steps.count == 2)
    }

    @Test func rejectsOtherVersionsAndScenarios() throws {
        var transcript = try play([1]).transcript
        transcript.version = 99
        #expect(throws: ReplayError.unsupportedVersion(99)) { try Session.replay(transcript, on: try scenario(callback)) }
        let other = try scenario(callback, name: "other.scenario")
        #expect(throws: ReplayError.differentScenario(expected: "test", found: "other")) {
            try Session.replay(try play([1]).transcript, on: other)
        }
    }
}

@Suite struct ScoreReportTests {
    @Test func theScaleIsAnchoredAtZero() {
        let range = ScoreRange(worst: -4, best: 8)
        #expect(range.percent(of: 8) == 100)
        #expect(range.percent(of: 0) == 0)
        #expect(range.percent(of: -4) == -100)
        #expect(range.percent(of: 4) == 50)
        #expect(range.percent(of: -1) == -25)
        #expect(range.percent(of: 20) == 100, "beyond the range is clamped")
    }

    @Test func onlyTheEndsReadAsTheEnds() {
        let range = ScoreRange(worst: -300, best: 300)
        #expect(range.percent(of: 299) == 99, "one short of the best is not the best")
        #expect(range.percent(of: 1) == 1, "a point gained is not nothing")
        #expect(range.percent(of: -1) == -1)
        #expect(range.percent(of: -299) == -99)
    }

    @Test func percentagesOfWhatIsPossible() {
        let report = ScoreReport(
            totals: [2, 0, 5], dimensionNames: ["respect", "empathy", "ownership"],
            ranges: [ScoreRange(worst: -2, best: 6), ScoreRange(worst: 0, best: 0), ScoreRange(worst: nil, best: 9)],
            overallRange: ScoreRange(worst: -2, best: 14), ending: nil)
        // Ownership has no lower limit, but a positive total is a share of its best all the same.
        #expect(report.dimensions.map(\.percent) == [33, nil, 55])
        #expect(report.overallTotal == 7)
        #expect(report.overall == 50, "overall is the sum against the sum's range, not a mean of dimensions")
    }

    @Test func aSideWithoutLimitHasNoShare() {
        let range = ScoreRange(worst: nil, best: 4)
        #expect(range.percent(of: -2) == nil)
        #expect(range.percent(of: 0) == 0)
        #expect(range.percent(of: 4) == 100)
    }

    @Test func noApplicableRangeHasNoOverall() {
        let report = ScoreReport(
            totals: [0], dimensionNames: ["respect"], ranges: [ScoreRange(worst: 1, best: 1)],
            overallRange: ScoreRange(worst: 1, best: 1), ending: nil)
        #expect(report.overall == nil)
        #expect(report.dimensions[0].range.isApplicable == false)
    }
}

@Suite struct SeededRandomTests {
    @Test func sameSeedSameSequence() {
        var a = SeededRandom(seed: 7)
        var b = SeededRandom(seed: 7)
        var c = SeededRandom(seed: 8)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
    }
}
