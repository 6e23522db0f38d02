import RapportEngine
import RapportLanguage

/// The explored graph: every state a playthrough can reach, numbered breadth first from the start,
/// and the moves between them, each with its action and score changes. A state is what decides the
/// future (`PlayState`) together with how play stopped there, so playthroughs that rejoin cost
/// states, not paths: the graph is linear in the number of distinct states.
struct StateGraph: Sendable {
    /// A reachable state and how play stopped in it. The stop is part of the key: arriving at a node
    /// can end the conversation from one state and not from another, and leave the same values.
    struct Reached: Hashable, Sendable {
        let state: PlayState
        let stop: Rules.Stop
    }

    /// A move from one state to another.
    struct Edge: Sendable {
        let action: Rules.Action
        let target: Int
    }

    let scenario: CheckedScenario
    let rules: Rules
    let limits: Analysis.Limits
    /// Whether silences are explored. Off for a learner whose timers do not run: a silence cannot
    /// happen to them, so what it gives or takes is no part of what they can reach.
    let silences: Bool
    private(set) var states: [Reached] = []
    private var numbers: [Reached: Int] = [:]
    /// The edges of state `s` are `edges[edgeStart[s]..<edgeStart[s + 1]]`, once explored.
    private(set) var edges: [Edge] = []
    private var edgeStart: [Int] = []
    /// Each edge's score changes, one per dimension, edge after edge.
    private var edgeDeltas: [Int] = []
    /// Score changes before the first decision.
    private(set) var initialDeltas: [Int]
    private(set) var nodesEntered: [Bool]
    /// Whether each choice was ever on offer: `choiceOffered[node][choice]`.
    private var choiceOffered: [[Bool]]
    /// Which limit stopped the exploration, if one did.
    private(set) var stoppedBy: Analysis.Limit?
    var truncated: Bool { stoppedBy != nil }
    /// The work done so far: terms of conditions tested (see `testCost`).
    private(set) var work = 0
    /// For each node, the terms of conditions a move tests there: its steps', its choices' and its
    /// silence's conditions, and one for the node itself.
    private let testCost: [Int]

    init(scenario: CheckedScenario, limits: Analysis.Limits, silences: Bool = true) {
        self.scenario = scenario
        rules = Rules(scenario)
        self.limits = limits
        self.silences = silences
        testCost = scenario.nodes.map { node in
            1 + node.steps.reduce(0) { $0 + ($1.condition?.size ?? 0) }
                + node.choices.reduce(0) { $0 + ($1.condition?.size ?? 0) } + (node.silence?.condition?.size ?? 0)
        }
        initialDeltas = Array(repeating: 0, count: scenario.dimensions.count)
        nodesEntered = Array(repeating: false, count: scenario.nodes.count)
        choiceOffered = scenario.nodes.map { Array(repeating: false, count: $0.choices.count) }
    }

    var stateCount: Int { states.count }
    var dimensionCount: Int { scenario.dimensions.count }

    // MARK: - Exploring

    /// Explores breadth first from the start. Once a limit is reached (states known, or work done),
    /// no more states are expanded.
    mutating func explore() {
        var none: [Event]? = nil
        let first = rules.arrive(at: scenario.start, from: rules.initialState, deltas: &initialDeltas, events: &none)
        for node in first.path { nodesEntered[node] = true }
        _ = number(of: Reached(state: first.state, stop: first.stop))
        var next = 0
        while next < states.count {
            let expanding = next
            next += 1
            edgeStart.append(edges.count)
            guard isDecision(expanding) else { continue }
            if states.count >= limits.states { stoppedBy = stoppedBy ?? .states }
            if work >= limits.work { stoppedBy = stoppedBy ?? .work }
            if truncated { continue }
            let state = playState(of: expanding)
            let visible = rules.visibleChoices(in: state)
            var actions = visible.map { Rules.Action.choose($0) }
            if silences, rules.silenceAvailable(in: state) { actions.append(.silence) }
            for choice in visible { choiceOffered[state.node][choice] = true }
            work += testCost[state.node]
            var deltas = Array(repeating: 0, count: dimensionCount)
            for action in actions {
                for dimension in deltas.indices { deltas[dimension] = 0 }
                let arrival = rules.take(action, from: state, deltas: &deltas, events: &none)
                for node in arrival.path {
                    nodesEntered[node] = true
                    work += testCost[node]
                }
                let target = number(of: Reached(state: arrival.state, stop: arrival.stop))
                edges.append(Edge(action: action, target: target))
                edgeDeltas += deltas
            }
        }
        edgeStart.append(edges.count)
    }

    /// The play state a number stands for.
    func playState(of state: Int) -> PlayState { states[state].state }

    /// The number of a state, adding it if it is new.
    private mutating func number(of reached: Reached) -> Int {
        if let known = numbers[reached] { return known }
        states.append(reached)
        numbers[reached] = states.count - 1
        return states.count - 1
    }

    // MARK: - Reading the graph

    func stop(of state: Int) -> Rules.Stop { states[state].stop }

    func isDecision(_ state: Int) -> Bool { states[state].stop == .decision }

    func isEnding(_ state: Int) -> Bool {
        if case .ended = stop(of: state) { return true }
        return false
    }

    func node(of state: Int) -> Int { states[state].state.node }

    /// The explored decision state equal to `state`, if there is one.
    func decisionState(matching state: PlayState) -> Int? { numbers[Reached(state: state, stop: .decision)] }

    func wasOffered(node: Int, choice: Int) -> Bool { choiceOffered[node][choice] }

    /// The numbers of the edges leaving a state (empty for a state that was not expanded).
    func edges(of state: Int) -> Range<Int> {
        state + 1 < edgeStart.count ? edgeStart[state]..<edgeStart[state + 1] : 0..<0
    }

    func target(ofEdge edge: Int) -> Int { edges[edge].target }

    func action(ofEdge edge: Int) -> Rules.Action { edges[edge].action }

    func deltas(ofEdge edge: Int) -> ArraySlice<Int> {
        edgeDeltas[(edge * dimensionCount)..<((edge + 1) * dimensionCount)]
    }

    /// The state an edge leaves.
    func source(ofEdge edge: Int) -> Int {
        // The last state whose edges start at or before `edge`, by binary search.
        var low = 0
        var high = edgeStart.count
        while low < high {
            let middle = (low + high) / 2
            if edgeStart[middle] <= edge { low = middle + 1 } else { high = middle }
        }
        return min(max(low - 1, 0), stateCount - 1)
    }

    /// The source line of the choice or silence an edge takes.
    func line(ofEdge edge: Int) -> Int {
        let node = scenario.nodes[node(of: source(ofEdge: edge))]
        switch action(ofEdge: edge) {
        case .choose(let index): return node.choices[index].line
        case .silence: return node.silence?.sourceLine ?? node.line
        }
    }

    // MARK: - Paths

    /// The move an edge makes from a state, as a path shows it.
    func move(from state: Int, edge: Int) -> Analysis.Move {
        let node = scenario.nodes[node(of: state)]
        switch action(ofEdge: edge) {
        case .choose(let index):
            return Analysis.Move(node: node.id, choiceID: node.choices[index].id, text: node.choices[index].text.string)
        case .silence:
            return Analysis.Move(node: node.id, choiceID: nil, text: "(silence)")
        }
    }

    /// The edge by which each state was first reached, or nil for the start. Breadth first, so this
    /// is the last move of a shortest way there: a state is numbered when an edge first leads to it,
    /// and edges are numbered in the order they were added, so that edge is the first one to it.
    func parentEdges() -> [Int?] {
        var parents = [Int?](repeating: nil, count: stateCount)
        for edge in edges.indices {
            let target = edges[edge].target
            if target != 0 && parents[target] == nil { parents[target] = edge }
        }
        return parents
    }

    /// The shortest way from the start to a state, given `parentEdges()`.
    func pathTo(_ state: Int, parentEdges: [Int?]) -> Analysis.MovePath {
        var moves: [Analysis.Move] = []
        var current = state
        while let edge = parentEdges[current] {
            let parent = source(ofEdge: edge)
            moves.append(move(from: parent, edge: edge))
            current = parent
        }
        return Analysis.MovePath(moves.reversed())
    }
}
