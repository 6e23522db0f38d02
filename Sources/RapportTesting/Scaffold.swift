/// What `rapport new ID` writes: a small scenario and its walks that pass `rapport check --strict` and
/// `rapport test` as written, so a trainer starts from something that works and changes it a piece at
/// a time. It has what the writing guide asks for (a header with a meter, a moment with a question for
/// the room, hints, three endings decided in a routing node, a promise made and tested later, choices
/// whose best is not always in the same place), with comments that say what each part is for.
public enum Scaffold {
    /// `late-parcel` as a title: "Late Parcel".
    public static func title(for id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    public static func scenario(id: String) -> String {
        """
        // \(id).scenario, written by `rapport new`. It checks clean as it stands
        // (rapport check --strict \(id).scenario) and its walks pass (rapport test \(id).scenario):
        // change it a piece at a time, with `rapport check --watch \(id).scenario` running beside your
        // editor. The format is in docs/scenario-format.md; the advice in docs/writing-scenarios.md.
        // A line starting with // is a note for writers, never shown to the learner.

        title: \(title(for: id))
        customer: Sam Carter
        channel: phone
        summary: Sam's order is a day late, and nobody has said why.
        state: patience = 3 (0..5)     // Sam's mood: the meter the learner sees
        meter: patience
        silence: 20s                   // how long a silence lasts, where a node has one

        == start
        moment: The opening
        discuss: Sam has been waiting for news. What does Sam need to hear in your first sentence?
        hint: Before any procedure, let Sam know you have heard the problem.
        Sam's order was due yesterday. The tracking page has not changed since Monday.
        Sam: Hi. My order still hasn't arrived, and nobody has told me why.
        silence: Sam: Hello? Are you there?
          score: empathy -1
          set: patience -= 1
          coach: A pause on the phone sounds like nobody is listening.

        // The best choice is second here, first at look-up and third at later. Learners soon notice
        // where the best one sits and press its number without reading, so vary it as you add
        // decisions: rapport check warns (RP0109) when it is in one place at most of them.
        * Can I take your order number, please?
          score: respect -1, empathy -1
          set: patience -= 1
          coach: You will need the number, but Sam asked why, and that went unanswered.
          -> look-up
        * I'm sorry it hasn't come, Sam. Let me find out where it is, right now.
          score: respect +1, ownership +2, empathy +1
          set: patience += 1
          coach: An apology and an action in one breath: Sam knows someone is on it.
          -> look-up

        == look-up
        You find the parcel. It is at the local depot, waiting for a van.
        [if patience <= 2] Sam: So? Where is it?
        [else] Sam: Any luck?
        hint: Sam will plan the day around what you say next.

        // A promise: made here, kept or broken in a later node.
        * It's at the depot. I'll call you back by four today to tell you when it will come.
          score: ownership +1, follow-through +1
          promise callback: call Sam back by four with a delivery time
          coach: A time and a thing: a promise Sam can hold you to.
          -> later
        * It's at the depot, so it should be with you soon.
          score: follow-through -1
          coach: Probably true, and it leaves Sam nothing to plan around.
          -> later
        * The depot is a separate company, so you'll need to call them yourself.
          score: ownership -2, empathy -1
          set: patience -= 1
          coach: Accurate, and it hands Sam the work you could have done.
          -> later

        == later
        It is ten to four. The depot says the van comes tomorrow morning. Six calls are waiting.
        [if promised callback] Your note on Sam's order says: call by four.

        * Take the next call. The depot will text Sam anyway.
          score: ownership -1
          break: callback
          coach: The text will come, but the call was yours to make.
          -> outcome
        * Email Sam the delivery time.
          score: empathy -1
          coach: Quicker than a call, and Sam was waiting for the phone.
          -> outcome
        * [if promised callback] Call Sam now with the delivery time, as you said you would.
          score: follow-through +1
          keep: callback
          coach: You kept your word with a queue waiting. That is what Sam will remember.
          -> outcome

        // A routing node: no choices, so the first '->' whose condition holds decides the ending.
        == outcome
        [if kept callback and patience >= 3] -> good-end
        [if broken callback or patience <= 1] -> poor-end
        -> mixed-end

        == good-end
        Sam: Thanks for ringing when you said you would.
        end good: The parcel comes the next morning, and Sam orders again the week after.

        == mixed-end
        Sam: Right. Tomorrow, then.
        end mixed: The parcel arrives, but Sam is not sure about ordering again.

        == poor-end
        Sam: I'll just get my money back, thanks.
        end poor: Sam cancels the order and shops elsewhere.

        """
    }

    public static func tests(id: String) -> String {
        """
        // \(id).tests: walks through \(id).scenario. `rapport test \(id).scenario` plays each one and
        // checks each 'expect' where it stands. Choose by the start of a choice's text, so that a walk
        // still works when you reorder the choices.

        == best path
        choose: I'm sorry it hasn't come
        expect meter: 4
        choose: It's at the depot. I'll call you back
        expect open: callback
        choose: Call Sam now
        expect kept: callback
        expect line: Thanks for ringing when you said you would
        expect ending: good
        expect score: respect 1, ownership 3, empathy 1, follow-through 4
        // About the whole scenario: no playthrough is shorter than this.
        expect decisions at least 3

        == the promise broken
        silence
        expect line: Hello? Are you there?
        choose: Can I take your order number
        expect patience: 1
        choose: It's at the depot. I'll call you back
        choose: Take the next call
        expect broken: callback
        expect ending: poor

        == no promise made
        choose: I'm sorry it hasn't come
        choose: It's at the depot, so it should be with you soon
        expect choices: 2
        choose: Email Sam
        expect ending: mixed

        """
    }
}
