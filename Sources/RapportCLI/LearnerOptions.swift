import ArgumentParser
import Foundation
import RapportRecords

#if canImport(Glibc)
import Glibc
#endif

/// Who is practising and where their progress is kept: shared by `play` and `progress`.
struct LearnerOptions: ParsableArguments {
    @Option(help: "Whose progress this is (default: your login name). Learners sharing a computer keep theirs apart.")
    var learner: String?

    @Flag(name: .customLong("no-progress"), help: "Keep nothing of this session in the progress database.")
    var noProgress = false

    static let longestName = 64

    func validate() throws {
        if let learner { _ = try Self.checked(learner) }
    }

    /// The learner's name: `--learner`, else the login name, else "learner".
    func name(_ environment: [String: String]) throws -> String {
        if let learner { return try Self.checked(learner) }
        for key in ["LOGNAME", "USER"] {
            if let name = environment[key], let checked = try? Self.checked(name) { return checked }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let checked = try? Self.checked(String(cString: name)) {
            return checked
        }
        return "learner"
    }

    /// A name is shown on screen and kept in the database: printable, and short.
    static func checked(_ name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= longestName,
            trimmed.unicodeScalars.allSatisfy({ !$0.properties.generalCategory.isControlOrFormat })
        else {
            throw ValidationError("--learner needs a name of 1 to \(longestName) printable characters")
        }
        return trimmed
    }
}

extension Unicode.GeneralCategory {
    var isControlOrFormat: Bool { self == .control || self == .format || self == .lineSeparator || self == .paragraphSeparator }
}

/// Where the progress database lives: `$XDG_DATA_HOME/rapport/progress.sqlite`, by default
/// `~/.local/share/rapport/progress.sqlite`.
enum ProgressLocation {
    static func path(_ environment: [String: String]) -> String? {
        let base: String
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = data
        } else if let home = environment["HOME"], !home.isEmpty {
            base = home + "/.local/share"
        } else {
            return nil
        }
        return base + "/rapport/progress.sqlite"
    }
}

/// The time now. `RAPPORT_NOW` (ISO 8601, such as 2026-03-02T09:00:00Z) sets it, for trying
/// progress over several days in one afternoon; the records keep whatever this says. Without it,
/// `Now` (the system clock, or `SOURCE_DATE_EPOCH`), as the workshop reads it.
enum RapportClock {
    static func now(_ environment: [String: String]) throws -> @Sendable () -> Date {
        guard let text = environment["RAPPORT_NOW"] else { return { Now.date(environment) } }
        guard let fixed = ISO8601DateFormatter().date(from: text) else {
            throw ValidationError("RAPPORT_NOW must be a time such as 2026-03-02T09:00:00Z, not '\(text.prefix(40))'")
        }
        return { fixed }
    }
}
