// Linux only: see main.swift.
#if os(Linux)

/// Peak resident memory, from the kernel's `VmHWM` ("high water mark") line in /proc/PID/status.
/// It is a per-process figure that never goes down, which is why every measurement runs in a
/// process of its own.
enum PeakMemory {
    /// This process's peak so far, in bytes.
    static func ofThisProcess() -> Int? { read("/proc/self/status") }

    /// Another (still running) process's peak so far, in bytes.
    static func ofProcess(_ pid: Int32) -> Int? { read("/proc/\(pid)/status") }

    private static func read(_ path: String) -> Int? {
        guard let bytes = try? SystemFiles.read(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            // "VmHWM:     12345 kB"
            let digits = line.dropFirst("VmHWM:".count).filter { $0.isNumber }
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}

#endif
