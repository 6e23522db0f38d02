/// A longest-path value as `StateGraph.longest` stores it, in one of two forms: see `Int32` and
/// `StateGraph.Value` below. The algorithm is written once, over this.
protocol LongestPathValue: Equatable {
    /// No ending can be reached.
    static var noEnding: Self { get }
    static var unboundedValue: Self { get }
    /// A finite total, or nil when this form cannot hold it.
    init?(finite value: Int)
    var finiteValue: Int? { get }
    /// The better of two values: unbounded beats everything, any finite value beats no ending.
    static func better(_ a: Self, _ b: Self) -> Self
}

extension LongestPathValue {
    /// The value with `weight` added to a finite total, or nil when the result cannot be held.
    func adding(_ weight: Int) -> Self? {
        guard let value = finiteValue else { return self }
        return Self(finite: value + weight)
    }
}

/// The compact form, 4 bytes a state: `Int32.min` for no ending, `Int32.max` for unbounded, and
/// finite totals in between. With those two at the ends, `better` is simply `max`.
extension Int32: LongestPathValue {
    static var noEnding: Int32 { .min }
    static var unboundedValue: Int32 { .max }

    init?(finite value: Int) {
        guard value > Int(Int32.min), value < Int(Int32.max) else { return nil }
        self = Int32(value)
    }

    var finiteValue: Int? { self == .min || self == .max ? nil : Int(self) }

    static func better(_ a: Int32, _ b: Int32) -> Int32 { Swift.max(a, b) }
}

/// The general form, for totals that do not fit the compact one.
extension StateGraph.Value: LongestPathValue {
    static var noEnding: Self { .none }
    static var unboundedValue: Self { .unbounded }

    init?(finite value: Int) { self = .finite(value) }

    var finiteValue: Int? {
        if case .finite(let value) = self { return value }
        return nil
    }

    static func better(_ a: Self, _ b: Self) -> Self {
        switch (a, b) {
        case (.unbounded, _), (_, .unbounded): .unbounded
        case (.none, _): b
        case (_, .none): a
        case (.finite(let x), .finite(let y)): .finite(max(x, y))
        }
    }
}

extension StateGraph {
    enum Value: Equatable, Sendable {
        case none  // no ending can be reached from here
        case finite(Int)
        case unbounded
    }

    /// The value of every state, in the compact form when every total fits it.
    enum Values: Sendable {
        /// 4 bytes a state: `Int32.min` for no ending, `Int32.max` for unbounded.
        case compact([Int32])
        /// 16 bytes a state, for totals too large for `compact`.
        case general([Value])

        subscript(state: Int) -> Value {
            switch self {
            case .compact(let values):
                let value = values[state]
                if let finite = value.finiteValue { return .finite(finite) }
                return value == .unboundedValue ? .unbounded : .none
            case .general(let values):
                return values[state]
            }
        }
    }

    struct Longest: Sendable {
        var values: Values
        var startValue: Int?
        var unbounded: Bool
        /// An edge inside a loop that gains weight, when the value is unbounded.
        var loopingEdge: Int?
        /// The weight of each edge label (see `EdgeLabels`).
        var labelWeights: [Int]
    }

    /// The largest total of `weight` over the rest of a playthrough, from every state to an ending.
    /// Within a loop, a positive weight makes the value unbounded; otherwise values are relaxed round
    /// the loop until they settle (no positive cycle, so at most as many rounds as members).
    func longest(components: Components, weight: (ArraySlice<Int>) -> Int) -> Longest {
        // Edges with the same label weigh the same: weigh each label once.
        let labelWeights = (0..<labels.count).map { weight(labels.deltas(of: $0)) }
        let values: Values
        let loopingEdge: Int?
        if let compact = longestValues(Int32.self, components: components, labelWeights: labelWeights) {
            values = .compact(compact.values)
            loopingEdge = compact.loopingEdge
        } else {
            // The general form can hold every total, so this does not fail.
            let general = longestValues(Value.self, components: components, labelWeights: labelWeights)!
            values = .general(general.values)
            loopingEdge = general.loopingEdge
        }
        let start = stateCount > 0 ? values[0] : .none
        var startValue: Int?
        if case .finite(let value) = start { startValue = value }
        return Longest(
            values: values, startValue: startValue, unbounded: start == .unbounded,
            loopingEdge: start == .unbounded ? loopingEdge : nil, labelWeights: labelWeights)
    }

    /// `longest` in one form of value, or nil when a total does not fit that form.
    private func longestValues<V: LongestPathValue>(
        _: V.Type, components: Components, labelWeights: [Int]
    ) -> (values: [V], loopingEdge: Int?)? {
        var values = [V](repeating: .noEnding, count: stateCount)
        var loopingEdge: Int?
        // The edges between members of one component: the edge and the state it leaves. Reused.
        var internalEdges: [(from: Int32, edge: Int32)] = []
        for (component, group) in components.groups {
            internalEdges.removeAll(keepingCapacity: true)
            var loopsUp = false
            for member in group {
                let state = Int(member)
                if isEnding(state) {
                    values[state] = V(finite: 0)!
                    continue
                }
                var best = V.noEnding
                for edge in edges(of: state) {
                    let target = Int(edgeTargets[edge])
                    let w = labelWeights[edgeLabels[edge]]
                    if Int(components.of[target]) == component {
                        internalEdges.append((member, Int32(edge)))
                        if w > 0 {
                            loopsUp = true
                            loopingEdge = loopingEdge ?? edge
                        }
                        continue
                    }
                    guard let added = values[target].adding(w) else { return nil }
                    best = V.better(best, added)
                }
                values[state] = best
            }
            if internalEdges.isEmpty { continue }
            if loopsUp {
                for member in group { values[Int(member)] = .unboundedValue }
                continue
            }
            var changed = true
            var rounds = 0
            while changed && rounds <= group.count {
                changed = false
                rounds += 1
                for (from, edge) in internalEdges {
                    let target = Int(edgeTargets[Int(edge)])
                    guard let added = values[target].adding(labelWeights[edgeLabels[Int(edge)]]) else { return nil }
                    let candidate = V.better(values[Int(from)], added)
                    if candidate != values[Int(from)] {
                        values[Int(from)] = candidate
                        changed = true
                    }
                }
            }
        }
        return (values, loopingEdge)
    }

    static func add(_ w: Int, _ value: Value) -> Value { value.adding(w)! }

    /// Follows the edges that achieve the longest value from the start, to an ending.
    func follow(_ longest: Longest, components: Components) -> Analysis.MovePath {
        guard longest.startValue != nil else { return Analysis.MovePath(nodes: scenario.nodes, moves: []) }
        var moves: [UInt64] = []
        var state = 0
        var seen = Set<Int>()
        while isDecision(state), seen.insert(state).inserted {
            guard case .finite(let value) = longest.values[state] else { break }
            var chosen: Int?
            for edge in edges(of: state) {
                let target = target(ofEdge: edge)
                let weight = longest.labelWeights[edgeLabels[edge]]
                guard Self.add(weight, longest.values[target]) == .finite(value) else { continue }
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
        return Analysis.MovePath(nodes: scenario.nodes, moves: moves)
    }
}
