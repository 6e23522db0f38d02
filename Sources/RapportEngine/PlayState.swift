import RapportLanguage

/// Where a promise stands.
public enum PromiseStatus: UInt8, Sendable, Codable, Hashable {
    case notMade, open, kept, broken
    /// Withdrawn with `drop:`: it no longer applies, and is not scored.
    case dropped
}

/// Everything that decides what can happen next: the node, the state values, the promises, the
/// watched visits and whether this visit's silence has been used. Scores are not in it: they are what
/// happened on the way, not what can happen next. Two playthroughs in the same `PlayState` have the
/// same future, which is what lets analysis count states rather than paths.
public struct PlayState: Sendable, Hashable {
    public internal(set) var node: Int
    public internal(set) var values: [Int]
    public internal(set) var promises: [PromiseStatus]
    /// Visits to the nodes that some `visited` condition asks about, one flag each (see `Rules.watchedSlot`).
    public internal(set) var watchedVisits: [Bool]
    public internal(set) var silenceUsed: Bool

    public init(node: Int, values: [Int], promises: [PromiseStatus], watchedVisits: [Bool], silenceUsed: Bool) {
        self.node = node
        self.values = values
        self.promises = promises
        self.watchedVisits = watchedVisits
        self.silenceUsed = silenceUsed
    }
}
