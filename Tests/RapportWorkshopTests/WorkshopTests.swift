import Foundation
import RapportAnalysis
import RapportEngine
import RapportLanguage
import RapportTestSupport
import RapportWorkshop
import Testing

@Suite struct VoteParserTests {
    let parser = VoteParser(optionCount: 3, teams: [])
    let teams = VoteParser(optionCount: 3, teams: ["Red", "Blue", "Green"])

    @Test(arguments: [
        ("A5 B3 C1", [5, 3, 1]),
        ("a5, b3, c1", [5, 3, 1]),
        ("A 5 B 3", [5, 3, 0]),
        ("C2 A1", [1, 0, 2]),
        ("5 3 1", [5, 3, 1]),
        ("4 4", [4, 4, 0]),
        ("A:2 B=3", [2, 3, 0]),
        ("0 0 7", [0, 0, 7]),
    ])
    func goodTallies(input: String, counts: [Int]) throws {
        #expect(try parser.parse(input) == .tally(counts))
    }

    @Test(arguments: [
        ("", "Type the votes, for example A5 B3 C1."),
        ("D4", "'D' is not an option here; the options are A, B, C."),
        ("A", "Option A needs a number of votes after it, as in A4."),
        ("A5 A2", "Option A is counted twice; give each option once."),
        ("1 2 3 4", "There are 4 numbers but only 3 options (A, B, C)."),
        ("A5 3", "Put a letter before each count (A5 B3), or give only counts (5 3 1)."),
        ("0 0 0", "Nobody voted: at least one option needs a vote."),
        ("-1 2", "A vote count cannot be negative (-1)."),
        ("five", "'five' is not an option here; the options are A, B, C."),
        ("A5 B-2", "A vote count cannot be negative (-2)."),
    ])
    func badTallies(input: String, message: String) {
        #expect(throws: VoteParser.Problem(message: message)) { try parser.parse(input) }
    }

    @Test(arguments: [
        ("Red A, Blue C, Green A", [0, 2, 0]),
        ("red:a blue:c green:b", [0, 2, 1]),
        ("A C A", [0, 2, 0]),
        ("Green B Red A Blue A", [0, 0, 1]),
        // Issue 17: the picks together, case-insensitive names, beginnings of names.
        ("ACA", [0, 2, 0]),
        ("aca", [0, 2, 0]),
        ("A,C,A", [0, 2, 0]),
        ("RED a, BLUE c, gReEn b", [0, 2, 1]),
        ("r a, bl c, g b", [0, 2, 1]),
        ("Gr=B Re:A Blu: A", [0, 0, 1]),
    ])
    func goodTeamPicks(input: String, picks: [Int]) throws {
        #expect(try teams.parse(input) == .teams(picks))
    }

    /// Issue 17: "Front Desk" was accepted by --teams and could not be voted for.
    let spaced = VoteParser(optionCount: 4, teams: ["Front Desk", "Front Office", "Night Shift", "Red", "Red Alert"])

    @Test(arguments: [
        ("Front Desk A, Front Office B, Night Shift C, Red D, Red Alert A", [0, 1, 2, 3, 0]),
        ("front desk a front office b night shift c red d red alert a", [0, 1, 2, 3, 0]),
        ("Red Alert A, Red D, Night C, Front O B, Front D A", [0, 1, 2, 3, 0]),
        ("front desk:a, front office=b, night:c, red:d, red alert:a", [0, 1, 2, 3, 0]),
        ("ABCDA", [0, 1, 2, 3, 0]),
        ("A B C D A", [0, 1, 2, 3, 0]),
    ])
    func teamNamesWithSpaces(input: String, picks: [Int]) throws {
        #expect(try spaced.parse(input) == .teams(picks))
    }

    @Test(arguments: [
        ("Front A, Night B, Red C, Red Alert D", "'Front' could be Front Desk or Front Office; type more of the name."),
        ("Front Desk, Front Office B", "Front Desk needs a pick after its name: one of A, B, C, D."),
        ("ABCDE", "'E' is not an option here; the options are A, B, C, D."),
        ("AB", "There are 5 teams (Front Desk, Front Office, Night Shift, Red, Red Alert) but 2 picks; give one pick per team."),
    ])
    func badSpacedTeamPicks(input: String, message: String) {
        #expect(throws: VoteParser.Problem(message: message)) { try spaced.parse(input) }
    }

    /// `:help` lists every form, with the session's own team names.
    @Test func theFormsNameTheTeams() {
        let forms = spaced.forms.joined(separator: "\n")
        #expect(forms.contains("Front Desk A, Front Office B, Night Shift C"))
        #expect(forms.contains("A B C D A or ABCDA"))
        #expect(forms.contains("front desk:a"))
        #expect(forms.contains("fr a"))
        #expect(parser.forms.joined().contains("A5 B3 C1"))
    }

    @Test(arguments: [
        ("Red, Front Desk", nil),
        ("Red,red", "each team needs a different name"),
        ("A,Blue", "the team name 'A' is a single letter, which reads as a pick; use a word"),
        ("Red:1,Blue", "the team name 'Red:1' holds ':', '=', ';' or ',', which separate a vote"),
        (" , ", "--teams needs at least one name"),
    ] as [(String, String?)])
    func teamNamesAreChecked(list: String, problem: String?) {
        #expect(TeamNames.problem(with: TeamNames.parse(list)) == problem)
    }

    @Test func teamNamesKeepTheirSpaces() {
        #expect(TeamNames.parse(" Front   Desk ,Night Shift") == ["Front Desk", "Night Shift"])
    }

    @Test(arguments: [
        ("A C", "There are 3 teams (Red, Blue, Green) but 2 picks; give one pick per team."),
        ("Red A, Blue C", "No pick for Green; every team needs one."),
        ("Rad A, Blue C, Green A", "'Rad' is not a team; did you mean Red? The teams are Red, Blue, Green."),
        ("Red A, Red B, Blue C", "Red is given twice."),
        ("Red Z, Blue A, Green A", "Red needs a pick after its name: one of A, B, C."),
        ("A C D", "'D' is not an option here; the options are A, B, C."),
    ])
    func badTeamPicks(input: String, message: String) {
        #expect(throws: VoteParser.Problem(message: message)) { try teams.parse(input) }
    }

    /// A letter for each of the 26 options a decision can have (the checker refuses a 27th). Beyond
    /// them `index % 26` wrapped round to 'A' (and -1 gave '@'), hiding the bug that asked; now it
    /// is a precondition.
    @Test func lettersAToZAndNoFurther() async {
        #expect(VoteParser.letter(0) == "A")
        #expect(VoteParser.letter(25) == "Z")
        await #expect(processExitsWith: .failure) { _ = VoteParser.letter(26) }
        await #expect(processExitsWith: .failure) { _ = VoteParser.letter(-1) }
    }

    /// With nothing on offer (the step after the last decision, where the debrief's :help lists the
    /// forms of a vote), the example divided by zero.
    @Test func noOptionsAreNoDivisionByZero() async {
        await #expect(processExitsWith: .success) {
            _ = VoteParser(optionCount: 0, teams: ["Red", "Blue"]).example
            _ = VoteParser(optionCount: 0, teams: ["Red", "Blue"]).forms
            _ = VoteParser(optionCount: 0, teams: []).forms
        }
    }

    @Test func leadersAndTies() {
        #expect(Vote.tally([5, 3, 1]).leaders(optionCount: 3) == [0])
        #expect(Vote.tally([4, 4, 1]).leaders(optionCount: 3) == [0, 1])
        #expect(Vote.teams([2, 2, 0]).leaders(optionCount: 3) == [2])
    }
}

/// Sessions of the fixture Tests/Fixtures/workshop.scenario: three options at each of its three decisions.
@Suite struct WorkshopTests {
    static func scenario() throws -> CheckedScenario { try fixture("workshop") }

    @Test func theStoryFollowsTheVotesAndUndoes() throws {
        var workshop = Workshop(scenario: try Self.scenario(), teams: [])
        let first = workshop.step.node
        #expect(workshop.result(of: .tally([5, 3, 1])) == .majority(0))
        #expect(workshop.result(of: .tally([4, 4, 1])) == .tie([0, 1]))
        try workshop.decide(vote: .tally([4, 4, 1]), option: 1, tieBroken: true)
        #expect(workshop.record.decisions.count == 1)
        #expect(workshop.record.decisions[0].tieBroken)
        #expect(workshop.step.node != first)
        let undone = workshop.undo()
        #expect(undone)
        #expect(workshop.step.node == first)
        #expect(workshop.record.decisions.isEmpty)
        let undoneAgain = workshop.undo()
        #expect(!undoneAgain)
    }

    @Test func teamsAreScoredOnTheirOwnPicks() throws {
        var workshop = Workshop(scenario: try Self.scenario(), teams: ["Red", "Blue"])
        let reveals = workshop.reveal()
        try workshop.decide(vote: .teams([0, 1]), option: 0, tieBroken: true)
        let totals = workshop.teamTotals()
        func total(_ reveal: ChoiceReveal) -> Int { reveal.deltas.reduce(0) { $0 + $1.delta } }
        #expect(totals.map(\.team) == ["Red", "Blue"])
        #expect(totals[0].totals.reduce(0, +) == total(reveals[0]))
        #expect(totals[1].totals.reduce(0, +) == total(reveals[1]))
    }

    @Test func resumesExactly() throws {
        let scenario = try Self.scenario()
        var workshop = Workshop(scenario: scenario, teams: ["Red", "Blue", "Green"])
        try workshop.decide(vote: .teams([0, 0, 1]), option: 0, tieBroken: false)
        try workshop.decide(vote: .teams([1, 2, 1]), option: 1, tieBroken: false)
        let data = try JSONEncoder().encode(workshop.record)
        let saved = try JSONDecoder().decode(WorkshopRecord.self, from: data)
        let resumed = try Workshop(resuming: saved, scenario: scenario)
        #expect(resumed.record == workshop.record)
        #expect(resumed.session.transcript == workshop.session.transcript)
        #expect(resumed.teamTotals().map(\.totals) == workshop.teamTotals().map(\.totals))
    }

    @Test func refusesAChangedScenario() throws {
        let scenario = try Self.scenario()
        var workshop = Workshop(scenario: scenario, teams: [])
        try workshop.decide(vote: .tally([1, 0, 0]), option: 0, tieBroken: false)
        var record = workshop.record
        record.scenario = Transcript.ScenarioReference(id: record.scenario.id, title: record.scenario.title, hash: "0")
        #expect(throws: WorkshopResumeError.scenarioChanged) { try Workshop(resuming: record, scenario: scenario) }
    }

    @Test func storeSavesWholeFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-store-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = WorkshopStore(folder: folder)
        var workshop = Workshop(scenario: try Self.scenario(), teams: [], name: "workshop")
        try store.save(workshop.record)
        try workshop.decide(vote: .tally([2, 1, 0]), option: 0, tieBroken: false)
        try store.save(workshop.record)
        #expect(try store.load(session: "workshop") == workshop.record)
        #expect(store.mostRecent() == "workshop")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func handoutAndExport() throws {
        let scenario = try Self.scenario()
        var workshop = Workshop(scenario: scenario, teams: ["Red", "Blue"])
        while !workshop.isOver { try workshop.decide(vote: .teams([0, 1]), option: 0, tieBroken: true) }
        let report = WorkshopReport(workshop: workshop, analysis: Analysis(scenario))
        let markdown = report.markdown()
        #expect(markdown.hasPrefix("# The Late Refund: workshop handout"))
        #expect(markdown.contains("## The room's choices and the best choice at each decision"))
        #expect(markdown.contains("| Red |"))
        let export = SessionExport(report)
        #expect(export.teams == ["Red", "Blue"])
        #expect(export.ending?.outcome == workshop.session.step.ending?.outcome.rawValue)
        #expect(export.decisions.count == workshop.record.decisions.count)
        #expect(export.decisions[0].teamPicks == ["Red": "A", "Blue": "B"])
    }

    /// A saved session is outside input, and may have been edited: team names with escape sequences
    /// and direction controls reach the handout sanitised, wherever they are written.
    @Test func theHandoutShowsTeamNamesSafely() throws {
        let scenario = try Self.scenario()
        var workshop = Workshop(scenario: scenario, teams: ["Red\u{1B}]0;pwned\u{7}", "Blue\u{202E}"])
        while !workshop.isOver { try workshop.decide(vote: .teams([0, 1]), option: 0, tieBroken: true) }
        let markdown = WorkshopReport(workshop: workshop, analysis: Analysis(scenario)).markdown()
        let unsafe = markdown.split(separator: "\n").filter { Sanitizer.firstChange(in: String($0)) != nil }
        #expect(unsafe.isEmpty, "\(unsafe)")
        #expect(markdown.contains("Picked by Blue&lt;U+202E&gt;"))
        #expect(markdown.contains("| Blue&lt;U+202E&gt; |"))
    }
}
