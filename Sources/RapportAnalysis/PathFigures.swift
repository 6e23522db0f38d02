import RapportEngine
import RapportLanguage

/// Figures `rapport analyze` shows beside the score ranges, worked out from the explored graph when
/// asked for (the debrief and `check` do not need them): how many decisions a complete playthrough
/// takes, the overall score range on the way to each ending, and the range of each number in the
/// state as the conversation arrives at each node.
extension Analysis {
    /// The fewest and most decisions (choices made; a silence is not one) on any way from the start
    /// to an ending. `most` is nil when a loop through a choice lets a playthrough go on for ever;
    /// both are nil when no ending can be reached.
    public struct DecisionRange: Sendable, Hashable, Encodable {
        public let fewest: Int?
        public let most: Int?
    }

    /// A number of the state, and the lowest and highest it is when a node is entered.
    public struct ValueRange: Sendable, Hashable, Encodable {
        public let name: String
        public let low: Int
        public let high: Int
    }

    /// The numbers of the state as the conversation arrives at a node, before the node's own lines
    /// run (a `set:` at the top of the node is not yet made).
    public struct NodeValues: Sendable, Hashable, Encodable {
        public let node: String
        public let values: [ValueRange]
    }

    public var decisionRange: DecisionRange {
        let decisionWeights = graph.edges.map { edge in
            if case .choose = edge.action { 1 } else { 0 }
        }
        let most = graph.longest(components: components, weights: decisionWeights)
        return DecisionRange(fewest: graph.fewestDecisionsToAnEnding(), most: most.unbounded ? nil : most.startValue)
    }

    /// The worst and best overall total of the playthroughs that reach each ending, in the order of
    /// `endings`.
    public func overallRangeByEnding() -> [ScoreRange] {
        var endingOfState = [Int?](repeating: nil, count: graph.stateCount)
        for state in 0..<graph.stateCount {
            guard case .ended(let node, let ending) = graph.stop(of: state) else { continue }
            let id = scenario.nodes[node].id
            endingOfState[state] = endings.firstIndex {
                $0.node == id && $0.outcome == ending.outcome && $0.summary == ending.summary.string
            }
        }
        let gains = graph.edges.indices.map { graph.deltas(ofEdge: $0).reduce(0, +) }
        let losses = gains.map { -$0 }
        let initial = graph.initialDeltas.reduce(0, +)
        return endings.indices.map { index in
            let goal: (Int) -> Bool = { endingOfState[$0] == index }
            let best = graph.longest(components: components, weights: gains, goal: goal)
            let worst = graph.longest(components: components, weights: losses, goal: goal)
            return ScoreRange(worst: worst.startValue.map { initial - $0 }, best: best.startValue.map { initial + $0 })
        }
    }

    /// For each node some playthrough enters, in file order, the range of each number of the state
    /// (the meter first) as it is entered. Every explored move is played again, noting the values at
    /// each node it enters.
    public func valueRangesOnArrival() -> [NodeValues] {
        let numbers = scenario.variables.indices.filter { !scenario.variables[$0].isBoolean }
            .sorted { ($0 == scenario.meter ? 0 : 1, $0) < ($1 == scenario.meter ? 0 : 1, $1) }
        guard !numbers.isEmpty else { return [] }
        var low = [[Int]](repeating: [], count: scenario.nodes.count)
        var high = [[Int]](repeating: [], count: scenario.nodes.count)
        func note(_ arrival: Rules.Arrival) {
            for (node, values) in zip(arrival.path, arrival.valuesOnEntry) {
                if low[node].isEmpty {
                    low[node] = numbers.map { values[$0] }
                    high[node] = low[node]
                    continue
                }
                for (slot, variable) in numbers.enumerated() {
                    low[node][slot] = min(low[node][slot], values[variable])
                    high[node][slot] = max(high[node][slot], values[variable])
                }
            }
        }
        let rules = graph.rules
        var none: [Event]? = nil
        var deltas = [Int](repeating: 0, count: scenario.dimensions.count)
        note(rules.arrive(at: scenario.start, from: rules.initialState, deltas: &deltas, events: &none, recordingEntries: true))
        for state in 0..<graph.stateCount where graph.isDecision(state) {
            let playState = graph.playState(of: state)
            for edge in graph.edges(of: state) {
                note(rules.take(graph.action(ofEdge: edge), from: playState, deltas: &deltas, events: &none, recordingEntries: true))
            }
        }
        return scenario.nodes.indices.compactMap { node in
            guard !low[node].isEmpty else { return nil }
            return NodeValues(
                node: scenario.nodes[node].id,
                values: numbers.enumerated().map { slot, variable in
                    ValueRange(name: scenario.variables[variable].name, low: low[node][slot], high: high[node][slot])
                })
        }
    }
}

extension StateGraph {
    /// The fewest choices made on any way from the start to an ending, nil when none is reached: a
    /// breadth-first search in which a silence costs nothing, so states are taken in order of the
    /// choices made to reach them (a bucket for each count).
    func fewestDecisionsToAnEnding() -> Int? {
        guard stateCount > 0 else { return nil }
        var best = [Int?](repeating: nil, count: stateCount)
        var buckets: [[Int]] = [[0]]
        best[0] = 0
        var count = 0
        while count < buckets.count {
            var index = 0
            while index < buckets[count].count {
                let state = buckets[count][index]
                index += 1
                guard best[state] == count else { continue }
                if isEnding(state) { return count }
                for edge in edges(of: state) {
                    let cost: Int = if case .choose = action(ofEdge: edge) { 1 } else { 0 }
                    let target = target(ofEdge: edge)
                    if let known = best[target], known <= count + cost { continue }
                    best[target] = count + cost
                    if count + cost == buckets.count { buckets.append([]) }
                    buckets[count + cost].append(target)
                }
            }
            count += 1
        }
        return nil
    }
}
