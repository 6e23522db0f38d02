import RapportLanguage

/// A record of one run, enough to replay it exactly and to tell if the scenario has changed since.
/// Encoded as JSON by the front ends; `version` changes whenever the shape does.
public struct Transcript: Sendable, Codable, Equatable {
    /// 2 added each step's coach note. Version 1 records are still read (they have no notes).
    public static let formatVersion = 2
    public static let readableVersions = 1...2

    public struct ScenarioReference: Sendable, Codable, Equatable {
        public let id: String
        public let title: String
        /// `CheckedScenario.sourceHash` of the file that was played.
        public let hash: String

        public init(id: String, title: String, hash: String) {
            self.id = id
            self.title = title
            self.hash = hash
        }
    }

    /// What the trainee did to move on.
    public enum Action: Sendable, Codable, Equatable {
        case choice(id: String, text: ScenarioText)
        case silence
    }

    /// One step: the action that led to it (none for the opening), then what was shown and offered.
    public struct Entry: Sendable, Codable, Equatable {
        public let action: Action?
        public let node: String
        public let lines: [Line]
        public let offered: [OfferedChoice]
        public let events: [Event]
        public let silenceSeconds: Int?
        /// The coach's note on the action that led here (none for the opening).
        public let coachNote: ScenarioText?
    }

    public struct DimensionTotal: Sendable, Codable, Equatable {
        public let dimension: String
        public let total: Int

        public init(dimension: String, total: Int) {
            self.dimension = dimension
            self.total = total
        }
    }

    public struct Result: Sendable, Codable, Equatable {
        public let totals: [DimensionTotal]
        public let ending: Ending?
    }

    public var version: Int
    public var scenario: ScenarioReference
    public var steps: [Entry]
    /// Set when the conversation is over.
    public var result: Result?

    /// An empty record of a run of this scenario.
    init(scenario: CheckedScenario) {
        version = Self.formatVersion
        self.scenario = ScenarioReference(id: scenario.id, title: scenario.title, hash: scenario.sourceHash)
        steps = []
    }

    mutating func record(step: Step, action: Action?, events: [Event]) {
        steps.append(
            Entry(
                action: action, node: step.node, lines: step.lines, offered: step.choices, events: events,
                silenceSeconds: step.silenceSeconds, coachNote: step.coachNote))
    }

    mutating func finish(totals: [Int], scenario: CheckedScenario, ending: Ending?) {
        result = Result(
            totals: zip(scenario.dimensions, totals).map { DimensionTotal(dimension: $0, total: $1) }, ending: ending)
    }

    /// The actions taken, in order: what a replay needs.
    public var actions: [Action] { steps.compactMap(\.action) }
}

extension Transcript.Entry {
    /// As a version 1 record had it.
    var withoutCoachNote: Self {
        Self(action: action, node: node, lines: lines, offered: offered, events: events, silenceSeconds: silenceSeconds, coachNote: nil)
    }
}

/// Why a transcript could not be replayed.
public enum ReplayError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedVersion(Int)
    case differentScenario(expected: String, found: String)
    case scenarioChanged
    case diverged(step: Int, reason: String)

    public var description: String {
        switch self {
        case .unsupportedVersion(let version):
            "this record has format version \(version); this Rapport reads versions \(Transcript.readableVersions.lowerBound) to \(Transcript.readableVersions.upperBound)"
        case .differentScenario(let expected, let found):
            "this record is of the scenario '\(expected)', not '\(found)'"
        case .scenarioChanged:
            "the scenario file has changed since this run was recorded"
        case .diverged(let step, let reason):
            "the replay went differently at step \(step): \(reason)"
        }
    }
}

extension Session {
    /// Plays a recorded run again on a scenario and checks that every step comes out the same.
    /// With `allowChangedScenario`, a changed file is replayed as far as it still matches.
    public static func replay(
        _ transcript: Transcript, on scenario: CheckedScenario, allowChangedScenario: Bool = false
    ) throws(ReplayError) -> Session {
        guard Transcript.readableVersions.contains(transcript.version) else { throw .unsupportedVersion(transcript.version) }
        guard transcript.scenario.id == scenario.id else {
            throw .differentScenario(expected: transcript.scenario.id, found: scenario.id)
        }
        if transcript.scenario.hash != scenario.sourceHash, !allowChangedScenario { throw .scenarioChanged }
        var session = Session(scenario)
        for (index, entry) in transcript.steps.enumerated() {
            if let action = entry.action {
                do {
                    switch action {
                    case .choice(let id, _): try session.choose(id)
                    case .silence: try session.stayedSilent()
                    }
                } catch {
                    throw .diverged(step: index, reason: error.description)
                }
            }
            guard let replayed = session.transcript.steps.last,
                replayed == entry || (transcript.version == 1 && replayed.withoutCoachNote == entry)
            else {
                throw .diverged(step: index, reason: "what was shown or offered is not what the record says")
            }
        }
        return session
    }
}

extension Session {
    /// A session that has taken these actions from the start, through the same moves as play: the
    /// way back to a decision for a retry, or to a moment for `--from`.
    public static func replaying(_ actions: some Sequence<Transcript.Action>, on scenario: CheckedScenario)
        throws(ReplayError) -> Session
    {
        var session = Session(scenario)
        for (index, action) in actions.enumerated() {
            do {
                switch action {
                case .choice(let id, _): try session.choose(id)
                case .silence: try session.stayedSilent()
                }
            } catch {
                throw .diverged(step: index + 1, reason: error.description)
            }
        }
        return session
    }
}
