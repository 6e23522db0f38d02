import RapportLanguage

/// Something the trainee asked for that cannot be done now.
public enum PlayError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchChoice(String)
    case noSilenceHere
    case conversationOver

    public var description: String {
        switch self {
        case .noSuchChoice(let id): "'\(id)' is not one of the choices on offer"
        case .noSilenceHere: "nothing happens on silence here"
        case .conversationOver: "the conversation is over"
        }
    }
}

/// One playthrough of a checked scenario: a small, pure state machine with no terminal, files, clock
/// or randomness. Read `step`, then `choose` or `stayedSilent`; read `events` and `totals` as you go.
/// The same actions always give the same steps, events and transcript.
public struct Session: Sendable {
    public let scenario: CheckedScenario
    public let rules: Rules
    public private(set) var state: PlayState
    /// Raw totals, one per dimension in `scenario.dimensions`.
    public private(set) var totals: [Int]
    public private(set) var step: Step
    /// Every node passed through, in order.
    public private(set) var path: [Int]
    /// The record of this run: every step with the action that led to it and what happened.
    public private(set) var transcript: Transcript

    public init(_ scenario: CheckedScenario) {
        self.init(rules: Rules(scenario))
    }

    /// A session on rules already built, for callers that play many sessions of one scenario.
    public init(rules: Rules) {
        let scenario = rules.scenario
        self.scenario = scenario
        self.rules = rules
        var totals = Array(repeating: 0, count: scenario.dimensions.count)
        var events: [Event]? = []
        let arrival = rules.arrive(at: scenario.start, from: rules.initialState, deltas: &totals, events: &events)
        state = arrival.state
        self.totals = totals
        path = arrival.path
        step = Self.makeStep(arrival, coachNote: nil, rules: rules)
        transcript = Transcript(scenario: scenario)
        transcript.record(step: step, action: nil, events: events ?? [])
    }

    public var isOver: Bool { step.isOver }

    /// Every event so far, in order.
    public var events: [Event] { transcript.steps.flatMap(\.events) }

    /// Takes the choice with this id (see `step.choices`).
    @discardableResult
    public mutating func choose(_ id: String) throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard let offered = step.choices.first(where: { $0.id == id }) else { throw .noSuchChoice(id) }
        return try choose(number: offered.number)
    }

    /// Takes the choice shown with this number (1-based).
    @discardableResult
    public mutating func choose(number: Int) throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard step.choices.indices.contains(number - 1) else { throw .noSuchChoice("\(number)") }
        let offered = step.choices[number - 1]
        let choices = scenario.nodes[state.node].choices
        guard let index = choices.firstIndex(where: { $0.id == offered.id }) else { throw .noSuchChoice(offered.id) }
        return perform(.choose(index), recordedAs: .choice(id: offered.id, text: offered.text), coachNote: choices[index].coach)
    }

    /// The trainee said nothing for the silence timer's length.
    @discardableResult
    public mutating func stayedSilent() throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard step.silenceSeconds != nil, let silence = scenario.nodes[state.node].silence else { throw .noSilenceHere }
        return perform(.silence, recordedAs: .silence, coachNote: silence.coach)
    }

    mutating func perform(_ action: Rules.Action, recordedAs recorded: Transcript.Action, coachNote: ScenarioText?) -> [Event] {
        var events: [Event]? = []
        let arrival = rules.take(action, from: state, deltas: &totals, events: &events)
        state = arrival.state
        path += arrival.path
        step = Self.makeStep(arrival, coachNote: coachNote, rules: rules)
        let happened = events ?? []
        transcript.record(step: step, action: recorded, events: happened)
        if step.isOver { transcript.finish(totals: totals, scenario: scenario, ending: step.ending) }
        return happened
    }

    /// What the trainee sees after a move: at a decision, the choices whose condition holds,
    /// numbered as shown; none on offer means stuck.
    static func makeStep(_ arrival: Rules.Arrival, coachNote: ScenarioText?, rules: Rules) -> Step {
        let node = rules.scenario.nodes[arrival.state.node]
        var status: Step.Status
        switch arrival.stop {
        case .decision: status = .awaitingChoice
        case .ended(_, let ending): status = .ended(ending)
        case .stuck: status = .stuck
        case .endlessLoop: status = .endlessLoop
        }
        var offered: [OfferedChoice] = []
        if status == .awaitingChoice {
            for choice in node.choices where rules.holds(choice.condition, in: arrival.state) {
                offered.append(OfferedChoice(id: choice.id, number: offered.count + 1, text: choice.text))
            }
            if offered.isEmpty { status = .stuck }
        }
        let decides = status == .awaitingChoice
        return Step(
            node: node.id, coachNote: coachNote, actionEventCount: arrival.actionEventCount, lines: arrival.lines, choices: offered, status: status,
            moment: decides ? node.moment : nil, discuss: decides ? node.discuss : nil, hint: decides ? node.hint : nil,
            silenceSeconds: decides && rules.silenceAvailable(in: arrival.state) ? node.silence?.seconds : nil)
    }

    // MARK: - Reading the state

    public func status(ofPromise name: String) -> PromiseStatus? {
        scenario.promises.firstIndex { $0.name == name }.map { state.promises[$0] }
    }

    public func value(of variable: String) -> Int? {
        scenario.variables.firstIndex { $0.name == variable }.map { state.values[$0] }
    }

    public func total(of dimension: String) -> Int? {
        scenario.dimensions.firstIndex(of: dimension).map { totals[$0] }
    }

    /// The customer's meter now, with its limits, if the scenario has one.
    public var meter: (name: String, value: Int, range: ClosedRange<Int>?)? {
        guard let index = scenario.meter else { return nil }
        let variable = scenario.variables[index]
        if case .integer(let range) = variable.kind { return (variable.name, state.values[index], range) }
        return nil
    }

    /// Whether the run has passed through a node.
    public func hasVisited(_ node: String) -> Bool {
        guard let index = scenario.nodeIndex(named: node) else { return false }
        return path.contains(index)
    }

    /// Every line shown so far, in order.
    public var linesShown: [Line] { transcript.steps.flatMap(\.lines) }
}
