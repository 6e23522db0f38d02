import RapportEngine
import RapportLanguage

/// A trainer's walkthrough tests (`NAME.tests` beside `NAME.scenario`): named walks, each a list of
/// choices and of what to expect along the way. The format is in docs/scenario-format.md.
public struct WalkthroughFile: Sendable {
    public let name: String
    public let walks: [Walk]
}

public struct Walk: Sendable {
    public let name: String
    public let line: Int
    public let steps: [WalkStep]
}

public struct WalkStep: Sendable {
    public enum Kind: Sendable {
        case chooseNumber(Int)
        /// The choice whose text starts with this, ignoring case.
        case chooseText(String)
        case silence
        case expect(Expectation)
    }

    public let kind: Kind
    public let line: Int
}

public enum Expectation: Sendable {
    /// An outcome (good, mixed, poor) or the id of the ending node.
    case ending(String)
    case scores([(dimension: String, total: Int)])
    case promise(String, PromiseStatus)
    case lineShown(String)
    case visited(String)
    case choiceCount(Int)
    /// `expect trust: 4`, `expect escalated: true`, `expect meter: 3`: a state value now, by name
    /// (`meter` is the scenario's meter). The name is looked up when the walk runs.
    case value(name: String, expected: String)
    /// `expect decisions at least 5` (or `at most`): about the whole scenario, not the walk: every
    /// way from the start to an ending takes at least (at most) this many decisions.
    case decisions(DecisionBound)
}

public enum DecisionBound: Sendable, Equatable {
    case atLeast(Int)
    case atMost(Int)
}

extension WalkthroughFile {
    /// Where a scenario's walkthroughs are: `NAME.tests` beside `NAME.scenario`.
    public static func path(besideScenario path: String) -> String { String(path.dropLast("scenario".count)) + "tests" }

    static let keywords = ["choose", "silence", "expect"]
    static let expectations = [
        "ending", "score", "kept", "broken", "open", "dropped", "line", "node", "choices", "meter", "decisions",
    ]

    /// Reads a walkthrough file, reporting every line it cannot read.
    public static func parse(_ source: SourceFile) -> (WalkthroughFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        if source.firstInvalidUTF8Offset() != nil {
            let start = SourceLocation(line: 1, column: 1, offset: 0)
            diagnostics.append(
                Diagnostic(
                    .notUTF8, "the file is not UTF-8 text", file: source.name, range: SourceRange(start: start, end: start),
                    note: "save the file as UTF-8 in your editor"))
            return (WalkthroughFile(name: source.name, walks: []), diagnostics)
        }
        var walks: [Walk] = []
        var current: (name: String, line: Int, steps: [WalkStep])?
        func problem(_ line: Int, _ column: Int, _ message: String, _ note: String, fix: String? = nil) {
            let location = SourceLocation(line: line, column: column, offset: 0)
            let range = SourceRange(start: location, end: location)
            diagnostics.append(
                Diagnostic(
                    .malformedWalk, message, file: source.name, range: range, note: note,
                    fixIt: fix.map { FixIt(range: range, replacement: $0) }))
        }
        for lineNumber in 1...source.lineStarts.count {
            let length = source.byteRange(ofLine: lineNumber).count
            if length > ScenarioLimits.lineLength {
                // Not read at all, as in a scenario: no step of a walk is this long.
                let location = SourceLocation(line: lineNumber, column: 1, offset: source.byteRange(ofLine: lineNumber).lowerBound)
                diagnostics.append(
                    Diagnostic(
                        .beyondLimit, "this line is \(length) bytes long; a line can be at most \(ScenarioLimits.lineLength) bytes",
                        file: source.name, range: SourceRange(start: location, end: location),
                        note: "a step names one choice: its number, or the first words of its text"))
                continue
            }
            var text = source.lineText(lineNumber)
            if let comment = text.commentStart() { text = String(text[..<comment]) }
            text = text.trimmingBlanks()
            if lineNumber == 1, text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            guard !text.isEmpty else { continue }
            if text.hasPrefix("==") {
                if let walk = current { walks.append(Walk(name: walk.name, line: walk.line, steps: walk.steps)) }
                let name = String(text.dropFirst(2)).trimmingBlanks()
                if name.isEmpty {
                    problem(lineNumber, 1, "a walk needs a name after '=='", "for example '== best path'")
                }
                current = (name.isEmpty ? "walk on line \(lineNumber)" : name, lineNumber, [])
                continue
            }
            guard current != nil else {
                problem(
                    lineNumber, 1, "this line comes before the first walk",
                    "start each walk with a line '== name', then list its steps")
                continue
            }
            let (keyword, value) = text.splitKeyword()
            var step: WalkStep.Kind?
            switch keyword {
            case "silence":
                if value != nil {
                    problem(lineNumber, 1, "'silence' takes nothing after it", "write 'silence' alone on its line")
                }
                step = .silence
            case "choose":
                guard let value, !value.isEmpty else {
                    problem(lineNumber, 1, "'choose:' needs a number or the start of a choice's text", "for example 'choose: 2' or 'choose: I'm sorry'")
                    continue
                }
                if let number = Int(value) {
                    if number < 1 {
                        problem(lineNumber, 9, "choices are numbered from 1", "write 'choose: 1' for the first choice on offer")
                        continue
                    }
                    step = .chooseNumber(number)
                } else {
                    step = .chooseText(value)
                }
            case "expect":
                guard let value, !value.isEmpty else {
                    problem(
                        lineNumber, 1, "'expect' needs what to expect",
                        "for example 'expect ending: good' or 'expect score: empathy 3'")
                    continue
                }
                step = parseExpectation(value, line: lineNumber, problem: problem)
            default:
                let word = keyword ?? text
                problem(
                    lineNumber, 1, "'\(word)' is not a walk step",
                    "a step is 'choose: ...', 'silence' or 'expect ...: ...'",
                    fix: Suggestions.closest(to: word, among: keywords))
            }
            if let step { current!.steps.append(WalkStep(kind: step, line: lineNumber)) }
        }
        if let walk = current { walks.append(Walk(name: walk.name, line: walk.line, steps: walk.steps)) }
        return (WalkthroughFile(name: source.name, walks: walks), diagnostics)
    }

    /// `ending: good`, `score: respect 2, empathy -1`, `kept: callback`, `line: words`, ...
    static func parseExpectation(
        _ text: String, line: Int, problem: (Int, Int, String, String, String?) -> Void
    ) -> WalkStep.Kind? {
        if text.hasPrefix("decisions") { return parseDecisions(text, line: line, problem: problem) }
        guard let colon = text.firstIndex(of: ":") else {
            problem(
                line, 1, "'expect \(text)' needs a colon", "write 'expect WHAT: VALUE', for example 'expect ending: good'",
                nil)
            return nil
        }
        let what = String(text[..<colon]).trimmingBlanks()
        let value = String(text[text.index(after: colon)...]).trimmingBlanks()
        guard !value.isEmpty else {
            problem(line, 1, "'expect \(what):' needs a value", "for example 'expect ending: good'", nil)
            return nil
        }
        switch what {
        case "ending": return .expect(.ending(value))
        case "kept": return .expect(.promise(value, .kept))
        case "broken": return .expect(.promise(value, .broken))
        case "open": return .expect(.promise(value, .open))
        case "dropped": return .expect(.promise(value, .dropped))
        case "line": return .expect(.lineShown(value))
        case "node": return .expect(.visited(value))
        case "choices":
            guard let count = Int(value), count >= 0 else {
                problem(line, 1, "'\(value)' is not a number of choices", "for example 'expect choices: 3'", nil)
                return nil
            }
            return .expect(.choiceCount(count))
        case "score":
            var scores: [(String, Int)] = []
            for part in value.split(separator: ",") {
                let words = part.split(separator: " ")
                guard words.count == 2, let total = Int(words[1].hasPrefix("+") ? String(words[1].dropFirst()) : String(words[1]))
                else {
                    problem(
                        line, 1, "'\(String(part).trimmingBlanks())' is not a dimension and a total",
                        "write 'expect score: respect 3, empathy -1'", nil)
                    return nil
                }
                scores.append((String(words[0]), total))
            }
            return .expect(.scores(scores))
        default:
            // A state value's name: which names the scenario has is known only when the walk runs.
            guard what.isStateName else {
                problem(
                    line, 1, "'expect \(what)' is not something a walk can expect",
                    "expect one of: \(expectations.joined(separator: ", ")), or a state value by its name",
                    Suggestions.closest(to: what, among: expectations))
                return nil
            }
            return .expect(.value(name: what, expected: value))
        }
    }

    /// `decisions at least 5`, `decisions at most 12` (a colon after `decisions` is forgiven).
    static func parseDecisions(
        _ text: String, line: Int, problem: (Int, Int, String, String, String?) -> Void
    ) -> WalkStep.Kind? {
        var rest = String(text.dropFirst("decisions".count)).trimmingBlanks()
        if rest.hasPrefix(":") { rest = String(rest.dropFirst()).trimmingBlanks() }
        let words = rest.split(separator: " ").map(String.init)
        guard words.count == 3, words[0] == "at", words[1] == "least" || words[1] == "most", let count = Int(words[2]), count >= 0
        else {
            problem(
                line, 1, "'expect \(text)' cannot be read",
                "write 'expect decisions at least 5' or 'expect decisions at most 12': every way from the start to an ending takes at least (at most) that many decisions",
                nil)
            return nil
        }
        return .expect(.decisions(words[1] == "least" ? .atLeast(count) : .atMost(count)))
    }
}

extension String {
    /// Letters, digits, `-` and `_`: shaped like the name of a state value.
    var isStateName: Bool {
        !isEmpty && unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }

    /// Where a `//` comment starts: at the start of the line or after a blank.
    func commentStart() -> String.Index? {
        var previous: Character = " "
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == "/", next < endIndex, self[next] == "/", previous == " " || previous == "\t" {
                return index
            }
            previous = self[index]
            index = next
        }
        return nil
    }

    /// `word: value` or `word` alone.
    func splitKeyword() -> (String?, String?) {
        if let colon = firstIndex(of: ":") {
            let word = String(self[..<colon]).trimmingBlanks()
            let value = String(self[index(after: colon)...]).trimmingBlanks()
            if word.hasPrefix("expect ") {
                return ("expect", String(word.dropFirst(7)).trimmingBlanks() + ": " + value)
            }
            return (word, value)
        }
        if hasPrefix("expect ") { return ("expect", String(dropFirst(7)).trimmingBlanks()) }
        return (self, nil)
    }

}
