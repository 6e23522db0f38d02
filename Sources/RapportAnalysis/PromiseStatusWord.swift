import RapportEngine

/// A promise's status as a word, the same in a walk's failure, the debrief, the workshop's handout and
/// on screen. Here, the lowest of the tool targets, because the walkthroughs, the workshop and the
/// terminal all say it.
extension PromiseStatus {
    public var word: String {
        switch self {
        case .notMade: "not made"
        case .open: "open"
        case .kept: "kept"
        case .broken: "broken"
        case .dropped: "dropped"
        }
    }
}
