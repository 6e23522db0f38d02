import RapportLanguage

/// A choice as the trainee sees it: its stable id, its number on screen and its text.
public struct OfferedChoice: Sendable, Hashable, Codable {
    public let id: String
    /// 1-based, counting only the choices on offer now.
    public let number: Int
    public let text: ScenarioText
}

/// What the trainee sees now: the lines since the last decision, and what they can do.
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
    public var node: String { nodes[nodeIndex].id }
    public let lines: SharedList<Line>
    public let choices: SharedList<OfferedChoice>
    public let status: Status
    public var moment: ScenarioText? { readsExtras ? nodes[nodeIndex].moment : nil }
    public var discuss: ScenarioText? { readsExtras ? nodes[nodeIndex].discuss : nil }
    public var hint: ScenarioText? { readsExtras ? nodes[nodeIndex].hint : nil }
    /// Seconds before the customer fills a silence, if this decision has a silence still to come.
    public var silenceSeconds: Int? { readsExtras && !silenceUsed ? nodes[nodeIndex].silence?.seconds : nil }

    /// The node's id, moment, prompt, hint and silence are read from the node when asked for, not
    /// copied into every step: on a large scenario the node is usually not in the processor's
    /// caches. With the rules' ready-made lists, a step at a node that has none of them says so
    /// (`readsExtras`) without reading the node, so random play, which asks for the silence at
    /// every step, reads it only where there is one.
    let nodes: [Node]
    let nodeIndex: Int
    /// Whether the step is a decision at a node that may have a moment, prompt, hint or silence.
    let readsExtras: Bool
    let silenceUsed: Bool
    /// Which list `choices` is, so that a choice's number can be turned into its place in the node
    /// without reading the node (see `Session.choose(number:)`).
    let choiceOrigin: ChoiceOrigin

    enum ChoiceOrigin: Sendable {
        /// All the node's choices, in order: the number is the place.
        case allOfNode
        /// The node's choices without a condition (see `Rules.Offers.unconditionalChoices`).
        case unconditionalOfNode
        /// Picked one by one.
        case picked
    }

    public var isOver: Bool { status != .awaitingChoice }
    public var ending: Ending? {
        if case .ended(let ending) = status { return ending }
        return nil
    }
}
