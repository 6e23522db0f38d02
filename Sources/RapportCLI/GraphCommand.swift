import ArgumentParser
import Foundation
import RapportAnalysis

/// `rapport graph FILE`: a picture of the branches, as DOT, Mermaid, SVG or an HTML page.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a scenario's branches: nodes, choices with their scores, endings by outcome, the best path.",
        discussion: """
            Writes Graphviz DOT (the default) or a Mermaid flowchart; with Graphviz installed (Debian and \
            Ubuntu: apt-get install graphviz), also SVG or a self-contained HTML page. Without --format, \
            the format follows --output's extension (.dot, .mmd, .svg, .html).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid, svg, html

        init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "dot", "gv": self = .dot
            case "mmd", "mermaid": self = .mermaid
            case "svg": self = .svg
            case "html", "htm": self = .html
            default: return nil
            }
        }
    }

    @Argument(help: "The scenario file to draw.")
    var file: String

    @Option(help: "dot, mermaid, svg or html.")
    var format: Format?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let chosen = format ?? output.flatMap { Format(fileExtension: URL(fileURLWithPath: $0).pathExtension) } ?? .dot
        let scenario = try ScenarioLibrary.load(file: file, purpose: "drawn").scenario
        let graph = ScenarioGraph(Analysis(scenario))
        var text: String
        switch chosen {
        case .dot: text = GraphDOT.write(graph)
        case .mermaid: text = GraphMermaid.write(graph)
        case .svg, .html:
            guard let dot = Graphviz.dotProgram() else {
                FileHandle.standardError.write(
                    "rapport: --format \(chosen.rawValue) needs Graphviz's 'dot' program, which is not installed (Debian and Ubuntu: apt-get install graphviz); --format dot and --format mermaid work without it\n")
                throw ExitStatus.missingProgram
            }
            do {
                text = try Graphviz.svg(from: GraphDOT.write(graph), program: dot)
            } catch {
                FileHandle.standardError.write("rapport: \(error)\n")
                throw ExitStatus.missingProgram
            }
            if chosen == .html {
                text = GraphPage.write(svg: text, title: scenario.title, summary: scenario.summary, sourceName: scenario.sourceName)
            }
        }
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write("rapport: cannot write \(output): \((error as NSError).localizedDescription)\n")
            throw ExitStatus.cannotWrite
        }
    }
}
