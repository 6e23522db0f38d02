import Foundation
import GRDB
import RapportEngine
import RapportTestSupport
import Testing

@testable import RapportRecords

/// A later Rapport opens an older database: every migration from the first version on runs on an
/// empty file and on a file left at the first version with attempts in it, and nothing is lost.
@Suite struct MigrationTests {
    @Test func anEmptyFileBecomesTheLatestSchema() throws {
        let path = scratchDatabase()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try ProgressStore.open(at: path, clock: { Date(timeIntervalSince1970: 0) })
        let applied = try store.queue.read { try ProgressSchema.migrator.appliedIdentifiers($0) }
        #expect(applied == Set(ProgressSchema.migrator.migrations))
    }

    /// Two Rapports started at once on a new database (two terminal windows, or a test reading the
    /// file while `rapport play` creates it) must not both run the first migration: the second
    /// would find the tables made and call the file damaged.
    @Test func databasesOpenedAtOnceAreMigratedOnce() async throws {
        for _ in 0..<10 {
            let path = scratchDatabase()
            let outcomes = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        do {
                            _ = try ProgressStore.open(at: path, clock: { Date(timeIntervalSince1970: 0) })
                            return nil
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var failures: [String] = []
                for await outcome in group { if let outcome { failures.append(outcome) } }
                return failures
            }
            #expect(outcomes.isEmpty, "\(outcomes)")
        }
    }

    @Test func aFirstVersionDatabaseIsCarriedForward() throws {
        let path = scratchDatabase()
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let first = try #require(ProgressSchema.migrator.migrations.first)
        let old = try DatabaseQueue(path: path)
        try ProgressSchema.migrator.migrate(old, upTo: first)
        try old.write { db in
            try db.execute(
                sql: """
                    INSERT INTO attempt (id, learner, scenarioID, scenarioTitle, fingerprint, source, mode, timers, playedForYou,
                        startedAt, status)
                    VALUES (1, 'ana', 'constructs', 'Every Construct', 'abc', 'constructs.scenario', 'practice', 1, 0,
                        '2026-01-05T10:00:00Z', 'unfinished')
                    """)
            try db.execute(
                sql: """
                    INSERT INTO attemptAction (attemptID, position, kind, choiceID, node, meter, recordedAt)
                    VALUES (1, 0, 'choice', 'start.1', 'search', 3, '2026-01-05T10:01:00Z')
                    """)
        }
        try old.close()

        let store = try ProgressStore.open(at: path, clock: { Date(timeIntervalSince1970: 0) })
        let unfinished = try store.unfinished(learner: "ana")
        #expect(unfinished.map(\.id) == [1])
        #expect(unfinished.first?.actions == [.choice(id: "start.1")])
        // The later tables are there and usable.
        let scenario = try fixture("constructs")
        var session = Session(scenario)
        try session.choose(number: 1)
        _ = try store.begin(AttemptStart(learner: "ana", mode: .practice, timers: true), session: session)
        #expect(try store.unfinished(learner: "ana").count == 2)
    }
}
