import RapportEngine
import RapportLanguage

extension Analysis {
    /// How `session(atDecision:)` reached its decision.
    public enum Route: Sendable, Equatable {
        /// Along the best path, which passes there.
        case bestPath
        /// By the shortest way there: the best path does not pass there.
        case shortestWay
    }

    /// A session at the first decision at `node` (its id): played along the best path when that
    /// passes there, otherwise along the shortest way there; nil when no playthrough decides there.
    /// What `rapport play --from` starts from.
    public func session(atDecision node: String) -> (session: Session, route: Route)? {
        for (way, route) in [(Optional(bestPath), Route.bestPath), (shortestPath(toDecisionAt: node), .shortestWay)] {
            guard let way else { continue }
            var session = Session(scenario)
            for move in way {
                if scenario.nodes[session.state.node].id == node { return (session, route) }
                if let choice = move.choiceID { _ = try? session.choose(choice) } else { _ = try? session.stayedSilent() }
            }
            if !session.isOver, scenario.nodes[session.state.node].id == node { return (session, route) }
        }
        return nil
    }
}
