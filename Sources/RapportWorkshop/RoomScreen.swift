/// What the room's screen shows, as a value rather than as terminal output: the facilitator's run
/// moves from one to the next, the terminal draws each one (and draws it again on `:show`), and a
/// room screen of another kind (a browser at the projector) can follow the same stream and draw it
/// from the same `Workshop`. Whatever is only for the facilitator (the coach notes, the commands, a
/// question before showing scores early) is never a room screen.
public enum RoomScreen: Sendable, Equatable {
    /// The title, the customer, the channel and the summary, before the first decision.
    case opening
    /// The decision on offer now, open for votes: its lines, its options lettered, its prompt.
    case decision
    /// The last vote is in: which way the story goes, nothing of the scoring.
    case voted
    /// Every option of the last decision side by side, scored, with what happens next.
    case reveal
    /// Every option of the decision on offer, scored, before any vote: shown only when the
    /// facilitator confirms.
    case earlyReveal
    /// The scores so far: only decisions already revealed count.
    case scoreboard
    /// A page of the debrief, from 0.
    case debrief(page: Int)
}

extension RoomScreen {
    /// Whether this is a page of the debrief.
    public var isDebrief: Bool {
        if case .debrief = self { return true }
        return false
    }
}
