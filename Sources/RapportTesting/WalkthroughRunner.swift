import RapportAnalysis
import RapportEngine
import RapportLanguage

/// The result of one walk.
public struct WalkResult: Sendable {
    public let walk: Walk
    /// One diagnostic per failed step, pointing at its line in the tests file.
    public let failures: [Diagnostic]
    public var passed: Bool { failures.isEmpty }
}

/// Plays each walk on a fresh session and checks its expectations where they stand.
public enum WalkthroughRunner {
    public static func run(_ file: WalkthroughFile, on scenario: CheckedScenario) -> [WalkResult] {
        file.walks.map { run($0, file: file.name, on: scenario) }
    }

    static func run(_ walk: Walk, file: String, on scenario: CheckedScenario) -> WalkResult {
        var session = Session(scenario)
        var failures: [Diagnostic] = []
        func fail(_ step: WalkStep, _ message: String, _ note: String? = nil) {
            let location = SourceLocation(line: step.line, column: 1, offset: 0)
            failures.append(
                Diagnostic(
                    .walkFailed, "\(walk.name): \(message)", file: file, range: SourceRange(start: location, end: location),
                    note: note))
        }
        func onOffer() -> String {
            session.step.choices.isEmpty
                ? "nothing is on offer"
                : "on offer: " + session.step.choices.map { "\($0.number). \($0.text)" }.joined(separator: " | ")
        }
        walking: for step in walk.steps {
            switch step.kind {
            case .chooseNumber(let number):
                if session.isOver {
                    fail(step, "cannot choose \(number): the conversation is already over")
                    break walking
                }
                guard number <= session.step.choices.count else {
                    fail(step, "there is no choice \(number) at '\(session.step.node)'", onOffer())
                    break walking
                }
                _ = try? session.choose(number: number)
            case .chooseText(let prefix):
                if session.isOver {
                    fail(step, "cannot choose '\(prefix)': the conversation is already over")
                    break walking
                }
                let wanted = prefix.lowercased()
                let matches = session.step.choices.filter { $0.text.string.lowercased().hasPrefix(wanted) }
                guard matches.count == 1, let match = matches.first else {
                    fail(
                        step,
                        matches.isEmpty
                            ? "no choice on offer at '\(session.step.node)' starts with '\(prefix)'"
                            : "\(matches.count) choices at '\(session.step.node)' start with '\(prefix)'; write more of the text",
                        onOffer())
                    break walking
                }
                _ = try? session.choose(match.id)
            case .silence:
                do {
                    try session.stayedSilent()
                } catch {
                    fail(
                        step,
                        session.isOver
                            ? "cannot stay silent: the conversation is already over"
                            : "nothing happens on silence at '\(session.step.node)'",
                        "a silence needs a 'silence' line in the node, used at most once per visit")
                    break walking
                }
            case .expect(let expectation):
                if let problem = check(expectation, session) { fail(step, problem.0, problem.1) }
            }
        }
        return WalkResult(walk: walk, failures: failures)
    }

    /// Nil when the expectation holds; otherwise what went wrong and a hint.
    static func check(_ expectation: Expectation, _ session: Session) -> (String, String?)? {
        let scenario = session.scenario
        switch expectation {
        case .ending(let wanted):
            guard let ending = session.step.ending else {
                return ("expected the conversation to have ended (\(wanted)), but it is still at '\(session.step.node)'", nil)
            }
            if let outcome = Outcome(rawValue: wanted) {
                return ending.outcome == outcome
                    ? nil : ("expected a \(wanted) ending, but it ended \(ending.outcome.rawValue): \(ending.summary)", nil)
            }
            guard scenario.nodeIndex(named: wanted) != nil else {
                return ("'\(wanted)' is neither an outcome (good, mixed, poor) nor a node", nil)
            }
            return session.step.node == wanted
                ? nil : ("expected to end at '\(wanted)', but it ended at '\(session.step.node)'", nil)
        case .scores(let wanted):
            var wrong: [String] = []
            for (dimension, total) in wanted {
                guard let actual = session.total(of: dimension) else {
                    return (
                        "'\(dimension)' is not a dimension of this scenario",
                        "the dimensions are: \(scenario.dimensions.joined(separator: ", "))"
                    )
                }
                if actual != total { wrong.append("\(dimension) \(actual) (expected \(total))") }
            }
            if wrong.isEmpty { return nil }
            let all = zip(scenario.dimensions, session.totals).map { "\($0) \($1)" }.joined(separator: ", ")
            return ("scores differ: \(wrong.joined(separator: ", "))", "all scores now: \(all)")
        case .promise(let name, let wanted):
            guard let status = session.status(ofPromise: name) else {
                return ("no promise named '\(name)' in this scenario", nil)
            }
            return status == wanted ? nil : ("expected the promise '\(name)' to be \(wanted.word), but it is \(status.word)", nil)
        case .lineShown(let words):
            let wanted = words.lowercased()
            let shown = session.linesShown.contains { line in
                let full = (line.speaker.map { "\($0): " } ?? "") + line.text.string
                return full.lowercased().contains(wanted)
            }
            return shown ? nil : ("no line shown so far contains '\(words)'", nil)
        case .visited(let node):
            guard scenario.nodeIndex(named: node) != nil else { return ("there is no node named '\(node)'", nil) }
            return session.hasVisited(node) ? nil : ("the walk has not passed through '\(node)'", nil)
        case .choiceCount(let count):
            let actual = session.step.choices.count
            return actual == count ? nil : ("expected \(count) choices on offer, but there are \(actual)", nil)
        }
    }
}
