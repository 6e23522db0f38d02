import Foundation
import RapportEngine

/// What a facilitated session has decided so far, and where the room is: enough to rebuild it
/// exactly after a crash, down to a vote taken but not yet revealed. Saved on disk after every change
/// (`WorkshopStore`); read back as outside input (`problem()`).
public struct WorkshopRecord: Sendable, Codable, Equatable {
    /// Version 2 names the session and keeps its stage, times, group and facilitator. A version 1
    /// save (one per scenario, none of those) is still read: a session named after its file, at the
    /// vote of its next decision.
    public static let formatVersion = 2
    public static let readableVersions = 1...2

    public struct Decision: Sendable, Codable, Equatable {
        public let node: String
        /// The ids of the options on offer, in letter order (A first).
        public let offered: [String]
        public let vote: Vote
        /// The id of the option the story followed.
        public let chosen: String
        /// True when the vote was tied and the facilitator chose.
        public let tieBroken: Bool
        /// When the vote was typed in, and when its reveal was first shown (nil until it is).
        public var votedAt: Date?
        public var revealedAt: Date?
    }

    /// Where the room is, so that a resumed session shows what was on the screen.
    public enum Stage: String, Sendable, Codable, Equatable, CaseIterable {
        /// The opening screen, before the first decision.
        case opening
        /// A decision on screen, waiting for the vote.
        case voting
        /// The last decision's vote is in and its reveal has not been shown.
        case voted
        /// The last decision's reveal is on screen.
        case revealed
        /// The debrief is open, at `debriefPage`.
        case debrief
        /// The facilitator closed the debrief: the session is over, kept to read and export.
        case finished
    }

    public var version: Int
    /// The session's name (its file's name without `.json`); nil in version 1 saves.
    public var name: String?
    public var scenario: Transcript.ScenarioReference
    /// The scenario file that was played, when it is not one of the bundled scenarios: what
    /// `--resume` opens again.
    public var sourcePath: String?
    public var teams: [String]
    /// Who the handout is for and who ran the session, when the facilitator said.
    public var group: String?
    public var facilitator: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Nil in version 1 saves, which were always at a vote.
    public var stage: Stage?
    /// The page of the debrief on screen, from 0, while the stage is `debrief`.
    public var debriefPage: Int?
    public var decisions: [Decision]

    /// The stage, with version 1's meaning where none was saved.
    public var currentStage: Stage { stage ?? .voting }
    public var isFinished: Bool { currentStage == .finished }

    /// The latest time the record holds: when the session last changed.
    public var lastActivity: Date? {
        ([startedAt, finishedAt] + decisions.flatMap { [$0.votedAt, $0.revealedAt] }).compactMap { $0 }.max()
    }
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
