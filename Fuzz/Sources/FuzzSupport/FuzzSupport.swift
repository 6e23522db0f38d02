import Foundation
import RapportLanguage

/// What every harness needs: the input as bytes, a seed drawn from it, the repository's scenarios,
/// and a way to say that something that must always hold did not.
public enum Fuzz {
    /// libFuzzer's input as an array. The pointer may be null when the input is empty.
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// A seed that depends only on the input (FNV-1a), so that a crash found with random play
    /// happens again when the same input is run alone.
    public static func seed(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// Stops the process when a property that must hold for every input does not: libFuzzer
    /// reports it as a crash and keeps the input.
    public static func require(
        _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line
    ) {
        if !condition { fatalError("property violated: \(message())", file: file, line: line) }
    }

    /// The repository's root, found from this file's place in it (Fuzz/Sources/FuzzSupport/), so
    /// the harnesses run from any folder.
    public static let repository: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled scenarios and the test fixtures, checked: what walks and saved sessions are
    /// played on. Every one of them must check; a harness that found none would test nothing.
    public static let scenarios: [CheckedScenario] = {
        var found: [CheckedScenario] = []
        for folder in ["Scenarios", "Tests/Fixtures"] {
            let url = repository.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".scenario") {
                let path = url.appendingPathComponent(name).path
                guard let source = try? SourceFile.read(path) else { fatalError("cannot read \(path)") }
                guard let scenario = Checker.check(source).scenario else { fatalError("\(path) does not check") }
                found.append(scenario)
            }
        }
        if found.isEmpty { fatalError("no scenarios under \(repository.path)") }
        return found
    }()

    /// Every diagnostic formatted as `rapport check` prints it, plain and in colour: printing
    /// quotes the input's own lines, so it is part of what hostile input reaches.
    public static func format(_ diagnostics: [Diagnostic], source: SourceFile?) {
        for colour in [false, true] {
            let printer = DiagnosticPrinter(colour: colour)
            for diagnostic in diagnostics { _ = printer.format(diagnostic, source: source) }
        }
    }
}

/// LeakSanitizer's suppressions, built in so that an input run again alone is judged as in a run.
/// - What a global's one-time initialiser makes lives as long as the process, yet LeakSanitizer
///   can take it for a leak: Swift keeps an indirect enum's case in the spare bits of the pointer
///   to its box, which the scan does not recognise as a pointer.
/// - Foundation's `Data(contentsOf:)` leaks a 4 KB buffer for each empty file it reads (Swift
///   6.3.1 on Linux): the toolchain's leak, not Rapport's, met when an empty save is loaded.
/// Any other leak made by an input is still reported.
@_cdecl("__lsan_default_suppressions")
public func leakSuppressions() -> UnsafePointer<CChar> {
    let suppressions: StaticString = """
        leak:swift::threading_impl::once_slow
        leak:FoundationEssentials17readBytesFromFile

        """
    return UnsafeRawPointer(suppressions.utf8Start).assumingMemoryBound(to: CChar.self)
}
