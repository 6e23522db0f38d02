/// The strongly connected components of a `StateGraph`: the loops of play, each a group of states
/// that can all reach each other, and every other state alone.
struct Components: Sendable {
    /// The component of each state. Components are numbered sinks first (reverse topological order).
    let of: [Int32]
    /// Every state, component by component in order, each component's states in the order Tarjan's
    /// algorithm took them off its stack: one flat array rather than an array per component. Where
    /// one component ends and the next begins, `of` tells.
    private let memberStates: [Int32]

    init(of: [Int32], memberStates: [Int32]) {
        self.of = of
        self.memberStates = memberStates
    }

    /// The components in order, each with its number and its states.
    var groups: Groups { Groups(of: of, memberStates: memberStates) }

    struct Groups: Sequence, IteratorProtocol {
        fileprivate let of: [Int32]
        fileprivate let memberStates: [Int32]
        private var start = 0

        fileprivate init(of: [Int32], memberStates: [Int32]) {
            self.of = of
            self.memberStates = memberStates
        }

        mutating func next() -> (component: Int, members: ArraySlice<Int32>)? {
            guard start < memberStates.count else { return nil }
            let component = of[Int(memberStates[start])]
            var end = start + 1
            while end < memberStates.count && of[Int(memberStates[end])] == component { end += 1 }
            defer { start = end }
            return (Int(component), memberStates[start..<end])
        }
    }
}

extension StateGraph {
    /// Tarjan's algorithm, iterative so that deep graphs cannot overflow the stack.
    ///
    /// To keep its memory small: a state's `low` link lives only in its frame on the work stack (it
    /// is read nowhere else); and one array serves for the visiting order, for "on the stack" and for
    /// the result. An entry is -1 before the state is visited, its order while it is on the stack
    /// (never negative), and -2 - its component once it has one.
    func stronglyConnectedComponents() -> Components {
        struct Frame {
            var state: Int32
            /// The next edge to follow.
            var edge: Int32
            var low: Int32
        }
        let count = stateCount
        var order = [Int32](repeating: -1, count: count)
        var stack: [Int32] = []
        var memberStates: [Int32] = []
        memberStates.reserveCapacity(count)
        var componentCount: Int32 = 0
        var counter: Int32 = 0
        var work: [Frame] = []
        for root in 0..<count where order[root] == -1 {
            order[root] = counter
            work.append(Frame(state: Int32(root), edge: edgeStart[root], low: counter))
            counter += 1
            stack.append(Int32(root))
            while let frame = work.last {
                let state = Int(frame.state)
                if frame.edge < edgeStart[state + 1] {
                    work[work.count - 1].edge += 1
                    let target = Int(edgeTargets[Int(frame.edge)])
                    let targetOrder = order[target]
                    if targetOrder == -1 {
                        order[target] = counter
                        work.append(Frame(state: Int32(target), edge: edgeStart[target], low: counter))
                        counter += 1
                        stack.append(Int32(target))
                    } else if targetOrder >= 0 {
                        // On the stack.
                        work[work.count - 1].low = min(frame.low, targetOrder)
                    }
                    continue
                }
                work.removeLast()
                if !work.isEmpty { work[work.count - 1].low = min(work[work.count - 1].low, frame.low) }
                if frame.low == order[state] {
                    while let member = stack.popLast() {
                        order[Int(member)] = -2 - componentCount
                        memberStates.append(member)
                        if Int(member) == state { break }
                    }
                    componentCount += 1
                }
            }
        }
        // Every state now has a component: turn the array into the component of each state.
        for state in 0..<count { order[state] = -2 - order[state] }
        return Components(of: order, memberStates: memberStates)
    }
}
