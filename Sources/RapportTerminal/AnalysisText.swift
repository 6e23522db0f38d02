import RapportAnalysis
import RapportEngine
import RapportLanguage

/// How `rapport analyze` shows an analysis: the state count, the score ranges in columns, the
/// endings with the shortest way to each, the best and worst paths, and the problems found. Texts of
/// the scenario, its file's name and the problems' messages come from outside and are sanitised.
public enum AnalysisText {
    public static func format(_ analysis: Analysis) -> String {
        let scenario = analysis.scenario
        var out = "\(Sanitizer.clean(scenario.title)) (\(Sanitizer.clean(scenario.sourceName)))\n"
        out += "States explored: \(analysis.stateCount)\(analysis.isTruncated ? " (stopped at the limit)" : "")\n"
        out += "Decisions: \(scenario.decisionCount) nodes offer choices; "
        out += "the best path takes \(analysis.bestPath.count), the worst \(analysis.worstPath.count)\n"
        out += playthroughLength(analysis.decisionRange) + "\n\n"
        let nameWidth = max(14, (scenario.dimensions + ["overall"]).map { TextLayout.width($0) }.max() ?? 0)
        out += TextLayout.leftAligned("Score ranges", width: nameWidth + 2) + "      worst       best\n"
        func row(_ name: String, _ range: ScoreRange) -> String {
            let note = range.isApplicable ? "" : (range.best == nil || range.worst == nil ? "" : "   (not applicable: nothing moves it)")
            return "  " + TextLayout.leftAligned(name, width: nameWidth)
                + TextLayout.rightAligned(bound(range.worst), width: 11) + TextLayout.rightAligned(bound(range.best), width: 11)
                + note + "\n"
        }
        for (name, range) in zip(scenario.dimensions, analysis.ranges) { out += row(name, range) }
        out += row("overall", analysis.overallRange)
        out += "\nEndings\n"
        for (ending, range) in zip(analysis.endings, analysis.overallRangeByEnding()) {
            out += "  \(TextLayout.leftAligned(ending.outcome.rawValue, width: 6)) \(ending.node): \(Sanitizer.clean(ending.summary))\n"
            out += "         overall on the way there: \(bound(range.worst)) to \(bound(range.best))\n"
            out += "         shortest way: \(describe(ending.example))\n"
        }
        out += "\nBest path (overall \(bound(analysis.overallRange.best)))\n" + list(analysis.bestPath)
        out += "\nWorst path (overall \(bound(analysis.overallRange.worst)))\n" + list(analysis.worstPath)
        out += numbersOnArrival(analysis.valueRangesOnArrival(), meter: scenario.meter.map { scenario.variables[$0].name })
        let problems = analysis.diagnostics()
        out += "\nProblems: \(problems.isEmpty ? "none" : "")\n"
        for problem in problems {
            out += "  \(Sanitizer.clean(problem.file)):\(problem.range.start.line): "
                + "\(problem.severity.rawValue)[\(problem.code.rawValue)]: \(Sanitizer.clean(problem.message))\n"
        }
        return out
    }

    /// How many decisions a complete playthrough takes, fewest to most.
    static func playthroughLength(_ range: Analysis.DecisionRange) -> String {
        guard let fewest = range.fewest else { return "No playthrough reaches an ending." }
        guard let most = range.most else {
            return "A playthrough takes at least \(plural(fewest, "decision")); a loop can make it as long as the trainee likes."
        }
        if fewest == most { return "Every playthrough takes \(plural(fewest, "decision"))." }
        return "A playthrough takes \(fewest) to \(most) decisions."
    }

    /// Each number of the state (the meter first) as the conversation arrives at each node.
    static func numbersOnArrival(_ nodes: [Analysis.NodeValues], meter: String?) -> String {
        guard !nodes.isEmpty else { return "" }
        let names = nodes[0].values.map { $0.name == meter ? "\($0.name) (the meter)" : $0.name }
        var out = "\nOn arrival at each node: \(names.joined(separator: ", "))\n"
        let width = nodes.map { TextLayout.width($0.node) }.max() ?? 0
        for node in nodes {
            let values = node.values.map { $0.low == $0.high ? "\($0.low)" : "\($0.low) to \($0.high)" }
            out += "  " + TextLayout.leftAligned(node.node, width: width) + "  " + values.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// One end of a score range; none means a loop can raise (or lower) the score without end.
    static func bound(_ value: Int?) -> String { value?.signedFigure ?? "unbounded" }

    /// A path on one line, each move's text quoted and shortened; a long path shows its ends and
    /// how many moves are left out between them.
    static func describe(_ moves: Analysis.MovePath) -> String {
        guard !moves.isEmpty else { return "(at the start)" }
        func quoted(_ move: Analysis.Move) -> String { "\"\(TextLayout.shortened(Sanitizer.clean(move.text), width: 40))\"" }
        let (first, omitted, last) = moves.excerpt()
        return (first.map(quoted) + (omitted > 0 ? ["(\(omitted) more)"] : []) + last.map(quoted)).joined(separator: " > ")
    }

    /// One line a move, numbered; a path of more than 100 moves shows its first and last 50, and
    /// says how many are left out (`--format json` has them all).
    static func list(_ moves: Analysis.MovePath) -> String {
        let (first, omitted, last) = moves.excerpt(atMost: 100)
        func line(_ number: Int, _ move: Analysis.Move) -> String { "  \(number). [\(move.node)] \(Sanitizer.clean(move.text))\n" }
        var out = first.enumerated().map { line($0.offset + 1, $0.element) }.joined()
        if omitted > 0 { out += "  … \(omitted) more (all of them with --format json)\n" }
        out += last.enumerated().map { line(first.count + omitted + $0.offset + 1, $0.element) }.joined()
        return out
    }
}
