#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor without readline: for pipes, files and scripts. Lines longer
/// than `LineValidation.maximumBytes` are read to their end and refused, never kept whole in memory.
/// Once SIGTERM, SIGHUP or SIGQUIT has arrived (see `Signals`), every read answers `.terminate`, even
/// with lines still waiting in the pipe.
public struct PlainLineReader: LineReader {
    let descriptor: Int32
    var buffer: [UInt8] = []
    var position = 0
    var atEnd = false

    public init(fileDescriptor: Int32 = 0) {
        descriptor = fileDescriptor
    }

    public mutating func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent {
        if Signals.terminationRequested { return .terminate }
        var line: [UInt8] = []
        var tooLong = 0
        while true {
            if position == buffer.count {
                if atEnd || !fill() {
                    // The end of input a hang-up brings is the SIGHUP's to answer.
                    if Signals.terminationRequested { return .terminate }
                    if line.isEmpty && tooLong == 0 { return .endOfInput }
                    break
                }
            }
            let byte = buffer[position]
            position += 1
            if byte == UInt8(ascii: "\n") { break }
            if line.count <= LineValidation.maximumBytes {
                line.append(byte)
            } else {
                tooLong += 1
            }
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if tooLong > 0 { return LineValidation.tooLong(line.count + tooLong) }
        return LineValidation.validate(line)
    }

    /// Reads the next chunk; false at the end of input, or when a termination signal ends the wait.
    mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            if Signals.wait(for: descriptor, milliseconds: -1) == .signal {
                if Signals.terminationRequested { return false }
                continue
            }
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer = Array(chunk[0..<count])
                position = 0
                return true
            }
            if count < 0, errno == EINTR { continue }
            atEnd = true
            return false
        }
    }
}

/// `read(2)`, named apart from the reader's own `read`.
func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
