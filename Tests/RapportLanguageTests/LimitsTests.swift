import Foundation
import RapportLanguage
import RapportTestSupport
import Testing

/// Every size a scenario can have is capped, with a diagnostic that names the limit: a hostile file is
/// refused, never a crash, a hang or gigabytes.
@Suite struct LimitsTests {
    func limitDiagnostics(_ text: String) -> [Diagnostic] {
        check(text).diagnostics.filter { $0.code == .beyondLimit }
    }

    /// A flat chain of terms used to overflow the stack of everything that walks a condition. The
    /// longest that fits on a line is refused for its terms; a longer one for its line.
    @Test(arguments: ["and", "or"])
    func aLongChainOfTermsIsRefused(joiner: String) {
        func text(_ terms: Int) -> String {
            let chain = (0..<terms).map { _ in "e" }.joined(separator: " \(joiner) ")
            return minimal.replacingOccurrences(of: "* Hello Dana", with: "* [if \(chain)] Hello Dana")
                .replacingOccurrences(of: "customer: Dana Okafor", with: "customer: Dana Okafor\nstate: e = false")
        }
        let onOneLine = limitDiagnostics(text(600))
        #expect(onOneLine.map(\.message) == ["this condition has more than 64 terms"])
        #expect(limitDiagnostics(text(50_000)).map(\.message).first?.hasPrefix("this line is") == true)
    }

    /// 64 terms are allowed; one more is not. A comparison counts three (two sides and the
    /// operator), a name, `and`, `or` and `not` one each.
    @Test func theTermLimitIsExact() {
        func condition(_ flags: Int) -> String { (0..<flags).map { _ in "escalated" }.joined(separator: " and ") }
        func text(_ condition: String) -> String {
            minimal.replacingOccurrences(of: "* Hello Dana", with: "* [if \(condition)] Hello Dana")
                .replacingOccurrences(of: "customer: Dana Okafor", with: "customer: Dana Okafor\nstate: escalated = false, n = 0")
        }
        // 32 names and 31 ands: 63 terms; with 'not', 64.
        #expect(limitDiagnostics(text("not " + condition(32))).isEmpty)
        #expect(limitDiagnostics(text("not not " + condition(32))).count == 1)
        // 16 comparisons (48) and 15 ands: 63.
        let comparisons = (0..<16).map { _ in "n >= 0" }.joined(separator: " and ")
        #expect(limitDiagnostics(text(comparisons)).isEmpty)
        #expect(limitDiagnostics(text(comparisons + " and escalated and escalated")).count == 1)
    }

    @Test func aLineLongerThanTheLimitIsNotRead() {
        let long = String(repeating: "a", count: ScenarioLimits.lineLength - 6)
        let fits = minimal.replacingOccurrences(of: "Dana: Hello?", with: "Dana: \(long)")
        #expect(limitDiagnostics(fits).isEmpty)
        let over = minimal.replacingOccurrences(of: "Dana: Hello?", with: "Dana: \(long)x")
        let diagnostics = limitDiagnostics(over)
        #expect(diagnostics.map(\.message) == ["this line is 4001 bytes long; a line can be at most 4000 bytes"])
        #expect(diagnostics.first?.range.start.line == 5)
    }

    /// Refused when read, before it is read whole (a sparse file, so the test writes nothing).
    @Test func aFileLargerThanTheLimitIsNotRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-huge-\(UUID().uuidString).scenario")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(ScenarioLimits.fileSize + 1))
        try handle.close()
        #expect(throws: SourceFile.ReadError.tooLarge(limit: ScenarioLimits.fileSize)) { try SourceFile.read(url.path) }
        #expect(SourceFile.describe(bytes: ScenarioLimits.fileSize) == "32 MB")
    }

    /// A workshop letters options A to Z: a 27th choice is refused where it is written.
    @Test func aDecisionOffersAtMostTwentySixChoices() {
        func text(_ count: Int) -> String {
            var text = "title: T\ncustomer: C\n== start\n"
            for index in 1...count { text += "* Choice \(index).\n  coach: c\n  -> done\n" }
            return text + "== done\nend good: ok\n"
        }
        #expect(limitDiagnostics(text(26)).isEmpty)
        let over = limitDiagnostics(text(27))
        #expect(over.map(\.message) == ["this is choice 27 of 'start'; a decision can offer at most 26"])
        #expect(over.first?.range.start.line == 4 + 26 * 3)
    }

    @Test func declarationsAreCapped() {
        let variables = (0...ScenarioLimits.stateVariables).map { "v\($0) = 0" }.joined(separator: ", ")
        #expect(limitDiagnostics(minimal.replacingOccurrences(of: "customer: Dana Okafor", with: "customer: Dana Okafor\nstate: \(variables)")).count == 1)
        let dimensions = (0...ScenarioLimits.dimensions).map { "d\($0)" }.joined(separator: ", ")
        #expect(limitDiagnostics(minimal.replacingOccurrences(of: "customer: Dana Okafor", with: "customer: Dana Okafor\ndimensions: \(dimensions)")).count == 1)
        let promises = (0...ScenarioLimits.promises).map { "  promise p\($0): do \($0)" }.joined(separator: "\n")
        #expect(limitDiagnostics(minimal.replacingOccurrences(of: "  coach: Greet by name.", with: "  coach: Greet by name.\n\(promises)")).count == 1)
    }

    @Test func nodesAreCapped() {
        var text = "title: T\ncustomer: C\n"
        for index in 0...ScenarioLimits.nodes { text += "== n\(index)\n-> n\(index + 1)\n" }
        text += "== n\(ScenarioLimits.nodes + 1)\nend good: ok\n"
        let diagnostics = limitDiagnostics(text)
        #expect(diagnostics.map(\.message) == ["this is node 20001; a scenario can have at most 20000 nodes"])
    }

    /// docs/limits.md lists every limit with the value the program enforces.
    @Test func theLimitsPageSaysWhatTheProgramDoes() throws {
        let page = try String(contentsOf: Repository.url("docs/limits.md"), encoding: .utf8)
        for (name, value) in [
            ("file size", "32 MB"), ("line length", "4,000 bytes"), ("nodes", "20,000"), ("choices at one decision", "26"),
            ("terms in a condition", "64"), ("nesting in a condition", "64"), ("state values", "100"),
            ("promises", "100"), ("dimensions", "12"), ("problems printed per file", "200"),
            ("states explored", "2,000,000"), ("work in exploring", "200,000,000"),
        ] {
            #expect(page.contains("| \(name) | \(value) |"), "docs/limits.md should have the row '| \(name) | \(value) |'")
        }
        #expect(ScenarioLimits.fileSize == 32 << 20 && ScenarioLimits.lineLength == 4_000 && ScenarioLimits.nodes == 20_000)
        #expect(ScenarioLimits.choicesPerNode == 26 && ScenarioLimits.conditionTerms == 64 && ScenarioLimits.conditionDepth == 64)
        #expect(ScenarioLimits.stateVariables == 100 && ScenarioLimits.promises == 100 && ScenarioLimits.dimensions == 12)
        #expect(ScenarioLimits.diagnostics == 200)
    }
}
