import RapportEngine
import RapportLanguage
import RapportWorkshop

/// What is for the facilitator alone, on the one terminal the room also sees: a pane under a banner
/// that says so, drawn on a clean screen and closed (the room's screen drawn again) before anything
/// else happens. Whatever would give the scoring away (the coach notes, a reveal before the vote) is
/// shown only after the facilitator confirms, so the projector can be frozen or blanked first.
extension FacilitatorRenderer {
    public func pane(_ title: String, _ body: [String]) -> String {
        var out = clearsScreen ? "\u{1B}[2J\u{1B}[H" : "\n"
        out += heading("FOR THE FACILITATOR ONLY: \(title)", timer: nil)
        for line in body { out += line + "\n" }
        out += "Enter: back to the room's screen.\n"
        return out
    }

    /// A pane at the facilitator's console: nothing to close, since the room never sees it.
    public func consolePane(_ title: String, _ body: [String]) -> String {
        "\n" + heading("For you only: \(title)", timer: nil) + body.map { $0 + "\n" }.joined()
    }

    /// What the console shows when it connects.
    public func consoleWelcome(_ workshop: Workshop) -> String {
        let name = workshop.record.name.map { "the session \(clean($0)) of " } ?? ""
        return style.wrap(
            "Connected to \(name)\(clean(workshop.scenario.title)). What you type here is done in the room, as if typed "
                + "at its prompt; what answers it, and each decision's coach notes, show only here. Ctrl-D closes the console.")
    }

    /// The console's note of each new screen in the room.
    public func roomNowSees(_ title: String) -> String {
        "\n" + lines("The room now sees: \(title)").map { style.bold($0) + "\n" }.joined()
    }

    /// The commands, and every form a vote can take with this session's teams.
    public func help(_ workshop: Workshop, console: String? = nil) -> [String] {
        var body = [
            "  Enter       go on: reveal a vote, the next step, the next page",
            "  :reveal     show every option's scores (asks first if nobody has voted)",
            "  :back       undo the last vote (in the debrief: the page before)",
            "  :timer 2m   a discussion countdown (2m, 90s, 1m30s); :timer off stops it",
            "  :scores     the scoreboard (revealed decisions only)",
            "  :notes      this step's coach notes, for you (asks first, not at a console)",
            "  :show       draw the room's screen again (Ctrl-L too)",
            "  :end        the debrief; in the debrief, close it",
            "  :pages      in the debrief, the list of pages",
            "",
            workshop.teams.isEmpty ? "Votes:" : "Votes, with the teams \(workshop.teams.map(clean).joined(separator: ", ")):",
        ]
        body += workshop.parser.forms.map { "  " + clean($0) }
        if let console { body += [""] + lines(console) }
        return body
    }

    /// The coach notes of the options on screen.
    public func notes(_ reveals: [ChoiceReveal]) -> [String] {
        reveals.enumerated().flatMap { index, reveal in
            lines("\(VoteParser.letter(index)): " + (reveal.coach.map(clean) ?? "no note"), indent: "  ", rest: "     ")
        }
    }

    /// The question before showing what the room should not see yet.
    public func confirmation(_ what: String) -> String {
        "\n" + style.wrap(style.bold(what) + " Freeze or blank the projector first. Type yes to show it, anything else to go back.")
    }
}
