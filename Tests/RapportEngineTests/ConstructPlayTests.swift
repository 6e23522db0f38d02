@testable import RapportEngine
import RapportLanguage
import Testing

/// How play follows the constructs added for trainers: `[else]` lines and choices, `drop:`, a
/// silence with a condition, and the header's silence line. Play and the analysis both go by
/// `Rules`, so these hold for both.
@Suite struct ConstructPlayTests {
    static let header = """
        title: T
        customer: Dana Okafor
        state: patience = 2 (0..5), noted = false

        """

    func lines(_ session: Session) -> [String] { session.step.lines.map(\.text.string) }

    @Test func onlyOneLineOfAnElseRunIsShown() throws {
        let text = Self.header + """
            == start
            [if patience >= 4] High.
            [else if patience >= 2] Middle.
            [else if patience >= 1] Low.
            [else] None.
            After.
            * Up.
              set: patience += 2
              coach: c
              -> start
            * Down.
              set: patience = 0
              coach: c
              -> start
            * Leave.
              coach: c
              -> end
            == end
            end good: ok
            """
        var session = Session(try scenario(text))
        #expect(lines(session) == ["Middle.", "After."])
        try session.choose(number: 1)
        #expect(lines(session) == ["High.", "After."])
        try session.choose(number: 2)
        #expect(lines(session) == ["None.", "After."])
    }

    /// Several `[if]` lines may all be shown; `[else]` is shown only when none was.
    @Test func elseAnswersEveryConditionalLineAbove() throws {
        let text = Self.header + """
            == start
            [if patience >= 1] One.
            [if patience >= 2] Two.
            [else] Neither.
            end good: ok
            """
        #expect(lines(Session(try scenario(text))) == ["One.", "Two."])
        let low = text.replacingOccurrences(of: "patience = 2", with: "patience = 0")
        #expect(lines(Session(try scenario(low))) == ["Neither."])
    }

    /// Whether a line of the run was shown is decided as each is reached: a change made by one of
    /// them does not make a later `[else]` run as well.
    @Test func aChangeInTheRunDoesNotReopenIt() throws {
        let text = Self.header + """
            == start
            [if patience >= 2] set: patience = 0
            [else] Shown only when patience was below 2.
            [if patience == 0] -> zero
            end poor: not zero
            == zero
            end good: zero
            """
        let session = Session(try scenario(text))
        #expect(lines(session).isEmpty)
        #expect(session.step.ending?.outcome == .good)
    }

    @Test func anElseJumpIsTakenWhenNoJumpAboveIs() throws {
        let text = Self.header + """
            == start
            [if patience >= 4] -> high
            [else] -> low
            == high
            end good: high
            == low
            end poor: low
            """
        #expect(Session(try scenario(text)).step.ending?.summary == "low")
    }

    @Test func anElseChoiceIsOfferedWhenNoChoiceAboveIs() throws {
        let text = Self.header + """
            == start
            * [if noted] Mention the note.
              coach: c
              -> start
            * [else] Take a note.
              set: noted = true
              coach: c
              -> start
            * Always.
              coach: c
              -> end
            == end
            end good: ok
            """
        var session = Session(try scenario(text))
        #expect(session.step.choices.map(\.text.string) == ["Take a note.", "Always."])
        try session.choose(number: 1)
        #expect(session.step.choices.map(\.text.string) == ["Mention the note.", "Always."])
    }

    @Test func aDroppedPromiseIsNeitherOpenNorScored() throws {
        let text = Self.header + """
            == start
            * I'll call you back.
              promise callback: call Dana back
              coach: c
              -> cancelled
            == cancelled
            Dana: Don't bother, I've gone elsewhere.
            drop: callback
            [if dropped callback] The callback no longer applies.
            keep: callback
            end poor: gone
            """
        var session = Session(try scenario(text))
        let events = try session.choose(number: 1)
        #expect(events.contains(.promiseDropped(name: "callback")))
        #expect(!events.contains(.promiseKept(name: "callback")))
        #expect(!events.contains(.promiseLeftOpen(name: "callback")))
        #expect(session.status(ofPromise: "callback") == .dropped)
        #expect(session.total(of: "follow-through") == 0)
        #expect(lines(session).contains("The callback no longer applies."))
    }

    @Test func aDropOnlyActsOnAnOpenPromise() throws {
        let text = Self.header + """
            == start
            * I'll call you back.
              promise callback: call Dana back
              keep: callback
              drop: callback
              coach: c
              -> end
            == end
            end good: ok
            """
        var session = Session(try scenario(text))
        try session.choose(number: 1)
        #expect(session.status(ofPromise: "callback") == .kept)
    }

    @Test func aSilenceHappensOnlyWhenItsConditionHolds() throws {
        let text = Self.header + """
            silence-line: Dana: Hello? Are you there?

            == start
            [if patience <= 1] silence 10s:
              score: empathy -1
            * Calm her down.
              set: patience += 1
              coach: c
              -> start
            * Wind her up.
              set: patience -= 2
              coach: c
              -> start
            * Leave.
              coach: c
              -> end
            == end
            end good: ok
            """
        var session = Session(try scenario(text))
        #expect(session.step.silenceSeconds == nil)
        #expect(throws: PlayError.noSilenceHere) { try session.stayedSilent() }
        try session.choose(number: 2)
        #expect(session.step.silenceSeconds == 10)
        try session.stayedSilent()
        #expect(session.step.lines == [Line(speaker: "Dana", text: "Hello? Are you there?")])
        #expect(session.total(of: "empathy") == -1)
        #expect(session.step.silenceSeconds == nil)
    }

    @Test func rulesAgreeWithTheSessionAboutSilences() throws {
        let text = Self.header + """
            == start
            [if noted] silence 10s: Dana: Hello?
            * Note it.
              set: noted = true
              coach: c
              -> start
            * Leave.
              coach: c
              -> end
            == end
            end good: ok
            """
        let rules = Rules(try scenario(text))
        #expect(!rules.silenceAvailable(in: rules.initialState))
        var deltas = [0, 0, 0, 0]
        var events: [Event]? = nil
        let arrival = rules.take(.choose(0), from: rules.initialState, deltas: &deltas, events: &events)
        #expect(rules.silenceAvailable(in: arrival.state))
    }

    @Test func entriesAreRecordedOnlyWhenAskedFor() throws {
        let text = Self.header + """
            == start
            set: patience += 1
            -> next
            == next
            end good: ok
            """
        let rules = Rules(try scenario(text))
        var deltas = [0, 0, 0, 0]
        var events: [Event]? = nil
        let plain = rules.arrive(at: 0, from: rules.initialState, deltas: &deltas, events: &events)
        #expect(plain.valuesOnEntry.isEmpty)
        let recorded = rules.arrive(at: 0, from: rules.initialState, deltas: &deltas, events: &events, recordingEntries: true)
        #expect(recorded.path == [0, 1])
        #expect(recorded.valuesOnEntry.map { $0[0] } == [2, 3])
    }
}
