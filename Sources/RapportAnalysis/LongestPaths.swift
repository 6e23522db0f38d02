import RapportEngine

extension StateGraph {
    /// The best total still to come from a state.
    enum Value: Equatable, Sendable {
        /// No ending can be reached from here.
        case none
        case finite(Int)
        /// A loop can raise the total without limit.
        case unbounded

        func adding(_ weight: Int) -> Value {
            if case .finite(let value) = self { return .finite(value + weight) }
            return self
        }

        /// The better of two values: unbounded beats everything, any finite value beats no ending.
        static func better(_ a: Value, _ b: Value) -> Value {
            switch (a, b) {
            case (.unbounded, _), (_, .unbounded): .unbounded
            case (.none, _): b
            case (_, .none): a
            case (.finite(let x), .finite(let y)): .finite(max(x, y))
            }
        }
    }

    /// The best total of a weight over the rest of a playthrough, from every state.
    struct Longest: Sendable {
        let values: [Value]
        let weights: [Int]
        /// The value from the start, when it is finite.
        var startValue: Int? {
            if case .finite(let value) = values.first { return value }
            return nil
        }
        var unbounded: Bool { values.first == .unbounded }
        /// An edge inside a loop that gains weight, when the value from the start is unbounded.
        let loopingEdge: Int?
    }

    /// The largest total of `weight` (of each edge's score changes) over the rest of a playthrough,
    /// from every state to an ending. Components are taken sinks first, so every edge leaving one
    /// leads to a state already valued. Within a loop, a positive weight makes the value unbounded;
    /// otherwise values are relaxed round the loop until they settle (with no positive cycle, at most
    /// as many rounds as members).
    func longest(components: Components, weight: (ArraySlice<Int>) -> Int) -> Longest {
        longest(components: components, weights: edges.indices.map { weight(deltas(ofEdge: $0)) })
    }

    /// The same, with each edge's weight given, to the ending states `goal` accepts (by default
    /// every ending): the paths to other endings do not count.
    func longest(components: Components, weights: [Int], goal: ((Int) -> Bool)? = nil) -> Longest {
        var values = [Value](repeating: .none, count: stateCount)
        var loopingEdge: Int?
        for (component, group) in components.members.enumerated() {
            var internalEdges: [(from: Int, edge: Int)] = []
            var loopsUp = false
            for state in group {
                if isEnding(state) {
                    if goal?(state) ?? true { values[state] = .finite(0) }
                    continue
                }
                var best = Value.none
                for edge in edges(of: state) {
                    let target = target(ofEdge: edge)
                    if components.of[target] == component {
                        internalEdges.append((state, edge))
                        if weights[edge] > 0 {
                            loopsUp = true
                            loopingEdge = loopingEdge ?? edge
                        }
                    } else {
                        best = .better(best, values[target].adding(weights[edge]))
                    }
                }
                values[state] = best
            }
            if loopsUp {
                for state in group { values[state] = .unbounded }
                continue
            }
            var changed = !internalEdges.isEmpty
            var rounds = 0
            while changed && rounds <= group.count {
                changed = false
                rounds += 1
                for (from, edge) in internalEdges {
                    let candidate = Value.better(values[from], values[target(ofEdge: edge)].adding(weights[edge]))
                    if candidate != values[from] {
                        values[from] = candidate
                        changed = true
                    }
                }
            }
        }
        let start = values.first ?? .none
        return Longest(values: values, weights: weights, loopingEdge: start == .unbounded ? loopingEdge : nil)
    }

    /// Follows the edges that achieve the longest value from the start, to an ending.
    func follow(_ longest: Longest, components: Components) -> Analysis.MovePath {
        guard longest.startValue != nil else { return Analysis.MovePath([]) }
        var moves: [Analysis.Move] = []
        var state = 0
        var seen = Set<Int>()
        while isDecision(state), seen.insert(state).inserted {
            guard case .finite(let value) = longest.values[state] else { break }
            var chosen: Int?
            for edge in edges(of: state) {
                let target = target(ofEdge: edge)
                guard longest.values[target].adding(longest.weights[edge]) == .finite(value) else { continue }
                // Prefer leaving a loop, then a state not yet on the path.
                if components.of[target] != components.of[state] {
                    chosen = edge
                    break
                }
                if chosen == nil, !seen.contains(target) { chosen = edge }
            }
            guard let edge = chosen else { break }
            moves.append(move(from: state, edge: edge))
            state = target(ofEdge: edge)
        }
        return Analysis.MovePath(moves)
    }
}
