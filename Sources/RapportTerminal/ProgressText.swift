import Foundation
import RapportLanguage
import RapportRecords

/// `rapport progress` and the menu's line per scenario: what a learner has done over the weeks. In
/// plain mode the trends are said in words. Everything read from the database is outside text, and is
/// sanitised before it is shown.
public struct ProgressText: Sendable {
    public var style: Style
    /// How dates are written (the tests fix the time zone).
    public var timeZone: TimeZone

    public init(style: Style, timeZone: TimeZone = .current) {
        self.style = style
        self.timeZone = timeZone
    }

    func clean(_ text: String) -> String { Sanitizer.clean(text) }

    /// The whole report.
    public func report(
        learner: String, attempts: [AttemptSummary], missed: [MissedMoment], unfinished: [UnfinishedAttempt], titles: [String: String]
    ) -> String {
        var out = style.heading("Progress: \(clean(learner))")
        if attempts.isEmpty && unfinished.isEmpty {
            return out + style.wrap("Nothing yet. Play a scenario (rapport play) and your attempts are kept here, day by day.")
        }
        let scenarioIDs = attempts.map(\.scenarioID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if let first = attempts.first {
            out += style.wrap(
                "\(plural(attempts.count, "finished attempt")) at \(plural(scenarioIDs.count, "scenario")) since \(day(first.startedAt)).")
        }
        for id in scenarioIDs {
            let these = attempts.filter { $0.scenarioID == id }
            out += "\n" + scenario(these, title: titles[id] ?? these.last?.scenarioTitle ?? id)
        }
        if !missed.isEmpty {
            out += "\n" + style.bold("Moments missed most often") + "\n"
            for moment in missed {
                let title = titles[moment.scenarioID] ?? moment.scenarioTitle
                // A scenario in the library is named by its id; one played from a file, by the file.
                let scenario = titles[moment.scenarioID] != nil ? moment.scenarioID : moment.source
                let from = moment.marked ? "\"\(moment.label)\"" : moment.node
                out += style.wrap(
                    "\(clean(moment.label)) (\(clean(title))): points given up \(moment.timesMissed) of \(moment.timesFaced) \(moment.timesFaced == 1 ? "time" : "times"). Practise it: rapport play \(clean(scenario)) --from \(clean(from))",
                    indent: "  - ", rest: "    ")
            }
        }
        if !unfinished.isEmpty {
            out += "\n" + style.bold("Unfinished") + "\n"
            for attempt in unfinished.prefix(3) {
                out += style.wrap(
                    "\(clean(titles[attempt.scenarioID] ?? attempt.scenarioTitle)), started \(day(attempt.startedAt)) (\(plural(attempt.actions.count, "decision")) in)",
                    indent: "  - ", rest: "    ")
            }
            out += style.wrap("Carry on with the latest: rapport play --resume", indent: "  ")
        }
        return out
    }

    /// One scenario: attempts, the best ending and score, and each dimension's trend.
    func scenario(_ attempts: [AttemptSummary], title: String) -> String {
        var out = style.bold(clean(title)) + "\n"
        let retries = attempts.filter { $0.retryOf != nil || $0.playedForYou > 0 }.count
        var facts = "\(plural(attempts.count, "attempt"))"
        if retries > 0 { facts += " (\(retries) from a decision)" }
        if let last = attempts.last { facts += ", the last on \(day(last.startedAt))" }
        out += style.wrap(facts + ". " + best(attempts) + ".", indent: "  ")
        // The trend is over whole attempts that reached an ending: a retry from a decision, or an
        // attempt stopped half way, would read as a rise or a fall that never happened.
        let whole = attempts.filter { $0.playedForYou == 0 && $0.retryOf == nil && $0.ending != nil }
        let series = whole.isEmpty ? attempts : whole
        if let first = series.first, let last = series.last, series.count > 1 {
            out += style.wrap("Over \(series.count) whole attempts, \(day(first.startedAt)) to \(day(last.startedAt)):", indent: "  ")
        }
        let names = series.last?.scores.map(\.dimension) ?? []
        let nameWidth = max(14, names.map { TextLayout.width($0) }.max() ?? 0)
        out += trend("overall", series.map(\.overallPercent), nameWidth: nameWidth)
        for name in names {
            out += trend(name, series.map { $0.scores.first { $0.dimension == name }?.percent }, nameWidth: nameWidth)
        }
        return out
    }

    func best(_ attempts: [AttemptSummary]) -> String {
        let endings = attempts.compactMap(\.ending)
        let overall = attempts.compactMap(\.overallPercent).max()
        var parts: [String] = []
        if let ending = endings.max() { parts.append("a \(ending.rawValue) ending") }
        if let overall { parts.append(style.plain ? "\(percentWords(overall)) overall" : "\(figure(overall)) overall") }
        return parts.isEmpty ? "No ending reached yet" : "Best: " + parts.joined(separator: ", ")
    }

    /// A line per dimension: a small chart of every attempt's score on the scale, then the first and
    /// the last; in plain mode, the same in words.
    func trend(_ name: String, _ values: [Int?], nameWidth: Int) -> String {
        let known = values.compactMap { $0 }
        guard let first = known.first, let last = known.last else { return "" }
        if style.plain {
            if known.count == 1 { return "\(name.capitalisedFirst): \(percentWords(first)), in one attempt.\n" }
            let direction = last > first ? "better" : last < first ? "worse" : "the same"
            return "\(name.capitalisedFirst): \(percentWords(first)) at first, \(percentWords(last)) last time, over \(known.count) attempts: \(direction).\n"
        }
        let blocks = Array("▁▂▃▄▅▆▇█")
        let chart = String(known.map { blocks[min(max(($0 + 100) * (blocks.count - 1) / 200, 0), blocks.count - 1)] })
        let change = known.count > 1 ? "\(figure(first)) → \(figure(last))" : figure(last)
        return "  " + TextLayout.leftAligned(name, width: nameWidth) + " " + style.accent(chart) + " " + style.dim(change) + "\n"
    }

    func figure(_ percent: Int) -> String { percent.signedFigure + "%" }

    func percentWords(_ percent: Int) -> String {
        percent < 0 ? "minus \(-percent) percent" : "\(percent) percent"
    }

    func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "EEEE d MMMM"
        return formatter.string(from: date)
    }

    /// Beside a scenario in the menu.
    public static func menuLine(_ attempts: [AttemptSummary], unfinished: Bool, plain: Bool) -> String {
        var parts: [String] = []
        if !attempts.isEmpty {
            var done = "Done \(attempts.count == 1 ? "once" : "\(attempts.count) times")"
            if let ending = attempts.compactMap(\.ending).max() { done += "; best: a \(ending.rawValue) ending" }
            if let overall = attempts.compactMap(\.overallPercent).max() {
                done += plain ? ", \(overall < 0 ? "minus \(-overall)" : "\(overall)") percent" : ", \(overall.signedFigure)%"
            }
            parts.append(done)
        }
        if unfinished { parts.append("unfinished attempt (rapport play --resume)") }
        return parts.joined(separator: "; ") + "."
    }
}
