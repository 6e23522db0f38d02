/// Reading the source as UTF-8 bytes: the parser looks at bytes, so that a span is always a plain
/// stretch of the file and its position is known exactly. Everything the language gives meaning to
/// (keywords, names, numbers, brackets) is ASCII.
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
    static let closeBracket = UInt8(ascii: "]")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let backslash = UInt8(ascii: "\\")
    static let underscore = UInt8(ascii: "_")

    static func isSpace(_ b: UInt8) -> Bool { b == space || b == tab }
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    static func isLetter(_ b: UInt8) -> Bool { isLower(b) || isUpper(b) }
    /// Letters, digits, `-` and `_`: what node, variable and promise names are made of.
    static func isNameByte(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) || b == minus || b == underscore }
}

extension SourceFile {
    func string(_ span: Span) -> String { String(decoding: bytes[span.start..<span.end], as: UTF8.self) }

    /// The text's characters, as written.
    public func string(_ text: TextSyntax) -> String { string(text.span) }

    /// Whether the span starts with the given ASCII text.
    func starts(_ span: Span, with prefix: String) -> Bool {
        span.end - span.start >= prefix.utf8.count && bytes[span.start..<span.end].starts(with: prefix.utf8)
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

    func name(_ span: Span) -> NameSyntax {
        let trimmedSpan = trimmed(span)
        return NameSyntax(text: string(trimmedSpan), span: trimmedSpan)
    }

    /// The parts of a span between commas, untrimmed. An empty span, or one ending in a comma, gives
    /// an empty last part.
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

    /// Whether the span is a node, promise or id name: letters, digits, `-` and `_`, starting with a
    /// letter or digit.
    func isValidName(_ span: Span) -> Bool {
        guard span.end > span.start else { return false }
        guard ASCII.isLetter(bytes[span.start]) || ASCII.isDigit(bytes[span.start]) else { return false }
        return bytes[span.start..<span.end].allSatisfy(ASCII.isNameByte)
    }

    /// Whether `Sanitizer.clean` may change the span's text; false means it certainly does not.
    func mayNeedCleaning(_ span: Span) -> Bool { Sanitizer.mayChange(bytes[span.start..<span.end]) }

    /// Offset of the first byte that is not part of valid UTF-8, or nil when the whole file is valid.
    public func firstInvalidUTF8Offset() -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in 1..<length {
                let byte = bytes[index + next]
                guard byte & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(byte & 0x3F)
            }
            // Overlong forms, beyond Unicode, and UTF-16 surrogates are not UTF-8.
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }
}
