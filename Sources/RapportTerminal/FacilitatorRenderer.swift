import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

/// The projector view: one clean screen per step, options lettered, nothing of the scoring until the
/// facilitator reveals it; then the reveal, the scoreboard and the debrief.
public struct FacilitatorRenderer: Sendable {
    public var style: Style
    /// Clear the screen before each step (on a terminal only).
    public var clearsScreen: Bool
    /// The terminal's height in lines, when known. A decision that would not fit on the screen with
    /// its prompt is drawn without the blank lines between its parts, so the room still sees the
    /// title and the situation above the options (a projector's large font leaves few lines).
    public var height: Int?

    public init(style: Style, clearsScreen: Bool) {
        self.style = style
        self.clearsScreen = clearsScreen
    }

    func clean(_ text: String) -> String { Sanitizer.clean(text) }
    func clean(_ text: ScenarioText) -> String { Sanitizer.clean(text) }
    static func letter(_ index: Int) -> String { String(VoteParser.letter(index)) }

    public func step(_ workshop: Workshop, number: Int) -> String {
        let spaced = step(workshop, number: number, spaced: true)
        // The vote prompt and the line typed after it come below the decision.
        let promptLines = 2
        guard let height, spaced.reduce(0, { $1 == "\n" ? $0 + 1 : $0 }) + promptLines > height else { return spaced }
        return step(workshop, number: number, spaced: false)
    }

    private func step(_ workshop: Workshop, number: Int, spaced: Bool) -> String {
        let step = workshop.step
        let gap = spaced ? "\n" : ""
        var out = clearsScreen ? "\u{1B}[2J\u{1B}[H" : "\n"
        out += style.heading("\(clean(workshop.scenario.title)): decision \(number)")
        if let moment = step.moment {
            out += style.accent(style.plain ? "A moment that matters: \(clean(moment))." : "◆ \(clean(moment))") + "\n" + gap
        }
        for line in step.lines {
            if let speaker = line.speaker {
                out += style.wrap(style.bold(clean(speaker) + ":") + " " + clean(line.text), indent: "", rest: "  ")
            } else {
                out += style.wrap(clean(line.text)).styledPerLine(style.italic)
            }
            out += gap
        }
        if !spaced { out += "\n" }
        for (index, choice) in step.choices.enumerated() {
            out += style.wrap(clean(choice.text), indent: "  " + style.bold(Self.letter(index)) + "   ", rest: "      ") + gap
        }
        if !spaced { out += "\n" }
        if let discuss = step.discuss {
            out += style.wrap(style.bold("Discuss:") + " " + clean(discuss), indent: "", rest: "  ")
        }
        return out
    }

    public func votePrompt(_ workshop: Workshop) -> String {
        let parser = workshop.parser
        if workshop.teams.isEmpty {
            return style.dim("Type the votes (\(parser.example)), or :help.") + "\n"
        }
        return style.dim("Type each team's pick (\(parser.example)), or :help.") + "\n"
    }

    public func decided(_ workshop: Workshop, vote: Vote, option: Int, tieBroken: Bool) -> String {
        // The story has already moved on: count against the options of the decision just made.
        let optionCount = workshop.record.decisions.last?.offered.count ?? workshop.step.choices.count
        let counts = vote.counts(optionCount: optionCount)
        let total = counts.reduce(0, +)
        let unit = workshop.teams.isEmpty ? (total == 1 ? "vote" : "votes") : (total == 1 ? "team" : "teams")
        var out = "\nThe room goes with \(style.bold(Self.letter(option))) (\(counts[option]) of \(total) \(unit))"
        out += tieBroken ? ", the facilitator's call on a tie.\n" : ".\n"
        out += style.dim("Enter: reveal the options.  :back: undo this vote.") + "\n"
        return out
    }

    public func tie(_ options: [Int], counts: [Int]) -> String {
        let names = options.map(Self.letter).joined(separator: " and ")
        return "\nA tie between \(names) (\(counts[options[0]]) each). Which way does the story go? Type \(options.map(Self.letter).joined(separator: " or ")).\n"
    }

    /// Every option with its votes, score changes, coach note and where it leads.
    public func reveal(_ reveals: [ChoiceReveal], vote: Vote?, chosen: Int?, teams: [String]) -> String {
        var out = "\n" + style.heading("Reveal")
        let counts = vote?.counts(optionCount: reveals.count) ?? []
        let most = max(1, counts.max() ?? 1)
        for (index, reveal) in reveals.enumerated() {
            var head = style.bold(Self.letter(index))
            if !counts.isEmpty {
                let count = counts[index]
                head += style.plain
                    ? "  " + plural(count, "vote")
                    : "  " + style.accent(String(repeating: "█", count: count * 12 / most)) + " \(count)"
            }
            if index == chosen { head += style.plain ? ", the room's choice" : "  " + style.good("◀ the room's choice") }
            out += head + "\n"
            out += style.wrap(clean(reveal.choice.text), indent: "   ", rest: "   ")
            let deltas = reveal.deltas.map { "\($0.dimension) \(style.signed($0.delta))" }
            out += style.wrap(deltas.isEmpty ? "no score changes" : deltas.joined(separator: ", "), indent: "   ")
            for effect in reveal.effects {
                switch effect {
                case .promiseMade(_, let description): out += style.wrap("makes a promise: \(clean(description))", indent: "   ")
                case .promiseKept(let name): out += style.wrap("keeps the promise '\(name)'", indent: "   ")
                case .promiseBroken(let name): out += style.wrap("breaks the promise '\(name)'", indent: "   ")
                case .stateChanged(let name, let from, let to): out += style.wrap("\(name): \(from) to \(to)", indent: "   ")
                default: break
                }
            }
            if let coach = reveal.coach { out += style.wrap("Coach: " + clean(coach), indent: "   ", rest: "     ") }
            out += "\n"
        }
        if case .teams(let picks)? = vote {
            out += style.wrap("Teams: " + zip(teams, picks).map { "\($0) \(Self.letter($1))" }.joined(separator: ", "))
        }
        return out
    }

    public func notes(_ reveals: [ChoiceReveal]) -> String {
        var out = "Coach notes (for the facilitator):\n"
        for (index, reveal) in reveals.enumerated() {
            out += style.wrap("\(Self.letter(index)): " + (reveal.coach.map(clean) ?? "no note"), indent: "  ", rest: "     ")
        }
        return out
    }

    public func scoreboard(_ workshop: Workshop) -> String {
        let dimensions = workshop.scenario.dimensions
        var rows: [(String, [Int])] = [("The room", workshop.session.totals)]
        rows += workshop.teamTotals().map { ($0.team, $0.totals) }
        var out = "\n" + style.heading("Scores")
        if style.plain {
            for (name, totals) in rows {
                let parts = zip(dimensions, totals).map { "\($0) \(style.signed($1))" }
                out += "\(clean(name)): \(parts.joined(separator: ", ")); total \(style.signed(totals.reduce(0, +))).\n"
            }
            return out
        }
        let nameWidth = max(10, rows.map { TextLayout.width(clean($0.0)) }.max() ?? 0)
        let columnWidth = max(9, (dimensions.map { TextLayout.width($0) }.max() ?? 0) + 1)
        func figures(_ cells: [String], total: String) -> String {
            cells.map { TextLayout.rightAligned($0, width: columnWidth) }.joined() + TextLayout.rightAligned(total, width: 8)
        }
        out += String(repeating: " ", count: nameWidth + 2) + figures(dimensions, total: "total") + "\n"
        for (name, totals) in rows {
            out += "  " + TextLayout.leftAligned(clean(name), width: nameWidth)
                + figures(totals.map(style.signed), total: style.signed(totals.reduce(0, +))) + "\n"
        }
        return out
    }

    /// After the session, with `--export FOLDER`.
    public func exported(to folder: String) -> String {
        "\nWrote handout.html, handout.md and session.json to \(clean(folder)).\n"
    }

    /// After the session, without `--export`: how to write the handout later.
    public func savedForLater(session: String) -> String {
        let name = session.contains(" ") ? "'\(clean(session))'" : clean(session)
        return "\nThe session is saved as \(name); 'rapport facilitate --session \(name) --resume --export FOLDER' writes the handout.\n"
    }

    public func help() -> String {
        """
        Facilitator commands:
          :reveal     show every option's scores and coach notes (Enter after a vote does the same)
          :back       undo the last vote
          :timer 2m   start a discussion countdown (2m, 90s, 1m30s); :timer off to stop it
          :scores     the scoreboard
          :notes      the coach notes for this step, for your eyes
          :end        finish and show the debrief
          :help       this list

        """
    }

    public func timer(_ seconds: Int) -> String {
        let text = "\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)"
        return style.plain ? "Discussion time left: \(text).\n" : style.accent("⏱  \(text) left for discussion") + "\n"
    }

    public func debrief(_ report: WorkshopReport) -> String {
        let workshop = report.workshop
        var out = clearsScreen ? "\u{1B}[2J\u{1B}[H" : "\n"
        out += style.heading("Debrief: \(clean(workshop.scenario.title))")
        if let ending = workshop.session.step.ending {
            out += style.wrap("Ending: \(ending.outcome.rawValue). \(clean(ending.summary))") + "\n"
        }
        out += style.bold("The room's choices against the best choice at each decision") + "\n"
        for decision in report.decisions {
            let chosen = decision.options[decision.chosen]
            let mark = decision.roomChoseBest ? style.good(style.plain ? " (a best choice)" : " ✓ best") : ""
            out += style.wrap("\(decision.number). " + chosen.text + mark, indent: "  ", rest: "     ")
            if !decision.roomChoseBest, let best = decision.best.first {
                out += style.wrap("best here: " + decision.options[best].text, indent: "     ", rest: "     ")
            }
        }
        out += "\n" + style.bold("Decision by decision") + "\n"
        for (index, decision) in workshop.pastDecisions.enumerated() {
            let counts = decision.record.vote.counts(optionCount: decision.reveals.count)
            let title = decision.step.moment.map { clean($0) + " (a moment that matters)" } ?? "Decision \(index + 1)"
            out += style.wrap("\(index + 1). " + title, indent: "  ")
            for (option, reveal) in decision.reveals.enumerated() {
                let deltas = reveal.deltas.map { "\($0.dimension) \(style.signed($0.delta))" }.joined(separator: ", ")
                var line = "\(Self.letter(option)) " + plural(counts[option], "vote")
                if option == decision.chosenIndex { line += ", chosen" }
                line += ": " + (deltas.isEmpty ? "no score change" : deltas)
                out += style.wrap(line, indent: "     ", rest: "       ")
                if let coach = reveal.coach { out += style.wrap(clean(coach), indent: "       ", rest: "       ") }
            }
        }
        let promises = workshop.scenario.promises.indices.filter { workshop.session.state.promises[$0] != .notMade }
        if !promises.isEmpty {
            out += "\n" + style.bold("Promises") + "\n"
            for index in promises {
                out += style.wrap(
                    "\(clean(workshop.scenario.promises[index].description)): \(workshop.session.state.promises[index].word)",
                    indent: "  - ", rest: "    ")
            }
        }
        let prompts = workshop.pastDecisions.compactMap(\.step.discuss)
        if !prompts.isEmpty {
            out += "\n" + style.bold("For the closing conversation") + "\n"
            for prompt in prompts { out += style.wrap(clean(prompt), indent: "  - ", rest: "    ") }
        }
        out += scoreboard(workshop)
        return out
    }
}
