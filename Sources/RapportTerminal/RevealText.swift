import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportWorkshop

/// The reveal: every option of a decision side by side with its votes, score changes, promises, coach
/// note and whether it is a best choice (by the analysis's one definition, `Judgement`: equal
/// outcomes are equally best), then what happens next. Promises are named by their words and the
/// customer's meter by its name; no id from the scenario file is shown.
extension FacilitatorRenderer {
    /// - Parameters:
    ///   - options: the options as the report judges them (the last decision's, or the open one's).
    ///   - chosen: the room's option, when the vote is in.
    ///   - next: the first line of what happened after it.
    public func reveal(
        options: [WorkshopReport.Option], chosen: Int?, teams: [(team: String, option: Int)], next: Line?, early: Bool
    ) -> ScreenText {
        var spaced: [String] = []
        var compact: [String] = []
        let most = max(1, options.map(\.votes).max() ?? 1)
        for (index, option) in options.enumerated() {
            var head = style.bold(option.letter)
            if !early {
                head += style.plain
                    ? "  " + plural(option.votes, teams.isEmpty ? "vote" : "team")
                    : "  " + style.accent(String(repeating: "█", count: option.votes * 12 / most)) + " \(option.votes)"
            }
            if index == chosen { head += style.plain ? ", the room's choice" : "  " + style.bold("◀ the room's choice") }
            if option.isBest { head += style.plain ? ", a best choice" : "  " + style.good("★ a best choice") }
            let deltas = option.deltas.map { "\($0.dimension) \(style.signed($0.delta))" }
            let effects = (deltas.isEmpty ? ["no score changes"] : [deltas.joined(separator: ", ")]) + option.effects
            let coach = option.coach.map { lines("Coach: " + $0, indent: "   ", rest: "     ") } ?? []
            let picked = option.teams.isEmpty ? [] : lines("picked by " + option.teams.map(clean).joined(separator: ", "), indent: "   ")
            spaced += [head] + lines(clean(option.text), indent: "   ") + lines(effects.joined(separator: "; "), indent: "   ")
                + picked + coach + [""]
            // Compact: no blank lines, and the option's text on its heading line when it fits whole.
            let text = clean(option.text)
            let fitsOnHead = TextLayout.width(head) + 2 + TextLayout.width(text) <= style.width
            compact += (fitsOnHead ? [head + "  " + text] : [head] + lines(text, indent: "   "))
                + lines(effects.joined(separator: "; "), indent: "   ") + picked + coach
        }
        if let next {
            let said = "What happens next: " + (next.speaker.map { clean($0) + ": " } ?? "") + clean(next.text)
            spaced += lines(said)
            compact += lines(said)
        }
        if spaced.last == "" { spaced.removeLast() }
        let footer =
            early
            ? ["Shown before the vote. Enter: back to the decision."]
            : ["Enter: next step.  :back: undo this vote."]
        return ScreenText(title: early ? "Reveal before the vote" : "Reveal", spaced: spaced, compact: compact, footer: footer)
    }
}
