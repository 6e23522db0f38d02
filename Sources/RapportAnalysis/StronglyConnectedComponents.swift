/// The strongly connected components of a `StateGraph`: the loops of play, each a group of states
/// that can all reach each other, and every other state alone.
struct Components: Sendable {
    /// The component of each state.
    let of: [Int]
    /// The states of each component. Components are numbered sinks first (reverse topological
    /// order), so every edge leaving a component leads to one numbered before it.
    let members: [[Int]]
}

extension StateGraph {
    /// Tarjan's algorithm, iterative so that deep graphs cannot overflow the stack.
    func stronglyConnectedComponents() -> Components {
        struct Frame {
            let state: Int
            /// The next of the state's edges to follow.
            var edge: Int
            var low: Int
        }
        var order = [Int?](repeating: nil, count: stateCount)
        var onStack = [Bool](repeating: false, count: stateCount)
        var component = [Int](repeating: -1, count: stateCount)
        var members: [[Int]] = []
        var stack: [Int] = []
        var work: [Frame] = []
        var counter = 0
        func visit(_ state: Int) {
            order[state] = counter
            work.append(Frame(state: state, edge: edges(of: state).lowerBound, low: counter))
            counter += 1
            stack.append(state)
            onStack[state] = true
        }
        for root in 0..<stateCount where order[root] == nil {
            visit(root)
            while let frame = work.last {
                if frame.edge < edges(of: frame.state).upperBound {
                    work[work.count - 1].edge += 1
                    let target = target(ofEdge: frame.edge)
                    if let targetOrder = order[target] {
                        if onStack[target] { work[work.count - 1].low = min(frame.low, targetOrder) }
                    } else {
                        visit(target)
                    }
                    continue
                }
                work.removeLast()
                if !work.isEmpty { work[work.count - 1].low = min(work[work.count - 1].low, frame.low) }
                if frame.low == order[frame.state] {
                    var group: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component[member] = members.count
                        group.append(member)
                        if member == frame.state { break }
                    }
                    members.append(group)
                }
            }
        }
        return Components(of: component, members: members)
    }
}
