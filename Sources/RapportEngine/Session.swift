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
    /// Every event so far, in order. Read from the transcript, which records each step's events,
    /// rather than kept a second time: appending every event to a second array cost a tenth of a
    /// decision's time. Reading it costs time in proportion to the run so far.
    public var events: [Event] { record.steps.flatMap(\.events) }
    public private(set) var step: Step
    /// Every node passed through, in order.
    public private(set) var path: [Int] = []
    /// The record of this run. Its scenario fingerprint is read from the scenario when the transcript
    /// is: a large file's is still being worked out on another thread when the check returns, and
    /// waiting for it delayed the first choice on screen by up to 20 ms at 10,000 decisions. Nothing
    /// but a transcript needs it.
    public var transcript: Transcript {
        var transcript = record
        transcript.scenario.hash = scenario.sourceHash
        return transcript
    }
    /// The transcript without its fingerprint.
    private var record: Transcript
    /// Whether the session keeps a record of what happened (see `init(rules:recording:)`).
    public let isRecording: Bool

    /// A session of its own. Its rules are built without the ready-made choice lists (`Rules.offers`):
    /// making them walks every node, which for one playthrough of a large scenario took longer than
    /// the playthrough, and delayed the first choice on screen. Each step builds its own list instead,
    /// with the same result.
    public init(_ scenario: CheckedScenario) {
        self.init(rules: Rules(scenario, offers: false))
    }

    /// A session on rules already built, for callers that play many sessions of one scenario (random
    /// play): building `Rules` walks every node, so building it for each session made a playthrough
    /// cost time in proportion to the whole scenario rather than to the part of it played.
    ///
    /// Without `recording`, the session keeps no record of what happened: `transcript` has no steps,
    /// `events` and `linesShown` stay empty, and `choose` and `stayedSilent` return no events. The
    /// steps, path, state and totals are the same. For callers that play many sessions and read
    /// only those (random play): working out and keeping every step's events took a third of the
    /// time of a long playthrough, most of it in memory that a record of thousands of steps pushes
    /// out of the processor's caches.
    public init(rules: Rules, recording: Bool = true) {
        let scenario = rules.scenario
        self.scenario = scenario
        self.rules = rules
        isRecording = recording
        var state = rules.initialState
        var totals = Array(repeating: 0, count: scenario.dimensions.count)
        var newEvents: [Event]? = recording ? [] : nil
        var lines: SharedList<Line> = []
        var path: [Int] = []
        path.reserveCapacity(Transcript.typicalLength)
        let stop = rules.arrive(
            at: scenario.start, state: &state, deltas: &totals, events: &newEvents, lines: &lines, path: &path,
            collectLines: true, checkStuck: false)
        self.state = state
        self.totals = totals
        self.path = path
        let step = Self.makeStep(state: state, stop: stop, lines: lines, rules: rules)
        self.step = step
        self.record = Transcript(scenario: scenario)
        if recording { record.record(step: step, action: nil, events: newEvents ?? []) }
    }

    public var isOver: Bool { step.isOver }

    /// Takes the choice with this id (see `step.choices`).
    @discardableResult
    public mutating func choose(_ id: String) throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard let position = step.choices.firstIndex(where: { $0.id == id }) else { throw .noSuchChoice(id) }
        return try choose(number: position + 1)
    }

    /// Takes the choice shown with this number (1-based).
    @discardableResult
    public mutating func choose(number: Int) throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard number >= 1, number <= step.choices.count else { throw .noSuchChoice("\(number)") }
        let offered = step.choices[number - 1]
        let recorded: Transcript.Action? = isRecording ? .choice(id: offered.id, text: offered.text) : nil
        switch step.choiceOrigin {
        case .allOfNode:
            return perform(.choose(number - 1), recordedAs: recorded)
        case .unconditionalOfNode:
            // The number-th choice without a condition: the lowest bits are cleared one by one.
            var unconditional = rules.offers[state.node].unconditionalChoices
            for _ in 1..<number { unconditional &= unconditional - 1 }
            return perform(.choose(unconditional.trailingZeroBitCount), recordedAs: recorded)
        case .picked:
            // Choice ids are unique within a scenario, so the node's choice with the offered one's id
            // is this one. An offered choice is the node's choice at the same place or later, so the
            // search starts there.
            let choices = scenario.nodes[state.node].choices
            var index = number - 1
            while index < choices.count, choices[index].id != offered.id { index += 1 }
            guard index < choices.count else { throw .noSuchChoice(offered.id) }
            return perform(.choose(index), recordedAs: recorded)
        }
    }

    /// The trainee said nothing for the silence timer's length.
    @discardableResult
    public mutating func stayedSilent() throws(PlayError) -> [Event] {
        guard !step.isOver else { throw .conversationOver }
        guard step.silenceSeconds != nil else { throw .noSilenceHere }
        return perform(.silence, recordedAs: .silence)
    }

    /// `recordedAs` is the action as the transcript keeps it: nil when the session is not recording.
    mutating func perform(_ action: Rules.Action, recordedAs recorded: Transcript.Action?) -> [Event] {
        var newEvents: [Event]? = isRecording ? [] : nil
        if isRecording, case .choose(let index) = action {
            newEvents!.reserveCapacity(scenario.nodes[state.node].choices[index].effects.count + 2)
        }
        var lines: SharedList<Line> = []
        // The state is changed where it is, so its arrays are changed in place rather than copied.
        // Score changes are added straight to the totals: adding them to zeroed deltas and then the
        // deltas to the totals gives the same sums.
        let stop = rules.take(
            action, state: &state, deltas: &totals, events: &newEvents, lines: &lines, path: &path,
            collectLines: true, checkStuck: false)
        let happened = newEvents ?? []
        step = Self.makeStep(state: state, stop: stop, lines: lines, rules: rules)
        if isRecording {
            record.record(step: step, action: recorded, events: happened)
            if step.isOver { record.finish(totals: totals, scenario: scenario, ending: step.ending) }
        }
        return happened
    }

    /// The step for a stop. The rules were asked not to check for a decision with nothing on offer
    /// (`checkStuck: false`): the visible choices are listed here anyway, and none means stuck, which
    /// is the rules' own test.
    static func makeStep(state: PlayState, stop: Rules.Stop, lines: SharedList<Line>, rules: Rules) -> Step {
        let here = state.node
        var status: Step.Status
        switch stop {
        case .decision: status = .awaitingChoice
        case .ended(_, let ending): status = .ended(ending)
        case .stuck: status = .stuck
        case .endlessLoop: status = .endlessLoop
        }
        let ready = here < rules.offers.count
        var offered: SharedList<OfferedChoice> = []
        var origin = Step.ChoiceOrigin.picked
        if status == .awaitingChoice, ready {
            // Usually all the choices are shown, or exactly those without a condition: the rules
            // have both lists ready, and know which from the conditions alone, without reading the
            // node's choices.
            let entry = rules.offers[here]
            var allShown = true
            var unconditionalShown = true
            var anyShown = entry.anyUnconditional
            let first = Int(entry.firstChoiceTest)
            for index in first..<(first + Int(entry.choiceTestCount)) {
                if rules.holds(rules.tests[index], in: state) {
                    anyShown = true
                    unconditionalShown = false
                } else {
                    allShown = false
                }
            }
            if !anyShown {
                status = .stuck
            } else if allShown {
                offered = SharedList(
                    rules.offeredChoices, start: Int(entry.allChoicesStart), count: Int(entry.choiceCount))
                origin = .allOfNode
            } else if unconditionalShown, entry.unconditionalCount > 0 {
                offered = SharedList(
                    rules.offeredChoices, start: entry.unconditionalStart, count: Int(entry.unconditionalCount))
                origin = .unconditionalOfNode
            }
        }
        if status == .awaitingChoice, origin == .picked {
            // The visible choices are numbered as they are found, without a list of indices first;
            // none means stuck.
            let choices = rules.scenario.nodes[here].choices
            var picked: [OfferedChoice] = []
            for index in choices.indices where rules.holds(choices[index].condition, in: state) {
                if picked.isEmpty { picked.reserveCapacity(choices.count - index) }
                picked.append(OfferedChoice(id: choices[index].id, number: picked.count + 1, text: choices[index].text))
            }
            if picked.isEmpty { status = .stuck } else { offered = SharedList(picked) }
        }
        let decides = status == .awaitingChoice
        return Step(
            lines: lines, choices: offered, status: status, nodes: rules.scenario.nodes, nodeIndex: here,
            readsExtras: decides && (!ready || rules.offers[here].hasExtras), silenceUsed: state.silenceUsed,
            choiceOrigin: origin)
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
    public var linesShown: [Line] { record.steps.flatMap(\.lines) }
}
