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
    /// The line read so far, kept across a `.ready`, and how many bytes of it were beyond the limit.
    var line: [UInt8] = []
    var tooLong = 0
    /// Descriptors that end a read with `.ready` (see `LineReader.watch`).
    var watched: [Int32] = []

    public init(fileDescriptor: Int32 = 0) {
        descriptor = fileDescriptor
    }

    public mutating func watch(_ descriptors: [Int32]) {
        watched = descriptors
    }

    public mutating func read(prompt: String, silenceAfter seconds: Int?) -> LineEvent {
        if Signals.terminationRequested { return .terminate }
        while true {
            if position == buffer.count {
                switch atEnd ? .end : fill() {
                case .filled: break
                case .ready: return .ready
                case .end:
                    // The end of input a hang-up brings is the SIGHUP's to answer.
                    if Signals.terminationRequested { return .terminate }
                    if line.isEmpty && tooLong == 0 { return .endOfInput }
                    return finishLine()
                }
            }
            let byte = buffer[position]
            position += 1
            if byte == UInt8(ascii: "\n") { return finishLine() }
            if line.count <= LineValidation.maximumBytes {
                line.append(byte)
            } else {
                tooLong += 1
            }
        }
    }

    mutating func finishLine() -> LineEvent {
        defer {
            line = []
            tooLong = 0
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        if tooLong > 0 { return LineValidation.tooLong(line.count + tooLong) }
        return LineValidation.validate(line)
    }

    enum Fill {
        case filled
        /// The end of input, or a termination signal ended the wait.
        case end
        /// A watched descriptor can be read first.
        case ready
    }

    /// Reads the next chunk.
    mutating func fill() -> Fill {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            switch Signals.wait(for: [descriptor] + watched, milliseconds: -1) {
            case .signal, .timeout:
                if Signals.terminationRequested { return .end }
                continue
            case .input(let ready) where ready != descriptor:
                return .ready
            case .input:
                break
            }
            let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer = Array(chunk[0..<count])
                position = 0
                return .filled
            }
            if count < 0, errno == EINTR { continue }
            atEnd = true
            return .end
        }
    }
}

/// `read(2)`, named apart from the reader's own `read`.
func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
