import RapportLanguage

/// What a choice would do, for a facilitator to show the room: its score changes (promise effects
/// included), coach note and other effects, and where it leads.
public struct ChoiceReveal: Sendable, Hashable {
    public let choice: OfferedChoice
    /// Score changes by dimension name, in the scenario's dimension order; zero changes left out.
    public let deltas: [(dimension: String, delta: Int)]
    public let coach: ScenarioText?
    /// Everything that would happen, in order (state changes, promises), without the scores.
    public let effects: [Event]
    /// The node the choice leads to.
    public let leadsTo: String

    public static func == (lhs: ChoiceReveal, rhs: ChoiceReveal) -> Bool {
        lhs.choice == rhs.choice && lhs.coach == rhs.coach && lhs.effects == rhs.effects && lhs.leadsTo == rhs.leadsTo
            && lhs.deltas.map(\.dimension) == rhs.deltas.map(\.dimension) && lhs.deltas.map(\.delta) == rhs.deltas.map(\.delta)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(choice)
        hasher.combine(leadsTo)
    }
}

extension Session {
    /// Every choice on offer now, with what it would do. Only the choice's own effects count: what
    /// happens at the node it leads to belongs to the next step.
    public func reveal() -> [ChoiceReveal] {
        let node = scenario.nodes[state.node]
        return step.choices.compactMap { offered in
            guard let choice = node.choices.first(where: { $0.id == offered.id }) else { return nil }
            var scratch = state
            var deltas = Array(repeating: 0, count: scenario.dimensions.count)
            var events: [Event]? = []
            rules.apply(choice.effects, to: &scratch, deltas: &deltas, reason: .choice, events: &events)
            let named = scenario.dimensions.indices.filter { deltas[$0] != 0 }.map { (scenario.dimensions[$0], deltas[$0]) }
            let effects = (events ?? []).filter { if case .scored = $0 { false } else { true } }
            return ChoiceReveal(
                choice: offered, deltas: named, coach: choice.coach, effects: effects,
                leadsTo: scenario.nodes[choice.target].id)
        }
    }
}
