import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

/// The room's screens at the projector (see `RoomScreen`): the opening, each decision with its
/// options lettered, the vote, the reveal, the scoreboard and the debrief's pages, each a `ScreenText`
/// drawn on a clean screen. Nothing of the scoring is on a screen before the reveal. No dim or italic
/// text: both wash out on a projector. Panes for the facilitator alone are in `FacilitatorPanes`.
public struct FacilitatorRenderer: Sendable {
    public var style: Style
    /// Clear the screen before each screen (on a terminal only).
    public var clearsScreen: Bool
    /// The terminal's height in lines, when known: screens are fitted to it.
    public var height: Int?
    /// Text is wrapped at the terminal's width up to this many columns: beyond it, lines are too
    /// long to read from the back of a room.
    public static let readingWidth = 100

    public init(style: Style, clearsScreen: Bool) {
        self.style = style
        self.clearsScreen = clearsScreen
        self.style.width = min(style.width, Self.readingWidth)
    }

    /// Follows a resize: the heading rule and the wrapping take the new width, up to the reading width.
    public mutating func setWidth(_ columns: Int) { style.width = min(max(20, columns), Self.readingWidth) }

    func clean(_ text: String) -> String { Sanitizer.clean(text) }
    func clean(_ text: ScenarioText) -> String { Sanitizer.clean(text) }

    /// Lines of wrapped text, without the final newline.
    func lines(_ text: String, indent: String = "", rest: String? = nil) -> [String] {
        TextLayout.wrap(text, width: style.width, firstIndent: indent, restIndent: rest ?? indent)
    }

    // MARK: - Drawing a screen

    /// The screen's heading, with the discussion timer at its end while one runs.
    public func heading(_ title: String, timer: Int?) -> String {
        let clock = timer.map { "  " + Self.clock($0) + " left" } ?? ""
        if style.plain { return title + (timer.map { " (\(Self.clock($0)) left for discussion)" } ?? "") + "\n" }
        let text = "── \(title) "
        let rule = String(repeating: "─", count: max(0, style.width - TextLayout.width(text) - TextLayout.width(clock)))
        return style.bold(text + rule) + (timer == nil ? "" : style.accent(clock)) + "\n"
    }

    static func clock(_ seconds: Int) -> String { "\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)" }

    /// A whole screen, or one part of it: a clean screen, the heading, the body, the "and more" cue
    /// and the footer.
    public func draw(_ screen: ScreenText, part: Int = 0, timer: Int? = nil) -> String {
        let parts = screen.parts(height: height)
        let index = min(part, parts.count - 1)
        var out = clearsScreen ? "\u{1B}[2J\u{1B}[H" : "\n"
        out += heading(screen.title + (parts.count > 1 ? " (\(index + 1) of \(parts.count))" : ""), timer: timer)
        for line in parts[index] { out += line + "\n" }
        if index < parts.count - 1 { out += style.bold("▼ and more: Enter shows the rest.") + "\n" }
        // A footer wider than the screen is wrapped; one that fits keeps its double spaces.
        for line in screen.footer { out += TextLayout.width(line) <= style.width ? line + "\n" : style.wrap(line) }
        return out
    }

    /// The timer's new value, written over the heading without moving the cursor (the prompt and
    /// what is typed at it stay where they are); on a terminal that is not cleared, a line now and
    /// then instead.
    public func timerTick(_ title: String, seconds: Int) -> String? {
        if clearsScreen { return "\u{1B}7\u{1B}[1;1H\u{1B}[2K" + heading(title, timer: seconds).dropLast() + "\u{1B}8" }
        return seconds % 60 == 0 || seconds == 30 || seconds == 10 ? timer(seconds) : nil
    }

    public func timer(_ seconds: Int) -> String {
        style.plain ? "Discussion time left: \(Self.clock(seconds)).\n" : style.accent("⏱  \(Self.clock(seconds)) left for discussion") + "\n"
    }

    // MARK: - The room's screens

    /// Before the first decision: who the customer is, how they are in touch, and the situation.
    public func opening(_ workshop: Workshop) -> ScreenText {
        let scenario = workshop.scenario
        var body: [String] = [""]
        var who = "Customer: \(clean(scenario.customer))"
        if let channel = scenario.channel { who += ", by \(channel.rawValue)" }
        body += lines(who + ".")
        if !scenario.cast.isEmpty {
            body += lines("Also in it: " + scenario.cast.map { clean($0.name) + ($0.role.map { " (\(clean($0)))" } ?? "") }.joined(separator: ", ") + ".")
        }
        if let summary = scenario.summary {
            body.append("")
            body += lines(clean(summary))
        }
        body.append("")
        body += lines("\(scenario.decisionCount) decisions at most. At each one, talk it over and vote.")
        return ScreenText(title: clean(scenario.title), spaced: body, footer: ["Enter: the first decision.  :help: the commands."])
    }

    /// A decision open for votes (`step` is the room's step now, or the one just voted on).
    public func decision(_ step: Step, number: Int, workshop: Workshop, footer: [String]) -> ScreenText {
        var spaced: [String] = []
        var compact: [String] = []
        func add(_ new: [String], gap: Bool) {
            spaced += new
            compact += new
            if gap { spaced.append("") }
        }
        if let moment = step.moment {
            add(lines(style.accent(style.plain ? "A moment that matters: " + TextLayout.sentence(clean(moment)) : "◆ \(clean(moment))")), gap: true)
        }
        for line in step.lines {
            if let speaker = line.speaker {
                add(lines(style.bold(clean(speaker) + ":") + " " + clean(line.text), rest: "  "), gap: true)
            } else {
                add(lines(clean(line.text)), gap: true)
            }
        }
        if spaced.last != "" { spaced.append("") }
        compact.append("")
        for (index, choice) in step.choices.enumerated() {
            add(lines(clean(choice.text), indent: "  " + style.bold(VoteParser.letter(index)) + "   ", rest: "      "), gap: true)
        }
        compact.append("")
        if let discuss = step.discuss { add(lines(style.bold("Discuss:") + " " + clean(discuss), rest: "  "), gap: false) }
        if spaced.last == "" { spaced.removeLast() }
        if compact.last == "" { compact.removeLast() }
        return ScreenText(
            title: "\(clean(workshop.scenario.title)): decision \(number)", spaced: spaced, compact: compact, footer: footer)
    }

    public func votePrompt(_ workshop: Workshop) -> String {
        // The example names the teams, which come from outside (the command line or a saved session).
        let example = clean(workshop.parser.example)
        return workshop.teams.isEmpty
            ? "Type the votes (\(example)), or :help."
            : "Type each team's pick (\(example), or \(workshop.teams.indices.map { VoteParser.letter($0 % max(1, workshop.step.choices.count)) }.joined())), or :help."
    }

    /// The decision now open for votes.
    public func openDecision(_ workshop: Workshop) -> ScreenText {
        decision(workshop.step, number: workshop.record.decisions.count + 1, workshop: workshop, footer: [votePrompt(workshop)])
    }

    /// The last decision with the room's vote under it: which way the story goes, nothing more.
    public func voted(_ workshop: Workshop) -> ScreenText {
        guard let past = workshop.pastDecisions.last else { return openDecision(workshop) }
        var screen = decision(past.step, number: workshop.record.decisions.count, workshop: workshop, footer: [])
        let counts = past.record.vote.counts(optionCount: past.reveals.count)
        let total = counts.reduce(0, +)
        let unit = workshop.teams.isEmpty ? (total == 1 ? "vote" : "votes") : (total == 1 ? "team" : "teams")
        var line = "The room goes with \(style.bold(VoteParser.letter(past.chosenIndex))) (\(counts[past.chosenIndex]) of \(total) \(unit))"
        line += past.record.tieBroken ? ", the facilitator's call on a tie." : "."
        screen.spaced += ["", line]
        screen.compact += [line]
        screen.footer = ["Enter: reveal the options.  :back: undo this vote."]
        return screen
    }

    public func tie(_ options: [Int], counts: [Int]) -> String {
        let names = options.map(VoteParser.letter).joined(separator: " and ")
        return "\nA tie between \(names) (\(counts[options[0]]) each). Which way does the story go? Type \(options.map(VoteParser.letter).joined(separator: " or ")).\n"
    }

    /// The scores so far, counting only what the room has seen revealed.
    public func scoreboard(_ workshop: Workshop, footer: [String]) -> ScreenText {
        var body = scoreboard(workshop).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if body.last == "" { body.removeLast() }
        if workshop.unrevealedDecision != nil {
            body += [""] + lines("The vote just taken counts once it is revealed.")
        }
        return ScreenText(title: "Scores", spaced: body, footer: footer)
    }

    /// The scores table: the room, then each team, on the decisions revealed so far.
    public func scoreboard(_ workshop: Workshop) -> String {
        let dimensions = workshop.scenario.dimensions
        var rows: [(String, [Int])] = [("The room", workshop.revealedRoomTotals)]
        rows += workshop.teamTotals(decisions: workshop.revealedDecisionCount).map { ($0.team, $0.totals) }
        return scoreTable(dimensions: dimensions, rows: rows)
    }

    func scoreTable(dimensions: [String], rows: [(String, [Int])]) -> String {
        var out = ""
        if style.plain {
            for (name, totals) in rows {
                let parts = zip(dimensions, totals).map { "\($0) \(style.signed($1))" }
                out += "\(clean(name)): \(parts.joined(separator: ", ")); total \(style.signed(totals.reduce(0, +))).\n"
            }
            return out
        }
        let nameWidth = max(10, rows.map { TextLayout.width(clean($0.0)) }.max() ?? 0)
        // Columns as wide as the longest dimension's name, narrowed (and the names shortened) when the
        // table would be wider than the screen.
        let natural = max(9, (dimensions.map { TextLayout.width($0) }.max() ?? 0) + 1)
        let available = (style.width - nameWidth - 2 - 8) / max(1, dimensions.count)
        let columnWidth = max(6, min(natural, available))
        func figures(_ cells: [String], total: String) -> String {
            cells.map { TextLayout.rightAligned($0, width: columnWidth) }.joined() + TextLayout.rightAligned(total, width: 8)
        }
        let headers = dimensions.map { TextLayout.width($0) < columnWidth ? $0 : TextLayout.shortened($0, width: columnWidth - 1) }
        out += String(repeating: " ", count: nameWidth + 2) + figures(headers, total: "total") + "\n"
        for (name, totals) in rows {
            out += "  " + TextLayout.leftAligned(clean(name), width: nameWidth)
                + figures(totals.map(style.signed), total: style.signed(totals.reduce(0, +))) + "\n"
        }
        return out
    }

    // MARK: - After the session

    /// After the session, with `--export FOLDER`.
    public func exported(to folder: String) -> String {
        "\nWrote handout.html, handout.md and session.json to \(clean(folder)).\n"
    }

    /// After the session, without `--export`: how to write the handout later.
    public func savedForLater(session: String) -> String {
        let name = session.contains(" ") ? "'\(clean(session))'" : clean(session)
        return "\nThe session is saved as \(name); 'rapport facilitate --session \(name) --resume --export FOLDER' writes the handout.\n"
    }
}
