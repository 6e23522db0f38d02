/// The word at the start of a `word: value` line, told from the bytes without making a `String`:
/// nearly every indented line starts with one, and making and comparing a string for each was a
/// few percent of checking. Messages about an unknown word read its text from the source.
enum KeywordWord: Equatable {
    case moment, discuss, hint, set, promise, keep, `break`, end, silence, score, coach
    case other

    init(_ source: SourceFile, _ span: Span) {
        // Through the bytes' memory: a copy of the array retained it, and with the file parsed on
        // two threads that was a locked write to a counter both processors were writing.
        self = source.bytes.withUnsafeBufferPointer { bytes in Self.word(in: bytes, span) }
    }

    private static func word(in bytes: UnsafeBufferPointer<UInt8>, _ span: Span) -> KeywordWord {
        // Told apart by length and first letter, then confirmed byte by byte.
        let candidate: KeywordWord? =
            switch (span.end - span.start, bytes[span.start]) {
            case (3, UInt8(ascii: "s")): .set
            case (3, UInt8(ascii: "e")): .end
            case (4, UInt8(ascii: "h")): .hint
            case (4, UInt8(ascii: "k")): .keep
            case (5, UInt8(ascii: "b")): .break
            case (5, UInt8(ascii: "s")): .score
            case (5, UInt8(ascii: "c")): .coach
            case (6, UInt8(ascii: "m")): .moment
            case (7, UInt8(ascii: "d")): .discuss
            case (7, UInt8(ascii: "p")): .promise
            case (7, UInt8(ascii: "s")): .silence
            default: nil
            }
        if let candidate, bytes.starts(at: span, with: candidate.spelling) { return candidate }
        return .other
    }

    /// How a known word is written; empty for an unknown one.
    var spelling: StaticString {
        switch self {
        case .moment: "moment"
        case .discuss: "discuss"
        case .hint: "hint"
        case .set: "set"
        case .promise: "promise"
        case .keep: "keep"
        case .break: "break"
        case .end: "end"
        case .silence: "silence"
        case .score: "score"
        case .coach: "coach"
        case .other: ""
        }
    }
}
