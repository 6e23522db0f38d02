// Linux only: see main.swift.
#if os(Linux)

import RapportEngine
import RapportLanguage

/// What a player's screen would show for a step (each line with its speaker, the moment, the
/// numbered choices, the ending), built and then thrown away: random-play figures should include
/// the cost of the text, not only the rules. It is built as a terminal front end writes it: as
/// UTF-8 bytes into one output buffer that is reused from step to step, not as a new `String` grown
/// piece by piece for every step (that cost about 8,500 instructions a step, more than the engine's
/// whole decision).
final class Screen {
    /// The output buffer, managed by hand: even from contiguous bytes, `Array.append(contentsOf:)`
    /// took about one and a half instructions a byte, where `memcpy` copies in blocks.
    private var buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity = 4_096

    init() {
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Builds the step's text and returns its length in bytes.
    func render(_ step: Step) -> Int {
        count = 0
        // Through the arrays' memory, so that reading a line or a choice does not copy it (and
        // retain its strings) first.
        step.lines.withUnsafeBufferPointer { lines in
            for index in lines.indices {
                if let speaker = lines[index].speaker {
                    append(speaker)
                    appendPair(UInt8(ascii: ":"), UInt8(ascii: " "))
                }
                append(lines[index].text)
                appendByte(UInt8(ascii: "\n"))
            }
        }
        // What a practice screen shows above the choices, and whether it starts a silence timer:
        // a step reads both from its node only when asked (see `Step`).
        if let moment = step.moment {
            append(moment)
            appendByte(UInt8(ascii: "\n"))
        }
        if let seconds = step.silenceSeconds { appendNumber(seconds) }
        step.choices.withUnsafeBufferPointer { choices in
            for index in choices.indices {
                appendNumber(choices[index].number)
                appendPair(UInt8(ascii: "."), UInt8(ascii: " "))
                append(choices[index].text)
                appendByte(UInt8(ascii: "\n"))
            }
        }
        if let ending = step.ending {
            append(ending.outcome.rawValue)
            appendPair(UInt8(ascii: ":"), UInt8(ascii: " "))
            append(ending.summary)
            appendByte(UInt8(ascii: "\n"))
        }
        return count
    }

    /// Copies the string's bytes in one go when they are stored contiguously (as a speaker's name
    /// always is): appending the `utf8` view byte by byte cost about five
    /// instructions a byte, most of a step's text-building time.
    private func append(_ text: borrowing String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            reserve(bytes.count)
            if let base = bytes.baseAddress { (buffer + count).update(from: base, count: bytes.count) }
            count += bytes.count
        }
        if copied == nil { for byte in text.utf8 { appendByte(byte) } }
    }

    /// A scenario's text: its bytes in one go, from where the scenario keeps them.
    private func append(_ text: borrowing ScenarioText) {
        text.withUTF8 { bytes in
            reserve(bytes.count)
            if let base = bytes.baseAddress { (buffer + count).update(from: base, count: bytes.count) }
            count += bytes.count
        }
    }

    /// Two bytes of punctuation, written directly: as a `String` each cost a call of its own.
    @inline(__always)
    private func appendPair(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        buffer[count] = first
        buffer[count + 1] = second
        count += 2
    }

    @inline(__always)
    private func appendByte(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    private func grow(_ extra: Int) {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity * 2, count + extra))
        larger.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = larger
        capacity = max(capacity * 2, count + extra)
    }

    /// A positive number's decimal digits.
    private func appendNumber(_ number: Int) {
        var divisor = 1
        while divisor * 10 <= number { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            appendByte(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

#endif
