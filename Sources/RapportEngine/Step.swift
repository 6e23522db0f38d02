import RapportLanguage

/// A choice as the trainee sees it: its stable id, its number on screen and its text.
public struct OfferedChoice: Sendable, Hashable, Codable {
    public let id: String
    /// 1-based, counting only the choices on offer now.
    public let number: Int
    public let text: ScenarioText
}

/// What the trainee sees now: the coach's note on what they just did, the lines since the last
/// decision, and what they can do next.
public struct Step: Sendable {
    public enum Status: Sendable, Hashable {
        case awaitingChoice
        case ended(Ending)
        /// The scenario left the trainee with nothing to choose (analysis reports where).
        case stuck
        /// A loop passed the runtime guard without a decision.
        case endlessLoop
    }

    /// The id of the node the trainee is at.
    public let node: String
    /// The coach's note on the choice (or silence) that led here; nil at the start.
    public let coachNote: ScenarioText?
    /// Of the events the move that led here reported, how many its own choice or silence made; the
    /// rest came on arrival here, and `lines` explain them (0 at the start).
    public let actionEventCount: Int
    public let lines: [Line]
    /// Empty unless the status is `awaitingChoice`.
    public let choices: [OfferedChoice]
    public let status: Status
    /// The node's `moment:`, `discuss:` and `hint:`, at a decision.
    public let moment: ScenarioText?
    public let discuss: ScenarioText?
    public let hint: ScenarioText?
    /// Seconds before the customer fills a silence, if this decision has a silence still to come.
    public let silenceSeconds: Int?

    public var isOver: Bool { status != .awaitingChoice }
    public var ending: Ending? {
        if case .ended(let ending) = status { return ending }
        return nil
    }
}
