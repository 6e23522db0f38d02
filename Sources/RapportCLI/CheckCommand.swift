import ArgumentParser
import Foundation
import RapportAnalysis
import RapportLanguage
import RapportTerminal
import RapportTesting

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

    @Flag(
        help: "Keep checking: after the first report, print what changed each time a file is saved; a scenario's walks (NAME.tests beside it) are run too. Ctrl-C stops.")
    var watch = false

    func validate() throws {
        if watch, format == .json { throw ValidationError("--watch prints text as files change; it cannot be used with --format json") }
    }

    /// Reads and checks one file: the checker's problems and, for a file without errors, what
    /// exploring every state finds.
    func check(_ path: String) throws(ScenarioFiles.ReadError) -> (SourceFile, [Diagnostic]) {
        let (source, diagnostics, _, _) = try checkAndExplore(path)
        return (source, diagnostics)
    }

    /// `check`, with the scenario (nil when it has errors) and its exploration (nil with --no-explore).
    func checkAndExplore(_ path: String) throws(ScenarioFiles.ReadError) -> (SourceFile, [Diagnostic], CheckedScenario?, Analysis?) {
        let source = try ScenarioFiles.read(path)
        let result = Checker.check(source)
        var diagnostics = result.diagnostics
        // A clean file is also explored state by state, which finds what reading it cannot:
        // places where the trainee gets stuck, endless loops, choices never offered.
        let analysis = noExplore ? nil : result.scenario.map { Analysis($0) }
        if let analysis { diagnostics += analysis.diagnostics() }
        return (source, diagnostics, result.scenario, analysis)
    }

    /// `--watch`: a scenario checked, with the walks of the tests file beside it when there is one
    /// (as `rapport test` runs them), so that a save that breaks a walk is seen at once.
    func watchLook(_ path: String) -> CheckWatch<StandardOutput>.Look {
        let checked: (SourceFile, [Diagnostic], CheckedScenario?, Analysis?)
        do throws(ScenarioFiles.ReadError) {
            checked = try checkAndExplore(path)
        } catch {
            return .unreadable(error.reason)
        }
        let (source, diagnostics, scenario, analysis) = checked
        let testsPath = WalkthroughFile.path(besideScenario: path)
        guard path.hasSuffix(".scenario"), FileManager.default.fileExists(atPath: testsPath),
            let tests = try? ScenarioFiles.read(testsPath)
        else { return .checked(source, diagnostics) }
        guard let scenario else {
            return .checked(source, diagnostics, walks: .init(source: tests, problems: nil, count: 0, failed: 0))
        }
        let walked = ScenarioTest.walk(tests, on: scenario, analysis: analysis)
        let failures = walked.walks.flatMap(\.failures)
        return .checked(
            source, diagnostics,
            walks: .init(
                source: tests, problems: walked.problems + failures, count: walked.walks.count,
                failed: walked.walks.filter { !$0.passed }.count))
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
    /// folder may gain one), each stamped with when it was last saved and its size, and the same of
    /// the tests file beside it, so that saving either one checks the scenario and walks it again.
    func watchFiles(style: OutputStyle) throws {
        let pause = WatchPause()
        func stamp(_ path: String) -> String? {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
            let saved = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(saved) \(attributes[.size] as? Int ?? -1)"
        }
        var watcher = CheckWatch(
            files: {
                var stamps: [String: String] = [:]
                for path in (try? ScenarioFiles.expand(paths)) ?? [] {
                    let tests = path.hasSuffix(".scenario") ? stamp(WalkthroughFile.path(besideScenario: path)) : nil
                    stamps[path] = (stamp(path) ?? "0 -1") + (tests.map { " tests \($0)" } ?? "")
                }
                return stamps
            },
            check: watchLook,
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
