/// Numbers, yes/no values and times, wherever they are written.
extension Parser {
    /// The largest whole number a scenario may write, either side of zero.
    static let largestNumber = 1_000_000

    /// A whole number with an optional sign; nil for anything else, or beyond `largestNumber`.
    static func integer(in text: some Collection<UInt8>) -> Int? {
        var digits = text[...]
        var negative = false
        if let sign = digits.first, sign == ASCII.plus || sign == ASCII.minus {
            negative = sign == ASCII.minus
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
            if value > largestNumber { return nil }
        }
        return negative ? -value : value
    }

    /// A whole number where the file has one, reported when it is not.
    mutating func parseInteger(_ span: Span) -> Int? {
        if let value = Self.integer(in: source.bytes[span.start..<span.end]) { return value }
        report(
            .malformedNumber, "'\(source.string(span))' is not a whole number", span.isEmpty ? Span(span.start, span.start + 1) : span,
            note: "write a whole number such as 3, +2 or -1 (between -1000000 and 1000000)")
        return nil
    }

    /// `true`, `false` or a whole number, reported when it is none of them.
    mutating func parseValue(_ span: Span) -> ValueSyntax? {
        switch source.string(span) {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: return parseInteger(span).map(ValueSyntax.integer)
        }
    }

    /// A time where the file has one, reported when it is not.
    mutating func parseDuration(_ span: Span) -> Int? {
        if let seconds = Self.duration(in: source.bytes[span.start..<span.end]) { return seconds }
        report(
            .malformedDuration, "'\(source.string(span))' is not a time", span,
            note: "write a time such as 20s, 2m or 1m30s, between 1 second and 60 minutes")
        return nil
    }

    /// The seconds in a whole text such as `2m` or `1m30s`, or nil.
    public static func durationSeconds(in source: SourceFile) -> Int? {
        let span = source.trimmed(Span(0, source.bytes.count))
        return duration(in: source.bytes[span.start..<span.end])
    }

    /// `20s`, `2m`, `1m30s`: seconds, from 1 to 3600; nil for anything else. Minutes come before
    /// seconds, each at most once.
    static func duration(in text: ArraySlice<UInt8>) -> Int? {
        var total = 0
        var index = text.startIndex
        var lastUnit: UInt8?
        while index < text.endIndex {
            var number = 0
            let digitsStart = index
            // Digits stop being added past 100,000, which is too long anyway: the next one is then
            // taken for a unit, and is not one.
            while index < text.endIndex, ASCII.isDigit(text[index]), number <= 100_000 {
                number = number * 10 + Int(text[index] - 48)
                index += 1
            }
            guard index > digitsStart, index < text.endIndex else { return nil }
            let unit = text[index]
            switch unit {
            case UInt8(ascii: "m") where lastUnit == nil: total += number * 60
            case UInt8(ascii: "s") where lastUnit != UInt8(ascii: "s"): total += number
            default: return nil
            }
            lastUnit = unit
            index += 1
        }
        guard lastUnit != nil, total >= 1, total <= 3600 else { return nil }
        return total
    }
}
