import Foundation
import RapportWorkshop

/// The folder `--export` names: checked before the workshop starts, so a facilitator learns that it
/// cannot be written while there is still time to name another, not after the debrief; then given the
/// handout (HTML and Markdown) and `session.json`.
struct HandoutFolder {
    let path: String
    var url: URL { URL(fileURLWithPath: path) }

    static let files = ["handout.html", "handout.md", "session.json"]

    /// Makes the folder if needed and writes and removes a file in it. Returns why it cannot be
    /// used, in the system's words, or nil.
    func problem() -> String? {
        if let problem = Self.makeFolder(url.standardizedFileURL.path) { return problem }
        let probe = url.appendingPathComponent(".rapport-write-check-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data()) else {
            return String(cString: strerror(errno))
        }
        try? FileManager.default.removeItem(at: probe)
        return nil
    }

    /// Makes a folder and those above it, with the system's reason when one cannot be made (Foundation
    /// says only "error 512" on Linux).
    static func makeFolder(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            return isFolder.boolValue ? nil : String(cString: strerror(ENOTDIR))
        }
        let parent = (path as NSString).deletingLastPathComponent
        if parent != path, !parent.isEmpty, let problem = makeFolder(parent) { return problem }
        if mkdir(path, 0o755) != 0, errno != EEXIST { return String(cString: strerror(errno)) }
        return nil
    }

    /// Writes the three files; returns why not, in the system's words.
    func write(_ report: WorkshopReport) -> String? {
        if let problem = Self.makeFolder(url.standardizedFileURL.path) { return problem }
        do {
            try Data(report.html().utf8).write(to: url.appendingPathComponent("handout.html"), options: .atomic)
            try Data(report.markdown().utf8).write(to: url.appendingPathComponent("handout.md"), options: .atomic)
            try JSONOutput.data(SessionExport(report)).write(to: url.appendingPathComponent("session.json"), options: .atomic)
            return nil
        } catch {
            return SystemMessage.explain(error)
        }
    }
}
