import Foundation
import RapportLanguage
import Testing

@testable import RapportCLI

@Suite struct ScenarioFilesTests {
    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-read-\(UUID().uuidString).scenario")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Every offset in a file must fit in 32 bits, so a larger file is refused before it is read
    /// whole (the real limit, 4 GB, is set low here).
    @Test(arguments: [(19, true), (20, true), (21, false)])
    func refusesFilesOverTheLimit(limit: Int, refused: Bool) throws {
        let path = try Self.temporaryFile(String(repeating: "a", count: 20) + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let source = try ScenarioFiles.read(path, sizeLimit: limit)
            #expect(!refused)
            #expect(source.bytes.count == 21 && limit >= 21)
        } catch {
            #expect(refused)
            #expect(error.description == "\(path): is too large to be a scenario (Rapport reads files of up to \(limit) bytes)")
        }
    }

    @Test func theRealLimitIsFourGigabytes() {
        #expect(ScenarioFiles.describe(bytes: SourceFile.maximumSize) == "4 GB")
    }

    @Test func readsUpToTheLimitOnly() throws {
        let path = try Self.temporaryFile(String(repeating: "b", count: 1_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(ScenarioFiles.readBytes(path, atMost: 10)?.count == 10)
        #expect(ScenarioFiles.readBytes(path)?.count == 1_000)
    }
}
