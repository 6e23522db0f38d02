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
    /// Every event so far, in order.
    public private(set) var events: [Event] = []
    public private(set) var step: Step
    /// Every node passed through, in order.
    public private(set) var path: [Int] = []
    public private(set) var transcript: Transcript

    public init(_ scenario: CheckedScenario) {
        self.init(rules: Rules(scenario))
    }

    /// A session on rules already built, for callers that play many sessions of one scenario (random
    /// play): building `Rules` walks every node, so building it for each session made a playthrough
    /// cost time in proportion to the whole scenario rather than to the part of it played.
    public init(rules: Rules) {
        let scenario = rules.scenario
        self.scenario = scenario
        self.rules = rules
        var deltas = Array(repeating: 0, count: scenario.dimensions.count)
        var newEvents: [Event]? = []
        let arrival = rules.arrive(
            at: scenario.start, from: rules.initialState, deltas: &deltas, events: &newEvents, collectLines: true)
        self.state = arrival.state
        self.totals = deltas
        self.path = arrival.path
        self.events = newEvents ?? []
        let step = Self.makeStep(arrival, rules: rules)
        self.step = step
        self.transcript = Transcript(scenario: scenario)
        transcript.record(step: step, action: nil, events: events)
    }

    public var isOver: Bool { step.isOver }

    /// Takes the choice with this id (see `step.choices`).
    @discardableResult
    public mutating func choose(_ id: String) throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard let offered = step.choices.first(where: { $0.id == id }),
            let index = scenario.nodes[state.node].choices.firstIndex(where: { $0.id == offered.id })
        else { throw .noSuchChoice(id) }
        return perform(.choose(index), record: .choice(id: offered.id, text: offered.text))
    }

    /// Takes the choice shown with this number (1-based).
    @discardableResult
    public mutating func choose(number: Int) throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard number >= 1, number <= step.choices.count else { throw .noSuchChoice("\(number)") }
        return try choose(step.choices[number - 1].id)
    }

    /// The trainee said nothing for the silence timer's length.
    @discardableResult
    public mutating func stayedSilent() throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard step.silenceSeconds != nil else { throw .noSilenceHere }
        return perform(.silence, record: .silence)
    }

    mutating func perform(_ action: Rules.Action, record: Transcript.Action) -> [Event] {
        var deltas = Array(repeating: 0, count: scenario.dimensions.count)
        var newEvents: [Event]? = []
        let arrival = rules.take(action, from: state, deltas: &deltas, events: &newEvents, collectLines: true)
        state = arrival.state
        for index in totals.indices { totals[index] += deltas[index] }
        path += arrival.path
        let happened = newEvents ?? []
        events += happened
        step = Self.makeStep(arrival, rules: rules)
        transcript.record(step: step, action: record, events: happened)
        if step.isOver { transcript.finish(totals: totals, scenario: scenario, ending: step.ending) }
        return happened
    }

    static func makeStep(_ arrival: Rules.Arrival, rules: Rules) -> Step {
        let node = rules.scenario.nodes[arrival.state.node]
        let status: Step.Status
        switch arrival.stop {
        case .decision: status = .awaitingChoice
        case .ended(_, let ending): status = .ended(ending)
        case .stuck: status = .stuck
        case .endlessLoop: status = .endlessLoop
        }
        let offered: [OfferedChoice] =
            status == .awaitingChoice
            ? rules.visibleChoices(in: arrival.state).enumerated().map { number, index in
                OfferedChoice(id: node.choices[index].id, number: number + 1, text: node.choices[index].text)
            } : []
        let decides = status == .awaitingChoice
        return Step(
            node: node.id, lines: arrival.lines, choices: offered, status: status,
            moment: decides ? node.moment : nil, discuss: decides ? node.discuss : nil,
            hint: decides ? node.hint : nil,
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
