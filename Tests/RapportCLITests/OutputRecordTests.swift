import Foundation
import RapportTestSupport
import Testing

/// Everything a user sees from the commands, recorded for every bundled scenario and for the fixture
/// scenarios under `Tests/Fixtures` (which touch every construct of the language): `check` and
/// `analyze` as text and JSON, `test` with seeded random runs, a scripted `play` with its JSON
/// transcript, and a scripted `facilitate` with its handout. These hold the program's behaviour still
/// while its insides change; a difference is either a bug or a change to re-record on purpose.
@Suite(.serialized) struct OutputRecordTests {
    static let golden = Golden(besides: #filePath)

    static let scenarios: [String] =
        [
            "angry-caller", "bad-news-chat", "delivery-promise", "internal-customer", "little-extra", "quiet-regular",
            "speak-to-manager", "system-failure",
        ].map { "Scenarios/\($0).scenario" } + ["Tests/Fixtures/constructs.scenario", "Tests/Fixtures/no-follow-through.scenario"]

    static func name(_ path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    /// A run's output with its exit status, as recorded.
    static func record(_ result: Rapport.Result) -> String {
        "exit \(result.status)\n--- output\n\(result.output)--- errors\n\(result.errors)"
    }

    static func scratch(_ label: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-record-\(label)-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    @Test(arguments: scenarios) func checkAndAnalyze(path: String) throws {
        let name = Self.name(path)
        for (label, arguments) in [
            ("check", ["check", path]), ("check-json", ["check", "--format", "json", path]),
            ("analyze", ["analyze", path]), ("analyze-json", ["analyze", "--format", "json", path]),
            ("test", ["test", "--random", "50", "--seed", "1", path]),
        ] {
            Self.golden.assertMatches(Self.record(try Rapport.run(arguments)), "Outputs/\(name)/\(label).txt")
        }
    }

    /// Two scripted learners: one who always takes the first choice (with a transcript), and one who
    /// types 2 at every prompt in plain mode (invalid where there is one choice, until input runs out).
    @Test(arguments: scenarios) func play(path: String) throws {
        let name = Self.name(path)
        let transcript = Self.scratch("\(name).json")
        let first = try Rapport.run(["play", path, "--json", transcript.path], input: String(repeating: "1\n", count: 40))
        Self.golden.assertMatches(Self.record(first), "Outputs/\(name)/play-first.txt")
        Self.golden.assertMatches(try String(contentsOf: transcript, encoding: .utf8), "Outputs/\(name)/play-first.json")
        try? FileManager.default.removeItem(at: transcript)

        let second = try Rapport.run(["play", path, "--plain"], input: String(repeating: "2\n", count: 40))
        Self.golden.assertMatches(Self.record(second), "Outputs/\(name)/play-second-plain.txt")
    }

    /// A room that votes two for A and one for B at every decision, reveals, and goes on.
    @Test(arguments: scenarios) func facilitate(path: String) throws {
        let name = Self.name(path)
        let state = Self.scratch("\(name)-state")
        let export = Self.scratch("\(name)-export")
        defer {
            try? FileManager.default.removeItem(at: state)
            try? FileManager.default.removeItem(at: export)
        }
        let result = try Rapport.run(
            ["facilitate", path, "--export", export.path], input: String(repeating: "A2 B1\n\n\n", count: 20),
            environment: ["XDG_STATE_HOME": state.path])
        let output = Self.record(result).replacingOccurrences(of: export.path, with: "EXPORT")
        Self.golden.assertMatches(output, "Outputs/\(name)/facilitate.txt")
        for file in ["handout.html", "handout.md", "session.json"] {
            let text = (try? String(contentsOf: export.appendingPathComponent(file), encoding: .utf8)) ?? "(not written)"
            Self.golden.assertMatches(text, "Outputs/\(name)/facilitate-\(file)")
        }
    }
}
