import Foundation
import RapportLanguage
import Testing

@Suite struct SourceFileReadingTests {
    static func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-source-\(UUID().uuidString).scenario")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func readsAWholeFile() throws {
        let path = try Self.temporaryFile(minimal)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try SourceFile.read(path)
        #expect(source.name == path)
        #expect(source.bytes == Array(minimal.utf8))
    }

    /// Every offset in a file must fit in 32 bits, so a larger file is refused after one byte more
    /// than the limit, not read whole (the real limit, 4 GB, is set low here).
    @Test(arguments: [(19, true), (20, true), (21, false)])
    func refusesFilesOverTheLimit(limit: Int, refused: Bool) throws {
        let path = try Self.temporaryFile(String(repeating: "a", count: 20) + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        if refused {
            #expect(throws: SourceFile.ReadError.tooLarge(limit: limit)) { try SourceFile.read(path, sizeLimit: limit) }
        } else {
            #expect(try SourceFile.read(path, sizeLimit: limit).bytes.count == 21)
        }
    }

    @Test func readsUpToALimitOnly() throws {
        let path = try Self.temporaryFile(String(repeating: "b", count: 100_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try SourceFile.readBytes(path, atMost: 10).count == 10)
        #expect(try SourceFile.readBytes(path, atMost: 70_000).count == 70_000)
        #expect(try SourceFile.readBytes(path).count == 100_000)
    }

    @Test func refusesWhatIsNotAFile() {
        #expect(throws: SourceFile.ReadError.cannotOpen) { try SourceFile.read("/no/such/file.scenario") }
        #expect(throws: SourceFile.ReadError.cannotOpen) {
            try SourceFile.read(FileManager.default.temporaryDirectory.path)
        }
    }

    #if os(Linux)
        /// Files in /proc say they are empty and are read all the same (the benchmark reads them).
        @Test func readsFilesThatSayTheyAreEmpty() throws {
            #expect(try !SourceFile.readBytes("/proc/self/status").isEmpty)
        }
    #endif

    @Test func sizesAsPeopleSayThem() {
        #expect(SourceFile.describe(bytes: SourceFile.maximumSize) == "4 GB")
        #expect(SourceFile.describe(bytes: 20) == "20 bytes")
    }
}
