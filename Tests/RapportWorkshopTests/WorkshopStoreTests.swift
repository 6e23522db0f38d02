import Foundation
import RapportEngine
import RapportLanguage
import RapportTestSupport
import RapportWorkshop
import Testing

/// Saved sessions are outside input: whatever is on disk, loading says what is wrong and names the
/// file, never crashes, and nothing is written over without being asked.
@Suite struct WorkshopStoreTests {
    static func folder(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-store-\(label)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A good save with one tallied decision, as JSON to spoil.
    static func goodSave() throws -> [String: Any] {
        var workshop = Workshop(scenario: try WorkshopTests.scenario(), teams: [], name: "workshop")
        try workshop.decide(vote: .tally([2, 1, 0]), option: 0, tieBroken: false)
        let data = try JSONEncoder().encode(workshop.record)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func teamSave() throws -> [String: Any] {
        var workshop = Workshop(scenario: try WorkshopTests.scenario(), teams: ["Red", "Blue"])
        try workshop.decide(vote: .teams([0, 1]), option: 0, tieBroken: true)
        let data = try JSONEncoder().encode(workshop.record)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func write(_ object: Any, to folder: URL) throws {
        try JSONSerialization.data(withJSONObject: object).write(to: folder.appendingPathComponent("workshop.json"))
    }

    static func spoilVote(_ save: [String: Any], _ vote: [String: Any]) -> [String: Any] {
        var save = save
        var decisions = save["decisions"] as! [[String: Any]]
        decisions[0]["vote"] = vote
        save["decisions"] = decisions
        return save
    }

    @Test func noSaveIsNotAnError() throws {
        let store = WorkshopStore(folder: Self.folder("none"))
        #expect(try store.load(session: "workshop") == nil)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("not json", "it is not a saved session"),
        ("{\"version\": 1", "it is not a saved session"),
        ("{\"version\": \"one\"}", "it is not a saved session"),
        ("[1, 2, 3]", "it is not a saved session"),
    ])
    func junkIsNamedNotCrashed(text: String, reason: String) throws {
        let folder = Self.folder("junk-\(text.utf8.count)-\(text.hashValue)")
        let file = folder.appendingPathComponent("workshop.json")
        try Data(text.utf8).write(to: file)
        let store = WorkshopStore(folder: folder)
        let error = try #require(throws: WorkshopStore.LoadError.self) { try store.load(session: "workshop") }
        #expect(error.path == file.path)
        #expect(error.reason.hasPrefix(reason), "\(error.reason)")
        #expect(error.description.contains(file.path))
    }

    /// The saves that made resuming crash, and other tallies that do not hold together.
    @Test(arguments: [
        ([1], "decision 1 has 1 vote counts for 3 options"),
        ([-1, 3, 0], "decision 1 has a vote count that is negative, too large, or no votes at all"),
        ([0, 0, 0], "decision 1 has a vote count that is negative, too large, or no votes at all"),
        ([Int.max, 0, 0], "decision 1 has a vote count that is negative, too large, or no votes at all"),
    ])
    func badTalliesAreRefused(counts: [Int], reason: String) throws {
        let folder = Self.folder("tally-\(counts.map(String.init).joined(separator: "_"))")
        try Self.write(Self.spoilVote(try Self.goodSave(), ["tally": ["_0": counts]]), to: folder)
        let error = try #require(throws: WorkshopStore.LoadError.self) {
            try WorkshopStore(folder: folder).load(session: "workshop")
        }
        #expect(error.reason == reason)
    }

    @Test func aTeamVoteWithoutTeamsIsRefused() throws {
        let folder = Self.folder("noteams")
        try Self.write(Self.spoilVote(try Self.goodSave(), ["teams": ["_0": [0]]]), to: folder)
        let error = try #require(throws: WorkshopStore.LoadError.self) {
            try WorkshopStore(folder: folder).load(session: "workshop")
        }
        #expect(error.reason == "decision 1 has 1 team picks for 0 teams")
    }

    @Test(arguments: [[-1, 0], [0, 3], [0]])
    func badTeamPicksAreRefused(picks: [Int]) throws {
        let folder = Self.folder("picks-\(picks.map(String.init).joined(separator: "_"))")
        try Self.write(Self.spoilVote(try Self.teamSave(), ["teams": ["_0": picks]]), to: folder)
        let error = try #require(throws: WorkshopStore.LoadError.self) {
            try WorkshopStore(folder: folder).load(session: "workshop")
        }
        #expect(error.reason.hasPrefix("decision 1 has"))
    }

    @Test func aRecordThatDoesNotHoldTogetherIsNotResumed() throws {
        var record = try JSONDecoder().decode(
            WorkshopRecord.self, from: JSONSerialization.data(withJSONObject: Self.spoilVote(try Self.goodSave(), ["tally": ["_0": [1]]])))
        #expect(record.problem() != nil)
        #expect(throws: WorkshopResumeError.self) { try Workshop(resuming: record, scenario: try WorkshopTests.scenario()) }
        record.decisions = []
        record.stage = .voting
        #expect(record.problem() == nil)
    }

    @Test func anUnusableSaveIsMovedAsideNotDeleted() throws {
        let folder = Self.folder("aside")
        let file = folder.appendingPathComponent("workshop.json")
        try Data("junk".utf8).write(to: file)
        let store = WorkshopStore(folder: folder)
        let aside = try store.moveAside(session: "workshop", at: Date(timeIntervalSince1970: 1_796_000_000))
        #expect(aside.lastPathComponent == "workshop.json.unusable-20261130T005320Z")
        #expect(try String(contentsOf: aside, encoding: .utf8) == "junk")
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(store.mostRecent() == nil)
    }

    /// Whatever permissions the facilitator gave the save, each new save keeps them.
    @Test(arguments: [0o600, 0o640, 0o444])
    func savesKeepTheFilesMode(mode: Int) throws {
        let folder = Self.folder("mode-\(mode)")
        let store = WorkshopStore(folder: folder)
        var workshop = Workshop(scenario: try WorkshopTests.scenario(), teams: [], name: "workshop")
        try store.save(workshop.record)
        let file = store.url(forSession: "workshop")
        chmod(file.path, mode_t(mode))
        try workshop.decide(vote: .tally([2, 1, 0]), option: 0, tieBroken: false)
        try store.save(workshop.record)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == mode)
        #expect(try store.load(session: "workshop") == workshop.record)
    }

    /// A process killed between writing its temporary file and renaming it leaves the last whole
    /// save in place and its temporary file behind; the next save cleans it up.
    @Test func aKillBetweenWriteAndRenameLosesNothing() throws {
        let folder = Self.folder("killed")
        let store = WorkshopStore(folder: folder)
        var workshop = Workshop(scenario: try WorkshopTests.scenario(), teams: [], name: "workshop")
        try workshop.decide(vote: .tally([2, 1, 0]), option: 0, tieBroken: false)
        try store.save(workshop.record)
        // A dead process's half-written next save: a process id that cannot be running.
        let leftover = folder.appendingPathComponent(".workshop.json.2147483646.tmp")
        try Data("{\"version\": 1, \"decis".utf8).write(to: leftover)
        #expect(try store.load(session: "workshop") == workshop.record)
        try store.save(workshop.record)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    /// A folder that cannot be made (here, under a file) fails every save with the system's reason.
    @Test func aSaveThatCannotBeWrittenSaysWhy() throws {
        let folder = Self.folder("blocked")
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let store = WorkshopStore(folder: blocker.appendingPathComponent("workshops"))
        #expect(throws: (any Error).self) { try store.save(Workshop(scenario: try WorkshopTests.scenario(), teams: [], name: "workshop").record) }
    }
}
