import RapportEngine
import RapportLanguage

extension Analysis {
    /// The analysis as plain data, for `rapport analyze --format json`: the score ranges by name,
    /// nodes by id, and the problems found.
    public struct Export: Encodable {
        public struct Range: Encodable {
            public let dimension: String
            public let worst: Int?
            public let best: Int?
            public let applicable: Bool
        }

        public let scenario: String
        public let title: String
        public let states: Int
        public let truncated: Bool
        public let decisions: Int
        /// The fewest and most decisions on any way from the start to an ending.
        public let playthroughDecisions: DecisionRange
        public let ranges: [Range]
        public let overall: Range
        public let endings: [ReachedEnding]
        /// The overall range on the way to each ending, in the order of `endings`.
        public let overallByEnding: [ScoreRange]
        /// Each number of the state as each node is entered.
        public let numbersOnArrival: [NodeValues]
        public let bestPath: MovePath
        public let worstPath: MovePath
        public let stuck: [Trouble]
        public let loops: [Trouble]
        public let nodesNeverReached: [String]
        public let choicesNeverOffered: [UnofferedChoice]
        public let problems: [Diagnostic]
    }

    public func export() -> Export {
        func range(_ name: String, _ range: ScoreRange) -> Export.Range {
            Export.Range(dimension: name, worst: range.worst, best: range.best, applicable: range.isApplicable)
        }
        return Export(
            scenario: scenario.id, title: scenario.title, states: stateCount, truncated: isTruncated,
            decisions: scenario.decisionCount, playthroughDecisions: decisionRange,
            ranges: zip(scenario.dimensions, ranges).map(range), overall: range("overall", overallRange), endings: endings,
            overallByEnding: overallRangeByEnding(), numbersOnArrival: valueRangesOnArrival(), bestPath: bestPath,
            worstPath: worstPath,
            stuck: stuck, loops: loops, nodesNeverReached: nodesNeverReached.map { scenario.nodes[$0].id },
            choicesNeverOffered: choicesNeverOffered, problems: diagnostics())
    }
}
