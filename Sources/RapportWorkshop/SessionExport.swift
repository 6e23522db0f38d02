import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage

/// `session.json`: the record of a facilitated session for other tools (a spreadsheet, a learning
/// platform), with a documented, versioned schema (docs/session-json.md). Votes are given by letter
/// and by team name, never by position in a list, and every decision carries its times and its
/// scores, for the room and for each team. The version changes whenever a field changes meaning or
/// goes away; new fields may be added within a version.
public struct SessionExport: Sendable, Codable, Equatable {
    public static let schemaName = "rapport-workshop-session"
    public static let schemaVersion = 2

    public struct Scenario: Sendable, Codable, Equatable {
        public let id: String
        public let title: String
        /// Changes whenever the scenario file does.
        public let hash: String
    }

    public struct EndingExport: Sendable, Codable, Equatable {
        public let outcome: String
        public let summary: String
    }

    public struct Option: Sendable, Codable, Equatable {
        public let letter: String
        /// The option's id in the scenario file.
        public let id: String
        public let text: String
        public let votes: Int
        /// Score changes by dimension, zero changes left out.
        public let scores: [String: Int]
        public let best: Bool
    }

    public struct Decision: Sendable, Codable, Equatable {
        public let number: Int
        /// The id of the scenario's node where the decision was taken.
        public let node: String
        public let moment: String?
        public let votedAt: Date?
        public let revealedAt: Date?
        public let options: [Option]
        /// Votes by letter, every option included.
        public let votes: [String: Int]
        /// Each team's pick by team name; absent without teams.
        public let teamPicks: [String: String]?
        /// The letter the story followed.
        public let chosen: String
        public let tieBroken: Bool
        /// The letters of every best option (equal outcomes are equally best).
        public let best: [String]
        /// Overall points the room's choice gave up against a best one; absent when not judged.
        public let pointsGivenUp: Int?
        /// What the room's choice scored, and what each team's pick would have, by dimension.
        public let roomScores: [String: Int]
        public let teamScores: [String: [String: Int]]?
    }

    public struct Scores: Sendable, Codable, Equatable {
        /// Totals by dimension, with `total`.
        public let room: [String: Int]
        public let teams: [String: [String: Int]]?
        /// The best and worst each dimension can reach in the scenario, and the best and worst
        /// paths' totals as `total`; absent where unbounded.
        public let bestPossible: [String: Int]
        public let worstPossible: [String: Int]
    }

    public let schema: String
    public let version: Int
    public let session: String?
    public let group: String?
    public let facilitator: String?
    public let scenario: Scenario
    public let dimensions: [String]
    public let teams: [String]
    public let startedAt: Date?
    public let finishedAt: Date?
    public let ending: EndingExport?
    /// The ids of the nodes the story passed through.
    public let path: [String]
    public let decisions: [Decision]
    public let scores: Scores

    public init(_ report: WorkshopReport) {
        let scenario = report.scenario
        let record = report.record
        let dimensions = scenario.dimensions
        func named(_ deltas: [(dimension: String, delta: Int)]) -> [String: Int] {
            Dictionary(deltas.map { ($0.dimension, $0.delta) }, uniquingKeysWith: +)
        }
        func totals(_ values: [Int]) -> [String: Int] {
            var result = Dictionary(zip(dimensions, values), uniquingKeysWith: +)
            result["total"] = values.reduce(0, +)
            return result
        }
        func bounds(_ values: [Int?], total: Int?) -> [String: Int] {
            var result: [String: Int] = [:]
            for (dimension, value) in zip(dimensions, values) { result[dimension] = value }
            result["total"] = total
            return result
        }
        schema = Self.schemaName
        version = Self.schemaVersion
        session = record.name
        group = record.group
        facilitator = record.facilitator
        self.scenario = Scenario(id: scenario.id, title: scenario.title, hash: scenario.sourceHash)
        self.dimensions = dimensions
        teams = record.teams
        startedAt = record.startedAt
        finishedAt = record.finishedAt
        ending = report.ending.map { EndingExport(outcome: $0.outcome.rawValue, summary: $0.summary.string) }
        path = report.workshop.session.path.map { scenario.nodes[$0].id }
        decisions = zip(report.decisions, record.decisions).map { decision, saved in
            let options = decision.options.enumerated().map { index, option in
                Option(
                    letter: option.letter, id: saved.offered[index], text: option.text, votes: option.votes,
                    scores: named(option.deltas), best: option.isBest)
            }
            var teamPicks: [String: String]?
            var teamScores: [String: [String: Int]]?
            if !decision.teamPicks.isEmpty {
                teamPicks = Dictionary(decision.teamPicks.map { ($0.team, VoteParser.letter($0.option)) }, uniquingKeysWith: { a, _ in a })
                teamScores = Dictionary(
                    decision.teamPicks.map { ($0.team, named(decision.options[$0.option].deltas)) }, uniquingKeysWith: { a, _ in a })
            }
            return Decision(
                number: decision.number, node: saved.node, moment: decision.moment, votedAt: saved.votedAt,
                revealedAt: saved.revealedAt, options: options,
                votes: Dictionary(options.map { ($0.letter, $0.votes) }, uniquingKeysWith: +), teamPicks: teamPicks,
                chosen: VoteParser.letter(decision.chosen), tieBroken: decision.tieBroken,
                best: decision.best.map(VoteParser.letter), pointsGivenUp: decision.pointsGivenUp,
                roomScores: named(decision.options[decision.chosen].deltas), teamScores: teamScores)
        }
        let rows = report.scoreRows
        let possible = report.possible
        scores = Scores(
            room: totals(rows[0].totals),
            teams: record.teams.isEmpty
                ? nil : Dictionary(zip(record.teams, rows.dropFirst()).map { ($0, totals($1.totals)) }, uniquingKeysWith: { a, _ in a }),
            bestPossible: bounds(possible.best, total: possible.bestTotal),
            worstPossible: bounds(possible.worst, total: possible.worstTotal))
    }
}
