/// A scenario's text, kept as UTF-8 bytes with an index of where each line starts, so any byte offset
/// can be turned into a 1-based line and column in time proportional to log(lines).
public struct SourceFile: Sendable {
    /// The name shown in diagnostics, usually the path as the user typed it.
    public let name: String
    /// The file's bytes, exactly as read (a byte order mark, if any, included).
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; always starts with 0.
    public let lineStarts: [Int]
    /// Number of UTF-8 continuation bytes before each 256-byte block, so that a column is found
    /// without counting from the start of its line: a file of one huge line with thousands of
    /// problems on it must still take time in proportion to its size.
    private let continuationsBeforeBlock: [Int]

    /// The largest file Rapport reads: 4 GB less a byte, so that every offset in it fits in 32 bits,
    /// as `ScenarioText` keeps them. The command line refuses a larger file before making a
    /// `SourceFile` of it.
    public static let maximumSize = Int(UInt32.max)

    public init(name: String, bytes: [UInt8]) {
        precondition(bytes.count <= Self.maximumSize, "a scenario file of 4 GB or more")
        self.name = name
        self.bytes = bytes
        var lineStarts = [0]
        var continuationsBeforeBlock: [Int] = []
        var continuations = 0
        for (offset, byte) in bytes.enumerated() {
            if offset % 256 == 0 { continuationsBeforeBlock.append(continuations) }
            if byte & 0xC0 == 0x80 { continuations += 1 }
            if byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
        }
        // One more, for the block that starts at the end when the size is a multiple of 256.
        continuationsBeforeBlock.append(continuations)
        self.lineStarts = lineStarts
        self.continuationsBeforeBlock = continuationsBeforeBlock
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
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// Location of a byte offset. Columns count Unicode scalars, not bytes, so that an accented letter
    /// or an emoji before the problem does not push the column out.
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let line = line(ofOffset: clamped)
        let start = lineStarts[line - 1]
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
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
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
