import Foundation

/// The scenarios in the repository's Scenarios/ folder, built into the program (see the
/// EmbedScenarios build tool), so `rapport` has them however and wherever it runs.
public enum BundledScenarios {
    /// File name and bytes of each bundled scenario, in name order.
    public static var files: [(name: String, bytes: [UInt8])] {
        encoded.compactMap { entry in
            Data(base64Encoded: entry.base64).map { (entry.name, [UInt8]($0)) }
        }
    }
}
