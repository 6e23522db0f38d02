/// Why the progress database cannot be used. It is outside input: whatever is wrong, the message
/// names the file and says what to do, and the file is left exactly as it was.
public struct ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file (or its folder) cannot be read.
        case unreadable
        /// The file is not an SQLite database at all.
        case notADatabase
        /// An SQLite database, but not Rapport's: it has other tables.
        case foreign
        /// Written by a newer Rapport, with changes this one does not know.
        case newer
        /// Rapport's database, damaged: SQLite's check fails, or a row holds what Rapport never writes.
        case damaged
        /// The file or its folder cannot be written (full disk, no permission, read-only).
        case cannotWrite
    }

    public let path: String
    public let kind: Kind
    /// The system's or SQLite's own words, or which row is wrong.
    public let detail: String

    public init(path: String, kind: Kind, detail: String) {
        self.path = path
        self.kind = kind
        self.detail = detail
    }

    /// Whether moving the file aside and starting a new one would help (a file that is merely
    /// unreadable or unwritable is a permissions matter, and one from a newer Rapport is not broken).
    public var canBeMovedAside: Bool { [.notADatabase, .foreign, .damaged].contains(kind) }

    public var description: String {
        let what =
            switch kind {
            case .unreadable: "cannot be read"
            case .notADatabase: "is not a database"
            case .foreign: "is a database, but not a Rapport progress database"
            case .newer: "was written by a newer Rapport than this one"
            case .damaged: "is damaged"
            case .cannotWrite: "cannot be written"
            }
        return "the progress database \(path) \(what) (\(detail))"
    }
}
