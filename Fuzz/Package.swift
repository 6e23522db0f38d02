// swift-tools-version:6.0
import PackageDescription

// libFuzzer harnesses over what Rapport reads from outside: scenario files, walkthrough tests,
// the facilitator's vote lines and saved workshop sessions. A package of its own, so that
// `swift build` and `swift test` of Rapport never build them; `Fuzz/run` builds them with
// coverage and AddressSanitizer, which instrument Rapport's libraries too. Each executable
// defines `LLVMFuzzerTestOneInput` and is compiled as a library; libFuzzer supplies `main`.
let package = Package(
    name: "RapportFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Rapport", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "RapportLanguage", package: "Rapport")]
        ),
        .executableTarget(
            name: "fuzz-scenario",
            dependencies: [
                "FuzzSupport",
                .product(name: "RapportLanguage", package: "Rapport"),
                .product(name: "RapportEngine", package: "Rapport"),
                .product(name: "RapportAnalysis", package: "Rapport"),
                .product(name: "RapportTesting", package: "Rapport"),
            ]
        ),
        .executableTarget(
            name: "fuzz-tests",
            dependencies: [
                "FuzzSupport",
                .product(name: "RapportLanguage", package: "Rapport"),
                .product(name: "RapportTesting", package: "Rapport"),
            ]
        ),
        .executableTarget(
            name: "fuzz-votes",
            dependencies: [
                "FuzzSupport",
                .product(name: "RapportLanguage", package: "Rapport"),
                .product(name: "RapportWorkshop", package: "Rapport"),
            ]
        ),
        .executableTarget(
            name: "fuzz-save",
            dependencies: [
                "FuzzSupport",
                .product(name: "RapportLanguage", package: "Rapport"),
                .product(name: "RapportEngine", package: "Rapport"),
                .product(name: "RapportAnalysis", package: "Rapport"),
                .product(name: "RapportWorkshop", package: "Rapport"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
