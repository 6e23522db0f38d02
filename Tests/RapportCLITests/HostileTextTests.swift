import Foundation
import RapportLanguage
import RapportTestSupport
import Testing

/// Outside text that tries to drive the terminal or disguise itself (escape sequences, control,
/// direction and zero-width characters) in every place it can come from: file names, a walkthrough's
/// walk names, a scenario's text, what the facilitator types, the command line. Whatever a command
/// prints, no line of it may hold anything the sanitiser would change; and what it looks like
/// instead is recorded in Golden/Hostile.
@Suite(.serialized) struct HostileTextTests {
    static let golden = Golden(besides: #filePath)

    /// A folder with a scenario whose file name holds a window-title sequence, a colour and a
    /// right-to-left override; its tests file, whose walk names hold more; and a scenario with errors
    /// whose name holds a zero-width space and whose problems quote a C1 control sequence.
    struct Folder {
        let url: URL
        var path: String { url.path }
        let scenario: String
        let broken: String

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-hostile-\(getpid())")
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            let base = url.appendingPathComponent("\u{1B}]0;pwned\u{7}\u{1B}[31mred\u{202E}evil").path
            scenario = base + ".scenario"
            broken = url.appendingPathComponent("broken\u{1B}[1m\u{200B}.scenario").path
            try Self.write(
                """
                title: Hostile \u{1B}[31mnames\u{1B}[0m
                customer: Dana Okafor
                summary: A \u{202E}reversed summary\u{202C} and a zero\u{200B}width space.

                == start
                Dana: I was charged twice\u{200B}.
                * I'm sorry, I'll refund it now.
                  score: respect +1
                  coach: Good\u{9B}2J.
                  -> done
                * Not my problem.
                  score: respect -1
                  coach: Bad.
                  -> gone

                == done
                end good: Refunded.

                == gone
                end poor: Gone.

                """, to: scenario)
            try Self.write(
                """
                == best\u{1B}[2J path \u{202E}evil
                choose: 1
                expect ending: good

                == fails \u{1B}]0;title\u{7}here\u{200F}
                choose: 2
                expect ending: good\u{7F}

                """, to: String(scenario.dropLast("scenario".count)) + "tests")
            try Self.write(
                "title: Broken\ncustomer: Dana Okafor\n== start\nDana: hi\n-> lo\u{9B}okup\n", to: broken)
        }

        static func write(_ text: String, to path: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }

        /// The output with the folder's own path, which differs from run to run, as DIR.
        func record(_ result: Rapport.Result) -> String {
            "exit \(result.status)\n--- output\n\(result.output)--- errors\n\(result.errors)"
                .replacingOccurrences(of: path, with: "DIR")
        }

        func remove() { try? FileManager.default.removeItem(at: url) }
    }

    /// Each line of `text` that the sanitiser would still change: none, if nothing escaped.
    static func unsafeLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { Sanitizer.firstChange(in: $0) != nil }
            .map { $0.debugDescription }
    }

    static func expectNothingEscapes(_ result: Rapport.Result, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(unsafeLines(result.output).isEmpty, "\(unsafeLines(result.output))", sourceLocation: sourceLocation)
        #expect(unsafeLines(result.errors).isEmpty, "\(unsafeLines(result.errors))", sourceLocation: sourceLocation)
    }

    @Test func checkShowsNamesAndTextSafely() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let result = try Rapport.run(["check", folder.path])
        Self.expectNothingEscapes(result)
        #expect(result.output.contains("DIR/red<U+202E>evil.scenario".replacingOccurrences(of: "DIR", with: folder.path)))
        Self.golden.assertMatches(folder.record(result), "Hostile/check.txt")
    }

    /// JSON keeps the names exactly (a script must find the files), with nothing raw in it.
    @Test func checkAsJSONEscapesWhatTheEncoderLeavesRaw() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let result = try Rapport.run(["check", "--format", "json", folder.path])
        Self.expectNothingEscapes(result)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(json["files"] as? [String] == [folder.scenario, folder.broken])
        let messages = (json["diagnostics"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(messages.contains { $0.contains("lo\u{9B}okup") })
        Self.golden.assertMatches(folder.record(result), "Hostile/check-json.txt")
    }

    @Test func testShowsWalkNamesSafely() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let result = try Rapport.run(["test", "--random", "5", folder.scenario])
        Self.expectNothingEscapes(result)
        #expect(result.output.contains("PASS best path <U+202E>evil"))
        Self.golden.assertMatches(folder.record(result), "Hostile/test.txt")
    }

    @Test func analyzeShowsTheFileSafely() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let result = try Rapport.run(["analyze", folder.scenario])
        Self.expectNothingEscapes(result)
        Self.golden.assertMatches(folder.record(result), "Hostile/analyze.txt")
        let json = try Rapport.run(["analyze", "--format", "json", folder.scenario])
        Self.expectNothingEscapes(json)
    }

    /// The menu of `rapport --scenarios DIR`: the scenario's title and summary, and the file with
    /// errors that is skipped, named on standard error. Only the folder's entry is recorded, from its
    /// title on: the bundled scenarios' entries above it change whenever a writer edits them.
    @Test func menuShowsTitlesAndSkippedFilesSafely() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let result = try Rapport.run(["--scenarios", folder.path], input: ":quit\n")
        Self.expectNothingEscapes(result)
        let entry = try #require(result.output.range(of: "Hostile names"))
        let shown = result.output[entry.lowerBound...]
        Self.golden.assertMatches(
            folder.record(Rapport.Result(status: result.status, output: String(shown), errors: result.errors)), "Hostile/menu.txt")
    }

    /// A file with errors named for `play`: its diagnostics and the line that stops the command.
    @Test func playingABrokenFileNamesItSafely() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let result = try Rapport.run(["play", folder.broken])
        #expect(result.status == 1)
        Self.expectNothingEscapes(result)
    }

    /// A vote the facilitator typed with an escape sequence and a NUL in it is echoed in its error
    /// with the NUL shown as its code, not as a baffling "'A' is not an option"; team names given
    /// with escape sequences are shown without them.
    @Test func facilitatorInputIsEchoedSafely() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let state = folder.url.appendingPathComponent("state")
        let tally = try Rapport.run(
            ["facilitate", folder.scenario], input: "A\u{1B}[2J\u{0}\n:end\n", environment: ["XDG_STATE_HOME": state.path])
        Self.expectNothingEscapes(tally)
        #expect(tally.output.contains("'A<U+0000>' is not an option here"))
        // Team names with escape sequences are refused on the command line, and the refusal quotes
        // them safely (names edited into a saved session are shown safely: FacilitatorRunTests).
        let teams = try Rapport.run(
            ["facilitate", folder.scenario, "--restart", "--teams", "Red\u{1B}[41m,Blue\u{202E}"],
            input: "Green\u{1B}[41m A\n:end\n", environment: ["XDG_STATE_HOME": state.path])
        Self.expectNothingEscapes(teams)
        #expect(teams.status == 64)
        #expect(teams.errors.contains("the team name 'Red' holds a control or invisible character"))
        let typed = try Rapport.run(
            ["facilitate", folder.scenario, "--restart", "--teams", "Red,Blue"],
            input: "Green\u{1B}[41m A\n:end\n", environment: ["XDG_STATE_HOME": state.path])
        Self.expectNothingEscapes(typed)
        #expect(typed.output.contains("'Green' is not a team"))
    }

    /// ArgumentParser's messages quote the arguments, which a glob can fill with any file name.
    @Test func usageErrorsQuoteArgumentsSafely() throws {
        let result = try Rapport.run(["check", "--\u{1B}]0;pwned\u{7}x\u{202E}"])
        #expect(result.status == 64)
        Self.expectNothingEscapes(result)
        #expect(result.errors.contains("<U+202E>"))
    }
}
