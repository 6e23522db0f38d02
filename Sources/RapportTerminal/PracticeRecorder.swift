import RapportAnalysis
import RapportEngine

/// Where a practice run reports what happens, as it happens, so it can be kept (the CLI keeps it in
/// the learner's progress database). Each call returns nil, or a message saying why it could not be
/// kept; the run tells the learner once and plays on.
public protocol PracticeRecorder: AnyObject {
    /// A new attempt: from the start, or (`playedForYou` > 0) from a decision the program played to;
    /// `retrying` when it retries the attempt before it.
    func began(_ session: Session, playedForYou: Int, retrying: Bool) -> String?
    /// An action was taken.
    func moved(_ session: Session) -> String?
    /// The attempt reached its debrief.
    func finished(_ session: Session, debrief: Debrief) -> String?
    /// The learner started again (`:restart`): the attempt is given up, not to be resumed.
    func gaveUp(_ session: Session) -> String?
}
