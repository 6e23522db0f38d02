import Foundation
@testable import RapportLanguage
import RapportTestSupport
import Testing

/// A large file is parsed in two halves at once. Forced onto small files, that must give exactly what
/// one pass gives: the same problems in the same order, and the same checked scenario.
@Suite struct ParsingInHalvesTests {
    static let files: [String] = {
        let manager = FileManager.default
        let folders = ["Scenarios", "Tests/RapportTestingTests/Golden/Diagnostics"]
        return folders.flatMap { folder in
            ((try? manager.contentsOfDirectory(atPath: Repository.url(folder).path)) ?? [])
                .filter { $0.hasSuffix(".scenario") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    func source(_ path: String) throws -> SourceFile {
        SourceFile(name: path, bytes: [UInt8](try Data(contentsOf: Repository.url(path))))
    }

    func described(_ result: CheckResult) -> String {
        var text = ""
        dump(result.diagnostics, to: &text)
        dump(result.scenario, to: &text)
        return text
    }

    @Test(arguments: files)
    func halvesGiveWhatOnePassGives(path: String) throws {
        let source = try source(path)
        let onePass = Checker.check(source, halvesThreshold: .max)
        let halves = Checker.check(source, halvesThreshold: 0)
        #expect(described(halves) == described(onePass))
    }

    /// The line index in two halves: the same line starts, and the same line and column for every
    /// byte, with accented letters, emoji and line endings falling on and around the split.
    @Test(arguments: [511, 512, 513, 1_000, 4_097])
    func theLineIndexInHalvesMatchesOnePass(length: Int) {
        let pieces = ["é", "\n", "🙂", "a", "\r\n", "Ω", " ", "\n\n"]
        var bytes: [UInt8] = []
        var index = 0
        while bytes.count < length {
            bytes += Array(pieces[(index * 7 + index / 3) % pieces.count].utf8)
            index += 1
        }
        let onePass = SourceFile(name: "t", bytes: bytes, halvesThreshold: .max)
        let halves = SourceFile(name: "t", bytes: bytes, halvesThreshold: 0)
        #expect(halves.lineStarts == onePass.lineStarts)
        #expect((0...bytes.count).allSatisfy { halves.location(ofOffset: $0) == onePass.location(ofOffset: $0) })
    }

    @Test func theBundledScenariosReallyAreSplit() throws {
        let bundled = Self.files.filter { $0.hasPrefix("Scenarios/") }
        #expect(bundled.count >= 8)
        for path in bundled {
            let source = try source(path)
            let split = try #require(Parser.lineToSplitAt(in: source))
            #expect(split > source.lineStarts.count / 2 - 1)
        }
    }

    /// Problems on both sides of the split, with names used before and after they are defined, "did
    /// you mean" suggestions in both halves, and state, promises and dimensions used only in the
    /// second half (so the warnings about unused ones depend on joining what both halves saw).
    @Test func problemsOnBothSidesComeOutInFileOrder() {
        var text = """
            title: T
            customer: Dana
            dimensions: respect, empathy, late-one
            state: mood = 1 (0..3), late = false
            promises: kept +2

            """
        for index in 0..<40 {
            let secondHalf = index >= 20
            text += """
                == n\(index)
                \(index % 5 == 0 ? "Dama" : "Dana"): Line \(index).
                * Choice \(index)
                  score: empathy +1, respct -1\(secondHalf ? ", late-one +1" : "")
                  set: mood += 1, nope = 2, moood = 1
                  promise p\(index % 3): something \(index)
                  keep: p\((index + 1) % 3), pp\(index % 3)
                  coach: Why.
                  -> n\(index + 1)
                * [if \(secondHalf ? "late" : "mood > 9")] Other \(index)
                  coach: Why not.
                  -> nn\(index + 1)

                """
        }
        text += "== n40\n[if promised late-promise] Dana: Hm.\nend good: Done.\n"
        let source = SourceFile(name: "t.scenario", text: text)
        let onePass = Checker.check(source, halvesThreshold: .max)
        let halves = Checker.check(source, halvesThreshold: 0)
        #expect(onePass.diagnostics.count > 200)
        #expect(onePass.diagnostics.filter { $0.fixIt != nil }.count > 100)
        #expect(described(halves) == described(onePass))
    }
}
