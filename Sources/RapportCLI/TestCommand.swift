import ArgumentParser
import Foundation
import RapportLanguage
import RapportTerminal
import RapportTesting

/// `rapport test [PATH...]`: runs each scenario's walkthrough tests (`NAME.tests`), explores every
/// state, and plays seeded random runs.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenarios' walkthrough tests, explore every path, and play random runs.",
        discussion: """
            For each NAME.scenario, runs the walks in NAME.tests beside it; checks that no reachable state \
            leaves the trainee stuck or looping and that every choice can be reached; and plays seeded \
            random playthroughs. Exits 1 if anything fails (with --strict, also on warnings or a missing \
            NAME.tests).
            """
    )

    @Argument(help: "Scenario files, or folders to search for .scenario files.")
    var paths: [String] = ["Scenarios"]

    @Option(help: "How many random playthroughs to play per scenario.")
    var random = 100

    @Option(help: "The seed for random playthroughs; the same seed plays the same runs.")
    var seed: UInt64 = 1

    @Flag(help: "List every node and choice that random play never reached.")
    var coverage = false

    @Flag(help: "Treat warnings (such as a choice that is never offered) as failures.")
    var strict = false

    func validate() throws {
        guard random >= 0 else { throw ValidationError("--random must be 0 or more") }
    }

    func run() throws {
        let files = try ScenarioFiles.expandOrExit(paths)
        let style = OutputStyle.detect(environment: ProcessInfo.processInfo.environment)
        let printer = DiagnosticPrinter(colour: style.colour)
        var passed = 0
        var failed = 0
        for path in files {
            let source: SourceFile
            do {
                source = try ScenarioFiles.read(path)
            } catch {
                FileHandle.standardError.report("\(error)")
                throw ExitStatus.cannotRead
            }
            let testsPath = WalkthroughFile.path(besideScenario: path)
            let tests = FileManager.default.fileExists(atPath: testsPath) ? try? ScenarioFiles.read(testsPath) : nil
            let result = ScenarioTest.run(scenario: source, tests: tests, randomPlaythroughs: random, seed: seed)
            print(TestReportText.format(result, coverage: coverage, printer: printer, sources: [source, tests].compactMap { $0 }))
            let problems = result.diagnostics.hasErrors || (strict && (!result.diagnostics.isEmpty || result.testsFile == nil))
            passed += result.walks.filter(\.passed).count + (problems ? 0 : 1)
            failed += result.walks.filter { !$0.passed }.count + (problems ? 1 : 0)
        }
        print(TestReportText.totals(passed: passed, failed: failed), terminator: "")
        if failed > 0 { throw ExitStatus.problemsFound }
    }
}
