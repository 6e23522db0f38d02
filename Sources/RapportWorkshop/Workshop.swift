import Foundation
import RapportEngine
import RapportLanguage

/// A scenario played by a room: at each decision the room votes (as a whole, or team by team), the
/// story follows the majority, and each team is scored on its own picks. A value type over the
/// engine, with no input, output or clock (times are handed in); every change can be saved as a
/// `WorkshopRecord`.
public struct Workshop: Sendable {
    public let scenario: CheckedScenario
    public private(set) var record: WorkshopRecord
    /// The room's story so far.
    public private(set) var session: Session
    /// The story before each decision, for undo, reveals and team scores.
    private var before: [Session] = []

    /// - Parameters:
    ///   - name: the session's name, under which it is saved.
    ///   - startedAt: now, from the caller's clock.
    public init(
        scenario: CheckedScenario, teams: [String], sourcePath: String? = nil, name: String? = nil, group: String? = nil,
        facilitator: String? = nil, startedAt: Date? = nil
    ) {
        self.scenario = scenario
        session = Session(scenario)
        record = WorkshopRecord(
            version: WorkshopRecord.formatVersion, name: name,
            scenario: Transcript.ScenarioReference(id: scenario.id, title: scenario.title, hash: scenario.sourceHash),
            sourcePath: sourcePath, teams: teams, group: group, facilitator: facilitator,
            startedAt: startedAt.map(Self.wholeSecond), finishedAt: nil, stage: .opening, debriefPage: nil, decisions: [])
    }

    /// Rebuilds a saved session by replaying its decisions, and puts it back at the stage it was.
    public init(resuming saved: WorkshopRecord, scenario: CheckedScenario) throws(WorkshopResumeError) {
        guard WorkshopRecord.readableVersions.contains(saved.version) else { throw .unsupportedVersion(saved.version) }
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
        // Everything else (name, times, stage) is the save's own; it is written back as this version.
        record = saved
        record.version = WorkshopRecord.formatVersion
        if saved.stage == nil { record.stage = saved.decisions.isEmpty ? .opening : .voting }
        // A version 1 save at the end of the story was at the last reveal.
        if record.currentStage == .voting, session.isOver { record.stage = .revealed }
    }

    /// Times are kept to the second: what is saved is what is read back.
    static func wholeSecond(_ date: Date) -> Date { Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)) }

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

    /// Records the room's vote and moves the story on along option `option` (A = 0). The vote is in
    /// and not yet revealed.
    public mutating func decide(vote: Vote, option: Int, tieBroken: Bool, at time: Date? = nil) throws(PlayError) {
        guard !session.isOver else { throw .conversationOver }
        guard step.choices.indices.contains(option) else {
            throw .noSuchChoice((0..<26).contains(option) ? VoteParser.letter(option) : "option \(option + 1)")
        }
        let offered = step.choices.map(\.id)
        let previous = session
        try session.choose(offered[option])
        before.append(previous)
        record.decisions.append(
            WorkshopRecord.Decision(
                node: previous.step.node, offered: offered, vote: vote, chosen: offered[option], tieBroken: tieBroken,
                votedAt: time.map(Self.wholeSecond), revealedAt: nil))
        record.stage = .voted
    }

    /// Takes back the last decision: the room votes on it again. Returns false when there is none.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let previous = before.popLast() else { return false }
        session = previous
        record.decisions.removeLast()
        record.stage = .voting
        return true
    }

    /// The last vote's reveal is on screen; its time is when it was first shown.
    public mutating func markRevealed(at time: Date? = nil) {
        guard !record.decisions.isEmpty else { return }
        let last = record.decisions.count - 1
        if record.decisions[last].revealedAt == nil { record.decisions[last].revealedAt = time.map(Self.wholeSecond) }
        record.stage = .revealed
    }

    /// The room has moved on to the next decision (from the opening screen, to the first).
    public mutating func markVoting() { record.stage = .voting }

    /// The debrief is open at `page`.
    public mutating func markDebrief(page: Int) {
        record.stage = .debrief
        record.debriefPage = max(0, page)
    }

    /// The facilitator closed the debrief.
    public mutating func markFinished(at time: Date? = nil) {
        record.stage = .finished
        record.debriefPage = nil
        if record.finishedAt == nil { record.finishedAt = time.map(Self.wholeSecond) }
    }

    /// Names the group and the facilitator for the handout; nil leaves a name as it is.
    public mutating func describe(group: String?, facilitator: String?) {
        if let group { record.group = group }
        if let facilitator { record.facilitator = facilitator }
    }

    /// The last decision, when its vote is in and its reveal has not been shown.
    public var unrevealedDecision: WorkshopRecord.Decision? {
        record.currentStage == .voted ? record.decisions.last : nil
    }

    /// The decisions the room has seen revealed. The scoreboard counts only these, so it never gives
    /// a reveal away.
    public var revealedDecisionCount: Int { record.decisions.count - (unrevealedDecision == nil ? 0 : 1) }

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

    /// The room's totals as the room has seen them: before a vote not yet revealed.
    public var revealedRoomTotals: [Int] {
        if unrevealedDecision != nil, let story = before.last { return story.totals }
        return session.totals
    }

    /// Each team's totals per dimension, from its own picks: at every decision of the shared story,
    /// the team scores what its pick would have scored there.
    /// - Parameter count: only the first `count` decisions (by default, all of them).
    public func teamTotals(decisions count: Int? = nil) -> [(team: String, totals: [Int])] {
        var totals = teams.map { _ in [Int](repeating: 0, count: scenario.dimensions.count) }
        for past in pastDecisions.prefix(count ?? record.decisions.count) {
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
