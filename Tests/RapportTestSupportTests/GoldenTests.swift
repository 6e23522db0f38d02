import Foundation
import RapportTestSupport
import Testing

/// Golden files must fail on a difference, record only on purpose, say what they rewrote, and never
/// record in CI, where a recording would make every golden test pass whatever the output.
@Suite struct GoldenTests {
    /// The paths a golden announces, in order.
    final class Announced: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ path: String) { lock.withLock { paths.append(path) } }
        var all: [String] { lock.withLock { paths } }
    }

    static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("rapport-golden-\(UUID().uuidString)")
    }

    @Test func aDifferenceOrAMissingFileFails() throws {
        let folder = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let golden = Golden(folder: folder, environment: [:])
        withKnownIssue { golden.assertMatches("text", "missing.txt") }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "expected".write(to: golden.url("file.txt"), atomically: true, encoding: .utf8)
        withKnownIssue { golden.assertMatches("actual", "file.txt") }
        golden.assertMatches("expected", "file.txt")
    }

    @Test func recordingRewritesWhatChangedAndNamesIt() throws {
        let folder = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let announced = Announced()
        let golden = Golden(folder: folder, environment: ["RAPPORT_RECORD": "1"], announce: announced.add)
        golden.assertMatches("one", "sub/a.txt")
        golden.assertMatches("one", "sub/a.txt")
        golden.assertMatches("two", "sub/a.txt")
        #expect(golden.read("sub/a.txt") == "two")
        let path = golden.url("sub/a.txt").path
        #expect(announced.all == [path, path], "written twice, the second time unchanged and not rewritten")
    }

    @Test(arguments: ["true", "1", "yes"])
    func recordingInCIFailsAndWritesNothing(ci: String) {
        let folder = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let announced = Announced()
        let golden = Golden(folder: folder, environment: ["RAPPORT_RECORD": "1", "CI": ci], announce: announced.add)
        withKnownIssue { golden.assertMatches("text", "a.txt") }
        #expect(golden.read("a.txt") == nil)
        #expect(announced.all.isEmpty)
    }

    @Test func recordingIsOffUnlessAskedFor() {
        let folder = Self.scratchFolder()
        for value in ["", "0", "false"] {
            #expect(!Golden(folder: folder, environment: ["RAPPORT_RECORD": value]).recording)
        }
        #expect(!Golden(folder: folder, environment: [:]).recording)
    }

    /// This run itself: however few golden tests a filter selects, recording in CI fails the suite.
    @Test func thisRunDoesNotRecordInCI() {
        let golden = Golden(folder: Self.scratchFolder())
        #expect(!(golden.recording && golden.isInCI), "RAPPORT_RECORD is set in CI")
    }
}
