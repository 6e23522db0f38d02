/// A text of a checked scenario (a line, a choice, a coach note, an ending's summary), already
/// sanitised. Most texts are a stretch of the file's own bytes, which the scenario keeps: a checked
/// scenario holds its file's text once, not again as a string for each text. A text that sanitising
/// changed has bytes of its own.
///
/// It is the size of a `String` and acts as one where it is shown: `description` and string
/// interpolation give its characters, and a literal makes one, so `line.text == "Hello."` reads
/// naturally in a test.
public struct ScenarioText: Sendable, Hashable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The file's bytes (shared, not copied), or a text's own. Visible to inlined code only, so that
    /// the reads below can be inlined where texts are shown.
    @usableFromInline let storage: [UInt8]
    @usableFromInline let start: UInt32
    @usableFromInline let count: UInt32

    public init(_ string: String) { self.init(storage: Array(string.utf8), start: 0, count: UInt32(string.utf8.count)) }

    private init(storage: [UInt8], start: UInt32, count: UInt32) {
        self.storage = storage
        self.start = start
        self.count = count
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// A stretch of a file's bytes, which must be valid UTF-8 that starts and ends on whole
    /// characters. A file is smaller than `SourceFile.maximumSize`, so its offsets fit in 32 bits.
    init(bytes: [UInt8], span: Span) {
        self.init(storage: bytes, start: UInt32(span.start), count: UInt32(span.end - span.start))
    }

    /// The text's UTF-8 bytes, in place.
    @inlinable
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[Int(start)..<Int(start + count)]))
        }
    }

    /// The text as a `String` (a new one each time).
    public var string: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    public var description: String { string }

    /// The length in UTF-8 bytes.
    @inlinable public var utf8Count: Int { Int(count) }

    @inlinable public var isEmpty: Bool { count == 0 }

    /// Equal when their UTF-8 bytes are: stricter than `String`, which also takes differently
    /// composed accents as equal. Texts compared come from the same file, or from a record of it
    /// that keeps its bytes as they were, so this is the equality wanted, and it needs no decoding.
    public static func == (lhs: ScenarioText, rhs: ScenarioText) -> Bool {
        lhs.count == rhs.count && lhs.withUTF8 { left in rhs.withUTF8 { right in left.elementsEqual(right) } }
    }

    public func hash(into hasher: inout Hasher) {
        withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    /// As a plain string, so that records of play read the same as when texts were strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(string)
    }
}
