import Foundation
import GRDB
import RapportAnalysis
import RapportEngine
import RapportLanguage

/// How an attempt was played.
public enum AttemptMode: String, Sendable, Codable, CaseIterable {
    case practice, assessment
}

/// What is known when an attempt begins.
public struct AttemptStart: Sendable {
    public var learner: String
    public var mode: AttemptMode
    public var timers: Bool
    /// The attempt this one retries from one of its decisions, if it does.
    public var retryOf: Int64?
    /// How many of the session's first actions the program made (a retry's or `--from`'s way in).
    public var playedForYou: Int

    public init(learner: String, mode: AttemptMode, timers: Bool, retryOf: Int64? = nil, playedForYou: Int = 0) {
        self.learner = learner
        self.mode = mode
        self.timers = timers
        self.retryOf = retryOf
        self.playedForYou = playedForYou
    }
}

/// Writing an attempt as it happens: `begin` when it starts, `record` after every action (it writes
/// whatever actions are not yet written, in one transaction, with the scores so far), `finish` with
/// the debrief, or `leave` when the learner starts again.
extension ProgressStore {
    public func begin(_ start: AttemptStart, session: Session) throws(ProgressStoreError) -> Int64 {
        let now = Self.text(clock())
        let scenario = session.scenario
        let id = try write { db -> Int64 in
            try db.execute(
                sql: """
                    INSERT INTO attempt (learner, scenarioID, scenarioTitle, fingerprint, source, mode, timers, retryOf,
                        playedForYou, startedAt, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'unfinished')
                    """,
                arguments: [
                    start.learner, scenario.id, scenario.title, scenario.sourceHash, scenario.sourceName, start.mode.rawValue, start.timers,
                    start.retryOf, start.playedForYou, now,
                ])
            return db.lastInsertedRowID
        }
        try record(id, session: session)
        return id
    }

    /// Writes the actions taken since the last call, and the totals now.
    public func record(_ attempt: Int64, session: Session) throws(ProgressStoreError) {
        let now = Self.text(clock())
        let entries = session.transcript.steps
        let meters = Self.meterReadings(session)
        try write { db in
            let written = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n FROM attemptAction WHERE attemptID = ?", arguments: [attempt])?.int("n") ?? 0
            // Entry 0 is the opening; entry k + 1 follows action k.
            var position = written
            while position + 1 < entries.count {
                let entry = entries[position + 1]
                let (kind, choice): (String, String?) =
                    switch entry.action {
                    case .choice(let id, _): ("choice", id)
                    case .silence, nil: ("silence", nil)
                    }
                try db.execute(
                    sql: """
                        INSERT INTO attemptAction (attemptID, position, kind, choiceID, node, meter, recordedAt)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [attempt, position, kind, choice, entry.node, meters[position + 1], now])
                position += 1
            }
            try db.execute(sql: "DELETE FROM attemptScore WHERE attemptID = ?", arguments: [attempt])
            for (index, name) in session.scenario.dimensions.enumerated() {
                try db.execute(
                    sql: "INSERT INTO attemptScore (attemptID, position, dimension, total) VALUES (?, ?, ?, ?)",
                    arguments: [attempt, index, name, session.totals[index]])
            }
        }
    }

    /// Marks the attempt finished, with what the debrief found.
    public func finish(_ attempt: Int64, session: Session, debrief: Debrief) throws(ProgressStoreError) {
        try record(attempt, session: session)
        let now = Self.text(clock())
        try write { db in
            try db.execute(
                sql: """
                    UPDATE attempt SET status = 'finished', endedAt = ?, endingOutcome = ?, endingSummary = ?,
                        overallTotal = ?, overallPercent = ?
                    WHERE id = ?
                    """,
                arguments: [
                    now, debrief.ending?.outcome.rawValue, debrief.ending?.summary.string, debrief.scores.overallTotal,
                    debrief.scores.overall, attempt,
                ])
            for (index, dimension) in debrief.scores.dimensions.enumerated() {
                try db.execute(
                    sql: "UPDATE attemptScore SET percent = ? WHERE attemptID = ? AND position = ?",
                    arguments: [dimension.percent, attempt, index])
            }
            try db.execute(sql: "DELETE FROM attemptDecision WHERE attemptID = ?", arguments: [attempt])
            for decision in debrief.decisions {
                try db.execute(
                    sql: """
                        INSERT INTO attemptDecision (attemptID, position, node, label, marked, pointsMissed,
                            closedABetterEnding, playedForYou)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        attempt, decision.index, decision.node, decision.label, decision.moment != nil, decision.pointsMissed,
                        decision.closedABetterEnding, decision.playedForYou,
                    ])
            }
            try db.execute(sql: "DELETE FROM attemptPromise WHERE attemptID = ?", arguments: [attempt])
            for promise in debrief.promises {
                try db.execute(
                    sql: """
                        INSERT INTO attemptPromise (attemptID, name, description, status, madeAt, settledAt)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [attempt, promise.name, promise.description, promise.status.word, promise.madeAt, promise.settledAt])
            }
        }
    }

    /// The learner started again: the attempt stays in the record, but is not one to resume.
    public func leave(_ attempt: Int64) throws(ProgressStoreError) {
        let now = Self.text(clock())
        try write { db in
            try db.execute(sql: "UPDATE attempt SET status = 'left', endedAt = ? WHERE id = ?", arguments: [now, attempt])
        }
    }

    /// The meter after each transcript entry (nil without a meter), from the events: the value
    /// starts at the variable's initial value and follows each change to it.
    static func meterReadings(_ session: Session) -> [Int?] {
        guard let index = session.scenario.meter else { return session.transcript.steps.map { _ in nil } }
        let variable = session.scenario.variables[index]
        var value = variable.initial
        return session.transcript.steps.map { entry in
            for event in entry.events {
                if case .stateChanged(let name, _, let to) = event, name == variable.name { value = to }
            }
            return value
        }
    }
}
