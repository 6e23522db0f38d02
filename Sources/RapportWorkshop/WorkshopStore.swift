import Foundation
import RapportEngine

/// Saves a facilitated session after every vote so that a crash, a closed laptop or a killed process
/// loses nothing. Each save writes a new file beside the old one, flushes it to disk, then renames it
/// over the old one: at any moment the file on disk is a whole save, the last or the one before.
public struct WorkshopStore: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    public func url(for scenarioID: String) -> URL { folder.appendingPathComponent("\(scenarioID).json") }

    public func save(_ record: WorkshopRecord) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(record)
        let target = url(for: record.scenario.id)
        let temporary = folder.appendingPathComponent(".\(record.scenario.id).json.\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        if rename(temporary.path, target.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
        // Make the rename itself durable.
        let directory = open(folder.path, O_RDONLY)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    public func load(scenarioID: String) throws -> WorkshopRecord {
        try JSONDecoder().decode(WorkshopRecord.self, from: Data(contentsOf: url(for: scenarioID)))
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
}
