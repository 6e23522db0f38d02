import Foundation

/// A facilitated session's name: the name of its save (`NAME.json`) and of its handout's group
/// session, chosen with `--session` or made from the scenario and the day, so that the groups of one
/// day, or of one scenario, are kept side by side.
public enum SessionName {
    /// The scenario's id and the day in the facilitator's time zone: `delivery-promise-2025-03-14`.
    public static func defaultName(scenarioID: String, on date: Date, timeZone: TimeZone = .current) -> String {
        "\(scenarioID)-\(day(of: date, timeZone: timeZone))"
    }

    /// `2025-03-14`.
    public static func day(of date: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day))"
    }

    /// What is wrong with a name, if anything. A name becomes a file name, so it holds only letters,
    /// digits, spaces, `-`, `_` and `.`, and does not start with `.` (a hidden file) or `-` (an option).
    public static func problem(with name: String) -> String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "is empty" }
        if name.count > WorkshopRecord.maximumNameLength {
            return "is longer than \(WorkshopRecord.maximumNameLength) characters"
        }
        if name.hasPrefix(".") || name.hasPrefix("-") || name != name.trimmingCharacters(in: .whitespaces) {
            return "cannot start with '.' or '-', or start or end with a space"
        }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            CharacterSet.alphanumerics.contains(scalar) || " -_.".unicodeScalars.contains(scalar)
        }
        return allowed ? nil : "may hold only letters, digits, spaces, '-', '_' and '.'"
    }
}
