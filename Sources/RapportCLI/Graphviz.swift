import Foundation

/// Graphviz's `dot`, run as a separate program to draw a graph as SVG. It is optional: without it,
/// `rapport graph` still writes DOT and Mermaid (Debian and Ubuntu: `apt-get install graphviz`).
enum Graphviz {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `dot` on the PATH, if it is installed.
    static func dotProgram(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The DOT drawn as SVG. The DOT goes through a temporary file, so that neither program can be
    /// left waiting on a full pipe.
    static func svg(from dot: String, program: URL) throws(Failure) -> String {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-graph-\(getpid())-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        let output = Pipe()
        let errors = Pipe()
        do {
            try Data(dot.utf8).write(to: input)
            process.executableURL = program
            process.arguments = ["-Tsvg", input.path]
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = FileHandle.nullDevice
            try process.run()
        } catch {
            throw Failure(description: "could not run \(program.path): \(error.localizedDescription)")
        }
        let drawn = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "Graphviz's dot stopped with status \(process.terminationStatus): \(String(decoding: complaint, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return String(decoding: drawn, as: UTF8.self)
    }
}
