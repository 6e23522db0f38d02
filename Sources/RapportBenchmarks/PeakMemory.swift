// Linux only: see main.swift.
#if os(Linux)

import Glibc

/// Peak resident memory, from the kernel's `VmHWM` ("high water mark") line in /proc/PID/status.
/// It is a per-process figure that never goes down, which is why every measurement runs in a
/// process of its own. Also the heap in use, to tell one part of a process's memory from another.
enum PeakMemory {
    /// This process's peak so far, in bytes.
    static func ofThisProcess() -> Int? { read("/proc/self/status", field: "VmHWM:") }

    /// Another (still running) process's peak so far, in bytes.
    static func ofProcess(_ pid: Int32) -> Int? { read("/proc/\(pid)/status", field: "VmHWM:") }

    /// The bytes this process has allocated with malloc and not yet freed, as glibc's `malloc_stats`
    /// reports them (its last "in use bytes" line, the total over every arena and large block).
    /// `malloc_stats` writes to standard error, so standard error is pointed at a temporary file
    /// while it runs. Looked up at run time: the `Glibc` module does not declare it.
    static func heapInUse() -> Int? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_stats"),
            let file = tmpfile()
        else { return nil }
        defer { fclose(file) }
        typealias Stats = @convention(c) () -> Void
        fflush(nil)  // every stream: `stderr` itself cannot be named in Swift 6
        let savedError = dup(2)
        guard savedError >= 0 else { return nil }
        dup2(fileno(file), 2)
        unsafeBitCast(symbol, to: Stats.self)()
        fflush(nil)  // every stream: `stderr` itself cannot be named in Swift 6
        dup2(savedError, 2)
        close(savedError)
        rewind(file)
        var text = ""
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            text += String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        guard let total = text.split(separator: "\n").last(where: { $0.contains("in use bytes") }) else { return nil }
        return Int(String(total.filter(\.isNumber)))
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
