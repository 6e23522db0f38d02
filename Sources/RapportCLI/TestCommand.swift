import ArgumentParser
import Foundation
import RapportLanguage
import RapportTerminal
import RapportAnalysis
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
                FileHandle.standardError.write("rapport: \(error)\n")
                throw ExitStatus.cannotRead
            }
            let testsPath = String(path.dropLast(ScenarioFiles.fileExtension.count)) + "tests"
            let tests = FileManager.default.fileExists(atPath: testsPath) ? try? ScenarioFiles.read(testsPath) : nil
            let result = ScenarioTest.run(scenario: source, tests: tests, randomPlaythroughs: random, seed: seed)
            print(TestReportText.format(result, coverage: coverage, printer: printer, sources: [source, tests].compactMap { $0 }))
            let problems = result.diagnostics.hasErrors || (strict && (!result.diagnostics.isEmpty || result.testsFile == nil))
            passed += result.walks.filter(\.passed).count + (problems ? 0 : 1)
            failed += result.walks.filter { !$0.passed }.count + (problems ? 1 : 0)
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitStatus.problemsFound }
    }
}

/// The text `rapport test` prints for one scenario.
enum TestReportText {
    static func format(
        _ result: ScenarioTestResult, coverage: Bool, printer: DiagnosticPrinter, sources: [SourceFile]
    ) -> String {
        var lines: [String] = [result.scenarioFile]
        func source(for file: String) -> SourceFile? { sources.first { $0.name == file } }
        if result.testsFile == nil {
            let testsName = String(result.scenarioFile.dropLast(ScenarioFiles.fileExtension.count)) + "tests"
            lines.append("  no walkthrough tests: write \(testsName) (see docs/scenario-format.md)")
        }
        for walk in result.walks {
            lines.append("  \(walk.passed ? "PASS" : "FAIL") \(walk.walk.name)")
            for failure in walk.failures {
                lines.append(indent(printer.format(failure, source: source(for: failure.file)), by: 7))
            }
        }
        for diagnostic in result.diagnostics {
            lines.append(indent(printer.format(diagnostic, source: source(for: diagnostic.file)), by: 2))
        }
        if let analysis = result.analysis {
            let outcomes = Set(analysis.endings.map(\.outcome)).sorted(by: >).map(\.rawValue)
            let choiceTotal = analysis.scenario.nodes.reduce(0) { $0 + $1.choices.count }
            let reachable = choiceTotal - analysis.choicesNeverOffered.count
            var summary = "  \(analysis.diagnostics().hasErrors ? "FAIL" : "PASS") explored \(plural(analysis.stateCount, "state")): "
            summary += "\(plural(analysis.endings.count, "ending")) (\(outcomes.joined(separator: ", ")))"
            summary += analysis.stuck.isEmpty && analysis.loops.isEmpty ? ", no dead ends" : ", dead ends found"
            summary += reachable == choiceTotal
                ? ", every choice reachable and taken at least once"
                : ", \(reachable) of \(choiceTotal) choices reachable (each of those taken at least once)"
            lines.append(summary)
        }
        if let random = result.random {
            let reachedNodes = random.nodeCount - random.nodesNeverReached.count
            let takenChoices = random.choiceCount - random.choicesNeverTaken.count
            var line = "  random: \(plural(random.playthroughs, "playthrough")) (seed \(random.seed)): "
            line += "reached \(reachedNodes) of \(random.nodeCount) nodes and \(takenChoices) of \(random.choiceCount) choices"
            if random.unfinished > 0 { line += "; \(random.unfinished) did not reach an ending" }
            lines.append(line)
            if coverage {
                for node in random.nodesNeverReached { lines.append("    never reached: node '\(node)'") }
                for choice in random.choicesNeverTaken {
                    lines.append("    never taken: \(result.scenarioFile):\(choice.line): '\(choice.text)' at '\(choice.node)'")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
