import ArgumentParser
import Foundation
import RapportAnalysis
import RapportLanguage
import RapportTerminal

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

    @Flag(help: "Keep checking: after the first report, print what changed each time a file is saved. Ctrl-C stops.")
    var watch = false

    func validate() throws {
        if watch, format == .json { throw ValidationError("--watch prints text as files change; it cannot be used with --format json") }
    }

    /// Reads and checks one file: the checker's problems and, for a file without errors, what
    /// exploring every state finds.
    func check(_ path: String) throws(ScenarioFiles.ReadError) -> (SourceFile, [Diagnostic]) {
        let source = try ScenarioFiles.read(path)
        let result = Checker.check(source)
        var diagnostics = result.diagnostics
        // A clean file is also explored state by state, which finds what reading it cannot:
        // places where the trainee gets stuck, endless loops, choices never offered.
        if let scenario = result.scenario, !noExplore { diagnostics += Analysis(scenario).diagnostics() }
        return (source, diagnostics)
    }

    func run() throws {
        let files = try ScenarioFiles.expandOrExit(paths)
        let style = OutputStyle.detect(environment: ProcessInfo.processInfo.environment)
        if watch { return try watchFiles(style: style) }
        var report = CheckReport()
        var unreadable = false
        for path in files {
            do {
                let (source, diagnostics) = try check(path)
                report.add(source: source, diagnostics: diagnostics)
            } catch {
                FileHandle.standardError.report("\(error)")
                unreadable = true
            }
        }
        switch format {
        case .text: print(CheckReportText.format(report.files, colour: style.colour), terminator: "")
        case .json: print(try report.json())
        }
        if unreadable { throw ExitStatus.cannotRead }
        if report.errorCount > 0 || (strict && report.warningCount > 0) { throw ExitStatus.problemsFound }
    }

    /// `--watch`: the loop is `CheckWatch`; here are the real files, found again at each look (a
    /// folder may gain one), each stamped with when it was last saved and its size.
    func watchFiles(style: OutputStyle) throws {
        let pause = WatchPause()
        var watcher = CheckWatch(
            files: {
                var stamps: [String: String] = [:]
                for path in (try? ScenarioFiles.expand(paths)) ?? [] {
                    let attributes = try? FileManager.default.attributesOfItem(atPath: path)
                    let saved = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                    stamps[path] = "\(saved) \(attributes?[.size] as? Int ?? -1)"
                }
                return stamps
            },
            check: { path in
                do throws(ScenarioFiles.ReadError) {
                    let (source, diagnostics) = try check(path)
                    return .checked(source, diagnostics)
                } catch {
                    return .unreadable(error.reason)
                }
            },
            waitForNextLook: pause.wait, output: StandardOutput(), colour: style.colour)
        watcher.run()
        if pause.terminated { throw ExitStatus.stoppedBySignal }
    }
}

/// Everything `check` found, in the order the files were named.
struct CheckReport {
    var files: [(source: SourceFile, diagnostics: [Diagnostic])] = []

    mutating func add(source: SourceFile, diagnostics: [Diagnostic]) {
        files.append((source, diagnostics))
    }

    var errorCount: Int { files.reduce(0) { $0 + $1.diagnostics.errorCount } }
    var warningCount: Int { files.reduce(0) { $0 + $1.diagnostics.warningCount } }

    func json() throws -> String {
        struct Output: Encodable {
            let files: [String]
            let errors: Int
            let warnings: Int
            let diagnostics: [Diagnostic]
        }
        return try JSONOutput.text(
            Output(
                files: files.map(\.source.name), errors: errorCount, warnings: warningCount,
                diagnostics: files.flatMap(\.diagnostics)))
    }
}
