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
        for line in step.lines {
            if let speaker = line.speaker {
                buffer.append(contentsOf: speaker.utf8)
                buffer.append(contentsOf: ": ".utf8)
            }
            buffer.append(contentsOf: line.text.utf8)
            buffer.append(UInt8(ascii: "\n"))
        }
        for choice in step.choices {
            appendNumber(choice.number)
            buffer.append(contentsOf: ". ".utf8)
            buffer.append(contentsOf: choice.text.utf8)
            buffer.append(UInt8(ascii: "\n"))
        }
        if let ending = step.ending {
            buffer.append(contentsOf: ending.outcome.rawValue.utf8)
            buffer.append(contentsOf: ": ".utf8)
            buffer.append(contentsOf: ending.summary.utf8)
            buffer.append(UInt8(ascii: "\n"))
        }
        return buffer.count
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
