#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where screens write. The terminal and the tests each have one.
public protocol TextOutput {
    mutating func write(_ text: String)
}

/// Standard output, written straight to the file descriptor after flushing C's buffers, so text
/// from Rapport and from readline arrive in order.
public struct StandardOutput: TextOutput {
    public init() {}

    public func write(_ text: String) {
        fflush(nil)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return  // the reader has gone (a closed pipe): nothing more can be shown
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Collects output in memory, for tests and golden files.
public struct BufferOutput: TextOutput {
    public private(set) var text = ""

    public init() {}

    public mutating func write(_ text: String) {
        self.text += text
    }
}
