import RapportAnalysis
import RapportEngine
import RapportLanguage

/// The debrief as the learner reads it: the ending first, then the scores on the learner's scale
/// (raw figures beside them), the customer's meter with its turning points, each decision that won
/// or cost points with its coach note beside it, the promises in their own words, and one thing to
/// try next time. In plain mode every figure and the meter's course are said in words.
extension PracticeRenderer {
    public func debrief(_ debrief: Debrief) -> String {
        var out = "\n" + style.heading("Debrief")
        out += endingFirst(debrief.ending)
        out += scores(debrief.scores)
        if let meter = debrief.meter, meter.values.count > 1 { out += self.meter(meter, turningPoints: debrief.turningPoints) }
        let listed = debrief.decisionsThatMattered
        if !listed.isEmpty {
            out += "\n" + style.bold("Decision by decision") + "\n"
            for decision in listed { out += self.decision(decision, wayIn: debrief.wayIn) }
        }
        if !debrief.promises.isEmpty {
            out += "\n" + style.bold("Promises") + "\n"
            for promise in debrief.promises { out += self.promise(promise, ended: debrief.ending != nil) }
        }
        out += "\n" + style.bold("For next time") + "\n" + style.wrap(clean(debrief.suggestion), indent: "  ")
        return out
    }

    func endingFirst(_ ending: Ending?) -> String {
        guard let ending else { return style.wrap("The conversation did not reach an ending; this is how it stood.") }
        let outcome =
            switch ending.outcome {
            case .good: style.good("Good ending.")
            case .mixed: style.paint("Mixed ending.", "33")
            case .poor: style.bad("Poor ending.")
            }
        return style.wrap(style.bold(outcome) + " " + clean(ending.summary))
    }

    // MARK: - Scores

    /// The scale, said once: the same words in the README.
    static let scaleWords = "+100% is the best path through this conversation, 0% neither gained nor lost, -100% the worst path"

    func scores(_ report: ScoreReport) -> String {
        var out = "\n"
        let overallRange = "\(style.signed(report.overallTotal)) points; the worst path scores \(bound(report.overallRange.worst)) and the best \(bound(report.overallRange.best))"
        if style.plain {
            if let overall = report.overall {
                out += "Overall: \(percentWords(overall)). You scored \(overallRange).\n"
            }
            out += "On this scale \(Self.scaleWords.replacingOccurrences(of: "+100%", with: "100 percent").replacingOccurrences(of: "-100%", with: "minus 100 percent").replacingOccurrences(of: "0%", with: "0 percent")).\n"
            for dimension in report.dimensions { out += plainScoreLine(dimension) }
            return out
        }
        let nameWidth = max(14, report.dimensions.map { TextLayout.width($0.name) }.max() ?? 0)
        if let overall = report.overall {
            out += style.bold(TextLayout.leftAligned("Overall", width: nameWidth + 2)) + " " + style.signedBar(percent: overall) + " "
                + TextLayout.rightAligned(percentFigure(overall), width: 5) + style.dim("  \(overallRange)") + "\n"
        }
        for dimension in report.dimensions { out += scoreLine(dimension, nameWidth: nameWidth) }
        out += style.dim(style.wrap("(" + Self.scaleWords + ")", indent: "  "))
        return out
    }

    /// A range's end; none when a loop lets the score run on without limit.
    func bound(_ value: Int?) -> String { value.map(style.signed) ?? "unbounded" }

    /// "+56%", "0%", "-30%".
    func percentFigure(_ percent: Int) -> String { percent.signedFigure + "%" }

    func percentWords(_ percent: Int) -> String {
        if percent > 0 { return "\(percent) percent of the best" }
        if percent < 0 { return "minus \(-percent) percent, toward the worst" }
        return "0 percent, neither gained nor lost"
    }

    func scoreLine(_ dimension: ScoreReport.Dimension, nameWidth: Int) -> String {
        let name = "  " + TextLayout.leftAligned(dimension.name, width: nameWidth)
        guard let percent = dimension.percent else {
            return name + " " + style.dim("not applicable here (\(style.signed(dimension.total)))") + "\n"
        }
        let range = "\(bound(dimension.range.worst))..\(bound(dimension.range.best))"
        return name + " " + style.signedBar(percent: percent) + " " + TextLayout.rightAligned(percentFigure(percent), width: 5)
            + style.dim("  \(style.signed(dimension.total)) of \(range)") + "\n"
    }

    func plainScoreLine(_ dimension: ScoreReport.Dimension) -> String {
        let name = dimension.name.capitalisedFirst
        guard let percent = dimension.percent else {
            return "\(name): not applicable in this scenario (\(style.signed(dimension.total)) points).\n"
        }
        return "\(name): \(percentWords(percent)). You scored \(style.signed(dimension.total)); this scenario ranges from \(bound(dimension.range.worst)) to \(bound(dimension.range.best)).\n"
    }

    // MARK: - The meter

    func meter(_ meter: Debrief.MeterTrace, turningPoints: [Debrief.TurningPoint]) -> String {
        let name = meter.name.capitalisedFirst
        var out = "\n" + style.bold("\(name) over the conversation") + "\n"
        let first = meter.values.first ?? 0
        let last = meter.values.last ?? 0
        let of = meter.range.map { " (out of \($0.upperBound))" } ?? ""
        if style.plain {
            var words = "\(name) started at \(first) and ended at \(last)\(of)"
            if let high = meter.values.max(), let low = meter.values.min(), high != low {
                words += "; it was never higher than \(high) or lower than \(low)"
            }
            out += style.wrap(words + ".")
        } else {
            out += "  " + style.accent(sparkline(meter.values, range: meter.range)) + style.dim("  \(first) → \(last)\(of)") + "\n"
        }
        for point in turningPoints {
            let rose = point.to > point.from
            let said = point.decision.chosen.map { "when you said: \"\(clean($0))\"" } ?? "when you said nothing."
            let change = "\(name.lowercased()) \(rose ? "rose" : "fell") from \(point.from) to \(point.to)"
            out += style.wrap("\(clean(point.decision.label)): \(change) \(said)", indent: "  - ", rest: "    ")
        }
        return out
    }

    /// One block per reading, its height the value within the meter's range.
    func sparkline(_ values: [Int], range: ClosedRange<Int>?) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let low = range?.lowerBound ?? values.min() ?? 0
        let high = range?.upperBound ?? values.max() ?? 0
        guard high > low else { return String(repeating: blocks[0], count: values.count) }
        return String(values.map { value in
            let level = (value - low) * (blocks.count - 1) / (high - low)
            return blocks[min(max(level, 0), blocks.count - 1)]
        })
    }

    // MARK: - Decisions and promises

    func decision(_ decision: Debrief.Decision, wayIn: String) -> String {
        var heading = clean(decision.label)
        if decision.playedForYou { heading += style.plain ? " (\(wayIn))" : style.dim(" (\(wayIn))") }
        var out = style.wrap(style.accent(heading) + ":", indent: "  ")
        let points = decision.points == 0 ? "" : " (\(style.plain ? style.signed(decision.points) : decision.points.signedFigure) \(decision.points == 1 || decision.points == -1 ? "point" : "points"))"
        let chosen = decision.chosen.map { "You said: \"\(clean($0))\"" } ?? "You said nothing."
        out += style.wrap(chosen + points, indent: "    ", rest: "    ")
        if let coach = decision.chosenCoach { out += style.wrap("Coach: " + clean(coach), indent: "      ", rest: "      ") }
        if let better = decision.better {
            let missed = decision.pointsMissed > 0 ? " (\(decision.pointsMissed) more overall)" : ""
            out += style.wrap("Better: \"\(clean(better))\"" + missed, indent: "    ", rest: "    ")
            if let coach = decision.betterCoach { out += style.wrap("Coach: " + clean(coach), indent: "      ", rest: "      ") }
        } else if !decision.playedForYou {
            out += style.wrap(style.good("That was the best choice there."), indent: "    ")
        }
        return out
    }

    func promise(_ promise: Debrief.PromiseOutcome, ended: Bool) -> String {
        let status: String
        switch promise.status {
        case .kept: status = style.good("kept") + (promise.settledAt.map { " at \(clean($0))" } ?? "")
        case .broken: status = style.bad("broken") + (promise.settledAt.map { " at \(clean($0))" } ?? "")
        case .dropped: status = "dropped" + (promise.settledAt.map { " at \(clean($0))" } ?? "") + ": it no longer applied"
        case .open, .notMade: status = ended ? style.bad("left open at the end") : "still open when you stopped"
        }
        let made = promise.madeAt.map { "made at \(clean($0)), " } ?? ""
        return style.wrap("\(clean(promise.description)): \(made)\(status).", indent: "  - ", rest: "    ")
    }
}
