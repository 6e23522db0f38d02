import RapportEngine
import RapportLanguage

/// What exploring found, as diagnostics that `check` and `test` print beside the checker's: places
/// where the trainee is stuck, looping or trapped, scores without limit, choices never offered, nodes
/// never reached (with why no way in is taken), and outcomes no playthrough reaches. Warnings the
/// scenario's `// rapport: allow` comments name are left out.
extension Analysis {
    /// The findings, in a fixed order, as diagnostics that `check` and `test` print (`rapport analyze`
    /// lists them too).
    public func diagnostics() -> [Diagnostic] {
        let file = scenario.sourceName
        func at(_ line: Int) -> SourceRange {
            let location = SourceLocation(line: line, column: 1, offset: 0)
            return SourceRange(start: location, end: location)
        }
        func describe(_ path: MovePath) -> String {
            guard !path.isEmpty else { return "it happens at the start" }
            let (first, omitted, last) = path.excerpt()
            let parts = first.map { "'\($0.text)'" } + (omitted > 0 ? ["\(omitted) more"] : []) + last.map { "'\($0.text)'" }
            return "one way there: " + parts.joined(separator: ", then ")
        }
        var result: [Diagnostic] = []
        switch stoppedBy {
        case .states:
            result.append(
                Diagnostic(
                    .stateSpaceTooLarge, "this scenario has more than \(stateLimit) states; only part of it was explored",
                    file: file, range: at(1),
                    note: "the state values multiply the states; use fewer values, narrower limits, or fewer 'visited' conditions"))
        case .work:
            result.append(
                Diagnostic(
                    .stateSpaceTooLarge,
                    "exploring this scenario would take too long: after \(stateCount) states its conditions had been tested \(limits.work) terms deep; only part of it was explored",
                    file: file, range: at(1),
                    note: "long conditions tested in many states make exploring slow; shorten the conditions, or use fewer state values"))
        case nil:
            break
        }
        for trouble in stuck {
            result.append(
                Diagnostic(
                    .stuckState, "the trainee can get stuck at '\(trouble.node)' with no choice on offer", file: file,
                    range: at(trouble.line),
                    note: "\(describe(trouble.example)); add a choice without a condition, or a '->' for when no condition holds"))
        }
        for trouble in loops {
            result.append(
                Diagnostic(
                    .loopsWithoutChoice,
                    "the conversation can loop forever from '\(trouble.node)' without giving the trainee a choice",
                    file: file, range: at(trouble.line),
                    note: "\(describe(trouble.example)); make sure the conditions on the '->' lines in this loop change as it goes round"))
        }
        for trap in traps {
            let round = trap.nodes.count == 1 ? "'\(trap.nodes[0])'" : trap.nodes.map { "'\($0)'" }.joined(separator: ", ")
            result.append(
                Diagnostic(
                    .trapped, "the trainee can be trapped at '\(trap.node)': from there no choice ever leads to an ending",
                    file: file, range: at(trap.line),
                    note: "\(describe(trap.example)); once there, the conversation can only go round \(round); give one of those choices (or a '->') a way out to an ending"))
        }
        for dimension in unboundedDimensions {
            result.append(
                Diagnostic(
                    .unboundedScore, "a loop lets the trainee push '\(dimension)' up or down without limit", file: file,
                    range: at(unboundedLines[dimension] ?? 1),
                    note: "a choice that scores '\(dimension)' can be taken again and again; score it only once (for example with a condition on a state value)"))
        }
        // What was never seen means nothing when exploration stopped early.
        if isTruncated { return result.filter(scenario.allowances.keeps) }
        for choice in choicesNeverOffered {
            result.append(
                Diagnostic(
                    .choiceNeverOffered, "the choice '\(choice.text)' is never offered in any playthrough", file: file,
                    range: at(choice.line), note: "its condition is false whenever the conversation reaches '\(choice.node)'"))
        }
        for node in nodesNeverReached {
            // Nodes nothing leads to at all are already reported by the checker.
            let ways = waysIn(to: node)
            guard !ways.isEmpty, node != scenario.start else { continue }
            result.append(
                Diagnostic(
                    .nodeNeverReached, "no playthrough ever reaches the node '\(scenario.nodes[node].id)'", file: file,
                    range: at(scenario.nodes[node].line), note: whyNeverTaken(ways)))
        }
        for outcome in Outcome.allCases where !endings.contains(where: { $0.outcome == outcome }) {
            let written = scenario.nodes.first { node in
                node.steps.contains { if case .end(let ending) = $0.action { ending.outcome == outcome } else { false } }
            }
            result.append(
                Diagnostic(
                    .outcomeNeverReached, "no playthrough reaches a \(outcome.rawValue) ending", file: file,
                    range: at(written?.line ?? 1),
                    note: written == nil
                        ? "the scenario has no 'end \(outcome.rawValue):' line; a scenario that teaches shows where each way of handling the call leads: a good, a mixed and a poor ending"
                        : "the \(outcome.rawValue) ending at '\(written!.id)' is written but never reached; check the conditions on the way to it"))
        }
        return result.filter(scenario.allowances.keeps)
    }

    /// A way into a node: a choice, a jump or a silence somewhere else that names it.
    enum WayIn {
        case choice(from: Int, Choice)
        case jump(from: Int, line: Int)
        case silence(from: Int, line: Int)

        var from: Int {
            switch self {
            case .choice(let from, _), .jump(let from, _), .silence(let from, _): from
            }
        }
    }

    func waysIn(to node: Int) -> [WayIn] {
        var ways: [WayIn] = []
        for (index, other) in scenario.nodes.enumerated() {
            for step in other.steps {
                if case .jump(node) = step.action { ways.append(.jump(from: index, line: step.line)) }
            }
            for choice in other.choices where choice.target == node { ways.append(.choice(from: index, choice)) }
            if let silence = other.silence, silence.target == node { ways.append(.silence(from: index, line: silence.sourceLine)) }
        }
        return ways
    }

    /// Why no way into a never-reached node is taken, from what exploring saw: the node a way
    /// starts from is never reached either, a choice is never offered, or a jump or a silence never
    /// happens where it stands.
    func whyNeverTaken(_ ways: [WayIn]) -> String {
        var reasons: [String] = []
        let unreached = Set(nodesNeverReached)
        for way in ways.prefix(4) {
            let from = scenario.nodes[way.from].id
            if unreached.contains(way.from) {
                reasons.append("it is reached from '\(from)', which no playthrough reaches either")
                continue
            }
            switch way {
            case .choice(_, let choice):
                reasons.append("the choice '\(choice.text.string)' at '\(from)' (line \(choice.line)) is never offered")
            case .jump(_, let line):
                reasons.append("the '->' on line \(line) never runs: its condition is false, or a line above it leaves '\(from)' first")
            case .silence(_, let line):
                reasons.append("the silence on line \(line) never happens: its condition is false whenever it could")
            }
        }
        if ways.count > 4 { reasons.append("and \(ways.count - 4) more ways in are never taken") }
        return reasons.joined(separator: "; ")
    }
}
