import Foundation
import RapportEngine

/// Saves a facilitated session after every vote so that a crash, a closed laptop or a killed process
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

    public func url(for scenarioID: String) -> URL { folder.appendingPathComponent("\(scenarioID).json") }

    /// The saved session for a scenario; nil when there is none.
    public func load(scenarioID: String) throws(LoadError) -> WorkshopRecord? {
        let file = url(for: scenarioID)
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            if !FileManager.default.fileExists(atPath: file.path) { return nil }
            throw LoadError(path: file.path, reason: "it cannot be read (\(Self.explain(error)))")
        }
        let record: WorkshopRecord
        do {
            record = try JSONDecoder().decode(WorkshopRecord.self, from: data)
        } catch {
            let reason = data.isEmpty ? "it is empty" : "it is not a saved session (\(Self.explain(error)))"
            throw LoadError(path: file.path, reason: reason)
        }
        if let problem = record.problem() { throw LoadError(path: file.path, reason: problem) }
        guard record.scenario.id == scenarioID else {
            throw LoadError(path: file.path, reason: "it is a session of the scenario '\(record.scenario.id)'")
        }
        return record
    }

    /// Moves a save that cannot be used out of the way, keeping it for whoever wants to look, under a
    /// name with the time it was moved. Returns where it went.
    public func moveAside(scenarioID: String, at time: Date) throws -> URL {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let aside = folder.appendingPathComponent("\(scenarioID).json.unusable-\(formatter.string(from: time))")
        try FileManager.default.moveItem(at: url(for: scenarioID), to: aside)
        return aside
    }

    public func save(_ record: WorkshopRecord) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeLeftovers()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(record)
        let target = url(for: record.scenario.id)
        let temporary = folder.appendingPathComponent(
            ".\(record.scenario.id).json.\(ProcessInfo.processInfo.processIdentifier).tmp")
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
                throw SaveError(message: "cannot write \(temporary.path): \(Self.explain(error))")
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

    /// The id of the most recently saved session, if any.
    public func mostRecent() -> String? {
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])) ?? []
        let saves = files.filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasPrefix(".") }
        let newest = saves.max { a, b in
            let dateA = (try? a.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            let dateB = (try? b.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
            return dateA < dateB
        }
        return newest?.deletingPathExtension().lastPathComponent
    }

    private static func systemError(_ what: String) -> Error {
        SaveError(message: "\(what): \(String(cString: strerror(errno)))")
    }

    private static func explain(_ error: Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .dataCorrupted(let context): return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
            case .keyNotFound(let key, _): return "'\(key.stringValue)' is missing"
            case .typeMismatch(_, let context), .valueNotFound(_, let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return "'\(path)' is not what a save holds there"
            @unknown default: return "\(decoding)"
            }
        }
        // The system's own words ("No space left on device"), wherever Foundation put them.
        var current: NSError? = error as NSError
        while let nsError = current {
            if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
            current = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return error.localizedDescription
    }
}

/// A save that could not be written, with the system's reason.
public struct SaveError: Error, Sendable, CustomStringConvertible, LocalizedError {
    public let message: String
    public var description: String { message }
    public var errorDescription: String? { message }
}
