import Foundation
import RapportEngine
import RapportLanguage

/// The handout as Markdown (`handout.md`), for pasting into notes or a wiki. It says what the HTML
/// handout says, without the charts.
extension WorkshopReport {
    /// The line under the title: the day, the group and the facilitator, those that are known.
    public func metaLine(timeZone: TimeZone) -> [String] {
        var parts: [String] = []
        if let started = record.startedAt { parts.append("Date: \(SessionName.day(of: started, timeZone: timeZone))") }
        if let group = record.group { parts.append("Group: \(Sanitizer.clean(group))") }
        if let facilitator = record.facilitator { parts.append("Facilitator: \(Sanitizer.clean(facilitator))") }
        return parts
    }

    /// Who the customer is and how they are in touch.
    public var customerLine: String {
        "Customer: \(Sanitizer.clean(scenario.customer))" + (scenario.channel.map { ", by \($0.rawValue)" } ?? "")
    }

    public func markdown(timeZone: TimeZone = .current) -> String {
        var out = "# \(md(scenario.title)): workshop handout\n\n"
        let meta = metaLine(timeZone: timeZone)
        if !meta.isEmpty { out += meta.map(md).joined(separator: " · ") + "\n\n" }
        if let summary = scenario.summary { out += md(summary) + "\n\n" }
        out += md(customerLine) + ".\n\n"
        if let ending {
            out += "**Ending:** \(ending.outcome.rawValue). \(md(ending.summary.string))\n\n"
        } else {
            out += "**The session ended before the story did.**\n\n"
        }

        out += "## The room's choices and the best choice at each decision\n\n"
        out += "Each decision is judged where the room stood then. An option as good as the best is a best option.\n\n"
        out += "| # | decision | the room chose | the best choice there | points given up |\n|---|---|---|---|---:|\n"
        for decision in decisions {
            let chosen = decision.options[decision.chosen]
            out += "| \(decision.number) | \(cell(decision.title)) | \(chosen.letter): \(cell(chosen.text)) | \(cell(decision.bestChoiceWords)) | \(decision.pointsGivenUp.map(String.init) ?? "?") |\n"
        }
        if !bestPath.isEmpty {
            out += "\nOne best path through the whole conversation:\n\n"
            for (number, move) in bestPath.enumerated() { out += "\(number + 1). \(md(move))\n" }
        }

        out += "\n## Decision by decision\n\n"
        for decision in decisions {
            out += "### \(decision.number). \(md(decision.title))\n\n"
            for line in decision.lines {
                out += "> " + (line.speaker.map { "**\(md($0)):** " } ?? "") + md(line.text) + "\n>\n"
            }
            if !decision.lines.isEmpty { out.removeLast(2) }
            if !decision.lines.isEmpty { out += "\n" }
            if let discuss = decision.discuss { out += "**Discuss:** \(md(discuss))\n\n" }
            for option in decision.options {
                var labels = [option.votes == 1 ? "1 vote" : "\(option.votes) votes"]
                if option.isRoomChoice { labels.append("the room's choice") }
                if option.isBest { labels.append("a best choice") }
                out += "- **\(option.letter)** \(md(option.text)) (\(labels.joined(separator: ", ")))\n"
                let deltas = option.deltas.map { "\($0.dimension) \($0.delta.signedFigure)" }
                out += "  - Scores: \(deltas.isEmpty ? "no change" : deltas.joined(separator: ", "))\n"
                for effect in option.effects { out += "  - \(md(effect.capitalisedFirst))\n" }
                if let coach = option.coach { out += "  - Coach: \(md(coach))\n" }
                if !option.teams.isEmpty { out += "  - Picked by \(option.teams.map(md).joined(separator: ", "))\n" }
            }
            if decision.tieBroken { out += "\nThe vote was tied; the facilitator chose.\n" }
            out += "\n"
        }

        if !promises.isEmpty {
            out += "## Promises\n\n"
            for promise in promises { out += "- \(md(promise.description)): \(promise.status.word)\n" }
            out += "\n"
        }
        out += "## Scores\n\n" + scoreTable()
        out += "\nBest and worst possible: the most and least each dimension can reach in this scenario. No one path reaches every best at once, so the totals are those of the best and worst paths.\n"

        let notReached = endingsNotReached
        if !notReached.isEmpty {
            out += "\n## Endings the room did not reach\n\n"
            for ending in notReached { out += "- **\(ending.outcome.rawValue):** \(md(Sanitizer.clean(ending.summary)))\n" }
        }
        if !prompts.isEmpty {
            out += "\n## For the closing conversation\n\n"
            for prompt in prompts { out += "- \(md(prompt.prompt))\n" }
        }
        return out
    }

    func scoreTable() -> String {
        let dimensions = scenario.dimensions
        var out = "| | " + dimensions.joined(separator: " | ") + " | total |\n|---|" + dimensions.map { _ in "---:|" }.joined() + "---:|\n"
        for row in scoreRows {
            out += "| \(cell(row.name)) | " + row.totals.map { $0.signedFigure }.joined(separator: " | ") + " | \(row.total.signedFigure) |\n"
        }
        func figure(_ value: Int?) -> String { value.map { $0.signedFigure } ?? "?" }
        let possible = possible
        out += "| best possible | " + possible.best.map(figure).joined(separator: " | ") + " | \(figure(possible.bestTotal)) |\n"
        out += "| worst possible | " + possible.worst.map(figure).joined(separator: " | ") + " | \(figure(possible.worstTotal)) |\n"
        return out
    }

    /// Scenario text in running Markdown: characters Markdown would read as markup are escaped, and
    /// `<` and `&` too, so that no tag in a scenario becomes HTML where the Markdown is rendered.
    func md(_ text: String) -> String {
        var out = ""
        for character in Sanitizer.clean(text) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "#", "|": out += "\\\(character)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    func cell(_ text: String) -> String { md(text) }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
