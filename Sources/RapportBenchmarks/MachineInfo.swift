// Linux only: see main.swift.
#if os(Linux)
    import Glibc

/// The machine the figures come from, printed above them: figures without it mean little.
enum MachineInfo {
    static func describe() -> String {
        var lines: [String] = []
        lines.append("processors: \(sysconf(Int32(_SC_NPROCESSORS_ONLN)))")
        if let model = field("model name", in: "/proc/cpuinfo") { lines.append("cpu: \(model)") }
        if let memory = field("MemTotal", in: "/proc/meminfo") { lines.append("memory: \(memory)") }
        var names = utsname()
        if uname(&names) == 0 {
            let system = withUnsafeBytes(of: &names.sysname) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let release = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let machine = withUnsafeBytes(of: &names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            lines.append("system: \(system) \(release) \(machine)")
        }
        lines.append("compiler: \(compiler)")
        if let load = loadAverage() { lines.append("load average before the run: \(load)") }
        #if DEBUG
            lines.append("WARNING: this is a debug build; build with -c release for meaningful figures")
        #endif
        return lines.joined(separator: "\n")
    }

    /// The 1-, 5- and 15-minute load averages. The machine has two cores: anything else running
    /// (a build, a test run) slows the figures, and this shows whether it was.
    static func loadAverage() -> String? {
        guard let bytes = try? SystemFiles.read("/proc/loadavg") else { return nil }
        return String(decoding: bytes, as: UTF8.self).split(separator: " ").prefix(3).joined(separator: " ")
    }

    /// The Swift compiler this was built with, as far as `#if compiler` can tell.
    static var compiler: String {
        #if compiler(>=6.4)
            "Swift 6.4 or later"
        #elseif compiler(>=6.3)
            "Swift 6.3"
        #elseif compiler(>=6.2)
            "Swift 6.2"
        #elseif compiler(>=6.1)
            "Swift 6.1"
        #else
            "Swift 6.0"
        #endif
    }

    /// The value of the first `key: value` line with this key.
    private static func field(_ key: String, in path: String) -> String? {
        guard let bytes = try? SystemFiles.read(path) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.hasPrefix(key) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        }
        return nil
    }
}

#endif
