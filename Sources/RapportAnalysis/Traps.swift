extension StateGraph {
    /// For each state, whether it is a decision from which no sequence of moves ever leaves the
    /// decisions: no ending, and no stuck state or endless loop (those are reported on their own),
    /// can be reached. A trainee there can only go round for ever.
    func trappedStates(components: Components) -> [Bool] {
        var canLeave = [Bool](repeating: false, count: stateCount)
        // Sinks first, so every edge out of a component leads to a state already settled; within a
        // component every member reaches every other, so one way out is a way out for all.
        for group in components.members {
            let leaves = group.contains { state in
                !isDecision(state) || edges(of: state).contains { canLeave[target(ofEdge: $0)] }
            }
            for state in group { canLeave[state] = leaves }
        }
        return canLeave.map { !$0 }
    }

    /// The nodes of the trapped states reachable from `entry`, in file order.
    func trapNodes(from entry: Int, trapped: [Bool]) -> [Int] {
        var seen: Set<Int> = [entry]
        var queue = [entry]
        var nodes = Set<Int>()
        while let state = queue.popLast() {
            nodes.insert(node(of: state))
            for edge in edges(of: state) where trapped[target(ofEdge: edge)] {
                if seen.insert(target(ofEdge: edge)).inserted { queue.append(target(ofEdge: edge)) }
            }
        }
        return nodes.sorted()
    }
}
