import Foundation
import Testing

/// Golden files: expected output kept beside the tests. Run with `RAPPORT_RECORD=1 swift test` to
/// write them anew on purpose; otherwise a difference fails the test.
public struct Golden: Sendable {
    public let folder: URL

    /// - Parameter testFile: pass `#filePath`; the golden files live in `Golden/` beside it.
    public init(besides testFile: String) {
        folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public static var recording: Bool { ProcessInfo.processInfo.environment["RAPPORT_RECORD"] == "1" }

    public func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    public func read(_ name: String) -> String? {
        try? String(contentsOf: url(name), encoding: .utf8)
    }

    public func assertMatches(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if Self.recording {
            try? FileManager.default.createDirectory(
                at: url(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url(name), atomically: true, encoding: .utf8)
            return
        }
        guard let expected = read(name) else {
            Issue.record("no golden file \(name); run RAPPORT_RECORD=1 swift test to record it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "output differs from golden file \(name)", sourceLocation: sourceLocation)
    }
}

/// The repository's root, for tests that read Scenarios/ and docs/.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}
