import RapportLanguage

/// Why a score moved.
public enum ScoreReason: String, Sendable, Codable, Hashable {
    case choice, silence, node
    case promiseKept = "promise kept"
    case promiseBroken = "promise broken"
    case promiseOpen = "promise left open"
}

/// Something that happened in the conversation, in order. The front ends show them; transcripts
/// record them.
public enum Event: Sendable, Codable, Hashable {
    case scored(dimension: String, delta: Int, reason: ScoreReason)
    case stateChanged(name: String, from: Int, to: Int)
    case promiseMade(name: String, description: String)
    case promiseKept(name: String)
    case promiseBroken(name: String)
    /// Withdrawn with `drop:`, without a score.
    case promiseDropped(name: String)
    case promiseLeftOpen(name: String)
    case silence(Line)
    case ended(Ending)
}
