import RapportAnalysis
import RapportEngine
import RapportLanguage

/// Everything `rapport test` does for one scenario: check it, explore every state (no dead ends, no
/// endless loops, every choice reachable), run the trainer's walks, and play seeded random runs.
public struct ScenarioTestResult: Sendable {
    public let scenarioFile: String
    public let testsFile: String?
    /// Problems in the scenario, in the tests file, or found by exploring; errors fail the test.
    public let diagnostics: [Diagnostic]
    public let walks: [WalkResult]
    public let analysis: Analysis?
    public let random: RandomPlayReport?

    public var failureCount: Int { walks.filter { !$0.passed }.count + diagnostics.errorCount }
    public var passed: Bool { failureCount == 0 }
}

public enum ScenarioTest {
    /// - Parameters:
    ///   - tests: the walkthrough file's source, if the scenario has one.
    ///   - randomPlaythroughs: how many seeded random runs to play.
    public static func run(
        scenario source: SourceFile, tests: SourceFile?, randomPlaythroughs: Int, seed: UInt64
    ) -> ScenarioTestResult {
        let checked = Checker.check(source)
        var diagnostics = checked.diagnostics
        guard let scenario = checked.scenario else {
            return ScenarioTestResult(
                scenarioFile: source.name, testsFile: tests?.name, diagnostics: diagnostics, walks: [], analysis: nil,
                random: nil)
        }
        let analysis = Analysis(scenario)
        diagnostics += analysis.diagnostics()
        var walks: [WalkResult] = []
        if let tests {
            let walked = walk(tests, on: scenario, analysis: analysis)
            diagnostics += walked.problems
            walks = walked.walks
        }
        let random = RandomPlay.run(scenario, playthroughs: randomPlaythroughs, seed: seed)
        return ScenarioTestResult(
            scenarioFile: source.name, testsFile: tests?.name, diagnostics: diagnostics, walks: walks,
            analysis: analysis, random: random)
    }

    /// Reads a walkthrough file and plays its walks on a checked scenario: the problems in the file
    /// (walks that cannot be read), and each walk's result. For `rapport test`, and for
    /// `rapport check --watch`, which runs them after each save.
    /// - Parameter analysis: the scenario's, if it was explored already (`expect decisions` needs it).
    public static func walk(
        _ tests: SourceFile, on scenario: CheckedScenario, analysis: Analysis? = nil
    ) -> (problems: [Diagnostic], walks: [WalkResult]) {
        let (file, problems) = WalkthroughFile.parse(tests)
        return (problems, WalkthroughRunner.run(file, on: scenario, analysis: analysis))
    }
}
