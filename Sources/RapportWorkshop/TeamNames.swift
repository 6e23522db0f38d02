import Foundation
import RapportLanguage

/// The teams of a workshop, as the facilitator names them with `--teams "Front Desk, Back Office"`:
/// any words, spaces included, as long as a vote can still be read (see `VoteParser`).
public enum TeamNames {
    /// A room of 6 to 30 people makes at most 30 teams.
    public static let maximumCount = 30
    public static let maximumLength = 30

    /// The names in a comma-separated list, each trimmed, runs of blanks made one space.
    public static func parse(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
            .filter { !$0.isEmpty }
    }

    /// What is wrong with one name, if anything.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > maximumLength { return "is longer than \(maximumLength) characters" }
        // Shown on the projector and in the handout: nothing the sanitiser would change.
        if Sanitizer.clean(name) != name { return "holds a control or invisible character" }
        if name.contains(where: { ":=;,".contains($0) }) { return "holds ':', '=', ';' or ',', which separate a vote" }
        // `A C A` means the teams' picks in order; a team called `A` would make it ambiguous.
        if name.count == 1, name.first!.isLetter { return "is a single letter, which reads as a pick; use a word" }
        return nil
    }

    /// What is wrong with the list, if anything.
    public static func problem(with names: [String]) -> String? {
        if names.isEmpty { return "--teams needs at least one name" }
        if names.count > maximumCount { return "at most \(maximumCount) teams" }
        for name in names {
            if let problem = problem(with: name) { return "the team name '\(name)' \(problem)" }
        }
        if Set(names.map { $0.lowercased() }).count != names.count { return "each team needs a different name" }
        return nil
    }
}
