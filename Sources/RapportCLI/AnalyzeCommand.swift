import ArgumentParser
import Foundation
import RapportEngine
import RapportLanguage
import RapportTerminal
import RapportAnalysis

/// `rapport analyze FILE`: what the scenario makes possible, from every reachable state.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show a scenario's score ranges, endings, best and worst paths, and state count."
    )

    @Argument(help: "The scenario file to analyse.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Stop exploring after this many states.")
    var stateLimit = Analysis.defaultStateLimit

    func run() throws {
        let scenario = try ScenarioLibrary.load(file: file, purpose: "analysed").scenario
        let analysis = Analysis(scenario, stateLimit: max(1, stateLimit))
        switch format {
        case .json: print(try AnalysisText.json(analysis))
        case .text: print(AnalysisText.format(analysis), terminator: "")
        }
    }
}

/// How `rapport analyze` shows an analysis.
enum AnalysisText {
    static func signed(_ value: Int?) -> String {
        guard let value else { return "unbounded" }
        return value > 0 ? "+\(value)" : "\(value)"
    }

    static func format(_ analysis: Analysis) -> String {
        let scenario = analysis.scenario
        var out = "\(scenario.title) (\(scenario.sourceName))\n"
        out += "States explored: \(analysis.stateCount)\(analysis.isTruncated ? " (stopped at the limit)" : "")\n"
        out += "Decisions: \(scenario.decisionCount) nodes offer choices; "
        out += "the best path takes \(analysis.bestPath.count), the worst \(analysis.worstPath.count)\n\n"
        let nameWidth = max(14, (scenario.dimensions + ["overall"]).map(\.count).max() ?? 0)
        out += "Score ranges".padding(toLength: nameWidth + 2, withPad: " ", startingAt: 0) + "      worst       best\n"
        func row(_ name: String, _ range: ScoreRange) -> String {
            let note = range.isApplicable ? "" : (range.best == nil || range.worst == nil ? "" : "   (not applicable: nothing moves it)")
            return "  " + name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                + signed(range.worst).leftPadded(11) + signed(range.best).leftPadded(11) + note + "\n"
        }
        for (name, range) in zip(scenario.dimensions, analysis.ranges) { out += row(name, range) }
        out += row("overall", analysis.overallRange)
        out += "\nEndings\n"
        for ending in analysis.endings {
            out += "  \(ending.outcome.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)) \(ending.node): \(ending.summary)\n"
            out += "         shortest way: \(describe(ending.example))\n"
        }
        out += "\nBest path (overall \(signed(analysis.overallRange.best)))\n" + list(analysis.bestPath)
        out += "\nWorst path (overall \(signed(analysis.overallRange.worst)))\n" + list(analysis.worstPath)
        let problems = analysis.diagnostics()
        out += "\nProblems: \(problems.isEmpty ? "none" : "")\n"
        for problem in problems {
            out += "  \(problem.file):\(problem.range.start.line): \(problem.severity.rawValue)[\(problem.code.rawValue)]: \(problem.message)\n"
        }
        return out
    }

    static func describe(_ moves: Analysis.MovePath) -> String {
        guard !moves.isEmpty else { return "(at the start)" }
        func quoted(_ move: Analysis.Move) -> String { "\"\(move.text.prefix(40))\(move.text.count > 40 ? "…" : "")\"" }
        let (first, omitted, last) = moves.excerpt()
        return (first.map(quoted) + (omitted > 0 ? ["(\(omitted) more)"] : []) + last.map(quoted)).joined(separator: " > ")
    }

    /// One line a move, numbered; a path of more than 100 moves shows its first and last 50, and
    /// says how many are left out (`--format json` has them all).
    static func list(_ moves: Analysis.MovePath) -> String {
        let (first, omitted, last) = moves.excerpt(atMost: 100)
        func line(_ number: Int, _ move: Analysis.Move) -> String { "  \(number). [\(move.node)] \(move.text)\n" }
        var out = first.enumerated().map { line($0.offset + 1, $0.element) }.joined()
        if omitted > 0 { out += "  … \(omitted) more (all of them with --format json)\n" }
        out += last.enumerated().map { line(first.count + omitted + $0.offset + 1, $0.element) }.joined()
        return out
    }

    struct JSONAnalysis: Encodable {
        struct Range: Encodable {
            let dimension: String
            let worst: Int?
            let best: Int?
            let applicable: Bool
        }
        let scenario: String
        let title: String
        let states: Int
        let truncated: Bool
        let decisions: Int
        let ranges: [Range]
        let overall: Range
        let endings: [Analysis.ReachedEnding]
        let bestPath: Analysis.MovePath
        let worstPath: Analysis.MovePath
        let stuck: [Analysis.Trouble]
        let loops: [Analysis.Trouble]
        let nodesNeverReached: [String]
        let choicesNeverOffered: [Analysis.UnofferedChoice]
        let problems: [Diagnostic]
    }

    static func json(_ analysis: Analysis) throws -> String {
        let scenario = analysis.scenario
        func range(_ name: String, _ range: ScoreRange) -> JSONAnalysis.Range {
            JSONAnalysis.Range(dimension: name, worst: range.worst, best: range.best, applicable: range.isApplicable)
        }
        let value = JSONAnalysis(
            scenario: scenario.id, title: scenario.title, states: analysis.stateCount, truncated: analysis.isTruncated,
            decisions: scenario.decisionCount, ranges: zip(scenario.dimensions, analysis.ranges).map(range),
            overall: range("overall", analysis.overallRange), endings: analysis.endings, bestPath: analysis.bestPath,
            worstPath: analysis.worstPath, stuck: analysis.stuck, loops: analysis.loops,
            nodesNeverReached: analysis.nodesNeverReached.map { scenario.nodes[$0].id },
            choicesNeverOffered: analysis.choicesNeverOffered, problems: analysis.diagnostics())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
