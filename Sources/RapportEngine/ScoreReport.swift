import RapportLanguage

/// The lowest and highest totals a dimension (or the sum of all dimensions) can reach in a scenario,
/// from analysis. Nil when a loop lets the score grow (or fall) without limit.
public struct ScoreRange: Sendable, Hashable, Codable {
    public let worst: Int?
    public let best: Int?

    public init(worst: Int?, best: Int?) {
        self.worst = worst
        self.best = best
    }

    /// A dimension this scenario cannot move has no meaningful percentage (nor, for `analyze`, one
    /// that a loop can push without limit).
    public var isApplicable: Bool {
        guard let worst, let best else { return false }
        return best > worst
    }

    /// A total on the learner's scale (see README, "How a run is scored"): zero points is 0%, the
    /// best total is +100% and the worst is -100%. Points gained are a share of the most that can be
    /// gained, points lost a share of the most that can be lost, so a run that gains and loses
    /// nothing reads as neutral whatever the range. What must stay true: +100 only at the best,
    /// -100 only at the worst, 0 only at zero points (a share is rounded toward zero, but never to
    /// zero). Nil when the dimension cannot move, or when the side the total is on has no limit (a
    /// loop can push it without end): a share of no limit means nothing.
    public func percent(of total: Int) -> Int? {
        if let worst, let best, best <= worst { return nil }
        if worst == nil && best == nil { return nil }
        if total > 0 {
            guard let best else { return nil }
            return best > 0 ? Self.share(min(total, best), of: best) : nil
        }
        if total < 0 {
            guard let worst else { return nil }
            return worst < 0 ? -Self.share(min(-total, -worst), of: -worst) : nil
        }
        return 0
    }

    /// `part` of `whole` in percent, 1...100, toward zero: 100 only when `part == whole`.
    static func share(_ part: Int, of whole: Int) -> Int {
        guard whole > 0 else { return 100 }
        return max(1, Int((Double(part) * 100 / Double(whole)).rounded(.towardZero)))
    }
}

/// A run's scores set against what the scenario makes possible, on the learner's scale: -100% (the
/// worst path) to +100% (the best path), 0% when nothing was gained or lost. Overall is the sum of
/// the dimensions against the range of that sum, whose ends are totals that one path reaches
/// together (the best and the worst path), never a sum of per-dimension bests. The raw totals and
/// ranges stay beside the percentages, so nothing is hidden.
public struct ScoreReport: Sendable, Hashable, Codable {
    public struct Dimension: Sendable, Hashable, Codable {
        public let name: String
        public let total: Int
        public let range: ScoreRange
        /// -100...100, or nil when the dimension does not apply to this scenario.
        public let percent: Int?
    }

    public let dimensions: [Dimension]
    /// The sum of every dimension's total.
    public let overallTotal: Int
    /// The range of that sum: the worst and the best path's totals.
    public let overallRange: ScoreRange
    /// -100...100 for the run as a whole, or nil if the range does not apply.
    public let overall: Int?
    public let ending: Ending?

    public init(totals: [Int], dimensionNames: [String], ranges: [ScoreRange], overallRange: ScoreRange, ending: Ending?) {
        dimensions = dimensionNames.indices.map { index in
            let range = index < ranges.count ? ranges[index] : ScoreRange(worst: nil, best: nil)
            let total = index < totals.count ? totals[index] : 0
            return Dimension(name: dimensionNames[index], total: total, range: range, percent: range.percent(of: total))
        }
        overallTotal = totals.reduce(0, +)
        self.overallRange = overallRange
        overall = overallRange.percent(of: overallTotal)
        self.ending = ending
    }

    public init(session: Session, ranges: [ScoreRange], overallRange: ScoreRange) {
        self.init(
            totals: session.totals, dimensionNames: session.scenario.dimensions, ranges: ranges, overallRange: overallRange,
            ending: session.step.ending)
    }
}
