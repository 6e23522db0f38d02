import Foundation
import RapportRecords

/// Opening the learner's progress database for a command, as `play` and `progress` both do.
enum ProgressDatabase {
    /// The learner's database, or a clear refusal naming the file (never a new file over it).
    static func open(_ environment: [String: String], clock: @escaping @Sendable () -> Date) throws -> ProgressStore? {
        guard let path = ProgressLocation.path(environment) else { return nil }
        do {
            return try ProgressStore.open(at: path, clock: clock)
        } catch {
            var message = "rapport: \(error).\nNothing was changed."
            if error.canBeMovedAside {
                message += " To keep it and start a new one: rapport progress --move-aside (it is renamed with the time, not deleted)."
            }
            message += " To play without keeping progress: rapport play --no-progress.\n"
            FileHandle.standardError.write(message)
            throw error.kind == .cannotWrite ? ExitStatus.cannotWrite : ExitStatus.cannotRead
        }
    }
}
