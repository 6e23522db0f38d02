import Foundation
import RapportLanguage
import Testing

@testable import RapportCLI

@Suite struct ScenarioFilesTests {
    /// What `rapport` says of a file too large to be a scenario (the real limit, 4 GB, is set low).
    @Test(arguments: [(20, true), (21, false)])
    func saysWhenAFileIsTooLarge(limit: Int, refused: Bool) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-read-\(UUID().uuidString).scenario")
        try Data((String(repeating: "a", count: 20) + "\n").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            let source = try ScenarioFiles.read(url.path, sizeLimit: limit)
            #expect(!refused)
            #expect(source.bytes.count == 21)
        } catch {
            #expect(refused)
            #expect(error.description == "\(url.path): is too large to be a scenario (Rapport reads files of up to 20 bytes)")
        }
    }

    @Test func saysWhenAFileCannotBeRead() {
        #expect(throws: ScenarioFiles.ReadError.self) { try ScenarioFiles.read("/no/such/file.scenario") }
    }
}
