import RapportEngine
import RapportLanguage

/// What a trainee should take away from a run: the ending, the scores against what was possible,
/// each decision against the best one there, the promises, the coach's notes, and one suggestion.
/// Built from the engine and the analysis; the terminal and facilitator screens only lay it out.
public struct Debrief: Sendable {
    public struct Decision: Sendable {
        public let node: String
        public let moment: String?
        /// What the trainee did: a choice's text, or nil for a silence.
        public let chosen: String?
        public let chosenCoach: String?
        /// The best action there, if it was not the one taken.
        public let better: String?
        public let betterCoach: String?
        /// Overall points given up here compared with the best action (0 when it was the best).
        public let pointsMissed: Int
    }

    public struct PromiseOutcome: Sendable {
        public let name: String
        public let description: String
        public let status: PromiseStatus
    }

    public let title: String
    public let ending: Ending?
    public let scores: ScoreReport
    public let decisions: [Decision]
    public let promises: [PromiseOutcome]
    public let coachNotes: [String]
    public let suggestion: String

    public init(session: Session, analysis: Analysis) {
        let scenario = session.scenario
        title = scenario.title
        ending = session.step.ending
        scores = ScoreReport(session: session, ranges: analysis.ranges)

        // Replay the run to know the state before each action, which is what "the best choice
        // there" depends on.
        var replay = Session(scenario)
        var decisions: [Decision] = []
        var notes: [String] = []
        for action in session.transcript.actions {
            let state = replay.state
            let node = scenario.nodes[state.node]
            let taken: Rules.Action
            var chosenText: String?
            var chosenCoach: String?
            switch action {
            case .choice(let id, let text):
                guard let index = node.choices.firstIndex(where: { $0.id == id }) else { continue }
                taken = .choose(index)
                chosenText = text.string
                chosenCoach = node.choices[index].coach?.string
                if let coach = chosenCoach { notes.append(coach) }
                _ = try? replay.choose(id)
            case .silence:
                taken = .silence
                chosenCoach = node.silence?.coach?.string
                _ = try? replay.stayedSilent()
            }
            // The shared definition of best: any action as good as the best one is the best.
            var better: String?
            var betterCoach: String?
            let judgement = analysis.judgement(at: state)
            let missed = judgement.pointsGivenUp(by: taken) ?? 0
            if missed > 0, let best = judgement.best.first {
                switch best {
                case .choose(let index):
                    better = node.choices[index].text.string
                    betterCoach = node.choices[index].coach?.string
                case .silence:
                    better = "Saying nothing for a moment"
                    betterCoach = node.silence?.coach?.string
                }
            }
            decisions.append(
                Decision(
                    node: node.id, moment: node.moment?.string, chosen: chosenText, chosenCoach: chosenCoach, better: better,
                    betterCoach: betterCoach, pointsMissed: missed))
        }
        self.decisions = decisions
        coachNotes = notes
        promises = scenario.promises.indices.compactMap { index in
            let status = session.state.promises[index]
            guard status != .notMade else { return nil }
            return PromiseOutcome(
                name: scenario.promises[index].name, description: scenario.promises[index].description, status: status)
        }
        suggestion = Self.suggestion(decisions: decisions, ending: ending)
    }

    /// The moments that mattered: decisions the scenario marks with `moment:`.
    public var moments: [Decision] { decisions.filter { $0.moment != nil } }

    /// One concrete thing to try next time: the decision that cost the most.
    static func suggestion(decisions: [Decision], ending: Ending?) -> String {
        guard let worst = decisions.max(by: { $0.pointsMissed < $1.pointsMissed }), worst.pointsMissed > 0,
            let better = worst.better
        else {
            return ending == nil
                ? "Play it through to an ending to see how the whole conversation lands."
                : "You found the best path through this conversation. Try it in assessment mode (--assess), or try another scenario."
        }
        let place = worst.moment.map { "at \"\($0)\"" } ?? "where you chose \"\(worst.chosen ?? "to say nothing")\""
        let instead = worst.chosen == nil ? " answer rather than wait, and" : ""
        var text = "Next time, \(place),\(instead) try: \"\(better)\""
        if let coach = worst.betterCoach { text += " " + coach }
        return text
    }
}
