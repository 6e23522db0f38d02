import RapportEngine
import RapportLanguage

/// How play stopped in a state (`Rules.Stop`) as a small number, so a packed state holds it in a few
/// bits: fixed codes for a decision, a stuck state and an endless loop, then one code per distinct
/// ending (node and `Ending`) in the order they were first reached.
struct StopCodes: Sendable {
    static let decision = 0
    static let stuck = 1
    static let endlessLoop = 2
    private static let firstEnding = 3

    private struct EndingKey: Hashable, Sendable {
        let node: Int
        let ending: Ending
    }

    private var endings: [EndingKey] = []
    private var codeOfEnding: [EndingKey: Int] = [:]

    /// One more than the largest code a scenario can need. Play only ends at an `end` step, and each
    /// step ends at its own node with its own ending, so there are at most as many endings as steps.
    static func limit(for scenario: CheckedScenario) -> Int {
        var endSteps = 0
        for node in scenario.nodes {
            for step in node.steps { if case .end = step.action { endSteps += 1 } }
        }
        return firstEnding + endSteps
    }

    static func isEnding(_ code: Int) -> Bool { code >= firstEnding }

    /// The code of `stop`, numbering an ending not seen before.
    mutating func code(for stop: Rules.Stop) -> Int {
        switch stop {
        case .decision: return Self.decision
        case .stuck: return Self.stuck
        case .endlessLoop: return Self.endlessLoop
        case .ended(let node, let ending):
            let key = EndingKey(node: node, ending: ending)
            if let code = codeOfEnding[key] { return code }
            let code = Self.firstEnding + endings.count
            endings.append(key)
            codeOfEnding[key] = code
            return code
        }
    }

    func stop(for code: Int) -> Rules.Stop {
        switch code {
        case Self.decision: return .decision
        case Self.stuck: return .stuck
        case Self.endlessLoop: return .endlessLoop
        default:
            let key = endings[code - Self.firstEnding]
            return .ended(node: key.node, key.ending)
        }
    }
}
