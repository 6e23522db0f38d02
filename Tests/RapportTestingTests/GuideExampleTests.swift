import Foundation
import RapportLanguage
import RapportTestSupport
import RapportTesting
import Testing

/// docs/scenario-format.md says that every example on it checks without errors as part of a scenario,
/// and that every walk reads without problems. Its ```scenario blocks are checked here, each set in a
/// frame: a header when the block has none (its own header lines are kept), `== example` when the
/// block starts inside a node, and, for each node or promise it names but does not define, a node
/// that is an ending or that makes the promise. Its ```tests blocks are read as walkthrough files.
@Suite struct GuideExampleTests {
    static let page = (try? String(contentsOf: Repository.url("docs/scenario-format.md"), encoding: .utf8)) ?? ""

    /// The fenced blocks with the given info string, each with the line of the page it starts on.
    static func blocks(_ kind: String) -> [GuideBlock] {
        var found: [GuideBlock] = []
        var current: (line: Int, lines: [String])?
        for (index, line) in page.components(separatedBy: "\n").enumerated() {
            if var block = current {
                if line == "```" {
                    found.append(GuideBlock(line: block.line, text: block.lines.joined(separator: "\n")))
                    current = nil
                } else {
                    block.lines.append(line)
                    current = block
                }
            } else if line == "```" + kind {
                current = (index + 1, [])
            }
        }
        return found
    }

    static let scenarios = blocks("scenario")
    static let walks = blocks("tests")

    @Test func thePageHasExamples() {
        #expect(Self.scenarios.count >= 12)
        #expect(Self.walks.count >= 1)
        #expect(!Self.page.contains("```\n== "), "a scenario example without ```scenario would not be checked")
    }

    @Test(arguments: scenarios)
    func everyScenarioExampleChecksWithoutErrors(_ block: GuideBlock) {
        let (text, diagnostics) = block.checkedInFrame()
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(
            errors.isEmpty,
            "docs/scenario-format.md, the example on line \(block.line):\n\(errors.map { "\($0.range.start.line): \($0.message)" }.joined(separator: "\n"))\n--- as checked:\n\(text)")
    }

    @Test(arguments: walks)
    func everyWalkReadsWithoutProblems(_ block: GuideBlock) {
        let (file, problems) = WalkthroughFile.parse(SourceFile(name: "guide.tests", text: block.text))
        #expect(problems.isEmpty, "docs/scenario-format.md, line \(block.line): \(problems.map(\.message))")
        #expect(!file.walks.isEmpty)
    }
}

struct GuideBlock: Sendable, CustomTestStringConvertible {
    let line: Int
    let text: String

    var testDescription: String { "the example on line \(line)" }

    static let headerKeys: Set<String> = [
        "title", "customer", "id", "channel", "summary", "cast", "dimensions", "state", "meter", "promises", "silence",
        "silence-line",
    ]

    /// The block in its frame, and what checking that says.
    func checkedInFrame() -> (String, [Diagnostic]) {
        var header: [String] = []
        var body: [String] = []
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let key = trimmed.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
            if body.isEmpty, trimmed.isEmpty || trimmed.hasPrefix("//") || (trimmed.contains(":") && Self.headerKeys.contains(key)) {
                header.append(line)
            } else {
                body.append(line)
            }
        }
        let declared = header.joined(separator: "\n")
        var frame: [String] = []
        if !declared.contains("title:") { frame.append("title: Example") }
        if !declared.contains("customer:") { frame.append("customer: Dana Okafor") }
        if !declared.contains("cast:") { frame.append("cast: Priya Shah (team leader), Sam, Aisha, Tomás") }
        for (name, declaration) in [("patience", "patience = 3 (0..5)"), ("trust", "trust = 0 (0..5)"), ("escalated", "escalated = false")]
        where !declared.contains(name) {
            frame.append("state: \(declaration)")
        }
        let firstBodyLine = body.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("//") }
        if !(firstBodyLine?.hasPrefix("==") ?? false) { body.insert("== example", at: 0) }
        var stubs: [String] = []
        var result: CheckResult
        var text: String
        var rounds = 0
        repeat {
            text = (frame + header + body + stubs).joined(separator: "\n") + "\n"
            result = Checker.check(SourceFile(name: "guide.scenario", text: text))
            var added = false
            for diagnostic in result.diagnostics {
                let named = diagnostic.message.split(separator: "'").dropFirst().first.map(String.init) ?? ""
                switch diagnostic.code {
                case .undefinedNode where !stubs.contains("== \(named)"):
                    stubs += ["== \(named)", "end good: (filled in for the example)"]
                    added = true
                case .undefinedPromise where !stubs.contains("promise \(named): (filled in for the example)"):
                    stubs += ["== makes-\(named)", "promise \(named): (filled in for the example)", "end good: (filled in)"]
                    added = true
                case .deadEnd, .noEndingReachable where !stubs.contains("== example-end"):
                    body += ["* Go on.", "  coach: (filled in for the example)", "  -> example-end"]
                    stubs += ["== example-end", "end good: (filled in for the example)"]
                    added = true
                default:
                    break
                }
            }
            rounds += 1
            if !added { break }
        } while rounds < 4
        return (text, result.diagnostics)
    }
}
