import Foundation
import RapportTestSupport
import Testing

/// `rapport graph`: DOT and Mermaid always; SVG and HTML through Graphviz's `dot`, which CI installs
/// (`.ci/run`). Where `dot` is missing on a developer's machine the drawing tests are skipped and say
/// why; in CI they run, and a missing `dot` fails them.
@Suite(.serialized) struct GraphCommandTests {
    static let dot: URL? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()
    static var inCI: Bool { !["", "0", "false"].contains((ProcessInfo.processInfo.environment["CI"] ?? "").lowercased()) }
    static var canDraw: Bool { dot != nil || inCI }

    static let scenarios = [
        "angry-caller", "bad-news-chat", "delivery-promise", "internal-customer", "little-extra", "quiet-regular",
        "speak-to-manager", "system-failure",
    ].map { "Scenarios/\($0).scenario" } + ["Tests/Fixtures/constructs.scenario"]

    static func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rapport-graph-\(getpid())-\(name)")
    }

    @Test func dotAndMermaidNeedNothingElse() throws {
        let dot = try Rapport.run(["graph", "Scenarios/system-failure.scenario"], environment: ["PATH": "/nonexistent"])
        #expect(dot.status == 0)
        #expect(dot.output.hasPrefix("digraph scenario {"))
        let mermaid = try Rapport.run(["graph", "--format", "mermaid", "Scenarios/system-failure.scenario"])
        #expect(mermaid.status == 0)
        #expect(mermaid.output.contains("flowchart TD"))
    }

    @Test func withoutGraphvizSVGSaysWhatToInstall() throws {
        let result = try Rapport.run(["graph", "--format", "svg", "Scenarios/system-failure.scenario"], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 69)
        #expect(result.errors.contains("apt-get install graphviz"))
    }

    @Test func aScenarioWithErrorsIsNotDrawn() throws {
        let result = try Rapport.run(["graph", "Tests/RapportCLITests/Golden/broken.scenario"])
        #expect(result.status == 1)
        #expect(result.errors.contains("cannot be drawn"))
    }

    @Test(.enabled(if: canDraw, "Graphviz's dot is not installed here (apt-get install graphviz); CI installs it and runs this"), arguments: scenarios)
    func dotDrawsEveryScenario(path: String) throws {
        let dotProgram = try #require(Self.dot, "CI must have Graphviz's dot (.ci/run installs graphviz)")
        let source = Self.scratch("\(URL(fileURLWithPath: path).lastPathComponent).dot")
        defer { try? FileManager.default.removeItem(at: source) }
        let written = try Rapport.run(["graph", path, "--output", source.path])
        #expect(written.status == 0, "\(written.errors)")
        let process = Process()
        process.executableURL = dotProgram
        process.arguments = ["-Tsvg", source.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "dot: \(complaints)")
        #expect(complaints.isEmpty, "dot warned: \(complaints)")
        #expect(svg.contains("<svg"))
    }

    @Test(.enabled(if: canDraw, "Graphviz's dot is not installed here (apt-get install graphviz); CI installs it and runs this"))
    func svgAndAPageFollowTheOutputsExtension() throws {
        _ = try #require(Self.dot, "CI must have Graphviz's dot (.ci/run installs graphviz)")
        let svg = Self.scratch("picture.svg")
        let page = Self.scratch("picture.html")
        defer {
            try? FileManager.default.removeItem(at: svg)
            try? FileManager.default.removeItem(at: page)
        }
        #expect(try Rapport.run(["graph", "Scenarios/delivery-promise.scenario", "-o", svg.path]).status == 0)
        #expect(try String(contentsOf: svg, encoding: .utf8).contains("<svg"))
        #expect(try Rapport.run(["graph", "Scenarios/delivery-promise.scenario", "-o", page.path]).status == 0)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http"), "the page stands alone")
    }
}
