import ArgumentParser
import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportRecords
import RapportTerminal

/// Where `rapport play` starts when not at the beginning: the learner's last unfinished attempt
/// (`--resume`), or a moment reached along the best path (`--from`).
extension PlayCommand {
    /// The learner's latest unfinished attempt, or why there is none to carry on.
    static func lastUnfinished(_ store: ProgressStore?, learner: String) throws -> UnfinishedAttempt {
        guard let store else {
            FileHandle.standardError.write("rapport: --resume needs the progress database, and --no-progress turns it off\n")
            throw ExitStatus.cannotRead
        }
        let unfinished: [UnfinishedAttempt]
        do {
            unfinished = try store.unfinished(learner: learner)
        } catch {
            FileHandle.standardError.write("rapport: \(error)\n")
            throw ExitStatus.cannotRead
        }
        guard let latest = unfinished.first else {
            FileHandle.standardError.write("rapport: \(learner) has no unfinished attempt to resume; start one with: rapport play\n")
            throw ExitStatus.cannotRead
        }
        return latest
    }

    /// The scenario of an unfinished attempt: in the library by its id, or else the file it was
    /// played from; either way it must be the very file (its fingerprint) the attempt was made on.
    static func scenario(for attempt: UnfinishedAttempt, extraFolders: [String]) throws -> ScenarioLibrary.Entry {
        let found =
            (try? ScenarioLibrary.resolve(attempt.scenarioID, extraFolders: extraFolders, quietly: true))
            .flatMap { $0.scenario.sourceHash == attempt.fingerprint ? $0 : nil }
            ?? (try? ScenarioLibrary.load(file: attempt.source, quietly: true))
            ?? (try? ScenarioLibrary.resolve(attempt.scenarioID, extraFolders: extraFolders, quietly: true))
        guard let entry = found else {
            FileHandle.standardError.write(
                "rapport: the unfinished attempt is of '\(Sanitizer.clean(attempt.scenarioID))', which is not in the library; if it was your own, add its folder with --scenarios\n")
            throw ExitStatus.cannotRead
        }
        guard entry.scenario.sourceHash == attempt.fingerprint else {
            FileHandle.standardError.write(
                "rapport: '\(entry.scenario.id)' has changed since the unfinished attempt was made, so it cannot be carried on exactly; play it afresh: rapport play \(entry.scenario.id)\n")
            throw ExitStatus.cannotRead
        }
        return entry
    }

    static func replay(_ attempt: UnfinishedAttempt, on scenario: CheckedScenario) throws -> Session {
        do {
            return try attempt.session(on: scenario)
        } catch {
            FileHandle.standardError.write("rapport: the unfinished attempt cannot be carried on: \(error)\n")
            throw ExitStatus.cannotRead
        }
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "EEEE d MMMM, HH:mm"
        return formatter.string(from: date)
    }

    // MARK: - --from

    /// A session at a moment, named by its label (any case) or its node's id (see
    /// `Analysis.session(atDecision:)`); the label and the way there are returned for the note.
    static func session(at name: String, in analysis: Analysis) throws -> (Session, String) {
        let scenario = analysis.scenario
        let wanted = scenario.nodes.first { $0.id == name } ?? scenario.nodes.first { $0.moment?.string.lowercased() == name.lowercased() }
        if let wanted, let (session, route) = analysis.session(atDecision: wanted.id) {
            let words = route == .bestPath ? "as the best path reaches it" : "by the shortest way there"
            return (session, "\(wanted.moment?.string ?? wanted.id), \(words)")
        }
        let moments = scenario.nodes.compactMap { $0.moment?.string }
        let list = moments.isEmpty ? "it marks no moments" : "its moments are: " + moments.map { "\"\(Sanitizer.clean($0))\"" }.joined(separator: ", ")
        FileHandle.standardError.write(
            "rapport: no conversation through '\(scenario.id)' reaches a decision called '\(Sanitizer.clean(name))'; \(list)\n")
        throw ExitStatus.cannotRead
    }
}
