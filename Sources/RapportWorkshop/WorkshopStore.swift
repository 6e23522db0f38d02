import Foundation
import RapportEngine

/// Saves facilitated sessions, each under its name (`NAME.json`, see `SessionName`), side by side
/// and kept after the workshop. A session is saved after every change so that a crash, a closed laptop or a killed process
/// loses nothing. Each save writes a new file beside the old one, flushes it to disk, then renames it
/// over the old one: at any moment the file on disk is a whole save, the last or the one before.
///
/// A saved file is outside input: it may be truncated, edited, from another version, or unreadable.
/// Loading tells "no save" apart from "a save that cannot be used", and a save that cannot be used
/// is never written over: it is moved aside, under a name that says when, only when asked.
public struct WorkshopStore: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// Why a saved session cannot be used, naming the file.
    public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        public let path: String
        public let reason: String

        public var description: String { "the saved session \(path) cannot be used: \(reason)" }
    }

    public func url(forSession name: String) -> URL { folder.appendingPathComponent("\(name).json") }

    /// The saved session of that name; nil when there is none. Its name is its file's.
    public func load(session name: String) throws(LoadError) -> WorkshopRecord? {
        let file = url(forSession: name)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            if !FileManager.default.fileExists(atPath: file.path) { return nil }
            throw LoadError(path: file.path, reason: "it cannot be read (\(SystemMessage.explain(error)))")
        }
        var record: WorkshopRecord
        do {
            record = try Self.decoder().decode(WorkshopRecord.self, from: data)
        } catch {
            let reason = data.isEmpty ? "it is empty" : "it is not a saved session (\(SystemMessage.explain(error)))"
            throw LoadError(path: file.path, reason: reason)
        }
        if let problem = record.problem() { throw LoadError(path: file.path, reason: problem) }
        record.name = name
        return record
    }

    /// One saved session, as `--list` shows it: its record, or why it cannot be used.
    public struct Listing: Sendable {
        public let name: String
        public let path: String
        public let record: WorkshopRecord?
        public let problem: String?
        public let modified: Date
    }

    /// Every saved session, the most recently saved first.
    public func list() -> [Listing] {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        var listings: [Listing] = []
        for file in files where file.pathExtension == "json" && !file.lastPathComponent.hasPrefix(".") {
            let name = file.deletingPathExtension().lastPathComponent
            let modified = (try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            do {
                let record = try load(session: name)
                listings.append(Listing(name: name, path: file.path, record: record, problem: nil, modified: modified))
            } catch {
                listings.append(Listing(name: name, path: file.path, record: nil, problem: error.reason, modified: modified))
            }
        }
        return listings.sorted { ($0.modified, $1.name) > ($1.modified, $0.name) }
    }

    /// Moves a save that cannot be used out of the way, keeping it for whoever wants to look, under a
    /// name with the time it was moved. Returns where it went.
    public func moveAside(session name: String, at time: Date) throws -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let aside = folder.appendingPathComponent("\(name).json.unusable-\(formatter.string(from: time))")
        try FileManager.default.moveItem(at: url(forSession: name), to: aside)
        return aside
    }

    /// Saves store times as ISO 8601 text, to the second, so a save can be read by eye.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }

    public func save(_ record: WorkshopRecord) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeLeftovers()
        let data = try Self.encoder().encode(record)
        let name = record.name ?? record.scenario.id
        let target = url(forSession: name)
        let temporary = folder.appendingPathComponent(".\(name).json.\(ProcessInfo.processInfo.processIdentifier).tmp")
        // The new file takes the old one's permissions: a save made read-only stays so.
        var mode: mode_t = 0o644
        var status = stat()
        if stat(target.path, &status) == 0 { mode = status.st_mode & 0o7777 }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard descriptor >= 0 else { throw Self.systemError("cannot create \(temporary.path)") }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            do {
                try handle.write(contentsOf: data)
                try handle.synchronize()
                try handle.close()
            } catch {
                throw SaveError(message: "cannot write \(temporary.path): \(SystemMessage.explain(error))")
            }
            // `open` applied the umask to the mode; the save's mode is set exactly.
            chmod(temporary.path, mode)
            guard rename(temporary.path, target.path) == 0 else { throw Self.systemError("cannot replace \(target.path)") }
        } catch {
            unlink(temporary.path)
            throw error
        }
        // Make the rename itself durable.
        let directory = open(folder.path, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    /// A process killed between writing and renaming leaves its temporary file behind: those of
    /// processes no longer running are removed.
    public func removeLeftovers() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.dropLast(4).split(separator: ".")
            guard let pid = parts.last.flatMap({ pid_t($0) }), pid != ProcessInfo.processInfo.processIdentifier else {
                continue
            }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder.appendingPathComponent(name).path) }
        }
    }

    /// The name of the most recently saved session, if any.
    public func mostRecent() -> String? { list().first?.name }

    private static func systemError(_ what: String) -> Error {
        SaveError(message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// A save that could not be written, with the system's reason.
public struct SaveError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}
