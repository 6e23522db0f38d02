import RapportLanguage

/// The rules of play as pure functions over `PlayState`: which conditions hold, what effects do, and
/// how a move goes from one decision to the next. `Session` plays by them and the analysis explores
/// by them, through the same code, so what the analysis says can happen is exactly what play does.
public struct Rules: Sendable {
    public let scenario: CheckedScenario
    /// For each node, its slot in `PlayState.watchedVisits`, or nil when no condition asks about it.
    /// Only visits that some condition can see are part of the state, so two playthroughs that
    /// differ only in visits nobody asks about are the same state.
    let watchedSlot: [Int?]
    /// At most this many nodes can be passed through between two decisions. The checker rejects
    /// loops it can see; this stops any loop that depends on state.
    public static let maximumNodesWithoutChoice = 10_000

    public init(_ scenario: CheckedScenario) {
        self.scenario = scenario
        var watched = Set<Int>()
        for node in scenario.nodes {
            for step in node.steps { step.condition?.collectVisited(into: &watched) }
            for choice in node.choices { choice.condition?.collectVisited(into: &watched) }
            node.silence?.condition?.collectVisited(into: &watched)
        }
        var slots = [Int?](repeating: nil, count: scenario.nodes.count)
        for (slot, node) in watched.sorted().enumerated() { slots[node] = slot }
        watchedSlot = slots
    }

    public var initialState: PlayState {
        PlayState(
            node: scenario.start, values: scenario.variables.map(\.initial),
            promises: Array(repeating: .notMade, count: scenario.promises.count),
            watchedVisits: Array(repeating: false, count: watchedSlot.count { $0 != nil }), silenceUsed: false)
    }

    // MARK: - Conditions

    public func holds(_ condition: Condition?, in state: PlayState) -> Bool {
        guard let condition else { return true }
        switch condition {
        case .compare(let left, let op, let right): return op.holds(value(left, state), value(right, state))
        case .flag(let variable): return state.values[variable] != 0
        case .promise(let test, let promise):
            switch test {
            case .promised: return state.promises[promise] == .open
            case .kept: return state.promises[promise] == .kept
            case .broken: return state.promises[promise] == .broken
            case .dropped: return state.promises[promise] == .dropped
            }
        case .visited(let node):
            guard let slot = watchedSlot[node] else { return false }
            return state.watchedVisits[slot]
        case .not(let inner): return !holds(inner, in: state)
        case .and(let a, let b): return holds(a, in: state) && holds(b, in: state)
        case .or(let a, let b): return holds(a, in: state) || holds(b, in: state)
        }
    }

    func value(_ operand: Operand, _ state: PlayState) -> Int {
        switch operand {
        case .variable(let index): state.values[index]
        case .constant(let value): value
        }
    }

    /// The choices on offer in a decision state, as indices into the node's choices.
    public func visibleChoices(in state: PlayState) -> [Int] {
        let choices = scenario.nodes[state.node].choices
        return choices.indices.filter { holds(choices[$0].condition, in: state) }
    }

    /// Whether a silence can still happen in this decision state: the node has one, it has not
    /// happened on this visit, and its condition holds.
    public func silenceAvailable(in state: PlayState) -> Bool {
        guard let silence = scenario.nodes[state.node].silence, !state.silenceUsed else { return false }
        return holds(silence.condition, in: state)
    }

    // MARK: - Effects

    /// Applies effects in order, adding score changes to `deltas` (one slot per dimension) and, if
    /// `events` is given, recording what happened.
    public func apply(
        _ effects: [Effect], to state: inout PlayState, deltas: inout [Int], reason: ScoreReason,
        events: inout [Event]?
    ) {
        for effect in effects {
            switch effect {
            case .score(let dimension, let delta):
                deltas[dimension] += delta
                events?.append(.scored(dimension: scenario.dimensions[dimension], delta: delta, reason: reason))
            case .set(let variable, let op, let amount):
                let old = state.values[variable]
                let raw =
                    switch op {
                    case .assign: amount
                    case .add: old + amount
                    case .subtract: old - amount
                    }
                let new = scenario.variables[variable].clamp(raw)
                state.values[variable] = new
                if new != old {
                    events?.append(.stateChanged(name: scenario.variables[variable].name, from: old, to: new))
                }
            case .promise(let promise):
                state.promises[promise] = .open
                let definition = scenario.promises[promise]
                events?.append(.promiseMade(name: definition.name, description: definition.description))
            case .keep(let promise):
                guard state.promises[promise] == .open else { continue }
                state.promises[promise] = .kept
                events?.append(.promiseKept(name: scenario.promises[promise].name))
                scorePromise(scenario.promiseScoring.kept, .promiseKept, &deltas, &events)
            case .breakPromise(let promise):
                guard state.promises[promise] == .open else { continue }
                state.promises[promise] = .broken
                events?.append(.promiseBroken(name: scenario.promises[promise].name))
                scorePromise(scenario.promiseScoring.broken, .promiseBroken, &deltas, &events)
            case .drop(let promise):
                // Withdrawn: no longer open, so not scored at the end either.
                guard state.promises[promise] == .open else { continue }
                state.promises[promise] = .dropped
                events?.append(.promiseDropped(name: scenario.promises[promise].name))
            }
        }
    }

    /// Promises score follow-through; a scenario without that dimension tracks them unscored.
    func scorePromise(_ amount: Int, _ reason: ScoreReason, _ deltas: inout [Int], _ events: inout [Event]?) {
        guard let dimension = scenario.followThrough, amount != 0 else { return }
        deltas[dimension] += amount
        events?.append(.scored(dimension: scenario.dimensions[dimension], delta: amount, reason: reason))
    }

    // MARK: - Moving through nodes

    /// How a move finished.
    public enum Stop: Sendable, Hashable {
        /// Waiting for the trainee in `state.node`.
        case decision
        case ended(node: Int, Ending)
        /// Nothing on offer and no way on.
        case stuck
        /// More than `maximumNodesWithoutChoice` nodes passed without a decision.
        case endlessLoop
    }

    /// What the trainee can do at a decision.
    public enum Action: Sendable, Hashable, Codable {
        /// The choice's index within its node.
        case choose(Int)
        case silence
    }

    /// Where a move ended and what happened on the way.
    public struct Arrival: Sendable {
        public var state: PlayState
        public var stop: Stop
        /// Lines shown on the way, in order. Like events, part of the record of what happened, and
        /// kept only when events are asked for (the analysis asks for neither).
        public var lines: [Line] = []
        /// Nodes passed through, in order, including the last.
        public var path: [Int] = []
        /// Of the events a `take` reported, how many its action made (a silence's line, the choice's
        /// or the silence's effects); the ones after came on arrival (a node's effects, a promise
        /// scored at an ending), which the lines shown there explain.
        public var actionEventCount = 0
        /// The state values as each node of `path` was entered, before its own lines ran; kept only
        /// when asked for (`rapport analyze` shows each number's range at each node).
        public var valuesOnEntry: [[Int]] = []
    }

    /// Takes an action from a decision state: applies its effects, then arrives at the next node (or,
    /// for a silence with no `->`, stays at the same decision).
    public func take(
        _ action: Action, from state: PlayState, deltas: inout [Int], events: inout [Event]?,
        recordingEntries: Bool = false
    ) -> Arrival {
        var state = state
        let before = events?.count ?? 0
        switch action {
        case .choose(let index):
            let choices = scenario.nodes[state.node].choices
            apply(choices[index].effects, to: &state, deltas: &deltas, reason: .choice, events: &events)
            let own = (events?.count ?? 0) - before
            var arrival = arrive(
                at: choices[index].target, from: state, deltas: &deltas, events: &events, recordingEntries: recordingEntries)
            arrival.actionEventCount = own
            return arrival
        case .silence:
            guard let silence = scenario.nodes[state.node].silence else { return Arrival(state: state, stop: .decision) }
            events?.append(.silence(silence.line))
            apply(silence.effects, to: &state, deltas: &deltas, reason: .silence, events: &events)
            let own = (events?.count ?? 0) - before
            if let target = silence.target {
                var arrival = arrive(at: target, from: state, deltas: &deltas, events: &events, recordingEntries: recordingEntries)
                // The silence's own line comes first, before those shown on arrival.
                if events != nil { arrival.lines.insert(silence.line, at: 0) }
                arrival.actionEventCount = own
                return arrival
            }
            state.silenceUsed = true
            var arrival = Arrival(state: state, stop: decisionOrStuck(state), lines: events != nil ? [silence.line] : [])
            arrival.actionEventCount = own
            return arrival
        }
    }

    /// Enters `node` and goes down its steps, following jumps, until a decision, an ending, or
    /// trouble. Open promises are scored when an ending is reached.
    public func arrive(
        at node: Int, from state: PlayState, deltas: inout [Int], events: inout [Event]?,
        recordingEntries: Bool = false
    ) -> Arrival {
        var arrival = Arrival(state: state, stop: .endlessLoop)
        var current = node
        nodes: for _ in 0..<Self.maximumNodesWithoutChoice {
            arrival.state.node = current
            arrival.state.silenceUsed = false
            if let slot = watchedSlot[current] { arrival.state.watchedVisits[slot] = true }
            arrival.path.append(current)
            if recordingEntries { arrival.valuesOnEntry.append(arrival.state.values) }
            // Whether a step of the run of conditional steps just above ran, for an `[else]`: a
            // step without a condition (an `[else]` included) ends the run.
            var runRan = false
            for step in scenario.nodes[current].steps {
                let runs = !(step.otherwise && runRan) && holds(step.condition, in: arrival.state)
                runRan = step.condition == nil ? false : runRan || runs
                guard runs else { continue }
                switch step.action {
                case .show(let line):
                    if events != nil { arrival.lines.append(line) }
                case .apply(let effects):
                    apply(effects, to: &arrival.state, deltas: &deltas, reason: .node, events: &events)
                case .jump(let target):
                    current = target
                    continue nodes
                case .end(let ending):
                    scoreOpenPromises(arrival.state, &deltas, &events)
                    events?.append(.ended(ending))
                    arrival.stop = .ended(node: current, ending)
                    return arrival
                }
            }
            arrival.stop = decisionOrStuck(arrival.state)
            return arrival
        }
        return arrival
    }

    func scoreOpenPromises(_ state: PlayState, _ deltas: inout [Int], _ events: inout [Event]?) {
        for promise in state.promises.indices where state.promises[promise] == .open {
            events?.append(.promiseLeftOpen(name: scenario.promises[promise].name))
            scorePromise(scenario.promiseScoring.open, .promiseOpen, &deltas, &events)
        }
    }

    /// A decision, unless nothing is on offer there.
    func decisionOrStuck(_ state: PlayState) -> Stop {
        scenario.nodes[state.node].choices.contains { holds($0.condition, in: state) } ? .decision : .stuck
    }
}

extension ComparisonOperator {
    /// Whether `left op right`.
    func holds(_ left: Int, _ right: Int) -> Bool {
        switch self {
        case .equal: left == right
        case .notEqual: left != right
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        }
    }
}

extension Condition {
    /// The number of terms in the condition: every operator, name and number counts one.
    public var size: Int {
        switch self {
        case .compare: return 3
        case .flag, .promise, .visited: return 1
        case .not(let inner): return 1 + inner.size
        case .and(let a, let b), .or(let a, let b): return 1 + a.size + b.size
        }
    }

    /// The nodes this condition asks whether the conversation has visited.
    func collectVisited(into nodes: inout Set<Int>) {
        switch self {
        case .visited(let node): nodes.insert(node)
        case .not(let inner): inner.collectVisited(into: &nodes)
        case .and(let a, let b), .or(let a, let b):
            a.collectVisited(into: &nodes)
            b.collectVisited(into: &nodes)
        case .compare, .flag, .promise: break
        }
    }
}
