import Foundation
import GRDB
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import Testing

@testable import RapportRecords

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ text: String) { now = ISO8601DateFormatter().date(from: text)! }

    func read() -> Date { lock.withLock { now } }
    func advance(days: Int) { lock.withLock { now += TimeInterval(days * 86_400) } }
}

/// A fresh folder for one test's database.
func scratchDatabase(_ label: String = #function) -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "rapport-records-\(label.filter(\.isLetter))-\(getpid())-\(UUID().uuidString.prefix(8))")
    return folder.appendingPathComponent("progress.sqlite").path
}

@Suite struct ProgressStoreTests {
    let clock = TestClock("2026-03-02T09:00:00Z")

    func open(_ path: String) throws -> ProgressStore {
        let clock = self.clock
        return try ProgressStore.open(at: path, clock: { clock.read() })
    }

    func play(_ scenario: CheckedScenario, _ choices: [Int]) throws -> Session {
        var session = Session(scenario)
        for choice in choices { try session.choose(number: choice) }
        return session
    }

    @Test func anAttemptIsSavedStepByStep() throws {
        let path = scratchDatabase()
        let store = try open(path)
        let scenario = try fixture("constructs")
        var session = Session(scenario)
        let id = try store.begin(AttemptStart(learner: "ana", mode: .practice, timers: true), session: session)
        try session.choose(number: 1)
        try store.record(id, session: session)
        // Another process opening the file now sees the action already there.
        let other = try open(path)
        let unfinished = try other.unfinished(learner: "ana")
        #expect(unfinished.map(\.id) == [id])
        #expect(unfinished[0].actions == [.choice(id: session.transcript.actions.compactMap { if case .choice(let id, _) = $0 { id } else { nil } }[0])])
        #expect(unfinished[0].fingerprint == scenario.sourceHash)
        let resumed = try unfinished[0].session(on: scenario)
        #expect(resumed.state == session.state)
        #expect(resumed.totals == session.totals)
    }

    @Test func aFinishedAttemptKeepsItsDebrief() throws {
        let store = try open(scratchDatabase())
        let scenario = try fixture("constructs")
        let session = try play(scenario, [2, 1, 1])
        #expect(session.isOver)
        let id = try store.begin(AttemptStart(learner: "ana", mode: .assessment, timers: false), session: Session(scenario))
        let debrief = Debrief(session: session, analysis: Analysis(scenario, silences: false))
        try store.finish(id, session: session, debrief: debrief)
        #expect(try store.unfinished(learner: "ana").isEmpty)
        let finished = try store.finishedAttempts(learner: "ana")
        #expect(finished.count == 1)
        #expect(finished[0].ending == session.step.ending?.outcome)
        #expect(finished[0].overallPercent == debrief.scores.overall)
        #expect(finished[0].scores.map(\.percent) == debrief.scores.dimensions.map(\.percent))
        #expect(finished[0].mode == .assessment)
        let missed = try store.missedMoments(learner: "ana")
        #expect(!missed.isEmpty)
        #expect(missed.allSatisfy { $0.timesMissed == 1 && $0.timesFaced == 1 })
    }

    @Test func twoLearnersAreKeptApart() throws {
        let store = try open(scratchDatabase())
        let scenario = try fixture("constructs")
        _ = try store.begin(AttemptStart(learner: "ana", mode: .practice, timers: true), session: Session(scenario))
        let session = try play(scenario, [1, 1, 1])
        let ben = try store.begin(AttemptStart(learner: "ben", mode: .practice, timers: true), session: Session(scenario))
        try store.finish(ben, session: session, debrief: Debrief(session: session, analysis: Analysis(scenario)))
        #expect(try store.unfinished(learner: "ana").count == 1)
        #expect(try store.unfinished(learner: "ben").isEmpty)
        #expect(try store.finishedAttempts(learner: "ana").isEmpty)
        #expect(try store.finishedAttempts(learner: "ben").count == 1)
        #expect(try store.missedMoments(learner: "ana").isEmpty)
    }

    @Test func timesComeFromTheClock() throws {
        let store = try open(scratchDatabase())
        let scenario = try fixture("constructs")
        let session = try play(scenario, [1, 1, 1])
        for _ in 0..<3 {
            let id = try store.begin(AttemptStart(learner: "ana", mode: .practice, timers: true), session: Session(scenario))
            try store.finish(id, session: session, debrief: Debrief(session: session, analysis: Analysis(scenario)))
            clock.advance(days: 2)
        }
        let days = try store.finishedAttempts(learner: "ana").map { ISO8601DateFormatter().string(from: $0.startedAt) }
        #expect(days == ["2026-03-02T09:00:00Z", "2026-03-04T09:00:00Z", "2026-03-06T09:00:00Z"])
    }

    @Test func aRetryKeepsTheWayInAsPlayedForYou() throws {
        let store = try open(scratchDatabase())
        let scenario = try fixture("constructs")
        let first = try store.begin(AttemptStart(learner: "ana", mode: .practice, timers: true), session: Session(scenario))
        try store.leave(first)
        var session = try play(scenario, [2])
        let id = try store.begin(
            AttemptStart(learner: "ana", mode: .practice, timers: true, retryOf: first, playedForYou: 1), session: session)
        try session.choose(number: 1)
        try store.record(id, session: session)
        let unfinished = try #require(try store.unfinished(learner: "ana").first)
        #expect(unfinished.actions.count == 2)
        #expect(unfinished.playedForYou == 1)
        #expect(unfinished.retryOf == first)
        #expect(try store.unfinished(learner: "ana").count == 1, "an attempt left by starting again is not one to resume")
    }
}
