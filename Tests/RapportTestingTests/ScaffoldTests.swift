import RapportAnalysis
import RapportLanguage
import RapportTesting
import Testing

/// `rapport new` must hand a trainer something that works: the scenario checks with no problem at
/// all (warnings included, as `check --strict` wants), and its walks pass.
@Suite struct ScaffoldTests {
    @Test func theScenarioChecksCleanAndItsWalksPass() {
        let scenario = SourceFile(name: "late-parcel.scenario", text: Scaffold.scenario(id: "late-parcel"))
        let tests = SourceFile(name: "late-parcel.tests", text: Scaffold.tests(id: "late-parcel"))
        let result = ScenarioTest.run(scenario: scenario, tests: tests, randomPlaythroughs: 50, seed: 1)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.range.start.line): \($0.message)" })")
        #expect(result.walks.count == 3)
        #expect(result.walks.allSatisfy { $0.passed }, "\(result.walks.flatMap(\.failures).map(\.message))")
        #expect(result.passed)
    }

    /// What the issue asks of it: three endings, a moment, a promise kept later.
    @Test func itHasWhatAScenarioNeeds() throws {
        let checked = try #require(Checker.check(SourceFile(name: "x.scenario", text: Scaffold.scenario(id: "x"))).scenario)
        #expect(Set(Analysis(checked).endings.map(\.outcome)) == [.good, .mixed, .poor])
        #expect(checked.nodes.contains { $0.moment != nil && $0.discuss != nil })
        #expect(checked.promises.map(\.name) == ["callback"])
        #expect(checked.title == "X")
        #expect(Scaffold.title(for: "late_parcel-two") == "Late Parcel Two")
    }

    /// A trainer copies the template's pattern. Its best choice (the one whose own scores add up to
    /// the most, as RP0109 judges) is in a different place at each decision, and a note says why, so
    /// that a copy does not put it in one place everywhere without knowing what the warning is about.
    @Test func theBestChoiceMovesAndTheTemplateSaysWhy() throws {
        let text = Scaffold.scenario(id: "x")
        let checked = try #require(Checker.check(SourceFile(name: "x.scenario", text: text)).scenario)
        let places = checked.nodes.filter { $0.choices.count >= 2 }.map { node in
            let totals = node.choices.map { choice in
                choice.effects.reduce(0) { total, effect in
                    if case .score(_, let delta) = effect { return total + delta }
                    return total
                }
            }
            return totals.firstIndex(of: totals.max()!)!
        }
        #expect(places.count >= 3)
        #expect(Set(places).count == places.count, "the best choice at places \(places)")
        let notes = text.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
        #expect(notes.contains { $0.contains("RP0109") && $0.contains("place") }, "\(notes)")
    }
}
