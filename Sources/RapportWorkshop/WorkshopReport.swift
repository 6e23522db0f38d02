import RapportAnalysis
import RapportEngine
import RapportLanguage

/// The closing material of a facilitated session: the room's path against the best path, each
/// decision's votes and options, the moments, the promises, the discussion prompts, and the teams'
/// scores. `markdown` is the handout; `export` the JSON record.
public struct WorkshopReport: Sendable {
    public let workshop: Workshop
    public let analysis: Analysis

    public init(workshop: Workshop, analysis: Analysis) {
        self.workshop = workshop
        self.analysis = analysis
    }

    var scenario: CheckedScenario { workshop.scenario }

    public static func letter(_ index: Int) -> String { String(VoteParser.letter(index)) }

    /// Whether the room's choice at a past decision was the best one there.
    public func bestIndex(at past: Workshop.PastDecision) -> Int? {
        guard let best = analysis.bestAction(at: past.state), case .choose(let choiceIndex) = best.action else { return nil }
        let id = scenario.nodes[past.state.node].choices[choiceIndex].id
        return past.record.offered.firstIndex(of: id)
    }

    public func markdown() -> String {
        var out = "# \(Sanitizer.clean(scenario.title)): workshop handout\n\n"
        if let summary = scenario.summary { out += Sanitizer.clean(summary) + "\n\n" }
        if let ending = workshop.session.step.ending {
            out += "**Ending:** \(ending.outcome.rawValue). \(Sanitizer.clean(ending.summary))\n\n"
        } else {
            out += "**The session ended before the story did.**\n\n"
        }
        out += "## The room's path and the best path\n\n"
        out += "| # | the room chose | the best path |\n|---|---|---|\n"
        let best = analysis.bestPath.filter { $0.choiceID != nil }
        let room = workshop.record.decisions
        for row in 0..<max(room.count, best.count) {
            let chosen = row < room.count ? text(ofChoice: room[row].chosen) : ""
            let bestText = row < best.count ? best[row].text : ""
            out += "| \(row + 1) | \(cell(chosen)) | \(cell(bestText)) |\n"
        }
        out += "\n## Decision by decision\n\n"
        for (number, past) in workshop.pastDecisions.enumerated() {
            let title = past.step.moment.map { "\(number + 1). \(Sanitizer.clean($0)) (a moment that matters)" } ?? "\(number + 1). At '\(past.step.node)'"
            out += "### \(title)\n\n"
            if let discuss = past.step.discuss { out += "*Discuss:* \(Sanitizer.clean(discuss))\n\n" }
            let counts = past.record.vote.counts(optionCount: past.reveals.count)
            let bestIndex = bestIndex(at: past)
            for (index, reveal) in past.reveals.enumerated() {
                var line = "- **\(Self.letter(index))** \(Sanitizer.clean(reveal.choice.text)) (\(counts[index]) \(counts[index] == 1 ? "vote" : "votes")"
                if index == past.chosenIndex { line += ", the room's choice" }
                if index == bestIndex { line += ", the best choice" }
                line += ")"
                let deltas = reveal.deltas.map { "\($0.dimension) \($0.delta.signedFigure)" }
                if !deltas.isEmpty { line += ": " + deltas.joined(separator: ", ") }
                out += line + "\n"
                if let coach = reveal.coach { out += "  - Coach: \(Sanitizer.clean(coach))\n" }
            }
            if case .teams(let picks) = past.record.vote {
                let named = zip(workshop.teams, picks).map { "\(Sanitizer.clean($0)) \(Self.letter($1))" }
                out += "\nTeams: \(named.joined(separator: ", ")).\n"
            }
            if past.record.tieBroken { out += "\nThe vote was tied; the facilitator chose.\n" }
            out += "\n"
        }
        let promises = scenario.promises.indices.filter { workshop.session.state.promises[$0] != .notMade }
        if !promises.isEmpty {
            out += "## Promises\n\n"
            for index in promises {
                out += "- \(Sanitizer.clean(scenario.promises[index].description)): \(workshop.session.state.promises[index].word)\n"
            }
            out += "\n"
        }
        out += "## Scores\n\n" + scoreTable()
        let prompts = workshop.pastDecisions.compactMap(\.step.discuss)
        if !prompts.isEmpty {
            out += "\n## For the closing conversation\n\n"
            for prompt in prompts { out += "- \(Sanitizer.clean(prompt))\n" }
        }
        return out
    }

    func scoreTable() -> String {
        let dimensions = scenario.dimensions
        var out = "| | " + dimensions.joined(separator: " | ") + " | total |\n|---|" + dimensions.map { _ in "---:|" }.joined() + "---:|\n"
        let roomTotals = workshop.session.totals
        out += "| the room | " + roomTotals.map(String.init).joined(separator: " | ") + " | \(roomTotals.reduce(0, +)) |\n"
        for (team, totals) in workshop.teamTotals() {
            out += "| \(cell(team)) | " + totals.map(String.init).joined(separator: " | ") + " | \(totals.reduce(0, +)) |\n"
        }
        let ranges = analysis.ranges.map { "\($0.worst.map(String.init) ?? "?")..\($0.best.map(String.init) ?? "?")" }
        out += "| possible | " + ranges.joined(separator: " | ") + " | |\n"
        return out
    }

    func text(ofChoice id: String) -> String {
        scenario.nodes.lazy.flatMap(\.choices).first { $0.id == id }?.text.string ?? id
    }

    func cell(_ text: String) -> String {
        Sanitizer.clean(text).replacingAll("|", with: "\\|")
    }

    /// The JSON record for the folder the facilitator names: votes, path, scores, per team.
    public struct Export: Sendable, Codable {
        public struct TeamScore: Sendable, Codable {
            public let team: String
            public let totals: [Transcript.DimensionTotal]
        }
        public let session: WorkshopRecord
        public let path: [String]
        public let ending: Ending?
        public let room: [Transcript.DimensionTotal]
        public let teams: [TeamScore]
    }

    /// The record for the handout's folder. Where the scenario file lies on the facilitator's disk
    /// is theirs, not the group's, so it is left out.
    public func export() -> Export {
        var record = workshop.record
        record.sourcePath = nil
        let dimensions = scenario.dimensions
        func totals(_ values: [Int]) -> [Transcript.DimensionTotal] {
            zip(dimensions, values).map { Transcript.DimensionTotal(dimension: $0, total: $1) }
        }
        return Export(
            session: record, path: workshop.session.path.map { scenario.nodes[$0].id },
            ending: workshop.session.step.ending, room: totals(workshop.session.totals),
            teams: workshop.teamTotals().map { Export.TeamScore(team: $0.team, totals: totals($0.totals)) })
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
