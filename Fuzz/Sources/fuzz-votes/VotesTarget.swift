import Foundation
import FuzzSupport
import RapportLanguage
import RapportWorkshop

// A line the facilitator types after a vote, read for several option counts and team lists.
// What the parser accepts must make sense (a count per option, a pick per team, a leader), and
// must be a vote that a saved session accepts when it is recorded and read back.

/// The room as the workshop has it: no teams; the README's teams; teams named like options;
/// names in other scripts and with blanks; as many teams as there are letters.
let teamLists: [[String]] = [
    [],
    ["Red", "Blue", "Green"],
    ["A", "b"],
    ["Équipe 1", "東京", "x"],
    (0..<26).map { "Team\($0)" },
]
/// A decision has 1 to 26 options (A to Z).
let optionCounts = [1, 2, 3, 26]

/// A workshop for each different number of options a scenario opens with, where a parsed vote
/// can be recorded for real.
let workshops: [Workshop] = {
    var seen = Set<Int>()
    return Fuzz.scenarios.compactMap { scenario in
        let workshop = Workshop(scenario: scenario, teams: [])
        return seen.insert(workshop.step.choices.count).inserted ? workshop : nil
    }
}()

/// Makes the harness's globals before the first input, so that their time is not counted as the
/// input's and a broken repository stops the run at once.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutableRawPointer?, _ argv: UnsafeMutableRawPointer?) -> CInt {
    _ = workshops
    return 0
}

func checkAccepted(_ vote: Vote, optionCount: Int, teams: [String]) {
    switch vote {
    case .tally(let counts):
        Fuzz.require(teams.isEmpty, "a tally for a room with teams")
        Fuzz.require(counts.count == optionCount, "\(counts.count) counts for \(optionCount) options")
        Fuzz.require(counts.allSatisfy { (0...WorkshopRecord.maximumVotesPerOption).contains($0) }, "a count out of range: \(counts)")
    case .teams(let picks):
        Fuzz.require(picks.count == teams.count, "\(picks.count) picks for \(teams.count) teams")
        Fuzz.require(picks.allSatisfy { (0..<optionCount).contains($0) }, "a pick out of range: \(picks)")
    }
    Fuzz.require(vote.counts(optionCount: optionCount).count == optionCount, "counts do not cover the options")
    let leaders = vote.leaders(optionCount: optionCount)
    Fuzz.require(!leaders.isEmpty && leaders.allSatisfy { (0..<optionCount).contains($0) }, "leaders \(leaders)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // The line readers hand over text, invalid bytes already replaced.
    let line = String(decoding: Fuzz.bytes(data, size), as: UTF8.self)

    for teams in teamLists {
        for optionCount in optionCounts {
            let parser = VoteParser(optionCount: optionCount, teams: teams)
            _ = parser.example
            do {
                checkAccepted(try parser.parse(line), optionCount: optionCount, teams: teams)
            } catch {
                Fuzz.require(!error.message.isEmpty, "an empty message")
            }
        }
        // A workshop is only ever run with teams the command line accepts (`TeamNames`); the parser
        // above reads votes for any list.
        if !teams.isEmpty, TeamNames.problem(with: teams) != nil { continue }
        for start in workshops {
            var workshop = start
            if !teams.isEmpty {
                workshop = Workshop(scenario: start.scenario, teams: teams)
            }
            guard let vote = try? workshop.parser.parse(line) else { continue }
            let optionCount = workshop.step.choices.count
            checkAccepted(vote, optionCount: optionCount, teams: teams)
            let option: Int
            switch workshop.result(of: vote) {
            case .majority(let leader): option = leader
            case .tie(let leaders): option = leaders[0]
            }
            do {
                try workshop.decide(vote: vote, option: option, tieBroken: false)
            } catch {
                Fuzz.require(false, "the workshop refused a vote its parser accepted: \(error)")
            }
            let record = workshop.record
            Fuzz.require(record.problem() == nil, "a save refuses a parsed vote: \(record.problem() ?? "")")
            do {
                let data = try JSONEncoder().encode(record)
                let back = try JSONDecoder().decode(WorkshopRecord.self, from: data)
                Fuzz.require(back == record, "a saved vote reads back differently")
                _ = try Workshop(resuming: back, scenario: workshop.scenario)
            } catch {
                Fuzz.require(false, "a saved vote does not resume: \(error)")
            }
        }
    }
    return 0
}
