import Foundation

/// Errors from the file system, in the words a facilitator can act on: the system's own
/// ("No space left on device", "Permission denied"), never "NSCocoaErrorDomain error 512".
public enum SystemMessage {
    public static func explain(_ error: Error) -> String {
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
        if let saveError = error as? SaveError { return saveError.message }
        // The system's own words, wherever Foundation put them.
        var current: NSError? = error as NSError
        while let nsError = current {
            if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
            current = nsError.userInfo[NSUnderlyingErrorKey] as? NSError
        }
        return error.localizedDescription
    }
}
