import Foundation

/// What Rapport takes as the time now: the system clock, or, when `SOURCE_DATE_EPOCH` is set (the
/// reproducible-builds convention), that many seconds after 1970. Tests set it so that a workshop's
/// times, its default session name and its handout's date are the same on every run.
enum Now {
    static func date(_ environment: [String: String]) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) { return Date(timeIntervalSince1970: TimeInterval(seconds)) }
        return Date()
    }
}
