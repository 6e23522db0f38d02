import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import RapportTesting
import Testing

/// One example file per diagnostic code, in Golden/Diagnostics/RPxxxx.scenario (with RPxxxx.tests for
/// the walkthrough codes). Each must report its code, and print exactly what RPxxxx.txt holds.
@Suite struct DiagnosticGoldenTests {
    static let golden = Golden(besides: #filePath)
    var golden: Golden { Self.golden }

    static let codes = DiagnosticCode.allCases

    /// What `rapport check` (or, with a tests file, `rapport test`) reports for the example.
    static func diagnostics(for code: DiagnosticCode) throws -> (String, [Diagnostic]) {
        try report(Self.golden, "Diagnostics/\(code.rawValue)", stateLimit: code == .stateSpaceTooLarge ? 50 : nil)
    }

    /// What `rapport check` (or, with `base.tests` beside it, `rapport test`) reports for
    /// `base.scenario` in the golden folder, printed without colour; "no problems" when there is none.
    static func report(_ golden: Golden, _ base: String, stateLimit: Int? = nil) throws -> (String, [Diagnostic]) {
        let name = URL(fileURLWithPath: base).lastPathComponent
        let scenarioURL = golden.url(base + ".scenario")
        let bytes = [UInt8](try Data(contentsOf: scenarioURL))
        let source = SourceFile(name: "\(name).scenario", bytes: bytes)
        let checked = Checker.check(source)
        var diagnostics = checked.diagnostics
        var sources = [source]
        if let scenario = checked.scenario {
            let analysis = Analysis(scenario, stateLimit: stateLimit ?? Analysis.defaultStateLimit)
            diagnostics += analysis.diagnostics()
            if let testsData = try? Data(contentsOf: golden.url(base + ".tests")) {
                let tests = SourceFile(name: "\(name).tests", bytes: [UInt8](testsData))
                sources.append(tests)
                let (file, problems) = WalkthroughFile.parse(tests)
                diagnostics += problems
                diagnostics += WalkthroughRunner.run(file, on: scenario, analysis: analysis).flatMap(\.failures)
            }
        }
        let printer = DiagnosticPrinter(colour: false)
        let text = diagnostics.map { diagnostic in
            printer.format(diagnostic, source: sources.first { $0.name == diagnostic.file })
        }.joined(separator: "\n")
        return (text.isEmpty ? "no problems\n" : text, diagnostics)
    }

    @Test(arguments: codes)
    func exampleReportsItsCode(_ code: DiagnosticCode) throws {
        let (text, diagnostics) = try Self.diagnostics(for: code)
        #expect(diagnostics.contains { $0.code == code }, "the example for \(code.rawValue) does not report it:\n\(text)")
        #expect(diagnostics.allSatisfy { $0.severity == $0.code.severity || $0.code == .walkFailed })
        golden.assertMatches(text, "Diagnostics/\(code.rawValue).txt")
    }

    @Test func diagnosticsPageDocumentsEveryCode() throws {
        let page = try String(contentsOf: Repository.url("docs/diagnostics.md"), encoding: .utf8)
        let headings = page.split(separator: "\n").filter { $0.hasPrefix("## RP") }
        let documented = headings.map { String($0.dropFirst(3).prefix(6)) }
        #expect(documented == Self.codes.map(\.rawValue), "docs/diagnostics.md must have one '## RPxxxx' heading per code, in order")
        for code in Self.codes {
            #expect(
                headings.contains("## \(code.rawValue): \(code.title)"),
                "docs/diagnostics.md: the heading for \(code.rawValue) should read '## \(code.rawValue): \(code.title)'")
        }
    }

    /// Each code's "What Rapport prints" on the page is what the example prints now: its lines (without
    /// their indent, and without the `FAIL` line `rapport test` puts above a walk's problems) come one
    /// after another in the golden file.
    @Test func printedExamplesAreWhatRapportPrints() throws {
        let page = try String(contentsOf: Repository.url("docs/diagnostics.md"), encoding: .utf8)
        func lines(_ text: some StringProtocol) -> [String] {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("FAIL ") }
        }
        for code in Self.codes {
            let section = try #require(page.components(separatedBy: "## \(code.rawValue):").dropFirst().first)
                .components(separatedBy: "\n## ").first!
            let printed = try #require(
                section.components(separatedBy: "What Rapport prints").dropFirst().first?
                    .components(separatedBy: "```\n").dropFirst().first?.components(separatedBy: "\n```").first,
                "docs/diagnostics.md: \(code.rawValue) shows no 'What Rapport prints' block")
            let shown = lines(printed)
            let golden = lines(Self.golden.read("Diagnostics/\(code.rawValue).txt") ?? "")
            let found = golden.indices.contains { start in
                start + shown.count <= golden.count && Array(golden[start..<(start + shown.count)]) == shown
            }
            #expect(found, "docs/diagnostics.md: what \(code.rawValue) prints is not what Diagnostics/\(code.rawValue).txt holds")
        }
    }
}
