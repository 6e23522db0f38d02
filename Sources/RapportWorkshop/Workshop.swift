import RapportEngine
import RapportLanguage

/// What a facilitated session has decided so far: enough to rebuild it exactly after a crash.
public struct WorkshopRecord: Sendable, Codable, Equatable {
    public static let formatVersion = 1

    public struct Decision: Sendable, Codable, Equatable {
        public let node: String
        /// The ids of the options on offer, in letter order (A first).
        public let offered: [String]
        public let vote: Vote
        /// The id of the option the story followed.
        public let chosen: String
        /// True when the vote was tied and the facilitator chose.
        public let tieBroken: Bool
    }

    public var version: Int
    public var scenario: Transcript.ScenarioReference
    /// The scenario file that was played, when it is not one of the bundled scenarios: what
    /// `--resume` opens again.
    public var sourcePath: String?
    public var teams: [String]
    public var decisions: [Decision]
}

/// Why a saved session cannot be resumed.
public enum WorkshopResumeError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedVersion(Int)
    case differentScenario(String)
    case scenarioChanged
    case unreadable(String)

    public var description: String {
        switch self {
        case .unsupportedVersion(let version): "the saved session has format version \(version), which this Rapport cannot read"
        case .differentScenario(let id): "the saved session is of the scenario '\(id)'"
        case .scenarioChanged: "the scenario file has changed since the session was saved, so it cannot be resumed exactly"
        case .unreadable(let reason): "the saved session could not be replayed: \(reason)"
        }
    }
}

/// A scenario played by a room: at each decision the room votes (as a whole, or team by team), the
/// story follows the majority, and each team is scored on its own picks. A value type over the
/// engine, with no input or output; every change can be saved as a `WorkshopRecord`.
public struct Workshop: Sendable {
    public let scenario: CheckedScenario
    public private(set) var record: WorkshopRecord
    /// The room's story so far.
    public private(set) var session: Session
    /// The story before each decision, for undo, reveals and team scores.
    private var before: [Session] = []

    public init(scenario: CheckedScenario, teams: [String], sourcePath: String? = nil) {
        self.scenario = scenario
        session = Session(scenario)
        record = WorkshopRecord(
            version: WorkshopRecord.formatVersion,
            scenario: Transcript.ScenarioReference(id: scenario.id, title: scenario.title, hash: scenario.sourceHash),
            sourcePath: sourcePath, teams: teams, decisions: [])
    }

    /// Rebuilds a saved session by replaying its decisions.
    public init(resuming saved: WorkshopRecord, scenario: CheckedScenario) throws(WorkshopResumeError) {
        guard saved.version == WorkshopRecord.formatVersion else { throw .unsupportedVersion(saved.version) }
        if let problem = saved.problem() { throw .unreadable(problem) }
        guard saved.scenario.id == scenario.id else { throw .differentScenario(saved.scenario.id) }
        guard saved.scenario.hash == scenario.sourceHash else { throw .scenarioChanged }
        self.init(scenario: scenario, teams: saved.teams, sourcePath: saved.sourcePath)
        for decision in saved.decisions {
            guard let index = decision.offered.firstIndex(of: decision.chosen),
                session.step.choices.map(\.id) == decision.offered
            else { throw .unreadable("the options at '\(decision.node)' are not the ones saved") }
            do {
                try decide(vote: decision.vote, option: index, tieBroken: decision.tieBroken)
            } catch {
                throw .unreadable(error.description)
            }
        }
    }

    public var teams: [String] { record.teams }
    public var step: Step { session.step }
    public var isOver: Bool { session.isOver }

    public var parser: VoteParser { VoteParser(optionCount: step.choices.count, teams: teams) }

    /// What the story does with a vote: follow the option with most votes, or ask when tied.
    public enum Result: Sendable, Equatable {
        case majority(Int)
        case tie([Int])
    }

    public func result(of vote: Vote) -> Result {
        let leaders = vote.leaders(optionCount: step.choices.count)
        return leaders.count == 1 ? .majority(leaders[0]) : .tie(leaders)
    }

    /// Records the room's vote and moves the story on along option `option` (A = 0).
    public mutating func decide(vote: Vote, option: Int, tieBroken: Bool) throws(PlayError) {
        guard !session.isOver else { throw .conversationOver }
        guard step.choices.indices.contains(option) else { throw .noSuchChoice(String(VoteParser.letter(option))) }
        let offered = step.choices.map(\.id)
        let previous = session
        try session.choose(offered[option])
        before.append(previous)
        record.decisions.append(
            WorkshopRecord.Decision(
                node: previous.step.node, offered: offered, vote: vote, chosen: offered[option], tieBroken: tieBroken))
    }

    /// Takes back the last decision. Returns false when there is none.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let previous = before.popLast() else { return false }
        session = previous
        record.decisions.removeLast()
        return true
    }

    /// What every option on offer now would do.
    public func reveal() -> [ChoiceReveal] { session.reveal() }

    /// One past decision with what each option would have done, as it stood then.
    public struct PastDecision: Sendable {
        public let record: WorkshopRecord.Decision
        public let step: Step
        public let reveals: [ChoiceReveal]
        public let chosenIndex: Int
        /// The story's state when the room voted.
        public let state: PlayState
    }

    public var pastDecisions: [PastDecision] {
        zip(before, record.decisions).map { story, decision in
            PastDecision(
                record: decision, step: story.step, reveals: story.reveal(),
                chosenIndex: decision.offered.firstIndex(of: decision.chosen) ?? 0, state: story.state)
        }
    }

    /// Each team's totals per dimension, from its own picks: at every decision of the shared story,
    /// the team scores what its pick would have scored there.
    public func teamTotals() -> [(team: String, totals: [Int])] {
        var totals = teams.map { _ in [Int](repeating: 0, count: scenario.dimensions.count) }
        for past in pastDecisions {
            guard case .teams(let picks) = past.record.vote else { continue }
            for (team, pick) in picks.enumerated() where pick < past.reveals.count {
                for delta in past.reveals[pick].deltas {
                    if let dimension = scenario.dimensions.firstIndex(of: delta.dimension) {
                        totals[team][dimension] += delta.delta
                    }
                }
            }
        }
        return zip(teams, totals).map { ($0, $1) }
    }
}
