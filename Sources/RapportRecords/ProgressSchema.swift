import GRDB

/// The progress database's schema, as migrations from the first version on. A migration, once
/// released, is never edited: a later Rapport opens an older database by running the ones it lacks.
/// A database with a migration this Rapport does not know was written by a newer one, and is refused
/// rather than guessed at (see `ProgressStore.open`).
enum ProgressSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // v1: attempts and what was done in them, one row per action, written as it happens.
        migrator.registerMigration("v1-attempts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE attempt (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        learner TEXT NOT NULL,
                        scenarioID TEXT NOT NULL,
                        scenarioTitle TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        source TEXT NOT NULL,
                        mode TEXT NOT NULL CHECK (mode IN ('practice', 'assessment')),
                        timers INTEGER NOT NULL CHECK (timers IN (0, 1)),
                        retryOf INTEGER REFERENCES attempt(id) ON DELETE SET NULL,
                        playedForYou INTEGER NOT NULL DEFAULT 0 CHECK (playedForYou >= 0),
                        startedAt TEXT NOT NULL,
                        endedAt TEXT,
                        status TEXT NOT NULL CHECK (status IN ('unfinished', 'finished', 'left')),
                        endingOutcome TEXT CHECK (endingOutcome IN ('good', 'mixed', 'poor')),
                        endingSummary TEXT,
                        overallTotal INTEGER,
                        overallPercent INTEGER
                    );
                    CREATE INDEX attemptByLearner ON attempt(learner, scenarioID, startedAt);
                    CREATE TABLE attemptAction (
                        attemptID INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        kind TEXT NOT NULL CHECK (kind IN ('choice', 'silence')),
                        choiceID TEXT,
                        node TEXT NOT NULL,
                        meter INTEGER,
                        recordedAt TEXT NOT NULL,
                        PRIMARY KEY (attemptID, position)
                    );
                    CREATE TABLE attemptScore (
                        attemptID INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        dimension TEXT NOT NULL,
                        total INTEGER NOT NULL,
                        percent INTEGER,
                        PRIMARY KEY (attemptID, position)
                    );
                    """)
        }
        // v2: what the debrief found, kept for `rapport progress`: each decision's cost (the moments
        // missed most often) and the promises with their words.
        migrator.registerMigration("v2-debriefs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE attemptDecision (
                        attemptID INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        node TEXT NOT NULL,
                        label TEXT NOT NULL,
                        marked INTEGER NOT NULL CHECK (marked IN (0, 1)),
                        pointsMissed INTEGER NOT NULL CHECK (pointsMissed >= 0),
                        closedABetterEnding INTEGER NOT NULL CHECK (closedABetterEnding IN (0, 1)),
                        playedForYou INTEGER NOT NULL CHECK (playedForYou IN (0, 1)),
                        PRIMARY KEY (attemptID, position)
                    );
                    CREATE TABLE attemptPromise (
                        attemptID INTEGER NOT NULL REFERENCES attempt(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        description TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'kept', 'broken')),
                        madeAt TEXT,
                        settledAt TEXT,
                        PRIMARY KEY (attemptID, name)
                    );
                    """)
        }
        return migrator
    }

    /// The tables a Rapport progress database has, whatever its version: a file with other tables
    /// and none of these is someone else's database.
    static let firstTables: Set<String> = ["attempt", "attemptAction", "attemptScore"]
}
