import ArgumentParser
import Foundation
import RapportLanguage
import RapportTerminal
import RapportAnalysis

/// `rapport check PATH...`: reports every problem in scenario files, like a compiler.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scenario files and report every problem, with its line and column.",
        discussion: "Exits 0 when there are no errors (warnings too, with --strict), 1 otherwise."
    )

    @Argument(help: "Scenario files, or folders to search for .scenario files.")
    var paths: [String] = ["Scenarios"]

    @Flag(help: "Treat warnings as problems: exit 1 if there are any.")
    var strict = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(
        name: .customLong("no-explore"),
        help: "Only read and check the files; skip exploring every state (faster on very large scenarios, e.g. on every save in an editor).")
    var noExplore = false

    func run() throws {
        let files = try ScenarioFiles.expandOrExit(paths)
        var report = CheckReport()
        var unreadable = false
        for path in files {
            do {
                let source = try ScenarioFiles.read(path)
                let result = Checker.check(source)
                var diagnostics = result.diagnostics
                // A clean file is also explored state by state, which finds what reading it cannot:
                // places where the trainee gets stuck, endless loops, choices never offered.
                if let scenario = result.scenario, !noExplore { diagnostics += Analysis(scenario).diagnostics() }
                report.add(source: source, diagnostics: diagnostics)
            } catch {
                FileHandle.standardError.write("rapport: \(error)\n")
                unreadable = true
            }
        }
        let style = OutputStyle.detect(environment: ProcessInfo.processInfo.environment)
        switch format {
        case .text: print(report.text(colour: style.colour), terminator: "")
        case .json: print(try report.json())
        }
        if unreadable { throw ExitStatus.cannotRead }
        if report.errorCount > 0 || (strict && report.warningCount > 0) { throw ExitStatus.problemsFound }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Everything `check` found, in the order the files were named.
struct CheckReport {
    var files: [(source: SourceFile, diagnostics: [Diagnostic])] = []

    mutating func add(source: SourceFile, diagnostics: [Diagnostic]) {
        files.append((source, diagnostics))
    }

    var errorCount: Int { files.reduce(0) { $0 + $1.diagnostics.errorCount } }
    var warningCount: Int { files.reduce(0) { $0 + $1.diagnostics.warningCount } }

    func text(colour: Bool) -> String {
        let printer = DiagnosticPrinter(colour: colour)
        var output = ""
        for file in files {
            for diagnostic in file.diagnostics {
                output += printer.format(diagnostic, source: file.source) + "\n"
            }
        }
        output += summary() + "\n"
        return output
    }

    func summary() -> String {
        let checked = files.count == 1 ? "1 file" : "\(files.count) files"
        if errorCount == 0 && warningCount == 0 { return "Checked \(checked): no problems found." }
        return "Checked \(checked): \(plural(errorCount, "error")) and \(plural(warningCount, "warning"))."
    }

    func json() throws -> String {
        struct Output: Encodable {
            let files: [String]
            let errors: Int
            let warnings: Int
            let diagnostics: [Diagnostic]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let output = Output(
            files: files.map(\.source.name), errors: errorCount, warnings: warningCount,
            diagnostics: files.flatMap(\.diagnostics))
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}

func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

extension FileHandle {
    func write(_ text: String) { write(Data(text.utf8)) }
}
