import Foundation
import RapportEngine
import RapportLanguage

/// The handout as one HTML page (`handout.html`) to print or send: self-contained (its style and its
/// charts, inline SVG, are in the page; it loads nothing), laid out for A4 and Letter, with room to
/// write the group's notes under each discussion prompt. Its content policy allows no script at all,
/// and every text from the scenario, the teams and the facilitator is escaped (`HTMLText`).
extension WorkshopReport {
    public func html(timeZone: TimeZone = .current) -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(scenario.title)): workshop handout</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>

            """
        out += "<header>\n<h1>\(e(scenario.title))</h1>\n<p class=\"kind\">Workshop handout</p>\n"
        let meta = metaLine(timeZone: timeZone)
        if !meta.isEmpty { out += "<p class=\"meta\">\(meta.map(e).joined(separator: " · "))</p>\n" }
        if let summary = scenario.summary { out += "<p class=\"summary\">\(e(summary))</p>\n" }
        out += "<p class=\"customer\">\(e(customerLine)).</p>\n"
        if let ending {
            out += "<p class=\"ending ending-\(ending.outcome.rawValue)\"><strong>Ending: \(e(ending.outcome.rawValue)).</strong> \(e(ending.summary.string))</p>\n"
        } else {
            out += "<p class=\"ending\"><strong>The session ended before the story did.</strong></p>\n"
        }
        out += "</header>\n"

        out += "<section id=\"path\">\n<h2>The room's choices and the best choice at each decision</h2>\n"
        out += "<p>Each decision is judged where the room stood then. An option as good as the best is a best option.</p>\n"
        out += HandoutCharts.path(self, id: "chart-path") + "\n"
        out += "<table>\n<thead><tr><th>#</th><th>Decision</th><th>The room chose</th><th>The best choice there</th><th class=\"number\">Points given up</th></tr></thead>\n<tbody>\n"
        for decision in decisions {
            let chosen = decision.options[decision.chosen]
            out += "<tr><td>\(decision.number)</td><td>\(e(decision.title))</td><td>\(e(chosen.letter + ": " + chosen.text))</td>"
            out += "<td class=\"\(decision.roomChoseBest ? "good" : "")\">\(e(decision.bestChoiceWords))</td><td class=\"number\">\(decision.pointsGivenUp.map(String.init) ?? "?")</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !bestPath.isEmpty {
            out += "<h3>One best path through the whole conversation</h3>\n<ol class=\"best-path\">\n"
            for move in bestPath { out += "<li>\(e(move))</li>\n" }
            out += "</ol>\n"
        }
        out += "</section>\n"

        out += "<section id=\"scores\">\n<h2>Scores</h2>\n"
        out += HandoutCharts.scores(self, id: "chart-scores") + "\n"
        out += scoreTableHTML()
        out += "<p class=\"note\">Best and worst possible: the most and least each dimension can reach in this scenario. No one path reaches every best at once, so the totals are those of the best and worst paths.</p>\n"
        out += "</section>\n"

        out += "<section id=\"decisions\">\n<h2>Decision by decision</h2>\n"
        for decision in decisions {
            out += "<article class=\"decision\">\n<h3>\(decision.number). \(e(decision.title))</h3>\n"
            if !decision.lines.isEmpty {
                out += "<div class=\"said\">\n"
                for line in decision.lines {
                    if let speaker = line.speaker {
                        out += "<p><strong>\(e(speaker)):</strong> \(e(line.text))</p>\n"
                    } else {
                        out += "<p class=\"narration\">\(e(line.text))</p>\n"
                    }
                }
                out += "</div>\n"
            }
            if let discuss = decision.discuss { out += "<p class=\"discuss\"><strong>Discuss:</strong> \(e(discuss))</p>\n" }
            out += HandoutCharts.votes(decision, id: "chart-votes-\(decision.number)") + "\n"
            out += "<ol class=\"options\">\n"
            for option in decision.options {
                var labels = [option.votes == 1 ? "1 vote" : "\(option.votes) votes"]
                if option.isRoomChoice { labels.append("the room's choice") }
                if option.isBest { labels.append("a best choice") }
                let classes = ["option"] + (option.isRoomChoice ? ["chosen"] : []) + (option.isBest ? ["best"] : [])
                out += "<li class=\"\(classes.joined(separator: " "))\"><span class=\"letter\">\(e(option.letter))</span> \(e(option.text))"
                out += " <span class=\"labels\">(\(e(labels.joined(separator: ", "))))</span>\n<ul>\n"
                let deltas = option.deltas.map { "\($0.dimension) \($0.delta.signedFigure)" }
                out += "<li>Scores: \(e(deltas.isEmpty ? "no change" : deltas.joined(separator: ", ")))</li>\n"
                for effect in option.effects { out += "<li>\(e(effect.capitalisedFirst))</li>\n" }
                if let coach = option.coach { out += "<li>Coach: \(e(coach))</li>\n" }
                if !option.teams.isEmpty { out += "<li>Picked by \(e(option.teams.joined(separator: ", ")))</li>\n" }
                out += "</ul>\n</li>\n"
            }
            out += "</ol>\n"
            if decision.tieBroken { out += "<p class=\"note\">The vote was tied; the facilitator chose.</p>\n" }
            out += "</article>\n"
        }
        out += "</section>\n"

        if !promises.isEmpty {
            out += "<section id=\"promises\">\n<h2>Promises</h2>\n<ul>\n"
            for promise in promises {
                out += "<li>\(e(promise.description)): <strong class=\"promise-\(promise.status.word.replacingOccurrences(of: " ", with: "-"))\">\(e(promise.status.word))</strong></li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        let notReached = endingsNotReached
        if !notReached.isEmpty {
            out += "<section id=\"endings\">\n<h2>Endings the room did not reach</h2>\n<ul>\n"
            for ending in notReached {
                out += "<li><strong>\(e(ending.outcome.rawValue)):</strong> \(e(ending.summary))</li>\n"
            }
            out += "</ul>\n</section>\n"
        }
        if !prompts.isEmpty {
            out += "<section id=\"discussion\">\n<h2>For the closing conversation</h2>\n"
            for prompt in prompts {
                out += "<div class=\"prompt\">\n<p><strong>\(e(prompt.title)):</strong> \(e(prompt.prompt))</p>\n<div class=\"notes\" aria-label=\"Space for notes\"></div>\n</div>\n"
            }
            out += "</section>\n"
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    func scoreTableHTML() -> String {
        func e(_ text: String) -> String { HTMLText.escape(text) }
        func figure(_ value: Int?) -> String { value.map { $0.signedFigure } ?? "?" }
        var out = "<table class=\"scores\">\n<thead><tr><th></th>"
        for dimension in scenario.dimensions { out += "<th class=\"number\">\(e(dimension))</th>" }
        out += "<th class=\"number\">total</th></tr></thead>\n<tbody>\n"
        for row in scoreRows {
            out += "<tr><th>\(e(row.name))</th>" + row.totals.map { "<td class=\"number\">\($0.signedFigure)</td>" }.joined()
            out += "<td class=\"number\">\(row.total.signedFigure)</td></tr>\n"
        }
        let possible = possible
        out += "<tr class=\"possible\"><th>best possible</th>" + possible.best.map { "<td class=\"number\">\(figure($0))</td>" }.joined()
        out += "<td class=\"number\">\(figure(possible.bestTotal))</td></tr>\n"
        out += "<tr class=\"possible\"><th>worst possible</th>" + possible.worst.map { "<td class=\"number\">\(figure($0))</td>" }.joined()
        out += "<td class=\"number\">\(figure(possible.worstTotal))</td></tr>\n"
        return out + "</tbody>\n</table>\n"
    }

    /// Plain, high-contrast, and printable: no dim or italic text, decisions kept whole on a page.
    static let style = """
        body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: #1f1f1f; background: #fff; margin: 0; line-height: 1.45; }
        main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 2rem; margin: 0 0 0.2rem; }
        h2 { font-size: 1.4rem; border-bottom: 2px solid #1f1f1f; padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { font-size: 1.15rem; margin: 1.4rem 0 0.4rem; }
        .kind { font-weight: bold; text-transform: uppercase; letter-spacing: 0.08em; margin: 0; }
        .meta { font-weight: bold; }
        .said { border-left: 4px solid #3465a4; padding: 0.1rem 0 0.1rem 0.8rem; margin: 0.5rem 0; }
        .said p { margin: 0.3rem 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.8rem 0; }
        th, td { border: 1px solid #9a9a9a; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
        .number { text-align: right; white-space: nowrap; }
        .possible th, .possible td { background: #f1f1f1; }
        .good { color: #1b7a3a; font-weight: bold; }
        .options { list-style: none; padding-left: 0; }
        .option { margin: 0.5rem 0; }
        .option.chosen { border-left: 4px solid #1f1f1f; padding-left: 0.5rem; }
        .option .letter { font-weight: bold; display: inline-block; min-width: 1.4rem; }
        .option.best .labels { color: #1b7a3a; font-weight: bold; }
        svg.chart { display: block; max-width: 100%; height: auto; margin: 0.6rem 0; }
        .prompt .notes { print-color-adjust: exact; -webkit-print-color-adjust: exact; height: 7rem; border: 1px solid #9a9a9a; background: repeating-linear-gradient(#fff, #fff 1.7rem, #c8c8c8 1.7rem, #c8c8c8 calc(1.7rem + 1px)); margin-bottom: 1rem; }
        .note { font-size: 0.95rem; }
        @media print {
          main { max-width: none; padding: 0; }
          @page { margin: 16mm; }
          .decision, .prompt, table, svg.chart { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          #discussion { break-before: page; }
        }
        """
}
