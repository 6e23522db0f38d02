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
            FileHandle.standardError.report("\(error)")
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
    static func read(_ path: String, sizeLimit: Int = ScenarioLimits.fileSize) throws(ReadError) -> SourceFile {
        do {
            return try SourceFile.read(path, sizeLimit: sizeLimit)
        } catch .tooLarge(let limit) {
            throw ReadError(
                path: path,
                reason: "is too large to be a scenario (Rapport reads files of up to \(SourceFile.describe(bytes: limit)))")
        } catch {
            throw ReadError(path: path, reason: "cannot be read (check that it exists and you may open it)")
        }
    }
}
