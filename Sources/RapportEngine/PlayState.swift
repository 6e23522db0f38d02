import RapportLanguage

/// Where a promise stands.
public enum PromiseStatus: UInt8, Sendable, Codable, Hashable {
    case notMade, open, kept, broken
}

/// Everything that decides what can happen next: the node, the state values, the promises, the
/// watched visits and whether this visit's silence has been used. Scores are not in it: they are what
/// happened on the way, not what can happen next. Two playthroughs in the same `PlayState` have the
/// same future, which is what lets analysis count states rather than paths.
///
/// The fields can be set within the package: the analysis stores states packed into a few bits and
/// unpacks them into one reused `PlayState`, element by element, instead of allocating three arrays
/// per state.
public struct PlayState: Sendable, Hashable {
    public package(set) var node: Int
    public package(set) var values: [Int]
    public package(set) var promises: [PromiseStatus]
    /// Visits to the nodes that some `visited` condition asks about, one flag each (see `Rules.watched`).
    public package(set) var watchedVisits: [Bool]
    public package(set) var silenceUsed: Bool
}
