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
    /// - Parameter analysis: the scenario's, for `expect decisions`; explored here when needed and
    ///   not given.
    public static func run(_ file: WalkthroughFile, on scenario: CheckedScenario, analysis: Analysis? = nil) -> [WalkResult] {
        var explored = analysis
        return file.walks.map { walk in
            run(walk, file: file.name, on: scenario) {
                if explored == nil { explored = Analysis(scenario) }
                return explored!
            }
        }
    }

    static func run(_ walk: Walk, file: String, on scenario: CheckedScenario, analysis: () -> Analysis) -> WalkResult {
        var session = Session(scenario)
        var failures: [Diagnostic] = []
        func fail(_ step: WalkStep, _ failure: Failure) {
            let location = SourceLocation(line: step.line, column: 1, offset: 0)
            let range = SourceRange(start: location, end: location)
            failures.append(
                Diagnostic(
                    failure.unreadable ? .malformedWalk : .walkFailed, "\(walk.name): \(failure.message)", file: file,
                    range: range, note: failure.note, fixIt: failure.fix.map { FixIt(range: range, replacement: $0) }))
        }
        func fail(_ step: WalkStep, _ message: String, _ note: String? = nil) {
            fail(step, Failure(message, note))
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
                let wanted = Forgiving.comparable(prefix)
                let matches = session.step.choices.filter { Forgiving.comparable($0.text.string).hasPrefix(wanted) }
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
            case .expect(.decisions(let bound)):
                if let problem = check(bound, analysis()) { fail(step, problem) }
            case .expect(let expectation):
                if let problem = check(expectation, session) { fail(step, problem) }
            }
        }
        return WalkResult(walk: walk, failures: failures)
    }

    /// What went wrong at a step: a message, a hint, and a name that was probably meant.
    struct Failure {
        var message: String
        var note: String?
        var fix: String?
        /// The step names something the scenario does not have: the walk is wrong, not the scenario.
        var unreadable = false

        init(_ message: String, _ note: String? = nil, fix: String? = nil, unreadable: Bool = false) {
            self.message = message
            self.note = note
            self.fix = fix
            self.unreadable = unreadable
        }
    }

    /// Nil when every way from the start to an ending takes as many decisions as the bound says.
    static func check(_ bound: DecisionBound, _ analysis: Analysis) -> Failure? {
        let range = analysis.decisionRange
        switch bound {
        case .atLeast(let count):
            guard let fewest = range.fewest else { return Failure("no ending can be reached, so no path has a number of decisions") }
            return fewest >= count
                ? nil
                : Failure(
                    "expected every path to take at least \(count) decisions, but one takes \(fewest)",
                    "`rapport analyze` shows the fewest and the most decisions, and the shortest way to each ending")
        case .atMost(let count):
            guard let most = range.most else {
                return Failure(
                    "expected every path to take at most \(count) decisions, but a loop lets a path go on for ever",
                    "`rapport analyze` shows the most decisions on any path")
            }
            return most <= count
                ? nil : Failure("expected every path to take at most \(count) decisions, but one takes \(most)")
        }
    }

    /// Nil when the expectation holds; otherwise what went wrong and a hint.
    static func check(_ expectation: Expectation, _ session: Session) -> Failure? {
        let scenario = session.scenario
        switch expectation {
        case .ending(let wanted):
            guard let ending = session.step.ending else {
                return Failure("expected the conversation to have ended (\(wanted)), but it is still at '\(session.step.node)'")
            }
            if let outcome = Outcome(rawValue: wanted) {
                return ending.outcome == outcome
                    ? nil : Failure("expected a \(wanted) ending, but it ended \(ending.outcome.rawValue): \(ending.summary)")
            }
            guard scenario.nodeIndex(named: wanted) != nil else {
                return Failure(
                    "'\(wanted)' is neither an outcome (good, mixed, poor) nor a node", nil,
                    fix: Suggestions.closest(to: wanted, among: Outcome.allCases.map(\.rawValue) + scenario.nodes.map(\.id)),
                    unreadable: true)
            }
            return session.step.node == wanted
                ? nil : Failure("expected to end at '\(wanted)', but it ended at '\(session.step.node)'")
        case .scores(let wanted):
            var wrong: [String] = []
            for (dimension, total) in wanted {
                guard let actual = session.total(of: dimension) else {
                    return Failure(
                        "'\(dimension)' is not a dimension of this scenario",
                        "the dimensions are: \(scenario.dimensions.joined(separator: ", "))",
                        fix: Suggestions.closest(to: dimension, among: scenario.dimensions), unreadable: true)
                }
                if actual != total { wrong.append("\(dimension) \(actual) (expected \(total))") }
            }
            if wrong.isEmpty { return nil }
            let all = zip(scenario.dimensions, session.totals).map { "\($0) \($1)" }.joined(separator: ", ")
            return Failure("scores differ: \(wrong.joined(separator: ", "))", "all scores now: \(all)")
        case .promise(let name, let wanted):
            guard let status = session.status(ofPromise: name) else {
                return Failure(
                    "no promise named '\(name)' in this scenario", nil,
                    fix: Suggestions.closest(to: name, among: scenario.promises.map(\.name)), unreadable: true)
            }
            return status == wanted ? nil : Failure("expected the promise '\(name)' to be \(wanted.word), but it is \(status.word)")
        case .lineShown(let words):
            let wanted = Forgiving.comparable(words)
            let shown = session.linesShown.contains { line in
                let full = (line.speaker.map { "\($0): " } ?? "") + line.text.string
                return Forgiving.comparable(full).contains(wanted)
            }
            guard !shown else { return nil }
            let last = session.linesShown.suffix(3).map { line in
                "'" + (line.speaker.map { "\($0): " } ?? "") + line.text.string + "'"
            }
            return Failure(
                "no line shown so far contains '\(words)'",
                last.isEmpty ? "no line has been shown yet" : "the last lines shown: " + last.joined(separator: ", "))
        case .visited(let node):
            guard scenario.nodeIndex(named: node) != nil else {
                return Failure(
                    "there is no node named '\(node)'", nil, fix: Suggestions.closest(to: node, among: scenario.nodes.map(\.id)),
                    unreadable: true)
            }
            return session.hasVisited(node) ? nil : Failure("the walk has not passed through '\(node)'")
        case .choiceCount(let count):
            let actual = session.step.choices.count
            return actual == count ? nil : Failure("expected \(count) choices on offer, but there are \(actual)")
        case .value(let name, let expected):
            return check(value: name, expected: expected, session)
        case .decisions:
            return nil  // about the whole scenario: checked against the analysis
        }
    }

    /// `expect NAME: VALUE` for a state value (or the meter): a whole number, or true or false.
    static func check(value name: String, expected: String, _ session: Session) -> Failure? {
        let scenario = session.scenario
        let index: Int?
        if name == "meter" {
            guard let meter = scenario.meter else {
                return Failure("this scenario has no meter", "a meter is a number in the state, named by 'meter:' in the header", unreadable: true)
            }
            index = meter
        } else {
            index = scenario.variables.firstIndex { $0.name == name }
        }
        guard let index else {
            return Failure(
                "'\(name)' is not something a walk can expect, nor a state value of this scenario",
                "expect one of: \(WalkthroughFile.expectations.joined(separator: ", ")), or a state value"
                    + (scenario.variables.isEmpty
                        ? " (this scenario has none)" : ": \(scenario.variables.map(\.name).joined(separator: ", "))"),
                fix: Suggestions.closest(to: name, among: WalkthroughFile.expectations + scenario.variables.map(\.name)),
                unreadable: true)
        }
        let variable = scenario.variables[index]
        let actual = session.state.values[index]
        let wanted: Int?
        switch (variable.isBoolean, expected) {
        case (true, "true"): wanted = 1
        case (true, "false"): wanted = 0
        case (false, _): wanted = Int(expected.hasPrefix("+") ? String(expected.dropFirst()) : expected)
        default: wanted = nil
        }
        func shown(_ value: Int) -> String { variable.isBoolean ? (value != 0 ? "true" : "false") : String(value) }
        guard let wanted else {
            return Failure(
                "'\(expected)' is not a value '\(variable.name)' can have",
                variable.isBoolean ? "'\(variable.name)' is yes/no: expect true or false" : "'\(variable.name)' is a whole number",
                unreadable: true)
        }
        return actual == wanted ? nil : Failure("expected '\(variable.name)' to be \(shown(wanted)), but it is \(shown(actual))")
    }
}

/// Text compared the way a writer means it, whatever a word processor did to it: curly quotes and
/// apostrophes as straight ones, dashes as hyphens, '…' as three dots, a no-break space as a space,
/// and capitals as small letters. A walk that says `choose: I’ll call` takes "I'll call you back".
enum Forgiving {
    static let replacements: [Character: String] = [
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": "\"", "”": "\"", "„": "\"", "‟": "\"", "″": "\"",
        "–": "-", "—": "-", "‒": "-", "…": "...", "\u{00A0}": " ",
    ]

    static func comparable(_ text: String) -> String {
        var result = ""
        for character in text.lowercased() {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
