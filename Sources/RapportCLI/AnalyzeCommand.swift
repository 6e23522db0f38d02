import ArgumentParser
import RapportAnalysis
import RapportTerminal

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
        case .json: print(try JSONOutput.text(analysis.export()))
        case .text: print(AnalysisText.format(analysis), terminator: "")
        }
    }
}
