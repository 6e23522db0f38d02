// rapport-bench: speed and memory figures for Rapport (issue 7; see docs/performance.md).
// Build in release mode with its own build folder, then run:
//     swift build -c release --product rapport-bench --scratch-path .build-bench
//     .build-bench/release/rapport-bench
//
// Linux only: peak memory comes from /proc/PID/status and children are started with posix_spawn
// and Glibc's pipes, so on other systems the program only says so (and the package still builds).

#if os(Linux)
    import Glibc
    import RapportLanguage

/// Progress and errors go to standard error, written directly (file descriptor 2) so that they
/// appear at once even when standard output is a buffered pipe.
func printToStandardError(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}

let command: BenchmarkCommand
do {
    command = try BenchmarkCommand.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    printToStandardError("rapport-bench: \(error)\n\n\(BenchmarkCommand.usage)")
    exit(2)
}

switch command {
case .help:
    print(BenchmarkCommand.usage)
case .generate(let shape, let decisions):
    print(ScenarioGenerator(shape: shape, decisions: decisions).text(), terminator: "")
case .measure(let measurement, let settings):
    do {
        try measurement.run(settings)
    } catch {
        printToStandardError("rapport-bench: \(error)")
        exit(1)
    }
case .run(let options):
    guard let executable = SystemFiles.currentExecutable() else {
        printToStandardError("rapport-bench: cannot find its own executable in /proc/self/exe")
        exit(1)
    }
    do {
        try Benchmark(options: options, executable: executable).run()
    } catch {
        printToStandardError("rapport-bench: \(error)")
        exit(1)
    }
}

#else
    print("rapport-bench runs on Linux only: it reads peak memory from /proc (see docs/performance.md)")
#endif
