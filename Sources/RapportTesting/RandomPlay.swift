import RapportEngine
import RapportLanguage

/// Seeded random playthroughs: at each decision, one of the choices on offer (or a silence, where
/// one can happen) is picked uniformly. Reports which nodes and choices were never reached.
public struct RandomPlayReport: Sendable {
    public let playthroughs: Int
    public let seed: UInt64
    public let decisions: Int
    public let endings: [Outcome: Int]
    /// Runs that stopped somewhere other than an ending (stuck, looping, or too long).
    public let unfinished: Int
    public let nodesNeverReached: [String]
    public let choicesNeverTaken: [(node: String, text: String, line: Int)]
    public let nodeCount: Int
    public let choiceCount: Int
}

public enum RandomPlay {
    /// A run stops after this many decisions, in case a loop keeps it going.
    public static let maximumDecisions = 10_000

    public static func run(_ scenario: CheckedScenario, playthroughs: Int, seed: UInt64) -> RandomPlayReport {
        var random = SeededRandom(seed: seed)
        var nodeReached = [Bool](repeating: false, count: scenario.nodes.count)
        var taken = Set<String>()
        var endings: [Outcome: Int] = [:]
        var unfinished = 0
        var decisions = 0
        let rules = Rules(scenario)
        for _ in 0..<max(0, playthroughs) {
            var session = Session(rules: rules)
            var count = 0
            while !session.isOver, count < maximumDecisions {
                let choices = session.step.choices
                let options = choices.count + (session.step.silenceSeconds != nil ? 1 : 0)
                guard options > 0 else { break }
                let pick = Int(random.next() % UInt64(options))
                if pick < choices.count {
                    taken.insert(choices[pick].id)
                    _ = try? session.choose(choices[pick].id)
                } else {
                    _ = try? session.stayedSilent()
                }
                count += 1
            }
            decisions += count
            for node in session.path { nodeReached[node] = true }
            if let ending = session.step.ending {
                endings[ending.outcome, default: 0] += 1
            } else {
                unfinished += 1
            }
        }
        var never: [(String, String, Int)] = []
        for node in scenario.nodes {
            for choice in node.choices where !taken.contains(choice.id) { never.append((node.id, choice.text.string, choice.line)) }
        }
        return RandomPlayReport(
            playthroughs: max(0, playthroughs), seed: seed, decisions: decisions, endings: endings, unfinished: unfinished,
            nodesNeverReached: scenario.nodes.indices.filter { !nodeReached[$0] }.map { scenario.nodes[$0].id },
            choicesNeverTaken: never, nodeCount: scenario.nodes.count,
            choiceCount: scenario.nodes.reduce(0) { $0 + $1.choices.count })
    }
}
