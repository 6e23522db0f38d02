import Foundation
import RapportLanguage

/// Finds and reads scenario files named on the command line: a file is taken as it is, a folder is
/// searched (with its subfolders) for `*.scenario` files, in name order so output is stable.
struct ScenarioFiles {
    struct ReadError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    static let fileExtension = "scenario"

    static func expand(_ paths: [String]) throws(ReadError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReadError(path: path, reason: "no such file or folder")
            }
            if isDirectory.boolValue {
                let found = scenarios(under: path)
                if found.isEmpty {
                    throw ReadError(path: path, reason: "this folder has no .\(fileExtension) files")
                }
                files += found
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// `expand`, reporting a problem on standard error and exiting with "cannot read".
    static func expandOrExit(_ paths: [String]) throws -> [String] {
        do {
            return try expand(paths)
        } catch {
            FileHandle.standardError.write("rapport: \(error)\n")
            throw ExitStatus.cannotRead
        }
    }

    static func scenarios(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".\(fileExtension)") {
                found.append(folder.hasSuffix("/") ? folder + relative : folder + "/" + relative)
            }
        }
        return found.sorted()
    }

    /// `sizeLimit`: the largest file read (tests set it low).
    static func read(_ path: String, sizeLimit: Int = SourceFile.maximumSize) throws(ReadError) -> SourceFile {
        guard let bytes = readBytes(path, atMost: sizeLimit + 1) else {
            throw ReadError(path: path, reason: "cannot be read (check that it exists and you may open it)")
        }
        guard bytes.count <= sizeLimit else {
            throw ReadError(
                path: path,
                reason: "is too large to be a scenario (Rapport reads files of up to \(Self.describe(bytes: sizeLimit)))")
        }
        return SourceFile(name: path, bytes: bytes)
    }

    /// A size as people say it: "4 GB", "10 bytes".
    static func describe(bytes: Int) -> String {
        bytes >= 1 << 30 ? "\((bytes + (1 << 29)) >> 30) GB" : "\(bytes) bytes"
    }

    /// The file's bytes, read straight into the array the checker uses, up to `limit` bytes.
    /// Reading into `Data` first and copying it made two copies of the file: on a 13 MB file that
    /// was 13 MB more memory to touch before the first choice could be shown.
    static func readBytes(_ path: String, atMost limit: Int = .max) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        var bytes: [UInt8] = []
        // Room for the whole file at once (plus one byte, to see the end without growing), so the
        // array is not grown by doubling as it fills.
        bytes.reserveCapacity(min(max(Int(status.st_size), 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }
}
