/// Small helpers for reading the source as bytes: the parser works on UTF-8 bytes rather than
/// `Character`s so that it stays fast and linear on huge lines.
enum ASCII {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let slash = UInt8(ascii: "/")
    static let star = UInt8(ascii: "*")
    static let equals = UInt8(ascii: "=")
    static let minus = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let greater = UInt8(ascii: ">")
    static let less = UInt8(ascii: "<")
    static let bang = UInt8(ascii: "!")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let backslash = UInt8(ascii: "\\")
    static let underscore = UInt8(ascii: "_")
    static let dot = UInt8(ascii: ".")

    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    static func isLetter(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
    /// Letters, digits, `-` and `_`: what node, variable and promise names are made of.
    static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == minus || b == underscore }
}

extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// Whether the span starts with the given ASCII text. A `StaticString` is read straight from
    /// the program's memory: walking a `String`'s UTF-8 view was 5% of all checking, as every line
    /// is tested for several tokens.
    func starts(at span: Span, with text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard span.end - span.start >= count else { return false }
        let token = text.utf8Start
        for offset in 0..<count where self[span.start + offset] != token[offset] { return false }
        return true
    }
}

extension SourceFile {
    func string(_ span: Span) -> String {
        // From raw memory rather than an `ArraySlice`, which cost a retain, a release and a generic
        // path for each of the thirty or so names and texts in a decision.
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[span.start..<span.end]), as: UTF8.self) }
    }

    /// Whether the span holds a control character or sequence that `Sanitizer.clean` removes.
    func containsControl(_ span: Span) -> Bool {
        bytes.withUnsafeBufferPointer { Sanitizer.containsControl(UnsafeBufferPointer(rebasing: $0[span.start..<span.end])) }
    }

    func range(_ span: Span) -> SourceRange { range(from: span.start, to: span.end) }

    /// The span without leading and trailing blanks.
    func trimmed(_ span: Span) -> Span {
        var start = span.start
        var end = span.end
        while start < end, ASCII.isSpace(bytes[start]) { start += 1 }
        while end > start, ASCII.isSpace(bytes[end - 1]) { end -= 1 }
        return Span(start, end)
    }

    func text(_ span: Span) -> TextSyntax { TextSyntax(span: trimmed(span)) }

    /// The text's characters, as written.
    public func string(_ text: TextSyntax) -> String { string(text.span) }

    func name(_ span: Span) -> NameSyntax {
        let trimmedSpan = trimmed(span)
        return NameSyntax(text: string(trimmedSpan), span: trimmedSpan)
    }

    /// The parts of a span between commas, as `splitOnCommas` gives them, without making an array.
    func commaParts(_ span: Span) -> CommaParts { CommaParts(bytes: bytes, start: span.start, end: span.end) }

    /// Splits a span at top-level commas.
    func splitOnCommas(_ span: Span) -> [Span] {
        var parts: [Span] = []
        var start = span.start
        for index in span.start..<span.end where bytes[index] == ASCII.comma {
            parts.append(Span(start, index))
            start = index + 1
        }
        parts.append(Span(start, span.end))
        return parts
    }

    func isValidName(_ span: Span) -> Bool {
        guard span.end > span.start else { return false }
        guard ASCII.isLetter(bytes[span.start]) || ASCII.isDigit(bytes[span.start]) else { return false }
        for index in span.start..<span.end where !ASCII.isNameByte(bytes[index]) { return false }
        return true
    }

    /// Offset of the first byte that is not valid UTF-8, or nil when the whole file is valid.
    public func firstInvalidUTF8Offset() -> Int? {
        bytes.withUnsafeBufferPointer { Self.firstInvalidUTF8Offset(in: $0) }
    }

    private static func firstInvalidUTF8Offset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return nil }
        while index < count {
            // Plain ASCII, eight bytes at a time: most of a scenario is.
            while index + 8 <= count,
                UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= count else { return index }
            for next in 1..<length {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}

/// The parts of a span between commas, in order; an empty span, or one ending in a comma, gives an
/// empty part, as `SourceFile.splitOnCommas` does.
struct CommaParts: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    var start: Int
    let end: Int
    var done = false

    init(bytes: [UInt8], start: Int, end: Int) {
        self.bytes = bytes
        self.start = start
        self.end = end
    }

    mutating func next() -> Span? {
        guard !done else { return nil }
        var index = start
        while index < end, bytes[index] != ASCII.comma { index += 1 }
        let part = Span(start, index)
        if index < end { start = index + 1 } else { done = true }
        return part
    }
}
