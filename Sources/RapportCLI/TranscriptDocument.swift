import Foundation
import RapportAnalysis
import RapportEngine

/// What `--json` writes: the run's transcript (which `Session.replay` reads back, format version 2),
/// and beside it what a reader of the record wants: when and how it was played, the scores exactly
/// as the debrief showed them, and the promises in their own words. Each step carries its coach
/// note. The fields are listed in docs/transcript.md; `version` changes whenever the shape does.
struct TranscriptDocument: Encodable {
    struct Promise: Encodable {
        let name: String
        let words: String
        let status: String
        let madeAt: String?
        let settledAt: String?
    }

    let transcript: Transcript
    let recordedAt: Date
    let mode: String
    let timers: Bool
    /// Nil when the run was left before its debrief (Ctrl-C, or a signal).
    let scores: ScoreReport?
    let promises: [Promise]?

    init(transcript: Transcript, debrief: Debrief?, recordedAt: Date, assessment: Bool, timers: Bool) {
        self.transcript = transcript
        self.recordedAt = recordedAt
        mode = assessment ? "assessment" : "practice"
        self.timers = timers
        scores = debrief?.scores
        promises = debrief?.promises.map {
            Promise(name: $0.name, words: $0.description, status: $0.status.word, madeAt: $0.madeAt, settledAt: $0.settledAt)
        }
    }

    enum Keys: String, CodingKey {
        case recordedAt, mode, timers, scores, promises
    }

    func encode(to encoder: any Encoder) throws {
        try transcript.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        let formatter = ISO8601DateFormatter()
        try container.encode(formatter.string(from: recordedAt), forKey: .recordedAt)
        try container.encode(mode, forKey: .mode)
        try container.encode(timers, forKey: .timers)
        try container.encodeIfPresent(scores, forKey: .scores)
        try container.encodeIfPresent(promises, forKey: .promises)
    }
}
