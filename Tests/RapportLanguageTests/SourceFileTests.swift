import RapportLanguage
import Testing

@Suite struct SourceFileTests {
    @Test func locationsCountCharactersNotBytes() {
        let source = SourceFile(name: "", text: "héllo\n日本 x")
        let location = source.location(ofOffset: Array("héllo\n日本 ".utf8).count)
        #expect(location.line == 2)
        #expect(location.column == 4)
    }

    /// Columns are found from an index of 256-byte blocks: with accented letters, emoji and line
    /// endings falling on and around the blocks' edges, every offset's line and column must be what
    /// counting from the start gives.
    @Test(arguments: [0, 1, 255, 256, 257, 511, 512, 513, 1_000, 4_097])
    func everyOffsetHasTheLineAndColumnCountingGives(length: Int) {
        let pieces = ["é", "\n", "🙂", "a", "\r\n", "Ω", " ", "\n\n"]
        var bytes: [UInt8] = []
        var index = 0
        while bytes.count < length {
            bytes += Array(pieces[(index * 7 + index / 3) % pieces.count].utf8)
            index += 1
        }
        let source = SourceFile(name: "t", bytes: bytes)
        var line = 1
        var column = 1
        for offset in 0...bytes.count {
            #expect(source.location(ofOffset: offset) == SourceLocation(line: line, column: column, offset: offset))
            guard offset < bytes.count else { break }
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
        }
        #expect(source.lineStarts.count == line)
    }
}
