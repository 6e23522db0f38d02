import Foundation
import Testing

/// Golden files: expected output kept beside the tests. Run with `RAPPORT_RECORD=1 swift test` to
/// write them anew on purpose; each file whose text changed is rewritten and named on standard error,
/// so the recording can be read before it is committed. Otherwise a difference fails the test.
/// Recording is refused where the environment says `CI`: there it would pass whatever the output.
public struct Golden: Sendable {
    public let folder: URL
    let environment: [String: String]
    /// Told the path of every file rewritten while recording.
    let announce: @Sendable (String) -> Void

    /// - Parameter testFile: pass `#filePath`; the golden files live in `Golden/` beside it.
    public init(besides testFile: String) {
        self.init(folder: URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden"))
    }

    /// - Parameters:
    ///   - environment: where `RAPPORT_RECORD` and `CI` are read; the process's, but for tests of this.
    ///   - announce: by default, a line on standard error.
    public init(
        folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        announce: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data("recorded \($0)\n".utf8)) }
    ) {
        self.folder = folder
        self.environment = environment
        self.announce = announce
    }

    /// Set, and neither empty, `0` nor `false`.
    func isOn(_ variable: String) -> Bool {
        guard let value = environment[variable] else { return false }
        return !["", "0", "false"].contains(value.lowercased())
    }

    public var recording: Bool { isOn("RAPPORT_RECORD") }
    public var isInCI: Bool { isOn("CI") }

    public func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    public func read(_ name: String) -> String? {
        try? String(contentsOf: url(name), encoding: .utf8)
    }

    public func assertMatches(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            guard !isInCI else {
                Issue.record(
                    "RAPPORT_RECORD is set in CI: golden files are recorded on purpose on a developer's machine, never in CI",
                    sourceLocation: sourceLocation)
                return
            }
            guard read(name) != actual else { return }
            do {
                try FileManager.default.createDirectory(
                    at: url(name).deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url(name), atomically: true, encoding: .utf8)
                announce(url(name).path)
            } catch {
                Issue.record("cannot record \(url(name).path): \(error)", sourceLocation: sourceLocation)
            }
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
