import RapportEngine

/// The one definition of "the best choice" that every screen and page uses (play's debrief, the
/// facilitator's reveal and debrief, the handout): at a decision, an action's worth is its own score
/// changes plus the best overall total the rest of the conversation can still add; the best actions
/// are all those of the highest worth. Equal outcomes are equally best, so a room or a learner who
/// takes any of them is told they took the best choice, never "the second best".
///
/// A judgement is made in the state the decision was taken in, so comparing a run with the best
/// path is always done decision by decision in the same place, never by pairing the n-th decision of
/// one path with the n-th of another.
public struct Judgement: Sendable, Equatable {
    /// Each action that could be taken, with its worth (nil when no ending follows it), in the order
    /// they were asked about.
    public let worths: [(action: Rules.Action, worth: Int?)]

    /// The highest worth of any action, if any action leads to an ending.
    public var bestWorth: Int? { worths.compactMap(\.worth).max() }

    /// Every action of the highest worth, in the order they were asked about.
    public var best: [Rules.Action] {
        guard let bestWorth else { return [] }
        return worths.filter { $0.worth == bestWorth }.map(\.action)
    }

    public func worth(of action: Rules.Action) -> Int? { worths.first { $0.action == action }?.worth }

    /// Whether `action` is one of the best; when nothing can be judged (the state was not explored),
    /// nothing is called worse.
    public func isBest(_ action: Rules.Action) -> Bool {
        guard let bestWorth else { return true }
        return worth(of: action) == bestWorth
    }

    /// Overall points given up by taking `action` rather than a best one: 0 for a best action, and
    /// nil when either cannot be judged.
    public func pointsGivenUp(by action: Rules.Action) -> Int? {
        guard let bestWorth, let mine = worth(of: action) else { return nil }
        return bestWorth - mine
    }

    public static func == (lhs: Judgement, rhs: Judgement) -> Bool {
        lhs.worths.map(\.action) == rhs.worths.map(\.action) && lhs.worths.map(\.worth) == rhs.worths.map(\.worth)
    }
}

extension Analysis {
    /// The judgement of the actions at a decision state. `among` names the actions the player could
    /// take there (a workshop room cannot stay silent, a learner can); by default every action the
    /// analysis found.
    public func judgement(at state: PlayState, among actions: [Rules.Action]? = nil) -> Judgement {
        let candidates = actions ?? possibleActions(at: state)
        return Judgement(worths: candidates.map { ($0, value(of: $0, at: state)) })
    }

    /// The actions the analysis found possible at a decision state, in the order of its edges.
    public func possibleActions(at state: PlayState) -> [Rules.Action] {
        guard let index = graph.decisionState(matching: state) else { return [] }
        return graph.edges(of: index).map { graph.action(ofEdge: $0) }
    }
}
