// swift-tools-version:6.0
import PackageDescription

// Layers, each knowing only the ones below it:
// 1 RapportLanguage (scenario text -> checked scenario), 2 RapportEngine (pure play state machine),
// 3 the tools on the engine: RapportAnalysis (every reachable state; the debrief), then beside each other
//   RapportTesting (walkthroughs, random play, `rapport test`) and RapportWorkshop (facilitated sessions,
//   votes, the handout, saved sessions) and RapportRecords (a learner's attempts in SQLite), 4 RapportTerminal (every text shown, laid out by display width;
//   line readers), 5 RapportCLI (arguments in, calls out; JSON) + the `rapport` executable.
let package = Package(
    name: "Rapport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rapport", targets: ["rapport"]),
        .library(name: "RapportLanguage", targets: ["RapportLanguage"]),
        .library(name: "RapportEngine", targets: ["RapportEngine"]),
        .library(name: "RapportAnalysis", targets: ["RapportAnalysis"]),
        .library(name: "RapportTesting", targets: ["RapportTesting"]),
        .library(name: "RapportWorkshop", targets: ["RapportWorkshop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SQLite for the learner's progress (Debian: libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "RapportLanguage"),
        .target(name: "RapportEngine", dependencies: ["RapportLanguage"]),
        .target(name: "RapportAnalysis", dependencies: ["RapportLanguage", "RapportEngine"]),
        .target(name: "RapportTesting", dependencies: ["RapportLanguage", "RapportEngine", "RapportAnalysis"]),
        // Workshop sessions are saved on disk as JSON.
        .target(name: "RapportWorkshop", dependencies: ["RapportLanguage", "RapportEngine", "RapportAnalysis"]),
        // A learner's attempts over weeks, in SQLite through GRDB: the one tool with a database.
        .target(
            name: "RapportRecords",
            dependencies: ["RapportLanguage", "RapportEngine", "RapportAnalysis", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // GNU readline, a system library (Debian: libreadline-dev).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(
            name: "RapportTerminal",
            dependencies: [
                "RapportLanguage", "RapportEngine", "RapportAnalysis", "RapportTesting", "RapportWorkshop", "RapportRecords",
                "CReadline",
            ]
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
                "RapportLanguage", "RapportEngine", "RapportAnalysis", "RapportTesting", "RapportWorkshop", "RapportTerminal",
                "RapportRecords", "RapportBundledScenarios",
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
        .target(name: "RapportTestSupport", dependencies: ["RapportLanguage"], path: "Tests/RapportTestSupport"),
        .testTarget(name: "RapportTestSupportTests", dependencies: ["RapportTestSupport"]),
        .testTarget(name: "RapportLanguageTests", dependencies: ["RapportLanguage", "RapportTestSupport"]),
        .testTarget(name: "RapportEngineTests", dependencies: ["RapportEngine", "RapportLanguage"]),
        .testTarget(
            name: "RapportAnalysisTests",
            dependencies: ["RapportAnalysis", "RapportEngine", "RapportLanguage", "RapportTestSupport"]
        ),
        .testTarget(
            name: "RapportTestingTests",
            dependencies: ["RapportTesting", "RapportAnalysis", "RapportEngine", "RapportLanguage", "RapportTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RapportWorkshopTests",
            dependencies: ["RapportWorkshop", "RapportAnalysis", "RapportEngine", "RapportLanguage", "RapportTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RapportRecordsTests",
            dependencies: [
                "RapportRecords", "RapportAnalysis", "RapportEngine", "RapportLanguage", "RapportTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "RapportTerminalTests",
            dependencies: [
                "RapportTerminal", "RapportAnalysis", "RapportWorkshop", "RapportEngine", "RapportLanguage", "RapportTesting",
                "RapportTestSupport",
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "RapportCLITests", dependencies: ["RapportCLI", "RapportRecords", "RapportTestSupport"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
