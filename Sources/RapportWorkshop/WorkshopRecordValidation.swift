extension WorkshopRecord {
    /// The largest room a vote can count, and the most options a decision can letter (A to Z).
    public static let maximumVotesPerOption = 10_000
    public static let maximumOptions = 26

    /// What is wrong with a record read from disk, if anything: a save is outside input, and a
    /// record that does not hold together must be refused before anything replays it.
    public func problem() -> String? {
        guard version == Self.formatVersion else {
            return "it has format version \(version); this Rapport reads version \(Self.formatVersion)"
        }
        guard Set(teams.map { $0.lowercased() }).count == teams.count, !teams.contains(where: \.isEmpty) else {
            return "its team names are empty or repeated"
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
