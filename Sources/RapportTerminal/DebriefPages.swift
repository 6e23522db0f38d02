import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

/// The debrief as pages the facilitator steps through at the projector (next, back, a list of
/// pages): the story in one page, a page for each decision, then the promises, the scores, the
/// endings not reached and the questions for the closing conversation. Each page is a screen of its
/// own, fitted to the terminal like any other.
public struct DebriefPages: Sendable {
    public let pages: [ScreenText]
    /// Each page's name, for the list.
    public let names: [String]

    public var count: Int { pages.count }

    public init(_ report: WorkshopReport, renderer: FacilitatorRenderer) {
        let style = renderer.style
        func lines(_ text: String, indent: String = "", rest: String? = nil) -> [String] {
            renderer.lines(text, indent: indent, rest: rest)
        }
        var pages: [(String, [String])] = []

        // The story: the ending, and each decision against the best choice there.
        var story: [String] = []
        if let ending = report.ending {
            story += lines(style.bold("Ending: \(ending.outcome.rawValue).") + " " + Sanitizer.clean(ending.summary)) + [""]
        } else {
            story += lines("The session ended before the story did.") + [""]
        }
        story += lines(style.bold("Each decision, judged where the room stood then")) + [""]
        for decision in report.decisions {
            let chosen = decision.options[decision.chosen]
            var line = "\(decision.number). \(decision.title): \(chosen.letter), "
            if decision.roomChoseBest {
                line += style.good(decision.best.count > 1 ? "a best choice (one of \(decision.best.count) as good)" : "the best choice")
            } else {
                let best = decision.best.map { decision.options[$0].letter }.joined(separator: " or ")
                line += "best here: \(best)" + (decision.pointsGivenUp.map { $0 > 0 ? " (\($0) points given up)" : "" } ?? "")
            }
            story += lines(line, indent: "  ", rest: "     ")
        }
        pages.append(("The story", story))

        for decision in report.decisions {
            var body: [String] = []
            if let discuss = decision.discuss { body += lines(style.bold("Discuss:") + " " + discuss, rest: "  ") + [""] }
            for option in decision.options {
                var head = style.bold(option.letter) + "  " + plural(option.votes, report.workshop.teams.isEmpty ? "vote" : "team")
                if option.isRoomChoice { head += style.plain ? ", the room's choice" : "  ◀ the room's choice" }
                if option.isBest { head += style.plain ? ", a best choice" : "  " + style.good("★ a best choice") }
                body.append(head)
                body += lines(option.text, indent: "   ")
                let deltas = option.deltas.map { "\($0.dimension) \(style.signed($0.delta))" }
                body += lines(((deltas.isEmpty ? ["no score changes"] : [deltas.joined(separator: ", ")]) + option.effects).joined(separator: "; "), indent: "   ")
                if let coach = option.coach { body += lines("Coach: " + coach, indent: "   ", rest: "     ") }
                body.append("")
            }
            if decision.tieBroken { body += lines("The vote was tied; the facilitator chose.") }
            if body.last == "" { body.removeLast() }
            // Named "Decision N", not "N.": the list of pages numbers the pages, and a decision's
            // own number there read as a second one ("2. 1. The opening").
            pages.append((decision.moment.map { "Decision \(decision.number): \($0)" } ?? "Decision \(decision.number)", body))
        }

        let promises = report.promises
        if !promises.isEmpty {
            pages.append(("Promises", promises.flatMap { lines("\($0.description): \($0.status.word)", indent: "  - ", rest: "    ") }))
        }

        var scores = renderer.scoreTable(
            dimensions: report.scenario.dimensions, rows: report.scoreRows.map { ($0.name, $0.totals) }
        ).split(separator: "\n").map(String.init)
        let possible = report.possible
        func figure(_ value: Int?) -> String { value.map { style.signed($0) } ?? "unbounded" }
        scores += [""] + lines(
            "Possible in this scenario: "
                + zip(report.scenario.dimensions, zip(possible.worst, possible.best)).map { "\($0) \(figure($1.0)) to \(figure($1.1))" }
                .joined(separator: ", ") + "; overall \(figure(possible.worstTotal)) to \(figure(possible.bestTotal)).")
        pages.append(("Scores", scores))

        let notReached = report.endingsNotReached
        if !notReached.isEmpty {
            pages.append((
                "Endings the room did not reach",
                notReached.flatMap { lines("\($0.outcome.rawValue): \(Sanitizer.clean($0.summary))", indent: "  - ", rest: "    ") }
            ))
        }
        let prompts = report.prompts
        if !prompts.isEmpty {
            pages.append(("For the closing conversation", prompts.flatMap { lines($0.prompt, indent: "  - ", rest: "    ") }))
        }

        let total = pages.count
        names = pages.map(\.0)
        self.pages = pages.enumerated().map { number, page in
            ScreenText(
                title: "Debrief: \(page.0), page \(number + 1) of \(total)", spaced: page.1,
                footer: [number + 1 < total
                    ? "Enter: next page.  :back: page before.  :pages: list.  :end: close."
                    : "The last page.  :back: page before.  :pages: list.  :end: close the debrief."])
        }
    }

    /// The list of pages, to go to one by its number.
    public func list(renderer: FacilitatorRenderer) -> ScreenText {
        let body = names.enumerated().map { "  \($0.offset + 1). " + $0.element }
        return ScreenText(title: "Debrief pages", spaced: body, footer: ["Type a page's number to go there, or Enter to go back."])
    }
}
