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

    public struct ReachedEnding: Sendable, Hashable, Encodable {
        public let node: String
        public let outcome: Outcome
        public let summary: String
        /// The shortest way there.
        public let example: MovePath
    }

    /// A state where something is wrong (stuck, or looping), with the shortest way there.
    public struct Trouble: Sendable, Hashable, Encodable {
        public let node: String
        public let line: Int
        public let example: MovePath
    }

    /// Decisions the trainee can be caught in for ever, entered at `node`.
    public struct Trap: Sendable, Hashable, Encodable {
        public let node: String
        public let line: Int
        /// Every node the trainee can go round once trapped, in file order.
        public let nodes: [String]
        public let example: MovePath
    }

    public struct UnofferedChoice: Sendable, Hashable, Codable {
        public let node: String
        public let choiceID: String
        public let text: String
        public let line: Int
    }

    /// How far exploring may go. Exploring costs time in proportion to the states found times the
    /// size of the conditions tested in each, so both are capped: a scenario past either limit is
    /// explored in part, with a diagnostic, never for minutes.
    public struct Limits: Sendable, Hashable {
        /// States found.
        public var states: Int
        /// Terms of conditions tested, counting every operator, name and number.
        public var work: Int

        public init(states: Int = Analysis.defaultStateLimit, work: Int = Analysis.defaultWorkLimit) {
            self.states = states
            self.work = work
        }
    }

    /// The limit that stopped an exploration.
    public enum Limit: String, Sendable, Hashable, Encodable {
        case states, work
    }

    public let scenario: CheckedScenario
    /// Whether silences were explored: false for a learner whose timers are off, for whom the
    /// ranges, paths and best choices are those of the conversations they can actually have.
    public let silences: Bool
    public let stateCount: Int
    public let limits: Limits
    public var stateLimit: Int { limits.states }
    /// The limit that stopped exploration, if one did: the figures below are then incomplete.
    public let stoppedBy: Limit?
    public var isTruncated: Bool { stoppedBy != nil }
    public let ranges: [ScoreRange]
    /// The range of the sum of all dimensions.
    public let overallRange: ScoreRange
    /// How many decisions a learner meets on the way to an ending, fewest and most (each answer
    /// counts, a silence too where silences are explored); nil when a loop makes it unbounded or no
    /// ending can be reached.
    public let decisionsPerRun: ClosedRange<Int>?
    public let bestPath: MovePath
    public let worstPath: MovePath
    public let endings: [ReachedEnding]
    public let stuck: [Trouble]
    public let loops: [Trouble]
    /// Places where the trainee can be trapped: from there no way leads to any ending (see
    /// `StateGraph.trappedStates`). `node` is where the trap is entered.
    public let traps: [Trap]
    /// Nodes no playthrough passes through.
    public let nodesNeverReached: [Int]
    public let choicesNeverOffered: [UnofferedChoice]
    /// Dimensions whose score a loop can push without limit.
    public let unboundedDimensions: [String]
    /// For each unbounded dimension, a choice (or silence) in the loop that scores it: its line.
    let unboundedLines: [String: Int]

    public static let defaultStateLimit = 2_000_000
    /// About a minute of exploring at most; the bundled scenarios need under 100,000.
    public static let defaultWorkLimit = 200_000_000

    /// The explored graph and the best overall value from each state, kept for `value(of:at:)`; the
    /// graph's loops, kept for the figures worked out on demand (`PathFigures.swift`).
    let graph: StateGraph
    let bestOverall: StateGraph.Longest
    let components: Components
    /// The best ending reachable from each state, kept for `bestEnding(after:at:)`.
    let bestEndings: [Outcome?]

    public init(_ scenario: CheckedScenario, stateLimit: Int = Analysis.defaultStateLimit) {
        self.init(scenario, limits: Limits(states: stateLimit))
    }

    /// The analysis of what a learner can reach: without silences when their timers do not run.
    public init(_ scenario: CheckedScenario, silences: Bool) {
        self.init(scenario, limits: Limits(), silences: silences)
    }

    public init(_ scenario: CheckedScenario, limits: Limits, silences: Bool = true) {
        var explorer = StateGraph(scenario: scenario, limits: limits, silences: silences)
        explorer.explore()
        self.scenario = scenario
        self.silences = silences
        self.limits = limits
        stateCount = explorer.stateCount
        stoppedBy = explorer.stoppedBy

        let components = explorer.stronglyConnectedComponents()
        do {
            func summary(_ weight: (ArraySlice<Int>) -> Int) -> (value: Int?, unbounded: Bool, loopingEdge: Int?) {
                let longest = explorer.longest(components: components, weight: weight)
                return (longest.startValue, longest.unbounded, longest.loopingEdge)
            }
            var ranges: [ScoreRange] = []
            var unbounded: [String] = []
            var unboundedLines: [String: Int] = [:]
            for dimension in 0..<scenario.dimensions.count {
                let best = summary { $0[$0.startIndex + dimension] }
                let worst = summary { -$0[$0.startIndex + dimension] }
                let range = ScoreRange(
                    worst: worst.value.map { -$0 + explorer.initialDeltas[dimension] },
                    best: best.value.map { $0 + explorer.initialDeltas[dimension] })
                if best.unbounded || worst.unbounded {
                    let name = scenario.dimensions[dimension]
                    unbounded.append(name)
                    if let edge = best.loopingEdge ?? worst.loopingEdge { unboundedLines[name] = explorer.line(ofEdge: edge) }
                }
                ranges.append(range)
            }
            let initialSum = explorer.initialDeltas.reduce(0, +)
            let best = explorer.longest(components: components) { $0.reduce(0, +) }
            bestPath = explorer.follow(best, components: components)
            let worst = explorer.longest(components: components) { -$0.reduce(0, +) }
            worstPath = explorer.follow(worst, components: components)
            self.ranges = ranges
            self.unboundedDimensions = unbounded
            self.unboundedLines = unboundedLines
            overallRange = ScoreRange(
                worst: worst.startValue.map { -$0 + initialSum }, best: best.startValue.map { $0 + initialSum })
            bestOverall = best
            bestEndings = explorer.bestEndings(components: components)
            let most = explorer.longest(components: components) { _ in 1 }.startValue
            let fewest = explorer.longest(components: components) { _ in -1 }.startValue.map { -$0 }
            if let most, let fewest, fewest <= most { decisionsPerRun = fewest...most } else { decisionsPerRun = nil }
        }

        do {
            let parentEdges = explorer.parentEdges()
            func example(_ state: Int) -> MovePath { explorer.pathTo(state, parentEdges: parentEdges) }
            var endings: [ReachedEnding] = []
            var stuck: [Trouble] = []
            var loops: [Trouble] = []
            for index in 0..<explorer.stateCount {
                switch explorer.stop(of: index) {
                case .ended(let endNode, let ending):
                    let id = scenario.nodes[endNode].id
                    if !endings.contains(where: { $0.node == id && $0.outcome == ending.outcome && $0.summary == ending.summary.string }) {
                        endings.append(
                            ReachedEnding(node: id, outcome: ending.outcome, summary: ending.summary.string, example: example(index)))
                    }
                case .stuck:
                    let node = scenario.nodes[explorer.node(of: index)]
                    if !stuck.contains(where: { $0.node == node.id }) {
                        stuck.append(Trouble(node: node.id, line: node.line, example: example(index)))
                    }
                case .endlessLoop:
                    let node = scenario.nodes[explorer.node(of: index)]
                    if !loops.contains(where: { $0.node == node.id }) {
                        loops.append(Trouble(node: node.id, line: node.line, example: example(index)))
                    }
                case .decision:
                    break
                }
            }
            self.endings = endings.sorted { ($0.outcome, $0.node) > ($1.outcome, $1.node) }
            self.stuck = stuck
            self.loops = loops

            // A trap is reported where it is entered: at a trapped state reached from one that is not.
            // States beyond the limit were never expanded and would look trapped.
            var traps: [Trap] = []
            if !explorer.truncated {
                let trapped = explorer.trappedStates(components: components)
                for state in 0..<explorer.stateCount where trapped[state] {
                    if let edge = parentEdges[state], trapped[explorer.source(ofEdge: edge)] { continue }
                    let node = scenario.nodes[explorer.node(of: state)]
                    guard !traps.contains(where: { $0.node == node.id }) else { continue }
                    let nodes = explorer.trapNodes(from: state, trapped: trapped).map { scenario.nodes[$0].id }
                    traps.append(Trap(node: node.id, line: node.line, nodes: nodes, example: example(state)))
                }
            }
            self.traps = traps
        }
        nodesNeverReached = scenario.nodes.indices.filter { !explorer.nodesEntered[$0] }
        var unoffered: [UnofferedChoice] = []
        for (nodeIndex, node) in scenario.nodes.enumerated() where explorer.nodesEntered[nodeIndex] {
            for (choiceIndex, choice) in node.choices.enumerated()
            where !explorer.wasOffered(node: nodeIndex, choice: choiceIndex) {
                unoffered.append(UnofferedChoice(node: node.id, choiceID: choice.id, text: choice.text.string, line: choice.line))
            }
        }
        choicesNeverOffered = unoffered
        graph = explorer
        self.components = components
    }

    /// The best overall total the rest of the conversation can add after taking `action` at a decision
    /// state (the action's own score changes included), or nil if the state was not explored or no
    /// ending follows.
    public func value(of action: Rules.Action, at state: PlayState) -> Int? {
        guard let index = graph.decisionState(matching: state) else { return nil }
        for edge in graph.edges(of: index) where graph.action(ofEdge: edge) == action {
            let own = graph.deltas(ofEdge: edge).reduce(0, +)
            if case .finite(let rest) = bestOverall.values[graph.target(ofEdge: edge)] { return own + rest }
            return nil
        }
        return nil
    }

    /// The best ending still reachable after taking `action` at a decision state, or nil if the state
    /// was not explored or no ending follows.
    public func bestEnding(after action: Rules.Action, at state: PlayState) -> Outcome? {
        guard let index = graph.decisionState(matching: state) else { return nil }
        for edge in graph.edges(of: index) where graph.action(ofEdge: edge) == action {
            return bestEndings[graph.target(ofEdge: edge)]
        }
        return nil
    }

    /// The sum of an action's own score changes at a decision state (a promise it keeps or breaks
    /// included), or nil if the state was not explored: how the debrief tells that the coach
    /// criticises a choice.
    public func ownPoints(of action: Rules.Action, at state: PlayState) -> Int? {
        guard let index = graph.decisionState(matching: state) else { return nil }
        for edge in graph.edges(of: index) where graph.action(ofEdge: edge) == action {
            return graph.deltas(ofEdge: edge).reduce(0, +)
        }
        return nil
    }

    /// The shortest way to a decision at `node` (states are numbered breadth first, so the first
    /// one found is the nearest), or nil if no playthrough decides there.
    public func shortestPath(toDecisionAt node: String) -> MovePath? {
        guard let index = scenario.nodeIndex(named: node) else { return nil }
        for state in 0..<graph.stateCount where graph.isDecision(state) && graph.node(of: state) == index {
            return graph.pathTo(state, parentEdges: graph.parentEdges())
        }
        return nil
    }
}
