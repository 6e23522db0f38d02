import RapportLanguage
import RapportTerminal
import RapportTesting
import Testing

/// `check --watch` driven with no files and no clock: each "look" is a step of a script, saying which
/// files there are and what each holds; the loop stops when the script ends.
@Suite struct CheckWatchTests {
    /// One file's text at each look; nil where the file is not there.
    final class Script {
        var looks: [[String: String]]
        var index = 0
        var checked: [String] = []

        init(_ looks: [[String: String]]) { self.looks = looks }

        var now: [String: String] { looks[min(index, looks.count - 1)] }
        /// The tests files (`NAME.tests`) at this look.
        var tests: [String: String] { now.filter { $0.key.hasSuffix(".tests") } }
    }

    /// A walk of `clean` that passes: the conversation ends well.
    static let walk = "== hello\nchoose: Hello\nexpect ending: good\n"

    static let clean = """
        title: T
        customer: Dana
        == start
        * Hello.
          coach: c
          -> done
        == done
        end good: ok
        """

    func watch(_ script: Script) -> String {
        var watcher = CheckWatch(
            files: {
                // A scenario's stamp changes when it or its tests file is saved, as the real files' do.
                let scenarios = script.now.filter { $0.key.hasSuffix(".scenario") }
                return Dictionary(uniqueKeysWithValues: scenarios.map { path, text in
                    (path, String(text.hashValue) + " " + String(script.tests[WalkthroughFile.path(besideScenario: path)]?.hashValue ?? 0))
                })
            },
            check: { path in
                script.checked.append(path)
                guard let text = script.now[path] else { return .unreadable("cannot be read") }
                let source = SourceFile(name: path, text: text)
                let checked = Checker.check(source)
                // The walks of the tests file beside it, when the script has one, as `check --watch` runs them.
                let testsName = WalkthroughFile.path(besideScenario: path)
                guard let testsText = script.tests[testsName] else { return .checked(source, checked.diagnostics) }
                let tests = SourceFile(name: testsName, text: testsText)
                guard let scenario = checked.scenario else {
                    return .checked(source, checked.diagnostics, walks: .init(source: tests, problems: nil, count: 0, failed: 0))
                }
                let walked = ScenarioTest.walk(tests, on: scenario)
                return .checked(
                    source, checked.diagnostics,
                    walks: .init(
                        source: tests, problems: walked.problems + walked.walks.flatMap(\.failures), count: walked.walks.count,
                        failed: walked.walks.filter { !$0.passed }.count))
            },
            waitForNextLook: {
                script.index += 1
                return script.index < script.looks.count
            },
            output: BufferOutput(), colour: false)
        watcher.run()
        return watcher.output.text
    }

    @Test func theFirstLookPrintsEverything() {
        let text = watch(Script([["a.scenario": Self.clean.replacingOccurrences(of: "-> done", with: "-> dnoe")]]))
        #expect(text.hasPrefix("a.scenario:6:6: error[RP0003]: no node named 'dnoe'"))
        #expect(text.contains("Checked 1 file: 1 error and 0 warnings.\nWatching 1 file for changes. Ctrl-C stops.\n"))
        #expect(text.hasSuffix("Stopped watching.\n"))
    }

    @Test func aSaveShowsOnlyWhatChanged() {
        let broken = Self.clean.replacingOccurrences(of: "-> done", with: "-> dnoe")
        let script = Script([["a.scenario": Self.clean], ["a.scenario": broken], ["a.scenario": broken], ["a.scenario": Self.clean]])
        let text = watch(script)
        let afterStart = text.components(separatedBy: "Ctrl-C stops.\n")[1]
        #expect(afterStart == """

            a.scenario saved: 1 new; now 1 error and 0 warnings

            a.scenario:6:6: error[RP0003]: no node named 'dnoe'
             6 |   -> dnoe
               |      ^~~~ did you mean 'done'?
               = help: each '->' must name a node that starts with '== dnoe'


            a.scenario saved: 1 fixed; now no problems
              fixed: a.scenario:6:6: error[RP0003]: no node named 'dnoe'
            Stopped watching.

            """)
        // The look where nothing was saved checked nothing.
        #expect(script.checked == ["a.scenario", "a.scenario", "a.scenario"])
    }

    /// A line added above a problem moves it down; it is the same problem, not a fixed one and a new one.
    @Test func aProblemThatMovesIsNotNew() {
        let broken = Self.clean.replacingOccurrences(of: "-> done", with: "-> dnoe")
        let moved = broken.replacingOccurrences(of: "== start\n", with: "== start\nDana: Hello?\n")
        let text = watch(Script([["a.scenario": broken], ["a.scenario": moved]]))
        #expect(text.contains("a.scenario saved: no change (1 error and 0 warnings)\n"))
    }

    @Test func filesThatComeAndGo() {
        let text = watch(Script([["a.scenario": Self.clean], ["a.scenario": Self.clean, "b.scenario": Self.clean], ["a.scenario": Self.clean]]))
        #expect(text.contains("\nb.scenario is new: no problems found\n"))
        #expect(text.contains("\nb.scenario is gone.\n"))
    }

    /// `check --watch` said "no problems" while every walk of the scenario failed: it never ran them.
    /// They are run at the first look, and counted.
    @Test func theFirstLookRunsTheWalks() {
        let failing = Self.walk.replacingOccurrences(of: "good", with: "poor")
        let text = watch(Script([["a.scenario": Self.clean, "a.tests": failing]]))
        #expect(text.hasPrefix("a.tests:3:1: error[RP0301]: hello: expected a poor ending, but it ended good: ok\n"))
        #expect(text.contains("a.tests: 1 of 1 walk fails\nChecked 2 files: 1 error and 0 warnings.\nWatching 2 files for changes."))
        let passing = watch(Script([["a.scenario": Self.clean, "a.tests": Self.walk + "\n" + Self.walk]]))
        #expect(passing.hasPrefix("a.tests: 2 walks, all pass\nChecked 2 files: no problems found.\n"))
    }

    /// A save of the scenario that breaks a walk says so under the tests file's name ("walked
    /// again"); a save that changes nothing the walks find says nothing of them; saving the tests
    /// file says it was saved, and not the scenario.
    @Test func aSaveShowsOnlyWhatChangedInTheWalks() {
        let otherEnding = Self.clean.replacingOccurrences(of: "end good: ok", with: "end poor: not ok")
        let comment = "// a note\n" + Self.clean
        let script = Script([
            ["a.scenario": Self.clean, "a.tests": Self.walk],
            ["a.scenario": comment, "a.tests": Self.walk],
            ["a.scenario": otherEnding, "a.tests": Self.walk],
            ["a.scenario": otherEnding, "a.tests": Self.walk.replacingOccurrences(of: "good", with: "poor")],
        ])
        let afterStart = watch(script).components(separatedBy: "Ctrl-C stops.\n")[1]
        #expect(afterStart == """

            a.scenario saved: no change (no problems)

            a.scenario saved: no change (no problems)

            a.tests walked again: 1 new; now 1 error and 0 warnings

            a.tests:3:1: error[RP0301]: hello: expected a good ending, but it ended poor: not ok
             3 | expect ending: good
               | ^


            a.tests saved: 1 fixed; now no problems
              fixed: a.tests:3:1: error[RP0301]: hello: expected a good ending, but it ended poor: not ok
            Stopped watching.

            """)
    }

    /// While the scenario has errors its walks cannot run: they are not counted as fixed, and once
    /// it is mended they are compared with the last walks that ran.
    @Test func aBrokenScenarioIsNotWalked() {
        let broken = Self.clean.replacingOccurrences(of: "-> done", with: "-> dnoe")
        let failing = Self.walk.replacingOccurrences(of: "good", with: "poor")
        let script = Script([
            ["a.scenario": Self.clean, "a.tests": failing],
            ["a.scenario": broken, "a.tests": failing],
            ["a.scenario": broken, "a.tests": failing + "\n"],
            ["a.scenario": Self.clean, "a.tests": failing + "\n"],
        ])
        let afterStart = watch(script).components(separatedBy: "Ctrl-C stops.\n")[1]
        #expect(afterStart.contains("a.scenario saved: 1 new; now 1 error and 0 warnings"))
        #expect(afterStart.contains("a.tests saved: not walked while a.scenario has errors\n"))
        #expect(afterStart.contains("a.scenario saved: 1 fixed; now no problems"))
        #expect(!afterStart.contains("RP0301"), "the walk failed before the scenario broke and after it was mended: no change")
        let noTestsAtFirst = watch(Script([["a.scenario": broken, "a.tests": failing]]))
        #expect(noTestsAtFirst.contains("a.tests: not walked while a.scenario has errors\nChecked 1 file: 1 error and 0 warnings."))
    }

    @Test func aTestsFileThatComesAndGoes() {
        let text = watch(Script([["a.scenario": Self.clean], ["a.scenario": Self.clean, "a.tests": Self.walk], ["a.scenario": Self.clean]]))
        let afterStart = text.components(separatedBy: "Ctrl-C stops.\n")[1]
        #expect(afterStart == "\na.tests is new: no problems found\n\na.tests is gone.\nStopped watching.\n")
    }
}
