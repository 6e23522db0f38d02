import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import RapportTesting
import Testing

/// Every scenario in Scenarios/ must check clean (warnings included), pass its walkthrough tests, and
/// meet the library's bar, so a later edit cannot quietly break one.
@Suite struct ShippedScenarioTests {
    static let files: [String] = {
        let folder = Repository.url("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".scenario") }.sorted()
    }()

    static func load(_ name: String) throws -> (SourceFile, CheckedScenario) {
        let data = try Data(contentsOf: Repository.url("Scenarios/\(name)"))
        let source = SourceFile(name: "Scenarios/\(name)", bytes: [UInt8](data))
        let result = Checker.check(source)
        return (source, try #require(result.scenario, "\(name) has errors"))
    }

    @Test func theLibraryHasItsEightScenarios() {
        #expect(
            Set(Self.files) == [
                "system-failure.scenario", "angry-caller.scenario", "delivery-promise.scenario",
                "speak-to-manager.scenario", "bad-news-chat.scenario", "quiet-regular.scenario",
                "little-extra.scenario", "internal-customer.scenario",
            ])
    }

    @Test(arguments: files)
    func checksCleanAndPassesItsTests(_ name: String) throws {
        let (source, _) = try Self.load(name)
        let testsURL = Repository.url("Scenarios/\(name.dropLast(".scenario".count)).tests")
        let testsData = try #require(try? Data(contentsOf: testsURL), "\(name) has no .tests file")
        let tests = SourceFile(name: testsURL.lastPathComponent, bytes: [UInt8](testsData))
        let result = ScenarioTest.run(scenario: source, tests: tests, randomPlaythroughs: 200, seed: 1)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.file):\($0.range.start.line): \($0.message)" })")
        for walk in result.walks {
            #expect(walk.passed, "\(walk.failures.map(\.message))")
        }
        #expect(result.walks.count >= 4, "a best, a worst, a mixed path, and promise kept and broken")
    }

    @Test(arguments: files)
    func meetsTheLibrarysBar(_ name: String) throws {
        let (_, scenario) = try Self.load(name)
        let analysis = Analysis(scenario)
        #expect(Set(analysis.endings.map(\.outcome)) == [.good, .mixed, .poor], "good, mixed and poor endings")
        #expect(analysis.endings.count >= 3)
        for (dimension, range) in zip(scenario.dimensions, analysis.ranges) {
            let spread = (range.best ?? 0) - (range.worst ?? 0)
            #expect(spread >= 4, "\(dimension) spreads \(spread) points; at least 4 wanted")
        }
        // The shortest way to each ending is the fewest decisions any complete path can take.
        let fewest = analysis.endings.map { $0.example.filter { $0.choiceID != nil }.count }.min() ?? 0
        #expect(fewest >= 5, "a complete path with only \(fewest) decisions")
        let decisions = scenario.nodes.filter { !$0.choices.isEmpty }
        let wide = decisions.filter { $0.choices.count >= 3 }.count
        #expect(wide * 2 > decisions.count, "at least three choices at most decisions")
        #expect(!scenario.promises.isEmpty, "at least one promise")
        #expect(scenario.meter != nil, "a customer meter")
        let moments = scenario.nodes.filter { $0.moment != nil }
        #expect(moments.count >= 2, "key decisions marked with moment:")
        #expect(moments.allSatisfy { $0.discuss != nil }, "a discuss: prompt at every moment")
        #expect(scenario.nodes.contains { $0.hint != nil }, "hints at the hard decisions")
        if scenario.channel == .phone || scenario.channel == .chat {
            #expect(scenario.nodes.contains { $0.silence != nil }, "a silence timer on the phone and in chat")
        }
        #expect(scenario.nodes.allSatisfy { $0.choices.allSatisfy { $0.coach != nil } })
    }

    /// A trainee who always presses 1 (or always picks the longest answer) must not do well.
    @Test(arguments: files)
    func theBestChoiceDoesNotGiveItselfAway(_ name: String) throws {
        let (_, scenario) = try Self.load(name)
        let decisions = scenario.nodes.filter { $0.choices.count >= 2 }
        func ownTotal(_ choice: Choice) -> Int {
            choice.effects.reduce(0) { total, effect in
                if case .score(_, let delta) = effect { return total + delta }
                return total
            }
        }
        var bestFirst = 0
        for node in decisions {
            let totals = node.choices.map(ownTotal)
            if let top = totals.max(), totals.firstIndex(of: top) == 0 { bestFirst += 1 }
        }
        #expect(bestFirst * 2 <= decisions.count, "the best choice comes first at \(bestFirst) of \(decisions.count) decisions")
    }

    @Test func everyChannelIsCovered() throws {
        let channels = try Self.files.compactMap { try Self.load($0).1.channel }
        #expect(Set(channels) == Set(Channel.allCases))
    }
}
