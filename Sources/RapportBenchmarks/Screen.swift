// Linux only: see main.swift.
#if os(Linux)

import RapportEngine

/// What a player's screen would show for a step (each line with its speaker, the numbered choices,
/// the ending), built and then thrown away: random-play figures should include the cost of the
/// text, not only the rules. It is built as a terminal front end writes it: as UTF-8 bytes into one
/// output buffer that is reused from step to step, not as a new `String` grown piece by piece for
/// every step (that cost about 8,500 instructions a step, more than the engine's whole decision).
struct Screen {
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(4_096)
    }

    /// Builds the step's text and returns its length in bytes.
    mutating func render(_ step: Step) -> Int {
        buffer.removeAll(keepingCapacity: true)
        // Through the arrays' memory, so that reading a line or a choice does not copy it (and
        // retain its strings) first.
        step.lines.withUnsafeBufferPointer { lines in
            for index in lines.indices {
                if let speaker = lines[index].speaker {
                    append(speaker)
                    append(": ")
                }
                append(lines[index].text)
                buffer.append(UInt8(ascii: "\n"))
            }
        }
        step.choices.withUnsafeBufferPointer { choices in
            for index in choices.indices {
                appendNumber(choices[index].number)
                append(". ")
                append(choices[index].text)
                buffer.append(UInt8(ascii: "\n"))
            }
        }
        if let ending = step.ending {
            append(ending.outcome.rawValue)
            append(": ")
            append(ending.summary)
            buffer.append(UInt8(ascii: "\n"))
        }
        return buffer.count
    }

    private mutating func append(_ text: borrowing String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// A positive number's decimal digits.
    private mutating func appendNumber(_ number: Int) {
        var divisor = 1
        while divisor * 10 <= number { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

#endif
