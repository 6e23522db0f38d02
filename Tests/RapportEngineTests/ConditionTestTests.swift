import RapportLanguage
import Testing

@testable import RapportEngine

/// The rules test conditions from their own flat lists (`ConditionTest`); every condition must
/// come out as it does when tested directly.
@Suite struct ConditionTestTests {
    /// Every kind of condition: a value against a number with each operator, a number against a
    /// value, two values, yes/no values, promises, visits, and combinations.
    static let source = """
        title: Conditions
        customer: Dana Okafor
        state: mood = 2 (0..4), calm = 1 (0..4), sure = false

        == start
        [if mood == 2] Dana: Equal.
        [if mood != 2] Dana: Not equal.
        [if mood < 2] Dana: Less.
        [if mood <= 2] Dana: Less or equal.
        [if mood > 2] Dana: Greater.
        [if mood >= 2] Dana: Greater or equal.
        [if 3 > mood] Dana: A number first.
        [if mood == calm] Dana: Two values.
        [if sure] Dana: Sure.
        [if not sure] Dana: Not sure.
        [if promised callback] Dana: Promised.
        [if kept callback or broken callback] Dana: Settled.
        [if visited later and mood >= 1] Dana: Been here.
        * [if mood <= 1] Calm down.
          -> later
        * [if sure and not promised callback] Be sure.
          -> later
        * Carry on.
          promise callback: call Dana back
          -> later

        == later
        end good: Done.
        """

    @Test(arguments: 0...4)
    func testsAsTheConditionsDo(mood: Int) throws {
        let result = Checker.check(SourceFile(name: "conditions.scenario", text: Self.source))
        let scenario = try #require(result.scenario, "\(result.diagnostics.map(\.message))")
        let rules = Rules(scenario)
        // Each condition with the test the rules made of it: the steps' in node and step order, and
        // the conditions of the choices that have one.
        var pairs: [(Condition?, ConditionTest)] = []
        for (index, node) in scenario.nodes.enumerated() {
            let first = Int(rules.offers[index].firstStepTest)
            pairs += node.steps.indices.map { (node.steps[$0].condition, rules.tests[first + $0]) }
            let conditioned = node.choices.compactMap(\.condition)
            let firstChoice = Int(rules.offers[index].firstChoiceTest)
            #expect(Int(rules.offers[index].choiceTestCount) == conditioned.count)
            pairs += conditioned.indices.map { (conditioned[$0], rules.tests[firstChoice + $0]) }
        }
        #expect(pairs.compactMap(\.0).count == 15)
        #expect(Set(pairs.map(\.1.kind)) == [.always, .compareToConstant, .flag, .other])
        var state = rules.initialState
        for calm in 0...4 {
            for sure in 0...1 {
                for promise in [PromiseStatus.notMade, .open, .kept, .broken] {
                    for visited in [false, true] {
                        state.values = [mood, calm, sure]
                        state.promises = [promise]
                        state.watchedVisits = [visited]
                        // The first six lines compare mood with 2 by each operator in turn.
                        let expected = [mood == 2, mood != 2, mood < 2, mood <= 2, mood > 2, mood >= 2]
                        for (index, truth) in expected.enumerated() {
                            #expect(rules.holds(pairs[index].1, in: state) == truth, "operator \(index) with mood \(mood)")
                        }
                        for (condition, test) in pairs {
                            #expect(
                                rules.holds(test, in: state) == rules.holds(condition, in: state),
                                "\(String(describing: condition)) with mood \(mood), calm \(calm), sure \(sure)")
                        }
                    }
                }
            }
        }
    }
}
