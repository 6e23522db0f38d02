import RapportLanguage

/// The lowest and highest totals a dimension can reach in a scenario, from analysis. Nil when a loop
/// lets the score grow (or fall) without limit.
public struct ScoreRange: Sendable, Hashable, Codable {
    public let worst: Int?
    public let best: Int?

    public init(worst: Int?, best: Int?) {
        self.worst = worst
        self.best = best
    }

    /// A dimension this scenario cannot move has no meaningful percentage.
    public var isApplicable: Bool {
        guard let worst, let best else { return false }
        return best > worst
    }
}

/// A run's scores set against what the scenario makes possible.
public struct ScoreReport: Sendable, Hashable, Codable {
    public struct Dimension: Sendable, Hashable, Codable {
        public let name: String
        public let total: Int
        public let range: ScoreRange
        /// 0...100, or nil when the dimension does not apply to this scenario.
        public let percent: Int?
    }

    public let dimensions: [Dimension]
    /// The mean of the applicable dimensions' percentages, or nil if none applies.
    public let overall: Int?
    public let ending: Ending?

    public init(totals: [Int], dimensionNames: [String], ranges: [ScoreRange], ending: Ending?) {
        var dimensions: [Dimension] = []
        var sum = 0
        var counted = 0
        for (index, name) in dimensionNames.enumerated() {
            let range = index < ranges.count ? ranges[index] : ScoreRange(worst: nil, best: nil)
            let total = totals[index]
            var percent: Int?
            if range.isApplicable, let worst = range.worst, let best = range.best {
                let clamped = min(max(total, worst), best)
                percent = Int((Double(clamped - worst) * 100 / Double(best - worst)).rounded())
                sum += percent!
                counted += 1
            }
            dimensions.append(Dimension(name: name, total: total, range: range, percent: percent))
        }
        self.dimensions = dimensions
        self.overall = counted == 0 ? nil : Int((Double(sum) / Double(counted)).rounded())
        self.ending = ending
    }

    public init(session: Session, ranges: [ScoreRange]) {
        self.init(
            totals: session.totals, dimensionNames: session.scenario.dimensions, ranges: ranges,
            ending: session.step.ending)
    }
}
