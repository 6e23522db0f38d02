/// The handout's charts, drawn as inline SVG so the page needs nothing beside it and prints as it
/// shows: the votes at a decision, the room's and each team's scores between the worst and best
/// possible, and the room's path against the best choice at each decision. Every text in them is
/// escaped (`HTMLText`). Sizes are in SVG units; the page scales them to its width.
enum HandoutCharts {
    static func e(_ text: String) -> String { HTMLText.escape(text) }

    static let good = "#1b7a3a"
    static let bad = "#b3261e"
    static let ink = "#1f1f1f"
    static let muted = "#5f5f5f"
    static let bar = "#3465a4"
    static let track = "#e3e3e3"

    /// A bar for each option's votes, the room's choice in a darker colour and the best options
    /// marked with a star.
    static func votes(_ decision: WorkshopReport.Decision, id: String) -> String {
        let rowHeight = 26
        let width = 520
        let labelWidth = 40
        let barSpace = width - labelWidth - 150
        let most = max(1, decision.options.map(\.votes).max() ?? 1)
        let height = decision.options.count * rowHeight + 8
        var out = "<svg class=\"chart\" id=\"\(e(id))\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>\(e("Votes at decision \(decision.number)"))</title>"
        for (row, option) in decision.options.enumerated() {
            let y = 4 + row * rowHeight
            let length = option.votes == 0 ? 0 : max(2, option.votes * barSpace / most)
            out += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"15\" font-weight=\"bold\" fill=\"\(ink)\">\(e(option.letter))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(barSpace)\" height=\"18\" fill=\"\(track)\"/>"
            if length > 0 {
                out += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(length)\" height=\"18\" fill=\"\(option.isRoomChoice ? ink : bar)\"/>"
            }
            var label = option.votes == 1 ? "1 vote" : "\(option.votes) votes"
            if option.isRoomChoice { label += ", chosen" }
            if option.isBest { label += " ★" }
            out += "<text x=\"\(labelWidth + barSpace + 8)\" y=\"\(y + 17)\" font-size=\"13\" fill=\"\(option.isBest ? good : ink)\">\(e(label))</text>"
        }
        return out + "</svg>"
    }

    /// For each dimension and the total, a track from the worst to the best possible, with a row
    /// for the room and one for each team, each a dot where its score lies.
    static func scores(_ report: WorkshopReport, id: String) -> String {
        let rows = report.scoreRows
        let possible = report.possible
        var dimensions: [(name: String, worst: Int?, best: Int?, values: [Int])] = report.scenario.dimensions.enumerated().map {
            index, name in (name, possible.worst[index], possible.best[index], rows.map { $0.totals[index] })
        }
        dimensions.append(("total", possible.worstTotal, possible.bestTotal, rows.map(\.total)))
        let width = 620
        let nameWidth = 150
        let trackStart = nameWidth + 40
        let trackWidth = width - trackStart - 50
        let rowHeight = 20
        let blockHeight = 26 + rows.count * rowHeight + 8
        let height = dimensions.count * blockHeight
        var out = "<svg class=\"chart\" id=\"\(e(id))\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>The room's and each team's scores between the worst and the best possible</title>"
        for (block, dimension) in dimensions.enumerated() {
            let top = block * blockHeight
            let worst = dimension.worst ?? (dimension.values.min() ?? 0)
            let best = dimension.best ?? (dimension.values.max() ?? 0)
            let span = max(1, best - worst)
            func x(_ value: Int) -> Int { trackStart + (min(max(value, worst), best) - worst) * trackWidth / span }
            out += "<text x=\"0\" y=\"\(top + 16)\" font-size=\"14\" font-weight=\"bold\" fill=\"\(ink)\">\(e(dimension.name))</text>"
            out += "<text x=\"\(trackStart)\" y=\"\(top + 16)\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\">\(e("worst \(worst.signedFigure)"))</text>"
            out += "<text x=\"\(trackStart + trackWidth)\" y=\"\(top + 16)\" font-size=\"11\" fill=\"\(muted)\" text-anchor=\"middle\">\(e("best \(best.signedFigure)"))</text>"
            for (index, row) in rows.enumerated() {
                let y = top + 26 + index * rowHeight
                let value = dimension.values[index]
                out += "<text x=\"12\" y=\"\(y + 13)\" font-size=\"12\" fill=\"\(ink)\">\(e(String(row.name.prefix(22))))</text>"
                out += "<rect x=\"\(trackStart)\" y=\"\(y + 6)\" width=\"\(trackWidth)\" height=\"4\" fill=\"\(track)\"/>"
                out += "<circle class=\"mark\" cx=\"\(x(value))\" cy=\"\(y + 8)\" r=\"6\" fill=\"\(index == 0 ? ink : bar)\"/>"
                out += "<text x=\"\(trackStart + trackWidth + 12)\" y=\"\(y + 13)\" font-size=\"12\" fill=\"\(ink)\">\(e(value.signedFigure))</text>"
            }
        }
        return out + "</svg>"
    }

    /// A column for each decision the room took: a tick where its choice was a best one, otherwise
    /// a bar as tall as the points it gave up against the best choice there.
    static func path(_ report: WorkshopReport, id: String) -> String {
        let decisions = report.decisions
        let columnWidth = 56
        let width = max(300, 40 + decisions.count * columnWidth)
        let most = max(1, decisions.compactMap(\.pointsGivenUp).max() ?? 1)
        let chartHeight = 120
        let height = chartHeight + 60
        let baseline = 24
        var out = "<svg class=\"chart\" id=\"\(e(id))\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title>The room's path against the best choice at each decision</title>"
        out += "<line x1=\"30\" y1=\"\(baseline)\" x2=\"\(width)\" y2=\"\(baseline)\" stroke=\"\(muted)\" stroke-width=\"1\"/>"
        out += "<text x=\"0\" y=\"\(baseline + 4)\" font-size=\"11\" fill=\"\(muted)\">best</text>"
        for (index, decision) in decisions.enumerated() {
            let x = 40 + index * columnWidth
            let given = decision.pointsGivenUp ?? 0
            if decision.roomChoseBest || given == 0 {
                out += "<text class=\"best\" x=\"\(x + 20)\" y=\"\(baseline - 6)\" font-size=\"18\" fill=\"\(good)\" text-anchor=\"middle\">✓</text>"
            } else {
                let length = max(4, given * (chartHeight - baseline) / most)
                out += "<rect class=\"given-up\" x=\"\(x + 6)\" y=\"\(baseline)\" width=\"28\" height=\"\(length)\" fill=\"\(bad)\"/>"
                out += "<text x=\"\(x + 20)\" y=\"\(baseline + length + 14)\" font-size=\"12\" fill=\"\(bad)\" text-anchor=\"middle\">\(e("−\(given)"))</text>"
            }
            out += "<text x=\"\(x + 20)\" y=\"\(height - 6)\" font-size=\"12\" fill=\"\(ink)\" text-anchor=\"middle\">\(decision.number)</text>"
        }
        return out + "</svg>"
    }
}
