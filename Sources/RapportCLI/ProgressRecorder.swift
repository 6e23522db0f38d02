import RapportAnalysis
import RapportEngine
import RapportRecords
import RapportTerminal

/// Keeps a practice run's attempts in the progress database as they happen (see `PracticeRecorder`).
final class ProgressRecorder: PracticeRecorder {
    let store: ProgressStore
    let learner: String
    let mode: AttemptMode
    let timers: Bool
    /// The attempt being played, once begun.
    private(set) var attempt: Int64?
    /// The last attempt finished or given up: what a retry retries.
    private var previous: Int64?

    init(store: ProgressStore, learner: String, mode: AttemptMode, timers: Bool, resuming: Int64? = nil) {
        self.store = store
        self.learner = learner
        self.mode = mode
        self.timers = timers
        self.resuming = resuming
    }

    /// An unfinished attempt to carry on with rather than begin a new one.
    private var resuming: Int64?

    func began(_ session: Session, playedForYou: Int, retrying: Bool) -> String? {
        if let resuming {
            attempt = resuming
            self.resuming = nil
            return nil
        }
        do {
            let start = AttemptStart(
                learner: learner, mode: mode, timers: timers, retryOf: retrying ? previous : nil, playedForYou: playedForYou)
            attempt = try store.begin(start, session: session)
            return nil
        } catch {
            attempt = nil
            return error.description
        }
    }

    func moved(_ session: Session) -> String? {
        guard let attempt else { return nil }
        do {
            try store.record(attempt, session: session)
            return nil
        } catch {
            return error.description
        }
    }

    func finished(_ session: Session, debrief: Debrief) -> String? {
        guard let attempt else { return nil }
        previous = attempt
        self.attempt = nil
        do {
            try store.finish(attempt, session: session, debrief: debrief)
            return nil
        } catch {
            return error.description
        }
    }

    func gaveUp(_ session: Session) -> String? {
        guard let attempt else { return nil }
        previous = attempt
        self.attempt = nil
        do {
            try store.leave(attempt)
            return nil
        } catch {
            return error.description
        }
    }
}
