import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage

/// The closing material of a facilitated session, worked out once for every page that shows it
/// (the debrief on screen, the Markdown and HTML handouts, `session.json`): each decision with what
/// was said, the options in full, the votes and the judgement of the room's choice in the state it
/// was made (see `Judgement`), the best path, the promises, the scores, the endings not reached and
/// the discussion prompts. Every text is sanitised here; each page escapes it for its own format.
public struct WorkshopReport: Sendable {
    public let workshop: Workshop
    public let analysis: Analysis
    public let decisions: [Decision]

    public struct Option: Sendable {
        public let letter: String
        public let text: String
        public let votes: Int
        /// Score changes, in the scenario's dimension order, zero changes left out.
        public let deltas: [(dimension: String, delta: Int)]
        /// Promises and the customer's meter, in words.
        public let effects: [String]
        public let coach: String?
        public let isRoomChoice: Bool
        /// One of the best options here (equal outcomes are equally best).
        public let isBest: Bool
        /// The teams that picked it.
        public let teams: [String]

        public var total: Int { deltas.reduce(0) { $0 + $1.delta } }
    }

    public struct Decision: Sendable {
        public let number: Int
        public let moment: String?
        public let discuss: String?
        /// What was said and narrated since the decision before.
        public let lines: [(speaker: String?, text: String)]
        public let options: [Option]
        public let chosen: Int
        /// The letters of the best options, in order.
        public let best: [Int]
        /// Overall points the room's choice gave up against a best one: 0 when it was a best one,
        /// nil when the analysis could not judge.
        public let pointsGivenUp: Int?
        public let tieBroken: Bool
        /// Each team's pick, in team order; empty without teams.
        public let teamPicks: [(team: String, option: Int)]
        public let votedAt: Date?
        public let revealedAt: Date?

        /// The moment's name, or the decision's number: never the node's id.
        public var title: String { moment ?? "Decision \(number)" }
        public var roomChoseBest: Bool { best.contains(chosen) }
        /// The best choice there, in the handout's words (scenario text, not yet escaped): the
        /// room's own, or each best option by letter and text.
        public var bestChoiceWords: String {
            if roomChoseBest { return "the room's choice" + (best.count > 1 ? " (one of \(best.count) equally good)" : "") }
            return best.map { "\(options[$0].letter): \(options[$0].text)" }.joined(separator: "; or ")
        }
    }

    public init(workshop: Workshop, analysis: Analysis) {
        self.workshop = workshop
        self.analysis = analysis
        let scenario = workshop.scenario
        decisions = workshop.pastDecisions.enumerated().map { number, past in
            var picks: [(String, Int)] = []
            if case .teams(let teamPicks) = past.record.vote { picks = Array(zip(workshop.teams, teamPicks)) }
            let (options, actions, judgement) = Self.options(
                past.reveals, at: past.state, votes: past.record.vote.counts(optionCount: past.reveals.count),
                chosen: past.chosenIndex, picks: picks, scenario: scenario, analysis: analysis)
            return Decision(
                number: number + 1, moment: past.step.moment.map(Sanitizer.clean), discuss: past.step.discuss.map(Sanitizer.clean),
                lines: past.step.lines.map { ($0.speaker.map(Sanitizer.clean), Sanitizer.clean($0.text)) }, options: options,
                chosen: past.chosenIndex, best: options.indices.filter { options[$0].isBest },
                pointsGivenUp: judgement.pointsGivenUp(by: actions[past.chosenIndex]), tieBroken: past.record.tieBroken,
                teamPicks: picks, votedAt: past.record.votedAt, revealedAt: past.record.revealedAt)
        }
    }

    /// The options of one decision, judged where it was taken. The room chose among the options on
    /// offer; it cannot stay silent, so only they are compared.
    static func options(
        _ reveals: [ChoiceReveal], at state: PlayState, votes: [Int], chosen: Int?, picks: [(String, Int)],
        scenario: CheckedScenario, analysis: Analysis
    ) -> ([Option], [Rules.Action], Judgement) {
        let node = scenario.nodes[state.node]
        let actions = reveals.map { reveal in Rules.Action.choose(node.choices.firstIndex { $0.id == reveal.choice.id } ?? 0) }
        let judgement = analysis.judgement(at: state, among: actions)
        let options = reveals.enumerated().map { index, reveal in
            Option(
                letter: VoteParser.letter(index), text: Sanitizer.clean(reveal.choice.text), votes: index < votes.count ? votes[index] : 0,
                deltas: reveal.deltas, effects: reveal.effects.compactMap { EffectWords.describe($0, in: scenario) },
                coach: reveal.coach.map(Sanitizer.clean), isRoomChoice: index == chosen,
                isBest: judgement.isBest(actions[index]), teams: picks.filter { $0.1 == index }.map(\.0))
        }
        return (options, actions, judgement)
    }

    /// The options of the decision open now, judged, before any vote: for a reveal the facilitator
    /// confirmed before the vote.
    public var openOptions: [Option] {
        let (options, _, _) = Self.options(
            workshop.reveal(), at: workshop.session.state, votes: [], chosen: nil, picks: [], scenario: scenario,
            analysis: analysis)
        return options
    }

    public var scenario: CheckedScenario { workshop.scenario }
    public var record: WorkshopRecord { workshop.record }

    /// The ending the room reached, if the story ended.
    public var ending: Ending? { workshop.session.step.ending }

    /// The endings the room did not reach, best first.
    public var endingsNotReached: [Analysis.ReachedEnding] {
        analysis.endings.filter { reached in
            guard let ending else { return true }
            return !(reached.outcome == ending.outcome && reached.summary == ending.summary.string)
        }
    }

    /// One best path through the whole conversation, as the words of each move. Where options are
    /// equally good it names one of them; the judgements above accept any.
    public var bestPath: [String] {
        analysis.bestPath.map { $0.choiceID == nil ? "Saying nothing for a moment" : Sanitizer.clean($0.text) }
    }

    public struct PromiseOutcome: Sendable {
        public let description: String
        public let status: PromiseStatus
    }

    /// Every promise the room made, with where it stands.
    public var promises: [PromiseOutcome] {
        scenario.promises.indices.filter { workshop.session.state.promises[$0] != .notMade }.map {
            PromiseOutcome(description: Sanitizer.clean(scenario.promises[$0].description), status: workshop.session.state.promises[$0])
        }
    }

    /// The discussion prompts of the decisions the room took, in order.
    public var prompts: [(title: String, prompt: String)] {
        decisions.compactMap { decision in decision.discuss.map { (decision.title, $0) } }
    }

    public struct ScoreRow: Sendable {
        public let name: String
        /// One per dimension, in the scenario's order.
        public let totals: [Int]
        public var total: Int { totals.reduce(0, +) }
    }

    /// The room's scores, then each team's.
    public var scoreRows: [ScoreRow] {
        [ScoreRow(name: "The room", totals: workshop.session.totals)]
            + workshop.teamTotals().map { ScoreRow(name: Sanitizer.clean($0.team), totals: $0.totals) }
    }

    /// The most and least each dimension can reach in this scenario, and overall. No one path need
    /// reach every dimension's best at once, so the overall figures are the best and worst paths'.
    public var possible: (best: [Int?], worst: [Int?], bestTotal: Int?, worstTotal: Int?) {
        (analysis.ranges.map(\.best), analysis.ranges.map(\.worst), analysis.overallRange.best, analysis.overallRange.worst)
    }

    /// The decisions where the room gave up points, and how many in all.
    public var pointsGivenUp: Int { decisions.compactMap(\.pointsGivenUp).reduce(0, +) }
}
