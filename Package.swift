// swift-tools-version:6.0
import PackageDescription

// Layers, each knowing only the ones below it:
// 1 RapportLanguage (scenario text -> checked scenario), 2 RapportEngine (pure play state machine),
// 3 RapportTools (analysis, walkthrough tests, reports), 4 terminal, 5 RapportCLI + the `rapport` executable.
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportLanguage", targets: ["RapportLanguage"]),
        .library(name: "RapportEngine", targets: ["RapportEngine"]),
        .library(name: "RapportTools", targets: ["RapportTools"]),
        .library(name: "RapportStorage", targets: ["RapportStorage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "RapportLanguage"),
        // A hint to the processor to read memory ahead (the compiler's __builtin_prefetch).
        .systemLibrary(name: "CPrefetch", path: "Sources/CPrefetch"),
        .target(name: "RapportEngine", dependencies: ["RapportLanguage", "CPrefetch"]),
        .target(name: "RapportTools", dependencies: ["RapportLanguage", "RapportEngine"]),
        // Saved workshops on disk: apart from the tools, so that analysis and play do not load Foundation.
        .target(name: "RapportStorage", dependencies: ["RapportEngine", "RapportTools"]),
        // GNU readline, a system library (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(
            name: "RapportTerminal",
            dependencies: ["RapportLanguage", "RapportEngine", "RapportTools", "CReadline"]
        ),
        // The Scenarios/ folder, embedded at build time.
        .executableTarget(name: "EmbedScenarios", path: "Sources/EmbedScenarios"),
        .plugin(
            name: "EmbedScenariosPlugin", capability: .buildTool(), dependencies: ["EmbedScenarios"],
            path: "Sources/EmbedScenariosPlugin"
        ),
        .target(name: "RapportBundledScenarios", plugins: ["EmbedScenariosPlugin"]),
        .target(
            name: "RapportCLI",
            dependencies: [
                "RapportLanguage", "RapportEngine", "RapportTools", "RapportStorage", "RapportTerminal", "RapportBundledScenarios",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "rapport", dependencies: ["RapportCLI"]),
        // What users feel, each figure against its floor (see docs/performance.md): after
        // `swift build -c release`, run `.build/release/rapport-bench` from the repository root.
        .executableTarget(
            name: "rapport-bench",
            dependencies: ["RapportLanguage", "RapportEngine"],
            path: "Sources/RapportBenchmarks"
        ),
        // Golden files and paths, shared by the test targets.
        .target(name: "RapportTestSupport", path: "Tests/RapportTestSupport"),
        .testTarget(name: "RapportLanguageTests", dependencies: ["RapportLanguage", "RapportTestSupport"]),
        .testTarget(name: "RapportEngineTests", dependencies: ["RapportEngine", "RapportLanguage"]),
        .testTarget(
            name: "RapportToolsTests",
            dependencies: ["RapportTools", "RapportStorage", "RapportEngine", "RapportLanguage", "RapportTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RapportTerminalTests",
            dependencies: ["RapportTerminal", "RapportTools", "RapportEngine", "RapportLanguage", "RapportTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "RapportCLITests", dependencies: ["RapportCLI", "RapportTestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
