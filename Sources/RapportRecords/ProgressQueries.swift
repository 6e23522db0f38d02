import Foundation
import GRDB
import RapportEngine
import RapportLanguage

/// An action as the database keeps it: enough to play it again on the scenario.
public enum RecordedAction: Sendable, Equatable {
    case choice(id: String)
    case silence
}

/// An attempt that was not finished: what `rapport play --resume` needs to carry on.
public struct UnfinishedAttempt: Sendable {
    public let id: Int64
    public let scenarioID: String
    public let scenarioTitle: String
    public let fingerprint: String
    /// The file it was played from, as it was named (`Scenarios/...` for a bundled one).
    public let source: String
    public let mode: AttemptMode
    public let timers: Bool
    public let retryOf: Int64?
    public let playedForYou: Int
    public let startedAt: Date
    public let actions: [RecordedAction]

    /// The attempt played again on its scenario, through the engine's own moves.
    public func session(on scenario: CheckedScenario) throws(ReplayError) -> Session {
        var session = Session(scenario)
        for (index, action) in actions.enumerated() {
            do {
                switch action {
                case .choice(let id): try session.choose(id)
                case .silence: try session.stayedSilent()
                }
            } catch {
                throw .diverged(step: index + 1, reason: error.description)
            }
        }
        return session
    }
}

/// A finished attempt, for `rapport progress` and the menu.
public struct AttemptSummary: Sendable {
    public struct Score: Sendable, Equatable {
        public let dimension: String
        public let total: Int
        public let percent: Int?
    }

    public let id: Int64
    public let scenarioID: String
    public let scenarioTitle: String
    public let mode: AttemptMode
    public let retryOf: Int64?
    public let playedForYou: Int
    public let startedAt: Date
    public let endedAt: Date?
    public let ending: Outcome?
    public let overallPercent: Int?
    public let scores: [Score]
}

/// A decision a learner has given points up at, counted over their finished attempts.
public struct MissedMoment: Sendable, Equatable {
    public let scenarioID: String
    public let scenarioTitle: String
    /// The file it was last played from, as it was named.
    public let source: String
    public let node: String
    /// The moment's label, or "Decision N" for an unmarked one (as in the latest debrief).
    public let label: String
    public let marked: Bool
    public let timesMissed: Int
    public let timesFaced: Int
}

extension ProgressStore {
    /// The learner's unfinished attempts, the latest first.
    public func unfinished(learner: String) throws(ProgressStoreError) -> [UnfinishedAttempt] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, scenarioID, scenarioTitle, fingerprint, source, mode, timers, retryOf, playedForYou, startedAt
                    FROM attempt WHERE learner = ? AND status = 'unfinished' ORDER BY startedAt DESC, id DESC
                    """, arguments: [learner])
        }
        var result: [UnfinishedAttempt] = []
        for row in rows {
            guard let id = row.int64("id") else { throw damaged("an attempt has no id") }
            let actionRows = try read { db in
                try Row.fetchAll(
                    db, sql: "SELECT position, kind, choiceID FROM attemptAction WHERE attemptID = ? ORDER BY position",
                    arguments: [id])
            }
            var actions: [RecordedAction] = []
            for (expected, action) in actionRows.enumerated() {
                guard action.int("position") == expected else { throw damaged("attempt \(id) has a gap in its actions") }
                switch action.string("kind") {
                case "choice":
                    guard let choice = action.string("choiceID") else { throw damaged("attempt \(id) has a choice with no id") }
                    actions.append(.choice(id: choice))
                case "silence": actions.append(.silence)
                default: throw damaged("attempt \(id) has an action of an unknown kind")
                }
            }
            result.append(
                UnfinishedAttempt(
                    id: id, scenarioID: try text(row, "scenarioID", id), scenarioTitle: try text(row, "scenarioTitle", id),
                    fingerprint: try text(row, "fingerprint", id), source: try text(row, "source", id), mode: try mode(row, id),
                    timers: (row.int("timers")) == 1, retryOf: row.int64("retryOf"),
                    playedForYou: try count(row, "playedForYou", id, atMost: actions.count),
                    startedAt: try date(row, "startedAt", id), actions: actions))
        }
        return result
    }

    /// The learner's finished attempts, oldest first.
    public func finishedAttempts(learner: String) throws(ProgressStoreError) -> [AttemptSummary] {
        let (rows, scoreRows) = try read { db in
            (
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT id, scenarioID, scenarioTitle, mode, retryOf, playedForYou, startedAt, endedAt, endingOutcome,
                            overallPercent
                        FROM attempt WHERE learner = ? AND status = 'finished' ORDER BY startedAt, id
                        """, arguments: [learner]),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.attemptID, s.dimension, s.total, s.percent FROM attemptScore s JOIN attempt a ON a.id = s.attemptID
                        WHERE a.learner = ? AND a.status = 'finished' ORDER BY s.attemptID, s.position
                        """, arguments: [learner])
            )
        }
        var scores: [Int64: [AttemptSummary.Score]] = [:]
        for row in scoreRows {
            guard let id = row.int64("attemptID") else { throw damaged("a score has no attempt") }
            guard let dimension = row.string("dimension"), let total = row.int("total") else {
                throw damaged("attempt \(id) has a score with no dimension or total")
            }
            let percent = row.int("percent")
            if let percent, !(-100...100).contains(percent) { throw damaged("attempt \(id) has a score of \(percent)%") }
            scores[id, default: []].append(AttemptSummary.Score(dimension: dimension, total: total, percent: percent))
        }
        return try rows.map { row throws(ProgressStoreError) in
            guard let id = row.int64("id") else { throw damaged("an attempt has no id") }
            var ending: Outcome?
            if let word = row.string("endingOutcome") {
                guard let outcome = Outcome(rawValue: word) else { throw damaged("attempt \(id) has the ending '\(word.prefix(20))'") }
                ending = outcome
            }
            let overall = row.int("overallPercent")
            if let overall, !(-100...100).contains(overall) { throw damaged("attempt \(id) has an overall score of \(overall)%") }
            return AttemptSummary(
                id: id, scenarioID: try text(row, "scenarioID", id), scenarioTitle: try text(row, "scenarioTitle", id),
                mode: try mode(row, id), retryOf: row.int64("retryOf"), playedForYou: try count(row, "playedForYou", id, atMost: 100_000),
                startedAt: try date(row, "startedAt", id), endedAt: (row.string("endedAt")).flatMap(Self.date), ending: ending,
                overallPercent: overall, scores: scores[id] ?? [])
        }
    }

    /// The decisions the learner has given up points at most often, over their finished attempts,
    /// counting only decisions they made themselves; the most missed first.
    public func missedMoments(learner: String, limit: Int = 5) throws(ProgressStoreError) -> [MissedMoment] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT a.scenarioID, MAX(a.scenarioTitle) AS title, MAX(a.source) AS source, d.node,
                        (SELECT d2.label FROM attemptDecision d2 JOIN attempt a2 ON a2.id = d2.attemptID
                         WHERE a2.learner = a.learner AND a2.scenarioID = a.scenarioID AND d2.node = d.node
                         ORDER BY a2.startedAt DESC, a2.id DESC LIMIT 1) AS label,
                        MAX(d.marked) AS marked,
                        SUM(CASE WHEN d.pointsMissed > 0 THEN 1 ELSE 0 END) AS missed,
                        COUNT(*) AS faced
                    FROM attemptDecision d JOIN attempt a ON a.id = d.attemptID
                    WHERE a.learner = ? AND a.status = 'finished' AND d.playedForYou = 0
                    GROUP BY a.scenarioID, d.node
                    HAVING missed > 0
                    ORDER BY missed DESC, marked DESC, faced DESC, a.scenarioID, d.node
                    LIMIT ?
                    """, arguments: [learner, limit])
        }
        return try rows.map { row throws(ProgressStoreError) in
            guard let scenario = row.string("scenarioID"), let node = row.string("node"),
                let missed = row.int("missed"), let faced = row.int("faced"), missed <= faced
            else { throw damaged("a decision record is incomplete") }
            return MissedMoment(
                scenarioID: scenario, scenarioTitle: row.string("title") ?? scenario, source: row.string("source") ?? scenario, node: node, label: row.string("label") ?? node,
                marked: (row.int("marked")) == 1, timesMissed: missed, timesFaced: faced)
        }
    }

    // MARK: - Reading a row as outside input

    func text(_ row: Row, _ column: String, _ id: Int64) throws(ProgressStoreError) -> String {
        guard let value = row.string(column) else { throw damaged("attempt \(id) has no \(column)") }
        return value
    }

    func mode(_ row: Row, _ id: Int64) throws(ProgressStoreError) -> AttemptMode {
        guard let word = row.string("mode"), let mode = AttemptMode(rawValue: word) else {
            throw damaged("attempt \(id) has an unknown mode")
        }
        return mode
    }

    func date(_ row: Row, _ column: String, _ id: Int64) throws(ProgressStoreError) -> Date {
        guard let text = row.string(column), let date = Self.date(text) else { throw damaged("attempt \(id) has no valid \(column)") }
        return date
    }

    func count(_ row: Row, _ column: String, _ id: Int64, atMost limit: Int) throws(ProgressStoreError) -> Int {
        guard let value = row.int(column), value >= 0, value <= limit else { throw damaged("attempt \(id) has an impossible \(column)") }
        return value
    }
}

/// Rows of a file from outside: a value of the wrong type is nil, never a crash (GRDB's typed
/// subscripts stop the program on a value they cannot convert).
extension Row {
    func string(_ column: String) -> String? { String.fromDatabaseValue(self[column] as DatabaseValue) }
    func int(_ column: String) -> Int? { Int.fromDatabaseValue(self[column] as DatabaseValue) }
    func int64(_ column: String) -> Int64? { Int64.fromDatabaseValue(self[column] as DatabaseValue) }
}
