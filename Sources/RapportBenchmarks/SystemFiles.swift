// Linux only: see main.swift.
#if os(Linux)
    import Glibc
    import RapportLanguage

/// Reading and writing whole files with the C library. The benchmark does not import Foundation:
/// loading it would add several megabytes to every child process's peak memory, and the figure
/// we want is the engine's.
enum SystemFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// As `rapport` reads a scenario (sized up front, so the buffer is not grown by doubling: that
    /// would add up to the file's size again to every peak-memory figure).
    static func read(_ path: String) throws(Failure) -> [UInt8] {
        do {
            return try SourceFile.readBytes(path)
        } catch {
            throw Failure(description: "cannot read \(path): \(errorText())")
        }
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw Failure(description: "cannot create \(path): \(errorText())") }
        defer { close(descriptor) }
        var text = text
        let ok = text.withUTF8 { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
        if !ok { throw Failure(description: "cannot write \(path): \(errorText())") }
    }

    static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw Failure(description: "cannot create the folder \(path): \(errorText())")
        }
    }

    static func remove(_ path: String) { unlink(path) }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }

    /// The absolute path of the running executable, so the benchmark can start itself again and
    /// find the `rapport` binary built beside it.
    static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

#endif
