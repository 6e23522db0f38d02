// Build tool: writes a Swift file that carries the bundled scenarios inside the program, so the
// built `rapport` finds them wherever it is copied. Usage: EmbedScenarios OUTPUT.swift FILE...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedScenarios OUTPUT.swift FILE...\n".utf8))
    exit(64)
}
var entries: [String] = []
for path in arguments.dropFirst().sorted() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("EmbedScenarios: cannot read \(path)\n".utf8))
        exit(66)
    }
    let name = URL(fileURLWithPath: path).lastPathComponent
    // Base64 keeps the bytes exact (the scenario's fingerprint depends on them) and compiles fast.
    entries.append("        (name: \"\(name)\", base64: \"\(data.base64EncodedString())\"),")
}
let source = """
    // Generated at build time from Scenarios/*.scenario by EmbedScenarios. Do not edit.
    extension BundledScenarios {
        static let encoded: [(name: String, base64: String)] = [
    \(entries.joined(separator: "\n"))
        ]
    }

    """
do {
    try source.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedScenarios: cannot write \(output): \(error)\n".utf8))
    exit(73)
}
