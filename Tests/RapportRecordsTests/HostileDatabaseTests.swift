import Foundation
import GRDB
import RapportEngine
import RapportTestSupport
import Testing

@testable import RapportRecords

/// The progress database is outside input: whatever is in the file, opening it either works or
/// says what is wrong with the file named, and the file is left exactly as it was.
@Suite struct HostileDatabaseTests {
    func open(_ path: String) throws(ProgressStoreError) -> ProgressStore {
        try ProgressStore.open(at: path, clock: { Date(timeIntervalSince1970: 0) })
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func refusal(_ path: String) -> ProgressStoreError? {
        do {
            _ = try open(path)
            return nil
        } catch {
            return error
        }
    }

    @Test func junkIsNotADatabaseAndIsLeftAlone() throws {
        let path = scratchDatabase()
        let junk = Array("these are my notes, not a database\n".utf8) + Array(repeating: 0x41, count: 2_000)
        try write(junk, to: path)
        let error = try #require(refusal(path))
        #expect(error.kind == .notADatabase)
        #expect(error.description.contains(path))
        #expect(error.canBeMovedAside)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(junk))
    }

    @Test func anotherProgramsDatabaseIsRefused() throws {
        let path = scratchDatabase()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE recipes (name TEXT)") }
        try queue.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(refusal(path)?.kind == .foreign)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aDatabaseFromANewerRapportIsRefused() throws {
        let path = scratchDatabase()
        _ = try open(path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9-from-the-future')") }
        try queue.close()
        let error = try #require(refusal(path))
        #expect(error.kind == .newer)
        #expect(!error.canBeMovedAside)
    }

    @Test func aTruncatedDatabaseIsDamaged() throws {
        let path = scratchDatabase()
        let store = try open(path)
        let scenario = try fixture("constructs")
        for _ in 0..<20 {
            _ = try store.begin(AttemptStart(learner: "ana", mode: .practice, timers: true), session: Session(scenario))
        }
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // Keep the header page, scramble the rest.
        try write(Array(bytes.prefix(100)) + Array(repeating: 0xFF, count: max(0, bytes.count - 100)), to: path)
        let error = try #require(refusal(path))
        #expect([.damaged, .notADatabase].contains(error.kind), "\(error)")
        #expect(error.description.contains(path))
    }

    @Test func rowsOfTheWrongShapeAreDamageNotACrash() throws {
        let path = scratchDatabase()
        _ = try open(path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // A hand-edited file: the checks on the table are bypassed by rebuilding it without them.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DROP TABLE attemptAction")
            try db.execute(sql: "ALTER TABLE attempt RENAME TO attemptOld")
            try db.execute(
                sql: """
                    CREATE TABLE attempt (id, learner, scenarioID, scenarioTitle, fingerprint, source, mode, timers, retryOf,
                        playedForYou, startedAt, endedAt, status, endingOutcome, endingSummary, overallTotal, overallPercent)
                    """)
            try db.execute(sql: "CREATE TABLE attemptAction (attemptID, position, kind, choiceID, node, meter, recordedAt)")
            try db.execute(
                sql: "INSERT INTO attempt VALUES ('x', 'ana', 7, 'T', 'f', 's', 'shouting', 'yes', NULL, -3, 'noon', NULL, 'unfinished', 'great', NULL, 'lots', 900)")
            try db.execute(
                sql: "INSERT INTO attempt VALUES (2, 'ana', 's', 'T', 'f', 's', 'practice', 1, NULL, 0, '2026-01-01T00:00:00Z', NULL, 'finished', 'great', NULL, 1, 900)")
        }
        try queue.close()
        let store = try open(path)
        #expect(throws: ProgressStoreError.self) { try store.unfinished(learner: "ana") }
        #expect(throws: ProgressStoreError.self) { try store.finishedAttempts(learner: "ana") }
    }

    @Test func movingAsideKeepsTheFileUnderANewName() throws {
        let path = scratchDatabase()
        try write(Array("junk".utf8), to: path)
        let aside = try ProgressStore.moveAside(path, now: Date(timeIntervalSince1970: 1_780_000_000))
        #expect(aside == path + ".unusable-20260528-202640")
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try String(contentsOfFile: aside, encoding: .utf8) == "junk")
        #expect(try open(path).path == path, "a new database starts in its place")
    }
}
