import Foundation
import RapportEngine
import RapportLanguage
import RapportTestSupport
import RapportWorkshop
import Testing

/// Issue 17: sessions named and kept side by side, resumed exactly where they were (a vote in and
/// not yet revealed included), and readable after they are finished.
@Suite struct SessionRecordTests {
    static let start = Date(timeIntervalSince1970: 1_741_944_600)

    @Test func aVoteNotYetRevealedIsResumedAsSuch() throws {
        let scenario = try WorkshopTests.scenario()
        var workshop = Workshop(scenario: scenario, teams: [], name: "morning", startedAt: Self.start)
        #expect(workshop.record.currentStage == .opening)
        workshop.markVoting()
        try workshop.decide(vote: .tally([3, 1, 0]), option: 0, tieBroken: false, at: Self.start + 60.7)
        #expect(workshop.record.currentStage == .voted)
        #expect(workshop.unrevealedDecision?.chosen == workshop.record.decisions[0].chosen)
        // The scoreboard does not count the vote until it is revealed.
        #expect(workshop.revealedDecisionCount == 0)
        #expect(workshop.revealedRoomTotals == [0, 0, 0, 0])

        let folder = WorkshopStoreTests.folder("unrevealed")
        let store = WorkshopStore(folder: folder)
        try store.save(workshop.record)
        let saved = try #require(try store.load(session: "morning"))
        #expect(saved == workshop.record, "times are kept to the second, so what is read is what was saved")
        let resumed = try Workshop(resuming: saved, scenario: scenario)
        #expect(resumed.record.currentStage == .voted)
        #expect(resumed.unrevealedDecision != nil)
        #expect(resumed.step.node == workshop.step.node)

        workshop.markRevealed(at: Self.start + 90)
        #expect(workshop.revealedDecisionCount == 1)
        #expect(workshop.record.decisions[0].votedAt == Self.start + 60)
        #expect(workshop.record.decisions[0].revealedAt == Self.start + 90)
        try workshop.decide(vote: .tally([3, 1, 0]), option: 0, tieBroken: false)
        workshop.undo()
        #expect(workshop.record.currentStage == .voting)
    }

    @Test func theDebriefPageAndTheEndAreKept() throws {
        let scenario = try WorkshopTests.scenario()
        var workshop = Workshop(scenario: scenario, teams: [], name: "afternoon", startedAt: Self.start)
        while !workshop.isOver { try workshop.decide(vote: .tally([1, 0, 0]), option: 0, tieBroken: false) }
        workshop.markDebrief(page: 3)
        var resumed = try Workshop(resuming: workshop.record, scenario: scenario)
        #expect(resumed.record.currentStage == .debrief)
        #expect(resumed.record.debriefPage == 3)
        resumed.markFinished(at: Self.start + 3600)
        #expect(resumed.record.isFinished)
        #expect(try Workshop(resuming: resumed.record, scenario: scenario).record.finishedAt == Self.start + 3600)
    }

    @Test func sessionsAreKeptSideBySide() throws {
        let scenario = try WorkshopTests.scenario()
        let store = WorkshopStore(folder: WorkshopStoreTests.folder("side-by-side"))
        for name in ["workshop-2025-03-14", "workshop-2025-03-14-2", "Front desk team"] {
            var workshop = Workshop(scenario: scenario, teams: [], name: name, startedAt: Self.start)
            try workshop.decide(vote: .tally([1, 0, 0]), option: 0, tieBroken: false)
            try store.save(workshop.record)
        }
        let names = Set(store.list().map(\.name))
        #expect(names == ["workshop-2025-03-14", "workshop-2025-03-14-2", "Front desk team"])
        #expect(try store.load(session: "Front desk team")?.name == "Front desk team")
    }

    /// A save from before sessions had names is read as a session named after its file.
    @Test func aVersionOneSaveIsStillRead() throws {
        let folder = WorkshopStoreTests.folder("version-one")
        var save = try WorkshopStoreTests.goodSave()
        for key in ["name", "stage", "startedAt", "group", "facilitator", "finishedAt", "debriefPage"] { save[key] = nil }
        save["version"] = 1
        try WorkshopStoreTests.write(save, to: folder)
        let record = try #require(try WorkshopStore(folder: folder).load(session: "workshop"))
        #expect(record.name == "workshop")
        let resumed = try Workshop(resuming: record, scenario: try WorkshopTests.scenario())
        #expect(resumed.record.version == 2)
        #expect(resumed.record.currentStage == .voting)
    }

    @Test(arguments: [
        ("stage", "voted", "it is at a reveal with no vote taken"),
        ("stage", "debrief", "its debrief page is missing or out of range"),
        ("name", "../escape", "its session name cannot start with '.' or '-'"),
        ("name", "a/b", "its session name may hold only letters, digits, spaces, '-', '_' and '.'"),
        ("stage", "sideways", "it is not a saved session"),
    ])
    func aStageThatDoesNotHoldTogetherIsRefused(key: String, value: String, reason: String) throws {
        let folder = WorkshopStoreTests.folder("stage-\(key)-\(value.count)-\(value.hashValue)")
        var save = try WorkshopStoreTests.goodSave()
        save["decisions"] = []
        save[key] = value
        try WorkshopStoreTests.write(save, to: folder)
        let error = try #require(throws: WorkshopStore.LoadError.self) { try WorkshopStore(folder: folder).load(session: "workshop") }
        #expect(error.reason.hasPrefix(reason), "\(error.reason)")
    }

    @Test(arguments: [
        ("delivery-promise-2025-03-14", nil),
        ("Front desk, morning", "may hold only letters, digits, spaces, '-', '_' and '.'"),
        (".hidden", "cannot start with '.' or '-', or start or end with a space"),
        ("a/b", "may hold only letters, digits, spaces, '-', '_' and '.'"),
        ("", "is empty"),
    ] as [(String, String?)])
    func sessionNames(name: String, problem: String?) {
        #expect(SessionName.problem(with: name) == problem)
    }

    @Test func theDefaultNameIsTheScenarioAndTheDay() {
        let utc = TimeZone(identifier: "UTC")!
        #expect(SessionName.defaultName(scenarioID: "angry-caller", on: Self.start, timeZone: utc) == "angry-caller-2025-03-14")
    }
}
