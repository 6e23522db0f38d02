import Foundation
import RapportBundledScenarios
import RapportLanguage
import RapportTerminal

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

    /// A scenario named on the command line: a file (it has a '/' or ends in .scenario), or the id of
    /// a bundled scenario or of one in the extra folders. Problems are reported on standard error.
    /// `quietly` reports nothing: for a first look that may fail.
    static func resolve(_ name: String, extraFolders: [String], quietly: Bool = false) throws -> Entry {
        if name.hasSuffix(".\(ScenarioFiles.fileExtension)") || name.contains("/") { return try load(file: name, quietly: quietly) }
        let library = try open(extraFolders: extraFolders, quietly: quietly)
        guard let found = library.find(id: name) else {
            if quietly { throw ExitStatus.cannotRead }
            let ids = library.entries.map(\.scenario.id)
            var message = "no scenario with the id '\(name)'"
            if let near = Suggestions.closest(to: name, among: ids) { message += "; did you mean '\(near)'?" }
            FileHandle.standardError.report(message + "\nBundled: \(ids.joined(separator: ", "))")
            throw ExitStatus.cannotRead
        }
        return found
    }

    /// The library, with files that do not check reported on standard error.
    static func open(extraFolders: [String], quietly: Bool = false) throws -> ScenarioLibrary {
        let library: ScenarioLibrary
        do {
            library = try ScenarioLibrary(extraFolders: extraFolders)
        } catch {
            if !quietly { FileHandle.standardError.report("\(error)") }
            throw ExitStatus.cannotRead
        }
        if quietly { return library }
        for (source, diagnostics) in library.broken {
            FileHandle.standardError.report(
                "skipping \(source.name): it has \(plural(diagnostics.errorCount, "error")) (run 'rapport check \(source.name)')")
        }
        return library
    }

    /// Reads and checks a file; its errors are printed and stop the command.
    static func load(file: String, purpose: String = "played", quietly: Bool = false) throws -> Entry {
        let source: SourceFile
        do {
            source = try ScenarioFiles.read(file)
        } catch {
            if !quietly { FileHandle.standardError.report("\(error)") }
            throw ExitStatus.cannotRead
        }
        let result = Checker.check(source)
        guard let scenario = result.scenario else {
            if quietly { throw ExitStatus.problemsFound }
            let colour = OutputStyle.detect(fileDescriptor: 2, environment: ProcessInfo.processInfo.environment).colour
            let printer = DiagnosticPrinter(colour: colour)
            let errors = result.diagnostics.filter { $0.severity == .error }
            for text in printer.format(errors, sources: [source]) { FileHandle.standardError.write(text + "\n") }
            FileHandle.standardError.report("\(file) has errors, so it cannot be \(purpose)")
            throw ExitStatus.problemsFound
        }
        return Entry(source: source, scenario: scenario)
    }
}
