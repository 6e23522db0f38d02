import RapportLanguage

/// The rules of play as pure functions over `PlayState`. The session and the analysis both use these,
/// so what analysis says can happen is exactly what play does.
public struct Rules: Sendable {
    public let scenario: CheckedScenario
    /// For each node, its slot in `PlayState.watchedVisits`, or nil when no condition asks about it.
    public let watchedSlot: [Int?]
    /// How many nodes have a slot: counted once here, as `initialState` is needed for every session.
    let watchedCount: Int
    /// At most this many nodes can be passed through between two decisions. The checker rejects
    /// certain loops; this stops any loop that depends on state.
    public static let maximumNodesWithoutChoice = 10_000

    /// For each node, what a step there needs to know without reading the node: where its
    /// ready-made lists are, and where its tests and moves start. Empty for rules built without
    /// them (the analysis never shows a step).
    let offers: [Offers]
    /// Every node's choices as a step offers them, one node after another: all of them, numbered
    /// from 1, then (for a node where some have a condition and some not) those without one. The two
    /// usual cases: a step shares a stretch of this list (see `SharedList`) instead of building its
    /// own and copying every choice's id and text into it.
    let offeredChoices: [OfferedChoice]
    /// The same for the lines a node shows on arrival (its `show` steps), for nodes with at most 64
    /// steps: all of them, then (where some have a condition and some not) those without one.
    let shownLines: [Line]
    /// The bytes of the texts in `shownLines` and `offeredChoices` (see `ShownTextStore`); empty
    /// when they are read from the file.
    let shownTextBytes: [UInt8]

    /// The conditions of every node's steps and then, in rules with ready-made lists, of its choices
    /// that have one, node by node, as tests kept in place (see `ConditionTest`). A node's step
    /// tests start at `Offers.firstStepTest` (or, in rules without ready-made lists, at
    /// `stepTestStart`), its choice tests at `Offers.firstChoiceTest`: next to each
    /// other, so one read from memory usually brings both.
    let tests: [ConditionTest]
    let stepTestStart: [Int32]
    /// The conditions that are not of a kind a `ConditionTest` keeps in place.
    let otherConditions: [Condition]
    /// What taking each choice does, node by node (see `Offers.firstMove`): for each choice, a word
    /// with the node it leads to and how many effects follow, then the effects (see `PackedEffect`).
    /// The node's list of choices and each choice's list of effects are objects of their own, and
    /// holding them retained them (see `ConditionTest`). Empty for rules built without ready-made
    /// lists, and for the rare scenario with an effect too large to pack.
    let moves: [PackedEffect]

    public init(_ scenario: CheckedScenario) {
        self.init(scenario, offers: true)
    }

    /// `offers: false` leaves out the ready-made choice lists (`offers`), for callers that never
    /// build a `Step`: they would only take memory.
    package init(_ scenario: CheckedScenario, offers buildOffers: Bool) {
        self.scenario = scenario
        var others: [Condition] = []
        var tests: [ConditionTest] = []
        var stepTestStart: [Int32] = []
        if !buildOffers { stepTestStart.reserveCapacity(scenario.nodes.count) }
        var lists = ReadyMadeLists()
        for node in scenario.nodes {
            let firstStepTest = Int32(tests.count)
            for step in node.steps { tests.append(.make(step.condition, others: &others)) }
            if buildOffers {
                lists.add(node, firstStepTest: firstStepTest, tests: &tests, others: &others)
            } else {
                stepTestStart.append(firstStepTest)
            }
        }
        lists.finish()
        self.offers = lists.offers
        self.offeredChoices = lists.offeredChoices
        self.shownLines = lists.shownLines
        self.shownTextBytes = lists.shownTextBytes
        self.tests = tests
        self.stepTestStart = stepTestStart
        self.otherConditions = others
        self.moves = lists.allPacked ? lists.moves : []
        var watched = Set<Int>()
        func collect(_ condition: Condition?) {
            guard let condition else { return }
            switch condition {
            case .visited(let node): watched.insert(node)
            case .not(let inner): collect(inner)
            case .and(let a, let b), .or(let a, let b):
                collect(a)
                collect(b)
            default: break
            }
        }
        for node in scenario.nodes {
            node.steps.forEach { collect($0.condition) }
            node.choices.forEach { collect($0.condition) }
        }
        var slots = [Int?](repeating: nil, count: scenario.nodes.count)
        for (slot, node) in watched.sorted().enumerated() { slots[node] = slot }
        self.watchedSlot = slots
        self.watchedCount = watched.count
    }

    public var initialState: PlayState {
        PlayState(
            node: scenario.start, values: scenario.variables.map(\.initial),
            promises: Array(repeating: .notMade, count: scenario.promises.count),
            watchedVisits: Array(repeating: false, count: watchedCount), silenceUsed: false)
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
        // The node's choices are read once: indexing `scenario.nodes[...]` for each choice copied it.
        let choices = scenario.nodes[state.node].choices
        var visible: [Int] = []
        visible.reserveCapacity(choices.count)
        for index in choices.indices where holds(choices[index].condition, in: state) { visible.append(index) }
        return visible
    }

    /// Whether any choice is on offer: what the stuck check needs, without building the list.
    func hasVisibleChoice(in state: PlayState) -> Bool {
        scenario.nodes[state.node].choices.contains { holds($0.condition, in: state) }
    }

    /// Whether a silence can still happen in this decision state.
    public func silenceAvailable(in state: PlayState) -> Bool {
        scenario.nodes[state.node].silence != nil && !state.silenceUsed
    }

    // MARK: - Effects

    /// Applies effects, adding score changes to `deltas` (one slot per dimension) and, if `events` is
    /// given, recording what happened.
    public func apply(
        _ effects: [Effect], to state: inout PlayState, deltas: inout [Int], reason: ScoreReason,
        events: inout [Event]?
    ) {
        applyEach(effects, to: &state, deltas: &deltas, reason: reason, events: &events)
    }

    /// `apply`, for a list of the node's own or a stretch of the rules' `moveEffects`.
    func applyEach<Effects: Collection<Effect>>(
        _ effects: Effects, to state: inout PlayState, deltas: inout [Int], reason: ScoreReason,
        events: inout [Event]?
    ) {
        let weights = scenario.promiseScoring
        for effect in effects {
            switch effect {
            case .score(let dimension, let delta):
                deltas[dimension] += delta
                events?.append(.scored(dimension: scenario.dimensions[dimension], delta: delta, reason: reason))
            case .set(let variable, let op, let amount):
                let old = state.values[variable]
                let raw: Int =
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
                scorePromise(weights.kept, .promiseKept, &deltas, &events)
            case .breakPromise(let promise):
                guard state.promises[promise] == .open else { continue }
                state.promises[promise] = .broken
                events?.append(.promiseBroken(name: scenario.promises[promise].name))
                scorePromise(weights.broken, .promiseBroken, &deltas, &events)
            }
        }
    }

    func scorePromise(_ amount: Int, _ reason: ScoreReason, _ deltas: inout [Int], _ events: inout [Event]?) {
        guard let dimension = scenario.followThrough, amount != 0 else { return }
        deltas[dimension] += amount
        events?.append(.scored(dimension: scenario.dimensions[dimension], delta: amount, reason: reason))
    }

    // MARK: - Moving through nodes

    /// How an arrival finished.
    public enum Stop: Sendable, Hashable {
        /// Waiting for the trainee in `state.node`.
        case decision
        case ended(node: Int, Ending)
        /// Nothing on offer and no way on.
        case stuck
        /// More than `maximumNodesWithoutChoice` nodes passed without a decision.
        case endlessLoop
    }

    public struct Arrival: Sendable {
        public var state: PlayState
        public var stop: Stop
        /// Lines shown on the way, if they were asked for.
        public var lines: [Line]
        /// Nodes passed through, in order, including the last.
        public var path: [Int]
    }

    /// Enters `node` and follows jumps until a decision, an ending, or trouble. Open promises are
    /// scored when an ending is reached.
    public func arrive(
        at node: Int, from state: PlayState, deltas: inout [Int], events: inout [Event]?, collectLines: Bool
    ) -> Arrival {
        var state = state
        var lines: SharedList<Line> = []
        var path: [Int] = []
        let stop = arrive(
            at: node, state: &state, deltas: &deltas, events: &events, lines: &lines, path: &path,
            collectLines: collectLines)
        return Arrival(state: state, stop: stop, lines: Array(lines), path: path)
    }

    /// The work of `arrive`, in place: the state is changed where it is (so its arrays are not copied
    /// when the caller owns them alone), and lines and nodes passed through are appended to the
    /// caller's buffers. Play uses this directly to avoid building an `Arrival` for every step.
    func arrive(
        at node: Int, state: inout PlayState, deltas: inout [Int], events: inout [Event]?,
        lines: inout SharedList<Line>, path: inout [Int], collectLines: Bool, checkStuck: Bool = true
    ) -> Stop {
        var current = node
        let nodes = scenario.nodes
        for _ in 0..<Self.maximumNodesWithoutChoice {
            state.node = current
            state.silenceUsed = false
            // Looked up only when some condition asks about visits: the table has an entry per node,
            // and reading it was a cache miss on every arrival.
            if watchedCount > 0, let slot = watchedSlot[current] { state.watchedVisits[slot] = true }
            path.append(current)
            let firstTest = Int(current < offers.count ? offers[current].firstStepTest : stepTestStart[current])
            if current < offers.count, offers[current].onlyShows, !collectLines || lines.isEmpty {
                // A node that only shows lines: the tests say which, and the ready-made lists have
                // them, so the node and its steps (usually not in the cache) are not read.
                readAhead(forStepAt: current)
                if collectLines {
                    var shown: UInt64 = 0
                    for index in 0..<Int(offers[current].stepCount) where holds(tests[firstTest + index], in: state) {
                        shown |= 1 << UInt64(index)
                    }
                    noteLines(shown, of: current, into: &lines)
                }
                return !checkStuck || hasVisibleChoice(in: state) ? .decision : .stuck
            }
            var next: Int?
            let steps = nodes[current].steps
            // While nothing has been collected yet, the lines shown here are noted as bits and
            // turned into lines when the node is left: usually into a list the rules have ready.
            let noting = collectLines && lines.isEmpty && current < offers.count && offers[current].linesReady
            var shown: UInt64 = 0
            for index in steps.indices {
                // Field by field: copying the whole step retained its condition and its line. The
                // condition is tested from the rules' own list (see `ConditionTest`).
                guard holds(tests[firstTest + index], in: state) else { continue }
                switch steps[index].action {
                case .show(let line):
                    if noting {
                        shown |= 1 << UInt64(index)
                    } else if collectLines {
                        if lines.isEmpty { lines.reserveCapacity(steps.count) }
                        lines.append(line)
                    }
                case .apply(let effects):
                    apply(effects, to: &state, deltas: &deltas, reason: .node, events: &events)
                case .jump(let target):
                    next = target
                case .end(let ending):
                    if noting { noteLines(shown, of: current, into: &lines) }
                    for promise in state.promises.indices where state.promises[promise] == .open {
                        events?.append(.promiseLeftOpen(name: scenario.promises[promise].name))
                        scorePromise(scenario.promiseScoring.open, .promiseOpen, &deltas, &events)
                    }
                    events?.append(.ended(ending))
                    return .ended(node: current, ending)
                }
                if next != nil { break }
            }
            if noting { noteLines(shown, of: current, into: &lines) }
            if let next {
                current = next
                continue
            }
            return !checkStuck || hasVisibleChoice(in: state) ? .decision : .stuck
        }
        return .endlessLoop
    }

    /// What the trainee can do at a decision.
    public enum Action: Sendable, Hashable, Codable {
        /// The choice's index within its node.
        case choose(Int)
        case silence
    }

    /// Takes an action from a decision state: applies its effects, then arrives at the next node (or,
    /// for a silence with no `->`, stays at the same decision).
    public func take(
        _ action: Action, from state: PlayState, deltas: inout [Int], events: inout [Event]?, collectLines: Bool
    ) -> Arrival {
        var state = state
        var lines: SharedList<Line> = []
        var path: [Int] = []
        let stop = take(
            action, state: &state, deltas: &deltas, events: &events, lines: &lines, path: &path,
            collectLines: collectLines)
        return Arrival(state: state, stop: stop, lines: Array(lines), path: path)
    }

    /// The work of `take`, in place (see the in-place `arrive`). Without `checkStuck`, a decision
    /// with nothing on offer comes back as `.decision`: for a caller that lists the choices anyway.
    /// Package-wide so the analysis can take every action into one reused state and path buffer.
    package func take(
        _ action: Action, state: inout PlayState, deltas: inout [Int], events: inout [Event]?,
        lines: inout SharedList<Line>, path: inout [Int], collectLines: Bool, checkStuck: Bool = true
    ) -> Stop {
        switch action {
        case .choose(let index) where state.node < offers.count && !moves.isEmpty:
            // From the rules' own lists, without holding the node's choices (see `moves`).
            // The node's moves are one after another: the choice's is found by skipping those before it.
            var start = Int(offers[state.node].firstMove)
            for _ in 0..<index { start += 1 + moves[start].effectCount }
            let move = moves[start]
            let effects = moves[(start + 1)..<(start + 1 + move.effectCount)].lazy.map(\.effect)
            applyEach(effects, to: &state, deltas: &deltas, reason: .choice, events: &events)
            return arrive(
                at: move.target, state: &state, deltas: &deltas, events: &events, lines: &lines, path: &path,
                collectLines: collectLines, checkStuck: checkStuck)
        case .choose(let index):
            // The fields are read one by one: copying the whole `Choice` retained each of them.
            let choices = scenario.nodes[state.node].choices
            apply(choices[index].effects, to: &state, deltas: &deltas, reason: .choice, events: &events)
            return arrive(
                at: choices[index].target, state: &state, deltas: &deltas, events: &events, lines: &lines, path: &path,
                collectLines: collectLines, checkStuck: checkStuck)
        case .silence:
            guard let silence = scenario.nodes[state.node].silence else { return .decision }
            events?.append(.silence(silence.line))
            apply(silence.effects, to: &state, deltas: &deltas, reason: .silence, events: &events)
            // The silence's own line comes first, before any shown on arrival.
            if collectLines { lines.append(silence.line) }
            if let target = silence.target {
                return arrive(
                    at: target, state: &state, deltas: &deltas, events: &events, lines: &lines, path: &path,
                    collectLines: collectLines, checkStuck: checkStuck)
            }
            state.silenceUsed = true
            return !checkStuck || hasVisibleChoice(in: state) ? .decision : .stuck
        }
    }
}
