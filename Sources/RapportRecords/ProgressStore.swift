import Foundation
import GRDB

/// A learner's progress over weeks, in one SQLite file (by default
/// `$XDG_DATA_HOME/rapport/progress.sqlite`, see `ProgressLocation`). Every attempt is written as it
/// happens, one transaction per action, so a crash or a closed window loses at most the action in
/// flight. Several learners share a file, each row carrying its learner's name.
///
/// The file is outside input. Opening checks that it is an SQLite database, that SQLite finds it
/// sound, that it is Rapport's (its tables, its migrations) and not from a newer Rapport, before
/// anything is written; rows are checked again as they are read. Whatever is wrong is a
/// `ProgressStoreError` naming the file, and the file is never written over: only `moveAside`,
/// asked for explicitly, moves it, to a name with the time in it.
public final class ProgressStore: Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// The time now: injected, so tests and `RAPPORT_NOW` can set the day.
    let clock: @Sendable () -> Date

    init(path: String, queue: DatabaseQueue, clock: @escaping @Sendable () -> Date) {
        self.path = path
        self.queue = queue
        self.clock = clock
    }

    /// Opens (or creates) the database at `path` and brings its schema up to date.
    public static func open(at path: String, clock: @escaping @Sendable () -> Date) throws(ProgressStoreError)
        -> ProgressStore
    {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        if files.fileExists(atPath: path) {
            guard files.isReadableFile(atPath: path) else {
                throw ProgressStoreError(path: path, kind: .unreadable, detail: "permission denied")
            }
        } else {
            do {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw ProgressStoreError(path: path, kind: .cannotWrite, detail: Self.systemWords(error))
            }
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.label = "rapport-progress"
        do {
            // GRDB's migrator reads which migrations are applied, then runs each in its own
            // transaction: two Rapports opening a new file at once would both run the first one,
            // and the second would find its tables made. Opening is one at a time per folder.
            let queue = try Self.oneAtATime(in: folder) {
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                try queue.read { db in try Self.identify(db, path: path) }
                try ProgressSchema.migrator.migrate(queue)
                return queue
            }
            return ProgressStore(path: path, queue: queue, clock: clock)
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// Runs `body` holding an exclusive `flock` on `folder` (a lock on the folder, not on a file in
    /// it: SQLite's own locks on the database must not be touched, and a lock file would be one
    /// more file to leave behind). Waits for another Rapport that holds it.
    static func oneAtATime<T>(in folder: String, _ body: () throws -> T) throws -> T {
        let descriptor = openFolder(folder)
        guard descriptor >= 0 else { return try body() }  // an unreadable folder fails in SQLite, with its words
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }

    /// Refuses what is not a sound Rapport database of a version this Rapport knows, before
    /// anything is written to it. An empty file is a new database.
    static func identify(_ db: Database, path: String) throws {
        // Read through `Row.string`: a value of an unexpected type must not stop the program.
        let tables = Set(try Row.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.string("name") })
        let check = try Row.fetchAll(db, sql: "PRAGMA quick_check").map { $0.string("quick_check") ?? "?" }
        guard check == ["ok"] else {
            throw ProgressStoreError(path: path, kind: .damaged, detail: "SQLite's check says: \(check.prefix(3).joined(separator: "; "))")
        }
        let ours = tables.filter { !$0.hasPrefix("sqlite_") }
        if ours.isEmpty { return }
        guard ours.contains("grdb_migrations"), ProgressSchema.firstTables.isSubset(of: ours) else {
            throw ProgressStoreError(
                path: path, kind: .foreign, detail: "its tables are \(ours.sorted().prefix(5).joined(separator: ", "))")
        }
        let known = Set(ProgressSchema.migrator.migrations)
        let applied = try Row.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").map { $0.string("identifier") ?? "?" }
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw ProgressStoreError(
                path: path, kind: .newer, detail: "it has the change '\(unknown.prefix(40))'; update Rapport to use it")
        }
    }

    /// SQLite's and the system's errors, as what they mean for the learner.
    static func classify(_ error: any Error, path: String) -> ProgressStoreError {
        guard let error = error as? DatabaseError else {
            return ProgressStoreError(path: path, kind: .damaged, detail: systemWords(error))
        }
        let words = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_NOTADB: return ProgressStoreError(path: path, kind: .notADatabase, detail: words)
        case .SQLITE_CORRUPT, .SQLITE_FORMAT, .SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_ERROR:
            return ProgressStoreError(path: path, kind: .damaged, detail: words)
        case .SQLITE_CANTOPEN, .SQLITE_AUTH: return ProgressStoreError(path: path, kind: .unreadable, detail: words)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED:
            return ProgressStoreError(path: path, kind: .cannotWrite, detail: words)
        default: return ProgressStoreError(path: path, kind: .damaged, detail: words)
        }
    }

    static func systemWords(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }

    /// Moves the file at `path` (and SQLite's files beside it) aside, to `path.unusable-TIME`, so a
    /// new database can start; returns the new name. Only on an explicit request.
    public static func moveAside(_ path: String, now: Date) throws(ProgressStoreError) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let aside = "\(path).unusable-\(formatter.string(from: now))"
        let files = FileManager.default
        guard !files.fileExists(atPath: aside) else {
            throw ProgressStoreError(path: path, kind: .cannotWrite, detail: "\(aside) is already there")
        }
        do {
            try files.moveItem(atPath: path, toPath: aside)
            for suffix in ["-wal", "-shm", "-journal"] where files.fileExists(atPath: path + suffix) {
                try files.moveItem(atPath: path + suffix, toPath: aside + suffix)
            }
        } catch {
            throw ProgressStoreError(path: path, kind: .cannotWrite, detail: systemWords(error))
        }
        return aside
    }

    /// A write, with SQLite's errors turned into what they mean.
    func write<T>(_ updates: (Database) throws -> T) throws(ProgressStoreError) -> T {
        do {
            return try queue.write(updates)
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    func read<T>(_ value: (Database) throws -> T) throws(ProgressStoreError) -> T {
        do {
            return try queue.read(value)
        } catch let error as ProgressStoreError {
            throw error
        } catch {
            throw Self.classify(error, path: path)
        }
    }

    /// A row that holds what Rapport never writes.
    func damaged(_ what: String) -> ProgressStoreError {
        ProgressStoreError(path: path, kind: .damaged, detail: what)
    }

    /// Times are kept as ISO 8601 text in UTC, readable with any SQLite tool.
    static func text(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func date(_ text: String) -> Date? {
        ISO8601DateFormatter().date(from: text)
    }
}

/// A descriptor for `folder`, to lock; outside the type, whose own `open` would hide the system's.
private func openFolder(_ folder: String) -> Int32 {
    open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
}
