import RapportLanguage
import RapportTesting

/// The text `rapport test` prints: for each scenario its walks, its problems, what exploring every
/// state found and what random play reached; at the end, the count of what passed and failed.
public enum TestReportText {
    /// - Parameters:
    ///   - coverage: also list every node and choice random play never reached.
    ///   - sources: the scenario and its tests file, to quote the lines problems point at.
    public static func format(
        _ result: ScenarioTestResult, coverage: Bool, printer: DiagnosticPrinter, sources: [SourceFile]
    ) -> String {
        // Names of files and walks come from outside, as everything a diagnostic quotes does.
        var lines: [String] = [Sanitizer.clean(result.scenarioFile)]
        if result.testsFile == nil {
            let testsName = WalkthroughFile.path(besideScenario: result.scenarioFile)
            lines.append("  no walkthrough tests: write \(Sanitizer.clean(testsName)) (see docs/scenario-format.md)")
        }
        // All at once, so that a line many problems point into is laid out once.
        let shown = Array(result.diagnostics.prefix(ScenarioLimits.diagnostics))
        var printed = printer.format(result.walks.flatMap(\.failures) + shown, sources: sources)[...]
        for walk in result.walks {
            lines.append("  \(walk.passed ? "PASS" : "FAIL") \(Sanitizer.clean(walk.walk.name))")
            for _ in walk.failures { lines.append(indent(printed.removeFirst(), by: 7)) }
        }
        for _ in result.diagnostics.prefix(ScenarioLimits.diagnostics) { lines.append(indent(printed.removeFirst(), by: 2)) }
        let omitted = CheckReportText.omitted(result.diagnostics, in: result.scenarioFile)
        if !omitted.isEmpty { lines.append(indent(String(omitted.dropLast(2)), by: 2)) }
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
                    lines.append(
                        "    never taken: \(Sanitizer.clean(result.scenarioFile)):\(choice.line): '\(Sanitizer.clean(choice.text))' at '\(choice.node)'")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The last line: every walk and every scenario's checks, passed or failed.
    public static func totals(passed: Int, failed: Int) -> String { "\(passed) passed, \(failed) failed\n" }

    /// Each line of `text` but the empty ones moved right by `count` spaces; no line break at either end.
    static func indent(_ text: String, by count: Int) -> String {
        let pad = String(repeating: " ", count: count)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
        var indented = Substring(lines.joined(separator: "\n"))
        while indented.first?.isNewline == true { indented.removeFirst() }
        while indented.last?.isNewline == true { indented.removeLast() }
        return String(indented)
    }
}
