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
        let base = "Diagnostics/\(code.rawValue)"
        let scenarioURL = Self.golden.url(base + ".scenario")
        let bytes = [UInt8](try Data(contentsOf: scenarioURL))
        let source = SourceFile(name: "\(code.rawValue).scenario", bytes: bytes)
        let checked = Checker.check(source)
        var diagnostics = checked.diagnostics
        var sources = [source]
        if let scenario = checked.scenario {
            diagnostics += Analysis(scenario, stateLimit: code == .stateSpaceTooLarge ? 50 : Analysis.defaultStateLimit)
                .diagnostics()
            if let testsData = try? Data(contentsOf: Self.golden.url(base + ".tests")) {
                let tests = SourceFile(name: "\(code.rawValue).tests", bytes: [UInt8](testsData))
                sources.append(tests)
                let (file, problems) = WalkthroughFile.parse(tests)
                diagnostics += problems
                diagnostics += WalkthroughRunner.run(file, on: scenario).flatMap(\.failures)
            }
        }
        let printer = DiagnosticPrinter(colour: false)
        let text = diagnostics.map { diagnostic in
            printer.format(diagnostic, source: sources.first { $0.name == diagnostic.file })
        }.joined(separator: "\n")
        return (text, diagnostics)
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
}
