import Foundation
import PackagePlugin

/// Embeds every `Scenarios/*.scenario` file into the target it is applied to, at build time.
@main
struct EmbedScenariosPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Scenarios")
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "scenario" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledScenarioFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) bundled scenarios",
                executable: try context.tool(named: "EmbedScenarios").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files + [folder],
                outputFiles: [output]
            )
        ]
    }
}
