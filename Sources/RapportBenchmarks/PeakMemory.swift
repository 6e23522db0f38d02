// Linux only: see main.swift.
#if os(Linux)

import Glibc

/// Peak resident memory, from the kernel's `VmHWM` ("high water mark") line in /proc/PID/status.
/// It is a per-process figure that only goes down when the process resets it, which is why every
/// measurement runs in a process of its own.
enum PeakMemory {
    /// This process's peak so far, in bytes.
    static func ofThisProcess() -> Int? { read("/proc/self/status", field: "VmHWM:") }

    /// Another (still running) process's peak so far, in bytes.
    static func ofProcess(_ pid: Int32) -> Int? { read("/proc/\(pid)/status", field: "VmHWM:") }

    /// This process's resident memory now, in bytes.
    static func residentNow() -> Int? { read("/proc/self/status", field: "VmRSS:") }

    /// Hands memory that has been freed back to the system (glibc's `malloc_trim`), so that what is
    /// resident afterwards is what is still in use. Looked up at run time: the `Glibc` module does
    /// not declare it.
    static func returnFreedMemory() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        typealias Trim = @convention(c) (Int) -> Int32
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
    }

    /// Makes the peak start again from what is resident now (Linux 4.0 and later), so that a later
    /// peak is that of the work done after this call.
    static func resetPeak() {
        try? SystemFiles.write("5", to: "/proc/self/clear_refs")
    }

    private static func read(_ path: String, field: String) -> Int? {
        guard let bytes = try? SystemFiles.read(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix(field) {
            // "VmHWM:     12345 kB"
            let digits = line.dropFirst(field.count).filter { $0.isNumber }
            return Int(digits).map { $0 * 1024 }
        }
        return nil
    }
}

#endif
