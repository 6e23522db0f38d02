import Foundation

extension WorkshopRecord {
    /// The largest room a vote can count, and the most options a decision can letter (A to Z).
    public static let maximumVotesPerOption = 10_000
    public static let maximumOptions = 26
    /// Longer names do not fit a screen or a handout's heading.
    public static let maximumNameLength = 80
    /// More pages than any debrief has: a larger number was not written by Rapport.
    public static let maximumDebriefPage = 10_000

    /// What is wrong with a record read from disk, if anything: a save is outside input, and a
    /// record that does not hold together must be refused before anything replays it.
    public func problem() -> String? {
        guard Self.readableVersions.contains(version) else {
            return "it has format version \(version); this Rapport reads versions \(Self.readableVersions.lowerBound) to \(Self.readableVersions.upperBound)"
        }
        guard Set(teams.map { $0.lowercased() }).count == teams.count, !teams.contains(where: \.isEmpty) else {
            return "its team names are empty or repeated"
        }
        if let bad = teams.first(where: { TeamNames.problem(with: $0) != nil }) {
            return "the team name '\(bad.prefix(Self.maximumNameLength))' \(TeamNames.problem(with: bad)!)"
        }
        if let name, let problem = SessionName.problem(with: name) { return "its session name \(problem)" }
        for (label, value) in [("group", group), ("facilitator", facilitator)] {
            if let value, value.count > Self.maximumNameLength { return "its \(label) is longer than \(Self.maximumNameLength) characters" }
        }
        switch currentStage {
        case .voted, .revealed:
            if decisions.isEmpty { return "it is at a reveal with no vote taken" }
        case .debrief:
            guard let page = debriefPage, (0...Self.maximumDebriefPage).contains(page) else {
                return "its debrief page is missing or out of range"
            }
        case .opening:
            if !decisions.isEmpty { return "it is at the opening screen with votes taken" }
        case .voting, .finished:
            break
        }
        for (number, decision) in decisions.enumerated() {
            let at = "decision \(number + 1)"
            let options = decision.offered.count
            guard (1...Self.maximumOptions).contains(options), Set(decision.offered).count == options else {
                return "\(at) has \(options) options, or the same option twice"
            }
            guard decision.offered.contains(decision.chosen) else {
                return "\(at) follows '\(decision.chosen)', which was not on offer"
            }
            switch decision.vote {
            case .tally(let counts):
                guard teams.isEmpty else { return "\(at) has a tally, but the session has teams" }
                guard counts.count == options else {
                    return "\(at) has \(counts.count) vote counts for \(options) options"
                }
                guard counts.allSatisfy({ (0...Self.maximumVotesPerOption).contains($0) }), counts.contains(where: { $0 > 0 })
                else { return "\(at) has a vote count that is negative, too large, or no votes at all" }
            case .teams(let picks):
                guard picks.count == teams.count, !teams.isEmpty else {
                    return "\(at) has \(picks.count) team picks for \(teams.count) teams"
                }
                guard picks.allSatisfy({ (0..<options).contains($0) }) else {
                    return "\(at) has a team pick that is not one of its \(options) options"
                }
            }
        }
        return nil
    }
}
