import ArgumentParser
import Foundation
import RapportLanguage
import RapportTesting

/// `rapport new ID`: a scenario and its walks to start from, which check and test clean as written.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a scenario: write ID.scenario and ID.tests that check and test clean, to change a piece at a time.",
        discussion: "Never writes over a file: if ID.scenario or ID.tests is already there, nothing is written."
    )

    @Argument(help: "The new scenario's id: letters, digits, '-' and '_', such as late-parcel.")
    var id: String

    @Option(help: "The folder to write the two files in.")
    var folder = "."

    func validate() throws {
        guard ScenarioName.isValid(id) else {
            throw ValidationError(
                "'\(id)' is not a valid id: use letters, digits, '-' and '_', starting with a letter or digit"
                    + (ScenarioName.suggestion(for: id).map { ", such as '\($0)'" } ?? ""))
        }
    }

    func run() throws {
        // As the user named the folder, so that the next commands can be typed as printed.
        let base = folder == "." ? id : (folder.hasSuffix("/") ? folder + id : folder + "/" + id)
        let files = [(base + ".scenario", Scaffold.scenario(id: id)), (base + ".tests", Scaffold.tests(id: id))]
        for (path, _) in files where FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write("rapport: \(path) is already there; rapport new never writes over a file, so nothing was written\n")
            throw ExitStatus.cannotWrite
        }
        for (path, text) in files {
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
            } catch {
                FileHandle.standardError.write("rapport: cannot write \(path): \((error as NSError).localizedDescription)\n")
                throw ExitStatus.cannotWrite
            }
        }
        let scenario = files[0].0
        print(
            """
            Wrote \(scenario) and \(files[1].0). They check and test clean as they are; change them a piece at a time.
            Next:
              rapport check --watch \(scenario)    re-checks each time you save
              rapport test \(scenario)             plays the walks in the .tests file
              rapport graph \(scenario) -o \(base).html    a picture of the branches (needs Graphviz)
              rapport play \(scenario)
            """)
    }
}
