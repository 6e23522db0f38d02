import RapportLanguage
import RapportTerminal
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
    }

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
            files: { script.now.mapValues { String($0.hashValue) } },
            check: { path in
                script.checked.append(path)
                guard let text = script.now[path] else { return .unreadable("cannot be read") }
                let source = SourceFile(name: path, text: text)
                return .checked(source, Checker.check(source).diagnostics)
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
}
