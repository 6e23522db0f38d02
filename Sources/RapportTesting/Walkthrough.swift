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
}

extension WalkthroughFile {
    /// Where a scenario's walkthroughs are: `NAME.tests` beside `NAME.scenario`.
    public static func path(besideScenario path: String) -> String { String(path.dropLast("scenario".count)) + "tests" }

    static let keywords = ["choose", "silence", "expect"]
    static let expectations = ["ending", "score", "kept", "broken", "open", "line", "node", "choices"]

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
            problem(
                line, 1, "'expect \(what)' is not something a walk can expect",
                "expect one of: \(expectations.joined(separator: ", "))", Suggestions.closest(to: what, among: expectations))
            return nil
        }
    }
}

extension String {
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
