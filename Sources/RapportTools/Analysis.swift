import RapportEngine
import RapportLanguage

/// Explores every state a playthrough can reach (node, state values, promises, watched visits) and
/// works out, from that graph, what the scenario makes possible: the best and worst total on each
/// dimension, the best and worst paths overall, the endings and how to reach them, and the places
/// where something is wrong. States are memoised, so branches that rejoin cost states, not paths.
public struct Analysis: Sendable {
    /// One move along a path: the node where it was made and what was done.
    public struct Move: Sendable, Hashable, Codable {
        public let node: String
        /// The choice's id, or nil for a silence.
        public let choiceID: String?
        public let text: String
    }

    public struct ReachedEnding: Sendable, Hashable, Codable {
        public let node: String
        public let outcome: Outcome
        public let summary: String
        /// The shortest way there.
        public let example: [Move]
    }

    /// A state where something is wrong (stuck, or looping), with the shortest way there.
    public struct Trouble: Sendable, Hashable, Codable {
        public let node: String
        public let line: Int
        public let example: [Move]
    }

    public struct UnofferedChoice: Sendable, Hashable, Codable {
        public let node: String
        public let choiceID: String
        public let text: String
        public let line: Int
    }

    public let scenario: CheckedScenario
    public let stateCount: Int
    public let stateLimit: Int
    /// True when exploration stopped at `stateLimit`: the figures below are then incomplete.
    public let isTruncated: Bool
    public let ranges: [ScoreRange]
    /// The range of the sum of all dimensions.
    public let overallRange: ScoreRange
    public let bestPath: [Move]
    public let worstPath: [Move]
    public let endings: [ReachedEnding]
    public let stuck: [Trouble]
    public let loops: [Trouble]
    /// Nodes no playthrough passes through.
    public let nodesNeverReached: [Int]
    public let choicesNeverOffered: [UnofferedChoice]
    /// Dimensions whose score a loop can push without limit.
    public let unboundedDimensions: [String]
    /// For each unbounded dimension, a choice (or silence) in the loop that scores it: its line.
    let unboundedLines: [String: Int]

    public static let defaultStateLimit = 2_000_000

    /// The explored graph and the best overall value from each state, kept for `value(of:at:)`.
    let graph: StateGraph
    let bestOverall: StateGraph.Longest

    public init(_ scenario: CheckedScenario, stateLimit: Int = Analysis.defaultStateLimit) {
        var explorer = StateGraph(scenario: scenario, limit: stateLimit)
        explorer.explore()
        self.scenario = scenario
        self.stateLimit = stateLimit
        stateCount = explorer.keys.count
        isTruncated = explorer.truncated

        let dimensionCount = scenario.dimensions.count
        let components = explorer.stronglyConnectedComponents()
        var ranges: [ScoreRange] = []
        var unbounded: [String] = []
        var unboundedLines: [String: Int] = [:]
        for dimension in 0..<dimensionCount {
            let best = explorer.longest(components: components) { $0[$0.startIndex + dimension] }
            let worst = explorer.longest(components: components) { -$0[$0.startIndex + dimension] }
            let range = ScoreRange(
                worst: worst.startValue.map { -$0 + explorer.initialDeltas[dimension] },
                best: best.startValue.map { $0 + explorer.initialDeltas[dimension] })
            if best.unbounded || worst.unbounded {
                let name = scenario.dimensions[dimension]
                unbounded.append(name)
                if let edge = best.loopingEdge ?? worst.loopingEdge { unboundedLines[name] = explorer.line(ofEdge: edge) }
            }
            ranges.append(range)
        }
        let initialSum = explorer.initialDeltas.reduce(0, +)
        let best = explorer.longest(components: components) { $0.reduce(0, +) }
        let worst = explorer.longest(components: components) { -$0.reduce(0, +) }
        self.ranges = ranges
        self.unboundedDimensions = unbounded
        self.unboundedLines = unboundedLines
        overallRange = ScoreRange(
            worst: worst.startValue.map { -$0 + initialSum }, best: best.startValue.map { $0 + initialSum })
        bestPath = explorer.follow(best, components: components)
        graph = explorer
        bestOverall = best
        worstPath = explorer.follow(worst, components: components)

        var endings: [ReachedEnding] = []
        var stuck: [Trouble] = []
        var loops: [Trouble] = []
        for (index, key) in explorer.keys.enumerated() {
            let node = scenario.nodes[key.state.node]
            switch key.stop {
            case .ended(let endNode, let ending):
                let id = scenario.nodes[endNode].id
                if !endings.contains(where: { $0.node == id && $0.outcome == ending.outcome && $0.summary == ending.summary }) {
                    endings.append(
                        ReachedEnding(node: id, outcome: ending.outcome, summary: ending.summary, example: explorer.pathTo(index)))
                }
            case .stuck:
                if !stuck.contains(where: { $0.node == node.id }) {
                    stuck.append(Trouble(node: node.id, line: node.line, example: explorer.pathTo(index)))
                }
            case .endlessLoop:
                if !loops.contains(where: { $0.node == node.id }) {
                    loops.append(Trouble(node: node.id, line: node.line, example: explorer.pathTo(index)))
                }
            case .decision:
                break
            }
        }
        self.endings = endings.sorted { ($0.outcome, $0.node) > ($1.outcome, $1.node) }
        self.stuck = stuck
        self.loops = loops
        nodesNeverReached = scenario.nodes.indices.filter { !explorer.nodesEntered[$0] }
        var unoffered: [UnofferedChoice] = []
        for (nodeIndex, node) in scenario.nodes.enumerated() where explorer.nodesEntered[nodeIndex] {
            for (choiceIndex, choice) in node.choices.enumerated()
            where !explorer.choicesOffered.contains(ChoiceKey(node: nodeIndex, choice: choiceIndex)) {
                unoffered.append(UnofferedChoice(node: node.id, choiceID: choice.id, text: choice.text, line: choice.line))
            }
        }
        choicesNeverOffered = unoffered
    }

    /// The best overall total the rest of the conversation can add after taking `action` at a decision
    /// state (the action's own score changes included), or nil if the state was not explored or no
    /// ending follows.
    public func value(of action: Rules.Action, at state: PlayState) -> Int? {
        guard let index = graph.index[StateKey(state: state, stop: .decision)] else { return nil }
        for edge in graph.edges(of: index) where graph.edgeActions[edge] == action {
            let own = graph.deltas(ofEdge: edge).reduce(0, +)
            if case .finite(let rest) = bestOverall.values[graph.edgeTargets[edge]] { return own + rest }
            return nil
        }
        return nil
    }

    /// The action with the best overall value at a decision state.
    public func bestAction(at state: PlayState) -> (action: Rules.Action, value: Int)? {
        guard let index = graph.index[StateKey(state: state, stop: .decision)] else { return nil }
        var best: (Rules.Action, Int)?
        for edge in graph.edges(of: index) {
            guard let value = value(of: graph.edgeActions[edge], at: state) else { continue }
            if best == nil || value > best!.1 { best = (graph.edgeActions[edge], value) }
        }
        return best
    }

    /// The number of decisions on the best and worst paths, and on any path, is what a trainer sees in
    /// `rapport analyze`; this turns the findings into diagnostics that `check` and `test` print.
    public func diagnostics() -> [Diagnostic] {
        let file = scenario.sourceName
        func at(_ line: Int) -> SourceRange {
            let location = SourceLocation(line: line, column: 1, offset: 0)
            return SourceRange(start: location, end: location)
        }
        func describe(_ path: [Move]) -> String {
            path.isEmpty ? "it happens at the start" : "one way there: " + path.map { "'\($0.text)'" }.joined(separator: ", then ")
        }
        var result: [Diagnostic] = []
        if isTruncated {
            result.append(
                Diagnostic(
                    .stateSpaceTooLarge, "this scenario has more than \(stateLimit) states; only part of it was explored",
                    file: file, range: at(1),
                    note: "the state values multiply the states; use fewer values, narrower limits, or fewer 'visited' conditions"))
        }
        for trouble in stuck {
            result.append(
                Diagnostic(
                    .stuckState, "the trainee can get stuck at '\(trouble.node)' with no choice on offer", file: file,
                    range: at(trouble.line),
                    note: "\(describe(trouble.example)); add a choice without a condition, or a '->' for when no condition holds"))
        }
        for trouble in loops {
            result.append(
                Diagnostic(
                    .loopsWithoutChoice,
                    "the conversation can loop forever from '\(trouble.node)' without giving the trainee a choice",
                    file: file, range: at(trouble.line),
                    note: "\(describe(trouble.example)); make sure the conditions on the '->' lines in this loop change as it goes round"))
        }
        for dimension in unboundedDimensions {
            result.append(
                Diagnostic(
                    .unboundedScore, "a loop lets the trainee push '\(dimension)' up or down without limit", file: file,
                    range: at(unboundedLines[dimension] ?? 1),
                    note: "a choice that scores '\(dimension)' can be taken again and again; score it only once (for example with a condition on a state value)"))
        }
        // What was never seen means nothing when exploration stopped early.
        if isTruncated { return result }
        for choice in choicesNeverOffered {
            result.append(
                Diagnostic(
                    .choiceNeverOffered, "the choice '\(choice.text)' is never offered in any playthrough", file: file,
                    range: at(choice.line), note: "its condition is false whenever the conversation reaches '\(choice.node)'"))
        }
        for node in nodesNeverReached {
            // Nodes nothing leads to at all are already reported by the checker.
            let leadTo = scenario.nodes.contains { other in
                other.choices.contains { $0.target == node } || other.silence?.target == node
                    || other.steps.contains { if case .jump(node) = $0.action { true } else { false } }
            }
            guard leadTo, node != scenario.start else { continue }
            result.append(
                Diagnostic(
                    .nodeNeverReached, "no playthrough ever reaches the node '\(scenario.nodes[node].id)'", file: file,
                    range: at(scenario.nodes[node].line),
                    note: "every way into it has a condition that is false whenever that way is taken"))
        }
        return result
    }
}

struct ChoiceKey: Hashable {
    let node: Int
    let choice: Int
}

/// A reachable state with how it was reached: a decision waiting for the trainee, or an end of play.
struct StateKey: Hashable, Sendable {
    let state: PlayState
    let stop: Rules.Stop
}

/// The explored graph: states, and edges labelled with the action and its score changes.
struct StateGraph: Sendable {
    let scenario: CheckedScenario
    let rules: Rules
    let limit: Int
    let dimensionCount: Int
    var keys: [StateKey] = []
    var index: [StateKey: Int] = [:]
    /// Edges of state i are `edgeTargets[edgeStart[i]..<edgeStart[i + 1]]`.
    var edgeStart: [Int] = []
    var edgeTargets: [Int] = []
    var edgeActions: [Rules.Action] = []
    /// `dimensionCount` score changes per edge.
    var edgeDeltas: [Int] = []
    /// How each state was first reached (breadth first, so the shortest way): the state and edge.
    var parent: [(state: Int, edge: Int)?] = []
    var initialDeltas: [Int]
    var nodesEntered: [Bool]
    var choicesOffered = Set<ChoiceKey>()
    var truncated = false

    init(scenario: CheckedScenario, limit: Int) {
        self.scenario = scenario
        // Without the ready-made choice lists: analysis never builds a step.
        self.rules = Rules(scenario, offers: false)
        self.limit = limit
        self.dimensionCount = scenario.dimensions.count
        self.initialDeltas = Array(repeating: 0, count: scenario.dimensions.count)
        self.nodesEntered = Array(repeating: false, count: scenario.nodes.count)
    }

    mutating func intern(_ key: StateKey, from: (state: Int, edge: Int)?) -> Int {
        if let existing = index[key] { return existing }
        let id = keys.count
        keys.append(key)
        index[key] = id
        parent.append(from)
        return id
    }

    mutating func explore() {
        var events: [Event]? = nil
        let first = rules.arrive(
            at: scenario.start, from: rules.initialState, deltas: &initialDeltas, events: &events, collectLines: false)
        first.path.forEach { nodesEntered[$0] = true }
        _ = intern(StateKey(state: first.state, stop: first.stop), from: nil)
        var next = 0
        var deltas = Array(repeating: 0, count: dimensionCount)
        while next < keys.count {
            let current = next
            next += 1
            edgeStart.append(edgeTargets.count)
            let key = keys[current]
            guard key.stop == .decision else { continue }
            if keys.count >= limit {
                truncated = true
                continue
            }
            var actions = rules.visibleChoices(in: key.state).map { choice in
                choicesOffered.insert(ChoiceKey(node: key.state.node, choice: choice))
                return Rules.Action.choose(choice)
            }
            if rules.silenceAvailable(in: key.state) { actions.append(.silence) }
            for action in actions {
                for d in 0..<dimensionCount { deltas[d] = 0 }
                let arrival = rules.take(action, from: key.state, deltas: &deltas, events: &events, collectLines: false)
                for node in arrival.path { nodesEntered[node] = true }
                let target = intern(StateKey(state: arrival.state, stop: arrival.stop), from: (current, edgeTargets.count))
                edgeTargets.append(target)
                edgeActions.append(action)
                edgeDeltas.append(contentsOf: deltas)
            }
        }
        edgeStart.append(edgeTargets.count)
    }

    func edges(of state: Int) -> Range<Int> { edgeStart[state]..<edgeStart[state + 1] }

    /// The source line of the choice or silence an edge takes.
    func line(ofEdge edge: Int) -> Int {
        let source = edgeStart.lastIndex { $0 <= edge } ?? 0
        let node = scenario.nodes[keys[min(source, keys.count - 1)].state.node]
        switch edgeActions[edge] {
        case .choose(let index): return node.choices[index].line
        case .silence: return node.silence?.sourceLine ?? node.line
        }
    }

    func deltas(ofEdge edge: Int) -> ArraySlice<Int> {
        edgeDeltas[(edge * dimensionCount)..<((edge + 1) * dimensionCount)]
    }

    // MARK: - Strongly connected components (iterative Tarjan, so deep graphs cannot overflow the stack)

    struct Components {
        /// Component of each state; components are numbered sinks first (reverse topological order).
        var of: [Int]
        var members: [[Int]]
    }

    func stronglyConnectedComponents() -> Components {
        let count = keys.count
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var component = [Int](repeating: -1, count: count)
        var members: [[Int]] = []
        var counter = 0
        var work: [(state: Int, edge: Int)] = []
        for root in 0..<count where order[root] == -1 {
            work.append((root, edgeStart[root]))
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (state, edge) = work.last {
                if edge < edgeStart[state + 1] {
                    work[work.count - 1].edge += 1
                    let target = edgeTargets[edge]
                    if order[target] == -1 {
                        order[target] = counter
                        low[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack[target] = true
                        work.append((target, edgeStart[target]))
                    } else if onStack[target] {
                        low[state] = min(low[state], order[target])
                    }
                    continue
                }
                work.removeLast()
                if let (parentState, _) = work.last { low[parentState] = min(low[parentState], low[state]) }
                if low[state] == order[state] {
                    var group: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = members.count
                        group.append(member)
                        if member == state { break }
                    }
                    members.append(group)
                }
            }
        }
        return Components(of: component, members: members)
    }

    // MARK: - Longest paths

    enum Value: Equatable, Sendable {
        case none  // no ending can be reached from here
        case finite(Int)
        case unbounded
    }

    struct Longest: Sendable {
        var values: [Value]
        var startValue: Int?
        var unbounded: Bool
        /// An edge inside a loop that gains weight, when the value is unbounded.
        var loopingEdge: Int?
        var weight: @Sendable (ArraySlice<Int>) -> Int
    }

    /// The largest total of `weight` over the rest of a playthrough, from every state to an ending.
    /// Within a loop, a positive weight makes the value unbounded; otherwise values are relaxed round
    /// the loop until they settle (no positive cycle, so at most as many rounds as members).
    func longest(components: Components, weight: @escaping @Sendable (ArraySlice<Int>) -> Int) -> Longest {
        var values = [Value](repeating: .none, count: keys.count)
        var loopingEdge: Int?
        for group in components.members {
            let groupID = components.of[group[0]]
            var internalEdges: [(from: Int, to: Int, weight: Int)] = []
            var loopsUp = false
            for state in group {
                if case .ended = keys[state].stop {
                    values[state] = .finite(0)
                    continue
                }
                var best = Value.none
                for edge in edges(of: state) {
                    let target = edgeTargets[edge]
                    let w = weight(deltas(ofEdge: edge))
                    if components.of[target] == groupID {
                        internalEdges.append((state, target, w))
                        if w > 0 {
                            loopsUp = true
                            loopingEdge = loopingEdge ?? edge
                        }
                        continue
                    }
                    best = Self.better(best, Self.add(w, values[target]))
                }
                values[state] = best
            }
            if internalEdges.isEmpty { continue }
            if loopsUp {
                for state in group { values[state] = .unbounded }
                continue
            }
            var changed = true
            var rounds = 0
            while changed && rounds <= group.count {
                changed = false
                rounds += 1
                for edge in internalEdges {
                    let candidate = Self.better(values[edge.from], Self.add(edge.weight, values[edge.to]))
                    if candidate != values[edge.from] {
                        values[edge.from] = candidate
                        changed = true
                    }
                }
            }
        }
        let start = values.first ?? .none
        var startValue: Int?
        if case .finite(let value) = start { startValue = value }
        return Longest(
            values: values, startValue: startValue, unbounded: start == .unbounded,
            loopingEdge: start == .unbounded ? loopingEdge : nil, weight: weight)
    }

    static func add(_ w: Int, _ value: Value) -> Value {
        if case .finite(let v) = value { return .finite(v + w) }
        return value
    }

    static func better(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.unbounded, _), (_, .unbounded): .unbounded
        case (.none, _): b
        case (_, .none): a
        case (.finite(let x), .finite(let y)): .finite(max(x, y))
        }
    }

    /// Follows the edges that achieve the longest value from the start, to an ending.
    func follow(_ longest: Longest, components: Components) -> [Analysis.Move] {
        guard longest.startValue != nil else { return [] }
        var moves: [Analysis.Move] = []
        var state = 0
        var seen = Set<Int>()
        while keys[state].stop == .decision, seen.insert(state).inserted {
            guard case .finite(let value) = longest.values[state] else { break }
            var chosen: Int?
            for edge in edges(of: state) {
                let target = edgeTargets[edge]
                guard Self.add(longest.weight(deltas(ofEdge: edge)), longest.values[target]) == .finite(value) else {
                    continue
                }
                // Prefer leaving a loop, then a state not yet on the path.
                if components.of[target] != components.of[state] {
                    chosen = edge
                    break
                }
                if chosen == nil, !seen.contains(target) { chosen = edge }
            }
            guard let edge = chosen else { break }
            moves.append(move(from: state, edge: edge))
            state = edgeTargets[edge]
        }
        return moves
    }

    func move(from state: Int, edge: Int) -> Analysis.Move {
        let node = scenario.nodes[keys[state].state.node]
        switch edgeActions[edge] {
        case .choose(let index):
            return Analysis.Move(node: node.id, choiceID: node.choices[index].id, text: node.choices[index].text)
        case .silence:
            return Analysis.Move(node: node.id, choiceID: nil, text: "(silence)")
        }
    }

    /// The shortest way from the start to a state.
    func pathTo(_ state: Int) -> [Analysis.Move] {
        var moves: [Analysis.Move] = []
        var current = state
        while let link = parent[current] {
            moves.append(move(from: link.state, edge: link.edge))
            current = link.state
        }
        return moves.reversed()
    }
}
