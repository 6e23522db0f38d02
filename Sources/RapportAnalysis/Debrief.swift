import RapportEngine
import RapportLanguage

/// What a trainee should take away from a run, built around the connection: the ending, the scores
/// on the learner's scale, the customer's meter over the conversation with its turning points, every
/// decision that won or cost points with the choice made and a better one (each coach note beside
/// its own choice), the promises in their own words with where each was made and settled, and one
/// thing to try next time, taken from the decision that most changed the ending or the scores.
/// Built from the engine and the analysis; the screens only lay it out.
public struct Debrief: Sendable {
    public struct Decision: Sendable {
        /// Its place among the run's actions (0-based): where a retry from here starts.
        public let index: Int
        /// The node's `moment:` when it has one; else what the customer had just said (`Grace: "what
        /// then?"`), which names the decision the same way in every run; else "Decision 3".
        public let label: String
        public let node: String
        public let moment: String?
        /// What the trainee did: a choice's text, or nil for a silence.
        public let chosen: String?
        public let chosenCoach: String?
        /// The action's own score changes, summed over the dimensions (promises kept or broken by
        /// it included).
        public let points: Int
        /// A better choice there, if there was one the coach does not criticise; see `Debrief.better`.
        public let better: String?
        public let betterCoach: String?
        /// Overall points given up here compared with that better choice (0 when there is none).
        public let pointsMissed: Int
        /// The best ending still reachable after what was done, and after the better choice.
        public let bestEndingAfter: Outcome?
        public let bestEndingInstead: Outcome?
        /// Made by the program for the trainee (the path before a retry or `--from`), not judged.
        public let playedForYou: Bool

        /// Whether a better ending was out of reach after this decision and not after the better one.
        public var closedABetterEnding: Bool {
            guard let instead = bestEndingInstead else { return false }
            guard let after = bestEndingAfter else { return true }
            return instead > after
        }

        /// Whether the debrief lists it: it won, cost or missed points, or is a marked moment.
        public var mattered: Bool { points != 0 || pointsMissed > 0 || moment != nil }
    }

    /// The customer's meter (`meter:` in the scenario) over the conversation.
    public struct MeterTrace: Sendable {
        public let name: String
        public let range: ClosedRange<Int>?
        /// The value at the start, then after each action.
        public let values: [Int]
    }

    /// One of the moves that raised or lowered the meter most.
    public struct TurningPoint: Sendable {
        public let decision: Decision
        public let from: Int
        public let to: Int
    }

    public struct PromiseOutcome: Sendable {
        public let name: String
        /// What was promised, in the scenario's words.
        public let description: String
        public let status: PromiseStatus
        /// The label of the decision where it was made (nil when it was made before any decision).
        public let madeAt: String?
        /// Where it was kept or broken; nil when it is still open.
        public let settledAt: String?
    }

    public let title: String
    public let ending: Ending?
    public let scores: ScoreReport
    public let decisions: [Decision]
    public let meter: MeterTrace?
    public let turningPoints: [TurningPoint]
    public let promises: [PromiseOutcome]
    /// How the decisions played for the trainee came about: "played for you" (`--from`, the best
    /// path's) or "as before" (a retry's, the trainee's own from the attempt retried).
    public let wayIn: String
    /// The decision "For next time" is about, if any.
    public let focus: Decision?
    public let suggestion: String

    /// `playedForYou` counts the run's first actions that the program made (a retry's or `--from`'s
    /// way to the starting decision); they are shown but never judged.
    public init(session: Session, analysis: Analysis, playedForYou: Int = 0, wayIn: String = "played for you") {
        self.wayIn = wayIn
        let scenario = session.scenario
        title = scenario.title
        ending = session.step.ending
        scores = ScoreReport(session: session, ranges: analysis.ranges, overallRange: analysis.overallRange)

        // Replay the run to know the state before each action, which is what "a better choice there"
        // depends on, and what each action did.
        var replay = Session(scenario)
        var decisions: [Decision] = []
        var meterValues: [Int] = replay.meter.map { [$0.value] } ?? []
        var made: [String: String] = [:]
        var settled: [String: String] = [:]
        var decisionNumber = 0
        var stayed = false
        for (index, action) in session.transcript.actions.enumerated() {
            let state = replay.state
            let node = scenario.nodes[state.node]
            if !stayed { decisionNumber += 1 }
            let label = node.moment?.string ?? Self.label(quoting: replay.step.lines) ?? "Decision \(decisionNumber)"
            let before = replay.totals.reduce(0, +)
            let taken: Rules.Action
            var chosenText: String?
            var chosenCoach: String?
            let events: [Event]
            switch action {
            case .choice(let id, let text):
                guard let choice = node.choices.firstIndex(where: { $0.id == id }), let happened = try? replay.choose(id)
                else { continue }
                taken = .choose(choice)
                chosenText = text.string
                chosenCoach = node.choices[choice].coach?.string
                events = happened
                stayed = false
            case .silence:
                guard let happened = try? replay.stayedSilent() else { continue }
                taken = .silence
                chosenCoach = node.silence?.coach?.string
                events = happened
                stayed = replay.state.node == state.node && !replay.isOver
            }
            if let meter = replay.meter { meterValues.append(meter.value) }
            for event in events {
                switch event {
                case .promiseMade(let name, _): made[name] = made[name] ?? label
                case .promiseKept(let name), .promiseBroken(let name), .promiseDropped(let name): settled[name] = label
                default: break
                }
            }
            let better = Self.better(than: taken, at: state, node: node, analysis: analysis)
            let mine = analysis.value(of: taken, at: state)
            decisions.append(
                Decision(
                    index: index, label: label, node: node.id, moment: node.moment?.string, chosen: chosenText,
                    chosenCoach: chosenCoach, points: replay.totals.reduce(0, +) - before, better: better?.text,
                    betterCoach: better?.coach,
                    pointsMissed: max(0, (better?.value ?? mine ?? 0) - (mine ?? better?.value ?? 0)),
                    bestEndingAfter: analysis.bestEnding(after: taken, at: state),
                    bestEndingInstead: better?.ending, playedForYou: index < playedForYou))
        }
        self.decisions = decisions

        if let index = scenario.meter, case .integer(let range) = scenario.variables[index].kind {
            meter = MeterTrace(name: scenario.variables[index].name, range: range, values: meterValues)
        } else {
            meter = nil
        }
        turningPoints = Self.turningPoints(decisions: decisions, meter: meterValues)
        promises = scenario.promises.indices.compactMap { index in
            let status = session.state.promises[index]
            guard status != .notMade else { return nil }
            let promise = scenario.promises[index]
            return PromiseOutcome(
                name: promise.name, description: promise.description, status: status, madeAt: made[promise.name],
                settledAt: settled[promise.name])
        }
        focus = Self.focus(decisions.filter { !$0.playedForYou })
        suggestion = Self.suggestion(focus: focus, ending: ending)
    }

    /// An unmarked decision named by the last line spoken before it, shortened at a word.
    static func label(quoting lines: [Line]) -> String? {
        guard let line = lines.last(where: { $0.speaker != nil }), let speaker = line.speaker else { return nil }
        var words = line.text.string
        if words.count > 60 {
            let cut = words.prefix(60)
            words = String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
        }
        return "\(speaker): \"\(words)\""
    }

    /// The decisions the debrief lists.
    public var decisionsThatMattered: [Decision] { decisions.filter(\.mattered) }

    /// The moments that mattered: decisions the scenario marks with `moment:`.
    public var moments: [Decision] { decisions.filter { $0.moment != nil } }

    /// A better action than the one taken, by the analysis's one judgement of the best
    /// (`Judgement`, which the workshop shares): none when what was done is one of the best.
    /// Otherwise, of the actions worth more than what was done, the most worth among those the coach
    /// does not criticise (a choice whose own score changes add up to less than zero is criticised,
    /// and a silence is only suggested when it gains points); at equal worth, the one that keeps the
    /// better ending in reach, then the first in the file.
    static func better(than taken: Rules.Action, at state: PlayState, node: Node, analysis: Analysis)
        -> (text: String, coach: String?, value: Int, ending: Outcome?)?
    {
        let judgement = analysis.judgement(at: state)
        guard !judgement.isBest(taken) else { return nil }
        let mine = judgement.worth(of: taken) ?? Int.min
        func rank(_ ending: Outcome?) -> Int { ending.map { Outcome.allCases.count - Outcome.allCases.firstIndex(of: $0)! } ?? 0 }
        var found: (text: String, coach: String?, value: Int, ending: Outcome?)?
        var foundRank = (mine, Int.min)
        for (action, worth) in judgement.worths where action != taken {
            guard let worth, worth > mine, let own = analysis.ownPoints(of: action, at: state) else { continue }
            let ending = analysis.bestEnding(after: action, at: state)
            guard (worth, rank(ending)) > foundRank else { continue }
            switch action {
            case .choose(let index):
                guard own >= 0 else { continue }
                found = (node.choices[index].text.string, node.choices[index].coach?.string, worth, ending)
            case .silence:
                guard own > 0 else { continue }
                found = ("Saying nothing for a moment", node.silence?.coach?.string, worth, ending)
            }
            foundRank = (worth, rank(ending))
        }
        return found
    }

    /// The two or three moves that moved the meter most, in the order they happened.
    static func turningPoints(decisions: [Decision], meter: [Int]) -> [TurningPoint] {
        guard meter.count == decisions.count + 1 else { return [] }
        let moves = decisions.indices.filter { meter[$0 + 1] != meter[$0] }
        let biggest = moves.sorted { abs(meter[$0 + 1] - meter[$0]) > abs(meter[$1 + 1] - meter[$1]) }.prefix(3)
        return biggest.sorted().map { TurningPoint(decision: decisions[$0], from: meter[$0], to: meter[$0 + 1]) }
    }

    /// The decision that most changed the ending (a better one was in reach before it and not after),
    /// or else the one that gave up most points.
    static func focus(_ decisions: [Decision]) -> Decision? {
        let closing = decisions.filter(\.closedABetterEnding)
        if let first = closing.max(by: { lhs, rhs in
            let drop = { (d: Decision) in Self.drop(d) }
            return (drop(lhs), lhs.pointsMissed, -lhs.index) < (drop(rhs), rhs.pointsMissed, -rhs.index)
        }) {
            return first
        }
        guard let worst = decisions.max(by: { ($0.pointsMissed, -$0.index) < ($1.pointsMissed, -$1.index) }),
            worst.pointsMissed > 0, worst.better != nil
        else { return nil }
        return worst
    }

    static func drop(_ decision: Decision) -> Int {
        func rank(_ outcome: Outcome?) -> Int { outcome.map { Outcome.allCases.count - Outcome.allCases.firstIndex(of: $0)! } ?? 0 }
        return rank(decision.bestEndingInstead) - rank(decision.bestEndingAfter)
    }

    /// One concrete thing to try next time, about `focus`.
    static func suggestion(focus: Decision?, ending: Ending?) -> String {
        guard let focus, let better = focus.better else {
            return ending == nil
                ? "Play it through to an ending to see how the whole conversation lands."
                : "You found the best path through this conversation. Try it in assessment mode (--assess), or try another scenario."
        }
        let place = focus.moment.map { "at \"\($0)\"" } ?? "where you chose \"\(focus.chosen ?? "to say nothing")\""
        let instead = focus.chosen == nil ? " answer rather than wait, and" : ""
        var text = "Next time, \(place),\(instead) try: \"\(better)\""
        if let coach = focus.betterCoach { text += " " + coach }
        if focus.closedABetterEnding, let instead = focus.bestEndingInstead {
            text += " After your choice there, a \(instead.rawValue) ending was out of reach."
        }
        return text
    }
}
