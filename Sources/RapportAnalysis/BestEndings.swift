import RapportLanguage

extension StateGraph {
    /// The best ending still reachable from every state (nil where no ending is), so the debrief can
    /// tell the decision after which a better ending was out of reach. Components are taken sinks
    /// first, as in `longest`; inside a loop every member reaches the same endings, so one pass
    /// over the members' outside edges and their own endings settles the whole component.
    func bestEndings(components: Components) -> [Outcome?] {
        var best = [Outcome?](repeating: nil, count: stateCount)
        func better(_ a: Outcome?, _ b: Outcome?) -> Outcome? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
        for (component, group) in components.members.enumerated() {
            var reachable: Outcome?
            for state in group {
                if case .ended(_, let ending) = stop(of: state) { reachable = better(reachable, ending.outcome) }
                for edge in edges(of: state) where components.of[target(ofEdge: edge)] != component {
                    reachable = better(reachable, best[target(ofEdge: edge)])
                }
            }
            for state in group { best[state] = reachable }
        }
        return best
    }
}
