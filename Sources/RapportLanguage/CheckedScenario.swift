/// A scenario that has passed the checker: every name resolved to an index, every type right, every
/// text sanitised. It can only be made by `Checker`, so nothing can play an unchecked file.
public struct CheckedScenario: Sendable {
    public let id: String
    public let title: String
    public let customer: String
    public let channel: Channel?
    public let summary: String?
    public let cast: [CastMember]
    public let dimensions: [String]
    public let variables: [Variable]
    /// The variable shown as the customer's mood meter, if any.
    public let meter: Int?
    public let promises: [PromiseDefinition]
    public let promiseScoring: PromiseScoring
    /// Nodes in file order; the first is where the conversation starts.
    public let nodes: [Node]
    /// The index in `dimensions` that promises score, if the scenario has a follow-through dimension.
    public let followThrough: Int?
    /// The file name shown in messages.
    public let sourceName: String
    /// A fingerprint of the file's bytes (`Fingerprint`), so a record of a run can tell that the
    /// scenario has changed.
    public let sourceHash: String
    /// The warnings the file's `// rapport: allow` comments turn off, for the analysis's warnings too.
    public let allowances: Allowances

    public var start: Int { 0 }

    init(
        id: String, title: String, customer: String, channel: Channel?, summary: String?, cast: [CastMember],
        dimensions: [String], variables: [Variable], meter: Int?, promises: [PromiseDefinition],
        promiseScoring: PromiseScoring, nodes: [Node], sourceName: String, sourceHash: String,
        allowances: Allowances = .none
    ) {
        self.id = id
        self.title = title
        self.customer = customer
        self.channel = channel
        self.summary = summary
        self.cast = cast
        self.dimensions = dimensions
        self.variables = variables
        self.meter = meter
        self.promises = promises
        self.promiseScoring = promiseScoring
        self.nodes = nodes
        self.followThrough = dimensions.firstIndex(of: "follow-through")
        self.sourceName = sourceName
        self.sourceHash = sourceHash
        self.allowances = allowances
    }

    public func nodeIndex(named name: String) -> Int? { nodes.firstIndex { $0.id == name } }

    /// The number of decisions: nodes that offer choices.
    public var decisionCount: Int { nodes.count { !$0.choices.isEmpty } }
}

public enum Channel: String, Sendable, Codable, CaseIterable {
    case phone, chat, email
    case inPerson = "in person"
}

public struct CastMember: Sendable, Hashable {
    public let name: String
    public let role: String?
}

public struct Variable: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case integer(ClosedRange<Int>?)
        case boolean
    }

    public let name: String
    public let kind: Kind
    /// Booleans are stored as 0 and 1.
    public let initial: Int

    /// Keeps a number inside its limits; booleans are already 0 or 1.
    public func clamp(_ value: Int) -> Int {
        if case .integer(let range?) = kind { return min(max(value, range.lowerBound), range.upperBound) }
        return value
    }

    public var isBoolean: Bool { kind == .boolean }
}

public struct PromiseDefinition: Sendable, Hashable {
    public let name: String
    /// What was promised, as written where the promise is first made.
    public let description: String
}

public struct PromiseScoring: Sendable, Hashable, Codable {
    public var kept: Int
    public var broken: Int
    public var open: Int

    public static let standard = PromiseScoring(kept: 2, broken: -2, open: -2)
}

public struct Node: Sendable {
    public let id: String
    /// 1-based line of the `== id` heading.
    public let line: Int
    /// What happens on arrival, in order: lines shown, state changed, a jump or an ending.
    public let steps: [NodeStep]
    public let choices: [Choice]
    /// `moment:`: the label of a moment that matters, shown in the debrief.
    public let moment: ScenarioText?
    /// `discuss:`: a question for a workshop group before they vote.
    public let discuss: ScenarioText?
    /// `hint:`: shown to a learner who asks for one at this decision.
    public let hint: ScenarioText?
    /// What happens when the trainee says nothing for a while.
    public let silence: Silence?

    init(
        id: String, line: Int, steps: [NodeStep], choices: [Choice], moment: ScenarioText?, discuss: ScenarioText?,
        hint: ScenarioText?, silence: Silence?
    ) {
        self.id = id
        self.line = line
        self.steps = steps
        self.choices = choices
        self.moment = moment
        self.discuss = discuss
        self.hint = hint
        self.silence = silence
    }
}

public struct NodeStep: Sendable {
    public enum Action: Sendable {
        case show(Line)
        case apply([Effect])
        case jump(Int)
        case end(Ending)
    }

    public let condition: Condition?
    /// An `[else]` (with no condition) or `[else if ...]`: the step runs only if no step of the run
    /// of conditional steps directly above it ran. The checker makes sure there is such a run.
    public let otherwise: Bool
    public let action: Action
    public let line: Int
}

/// A line of the conversation: speech when `speaker` is set, narration otherwise.
public struct Line: Sendable, Hashable, Codable {
    public let speaker: String?
    public let text: ScenarioText

    public init(speaker: String?, text: ScenarioText) {
        self.speaker = speaker
        self.text = text
    }
}

public struct Ending: Sendable, Hashable, Codable {
    public let outcome: Outcome
    public let summary: ScenarioText
}

public struct Choice: Sendable {
    /// Stable within one version of the file: the node's name and the choice's place in it.
    public let id: String
    public let text: ScenarioText
    public let condition: Condition?
    public let effects: [Effect]
    public let coach: ScenarioText?
    public let target: Int
    public let line: Int
}

public struct Silence: Sendable {
    public let seconds: Int
    /// The silence happens only at a decision where this holds.
    public let condition: Condition?
    public let line: Line
    public let effects: [Effect]
    public let coach: ScenarioText?
    public let target: Int?
    public let sourceLine: Int
}

public enum Effect: Sendable, Hashable {
    case score(dimension: Int, delta: Int)
    case set(variable: Int, AssignmentOperator, Int)
    case promise(Int)
    case keep(Int)
    case breakPromise(Int)
    /// Withdraws an open promise without scoring it.
    case drop(Int)
}

public enum Operand: Sendable, Hashable {
    case variable(Int)
    case constant(Int)
}

public indirect enum Condition: Sendable, Hashable {
    case compare(Operand, ComparisonOperator, Operand)
    case flag(Int)
    case promise(PromiseTest, Int)
    case visited(Int)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
}
