/// A scenario's text, kept as UTF-8 bytes with an index of where each line starts, so any byte offset
/// can be turned into a 1-based line and column in time proportional to log(lines).
public struct SourceFile: Sendable {
    /// The name shown in diagnostics, usually the path as the user typed it.
    public let name: String
    /// The file's bytes, exactly as read (a byte order mark, if any, included).
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; always starts with 0. In 32 bits (files are
    /// smaller than `maximumSize`): at a line every 40 bytes, the index is a fifth of the file's size.
    public let lineStarts: [UInt32]
    /// Number of UTF-8 continuation bytes before each 256-byte block, so that a column can be found
    /// without scanning a whole (possibly huge) line.
    private let continuationsBeforeBlock: [Int]

    public init(name: String, bytes: [UInt8]) {
        self.init(name: name, bytes: bytes, halvesThreshold: Self.halvesThreshold)
    }

    /// The largest file Rapport reads: 4 GB less a byte, so that every offset in it fits in 32 bits,
    /// as `Span`, the line index and `ScenarioText` keep them. The command line refuses a larger file
    /// before making a `SourceFile` of it.
    public static let maximumSize = Int(UInt32.max)

    /// `halvesThreshold`: from this size up, the line index is built in two halves at once (tests set
    /// it low, to compare the two ways on small files).
    init(name: String, bytes: [UInt8], halvesThreshold: Int) {
        precondition(bytes.count <= Self.maximumSize, "a scenario file of 4 GB or more")
        self.name = name
        self.bytes = bytes
        let index: LineIndex
        if bytes.count >= halvesThreshold, bytes.count >= 512 {
            // The second half on another thread: a block is a whole number of words, and the halves
            // are whole blocks, so each half is scanned exactly as one pass would scan it.
            let middle = (bytes.count / 2) & ~255
            let second = BackgroundJob { LineIndex(bytes, middle..<bytes.count) }
            index = LineIndex(bytes, 0..<middle).followed(by: second.wait())
        } else {
            index = LineIndex(bytes, 0..<bytes.count)
        }
        self.lineStarts = index.lineStarts
        self.continuationsBeforeBlock = index.continuationsBeforeBlock + [index.continuations]
    }

    /// Files from this size up are read on two processors: the line index here, then the parse
    /// (`ParsingInHalves`) and the checking of the nodes (`CheckingInHalves`), each in two halves at
    /// once. Below it, starting a thread costs more than it saves.
    public static let halvesThreshold = 2 << 20

    /// Where the lines start in part of a file, and the UTF-8 continuation bytes before each 256-byte
    /// block of it.
    struct LineIndex: Sendable {
        /// Offsets after each newline in the part; the whole file's index also starts with 0.
        var lineStarts: [UInt32]
        /// Continuation bytes before each block, counted from the start of the part.
        var continuationsBeforeBlock: [Int]
        /// Continuation bytes in the whole part.
        var continuations = 0

        init(_ bytes: [UInt8], _ part: Range<Int>) {
            lineStarts = part.lowerBound == 0 ? [0] : []
            lineStarts.reserveCapacity(part.count / 32 + 1)
            continuationsBeforeBlock = []
            continuationsBeforeBlock.reserveCapacity(part.count / 256 + 2)
            var continuations = 0
            // One pass over raw memory, a 256-byte block at a time: indexing the array and testing
            // the block boundary for every byte cost several times as much.
            bytes.withUnsafeBufferPointer { buffer in
                var blockStart = part.lowerBound
                while blockStart < part.upperBound {
                    continuationsBeforeBlock.append(continuations)
                    let blockEnd = min(blockStart + 256, part.upperBound)
                    var offset = blockStart
                    // Eight bytes at a time: continuation bytes (10xxxxxx) are counted with a mask,
                    // and only a word holding a newline (an exact zero-byte test) is looked at byte
                    // by byte. A block is a whole number of words, so no word spans two blocks.
                    if let base = buffer.baseAddress {
                        while offset + 8 <= blockEnd {
                            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                            let newline = word ^ 0x0A0A_0A0A_0A0A_0A0A
                            if (newline &- 0x0101_0101_0101_0101) & ~newline & 0x8080_8080_8080_8080 != 0 {
                                for byteOffset in offset..<(offset + 8) where buffer[byteOffset] == UInt8(ascii: "\n") {
                                    lineStarts.append(UInt32(truncatingIfNeeded: byteOffset + 1))
                                }
                            }
                            offset += 8
                        }
                    }
                    while offset < blockEnd {
                        let byte = buffer[offset]
                        if byte & 0xC0 == 0x80 { continuations += 1 }
                        if byte == UInt8(ascii: "\n") { lineStarts.append(UInt32(truncatingIfNeeded: offset + 1)) }
                        offset += 1
                    }
                    blockStart = blockEnd
                }
            }
            self.continuations = continuations
        }

        /// This part's index followed by the next part's.
        func followed(by next: LineIndex) -> LineIndex {
            var joined = self
            joined.lineStarts.reserveCapacity(lineStarts.count + next.lineStarts.count)
            joined.lineStarts += next.lineStarts
            joined.continuationsBeforeBlock.reserveCapacity(continuationsBeforeBlock.count + next.continuationsBeforeBlock.count)
            joined.continuationsBeforeBlock += next.continuationsBeforeBlock.map { $0 + continuations }
            joined.continuations += next.continuations
            return joined
        }
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The text of the file (invalid UTF-8 replaced), for hashing and display.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// 1-based line number containing the byte offset.
    public func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(lineStarts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Location of a byte offset. Columns count Unicode scalars, not bytes, so that an accented letter
    /// or an emoji before the problem does not push the column out.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(ofOffset: clamped)
        let start = Int(lineStarts[line - 1])
        let column = (clamped - start) - (continuations(before: clamped) - continuations(before: start)) + 1
        return SourceLocation(line: line, column: column, offset: clamped)
    }

    private func continuations(before offset: Int) -> Int {
        let block = offset >> 8
        var count = continuationsBeforeBlock[block]
        var index = block << 8
        while index < offset {
            if bytes[index] & 0xC0 == 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    public func range(from start: Int, to end: Int) -> SourceRange {
        SourceRange(start: location(ofOffset: start), end: location(ofOffset: max(start, end)))
    }

    /// Byte range of a 1-based line, without its line ending.
    public func byteRange(ofLine line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 1-based line, without its line ending.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[byteRange(ofLine: line)], as: UTF8.self)
    }
}

/// A position in a source file: 1-based line and column (in Unicode scalars), plus the byte offset.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public let line: Int
    public let column: Int
    public let offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}

/// A half-open span of source text.
public struct SourceRange: Sendable, Hashable, Codable {
    public let start: SourceLocation
    public let end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }
}
