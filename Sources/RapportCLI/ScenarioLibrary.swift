import Foundation
import RapportBundledScenarios
import RapportLanguage

/// The scenarios a learner can pick: the bundled ones, plus any folders named with --scenarios.
struct ScenarioLibrary {
    struct Entry {
        let source: SourceFile
        let scenario: CheckedScenario
    }

    private(set) var entries: [Entry] = []
    /// Files that did not check, with their diagnostics, to report rather than hide.
    private(set) var broken: [(SourceFile, [Diagnostic])] = []

    init(extraFolders: [String]) throws(ScenarioFiles.ReadError) {
        for file in BundledScenarios.files {
            add(SourceFile(name: "Scenarios/\(file.name)", bytes: file.bytes))
        }
        for folder in extraFolders {
            for path in try ScenarioFiles.expand([folder]) { add(try ScenarioFiles.read(path)) }
        }
    }

    private mutating func add(_ source: SourceFile) {
        let result = Checker.check(source)
        if let scenario = result.scenario {
            // A trainer's scenario with the same id as a bundled one takes its place.
            entries.removeAll { $0.scenario.id == scenario.id }
            entries.append(Entry(source: source, scenario: scenario))
        } else {
            broken.append((source, result.diagnostics))
        }
    }

    func find(id: String) -> Entry? { entries.first { $0.scenario.id == id } }
}
