import RapportLanguage

/// A room's vote at one decision: a count for each option, or each team's pick.
public enum Vote: Sendable, Equatable, Codable {
    /// Votes per option, by option index (A = 0).
    case tally([Int])
    /// Each team's pick, by option index, in the order of the teams.
    case teams([Int])
}

/// Reads what the facilitator types after a vote. Never guesses: anything it cannot read exactly is
/// an error with a message saying what was expected.
///
/// Without teams: `A5 B3 C1`, `a 5, b 3`, or counts in option order, `5 3 1` (missing options are 0).
/// With teams, each team's pick by name, in any order: `Red A, Blue C, Green A` (`Red:A` and
/// `Red=A` too; names are matched without regard to case, a name may have spaces, `Front Desk B`,
/// and may be shortened to any beginning that only one team's name has, `fr b`); or the picks in
/// team order, `A C A` or `ACA`.
public struct VoteParser: Sendable {
    public let optionCount: Int
    public let teams: [String]

    public init(optionCount: Int, teams: [String]) {
        self.optionCount = optionCount
        self.teams = teams
    }

    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let message: String

        public init(message: String) {
            self.message = message
        }

        public var description: String { message }
    }

    var letters: String { (0..<optionCount).map { Self.letter($0) }.joined(separator: ", ") }

    /// The letter of option `index` (A = 0). A decision has at most 26 options
    /// (`ScenarioLimits.choicesPerNode`; the checker refuses a 27th), one for each letter, so an
    /// index without one is a bug in the caller, not something to wrap round and hide.
    public static func letter(_ index: Int) -> String {
        precondition((0..<26).contains(index), "option \(index) has no letter: a decision has at most 26 options")
        return String(UnicodeScalar(UInt8(65 + index)))
    }

    /// How many options the example and the forms show: at least one, so that with nothing on offer
    /// (the step after the last decision, whose :help lists them too) they still show the shape.
    var shownOptions: Int { max(1, optionCount) }

    func optionIndex(_ text: Substring) -> Int? {
        guard text.count == 1, let scalar = text.uppercased().unicodeScalars.first, scalar.value >= 65 else { return nil }
        let index = Int(scalar.value) - 65
        return index < optionCount ? index : nil
    }

    public func parse(_ input: String) throws(Problem) -> Vote {
        let words = Self.words(input, splittingCounts: teams.isEmpty)
        guard !words.isEmpty else { throw Problem(message: "Type the votes, for example \(example).") }
        return teams.isEmpty ? .tally(try tally(words)) : .teams(try teamPicks(words))
    }

    public var example: String {
        if !teams.isEmpty {
            return teams.prefix(3).enumerated().map { "\($0.element) \(Self.letter($0.offset % shownOptions))" }.joined(separator: ", ")
        }
        return (0..<min(shownOptions, 3)).map { "\(Self.letter($0))\([5, 3, 1][$0])" }.joined(separator: " ")
    }

    /// Every form a vote can take here, one a line, for the facilitator's `:help`.
    public var forms: [String] {
        guard !teams.isEmpty else {
            return [
                "\(example)   a letter and a count for each option", "\((0..<min(shownOptions, 3)).map { String([5, 3, 1][$0]) }.joined(separator: " "))   counts in option order (missing options have none)",
            ]
        }
        let inOrder = teams.indices.map { Self.letter($0 % shownOptions) }
        let first = teams[0]
        var forms = [
            "\(example)   each team's name and pick, in any order",
            "\(inOrder.joined(separator: " ")) or \(inOrder.joined())   the picks in team order (\(teams.joined(separator: ", ")))",
            "\(first.lowercased()):a or \(first)=A   a colon or an equals sign between name and pick; case does not matter",
        ]
        if first.count > 3 { forms.append("\(first.prefix(2).lowercased()) a   the start of a name, when only one team's name starts so") }
        return forms
    }

    /// Splits on blanks, commas and semicolons; `name:pick` and `name=pick` are two words. For
    /// tallies, a letter written together with its count (`A5`) is two words too.
    static func words(_ input: String, splittingCounts: Bool = true) -> [Substring] {
        var result: [Substring] = []
        for piece in input.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" }) {
            if splittingCounts, piece.count > 1, let first = piece.first, first.isLetter, Int(piece.dropFirst()) != nil {
                result.append(piece.prefix(1))
                result.append(piece.dropFirst())
            } else if let separator = piece.firstIndex(where: { $0 == ":" || $0 == "=" }) {
                if separator > piece.startIndex { result.append(piece[..<separator]) }
                let rest = piece[piece.index(after: separator)...]
                if !rest.isEmpty { result.append(rest) }
            } else {
                result.append(piece)
            }
        }
        return result
    }

    func tally(_ words: [Substring]) throws(Problem) -> [Int] {
        var counts = [Int](repeating: 0, count: optionCount)
        if words.allSatisfy({ Int($0) != nil }) {
            guard words.count <= optionCount else {
                throw Problem(message: "There are \(words.count) numbers but only \(optionCount) options (\(letters)).")
            }
            for (index, word) in words.enumerated() {
                let count = Int(word)!
                guard count >= 0 else { throw Problem(message: "A vote count cannot be negative (\(word)).") }
                counts[index] = count
            }
        } else {
            var seen = Set<Int>()
            var index = 0
            while index < words.count {
                let word = words[index]
                guard let option = optionIndex(word) else {
                    if Int(word) != nil {
                        throw Problem(message: "Put a letter before each count (A5 B3), or give only counts (5 3 1).")
                    }
                    throw Problem(message: "'\(word)' is not an option here; the options are \(letters).")
                }
                guard index + 1 < words.count, let count = Int(words[index + 1]) else {
                    throw Problem(message: "Option \(word.uppercased()) needs a number of votes after it, as in \(word.uppercased())4.")
                }
                guard count >= 0 else { throw Problem(message: "A vote count cannot be negative (\(count)).") }
                guard seen.insert(option).inserted else {
                    throw Problem(message: "Option \(word.uppercased()) is counted twice; give each option once.")
                }
                counts[option] = count
                index += 2
            }
        }
        guard counts.contains(where: { $0 > 0 }) else {
            throw Problem(message: "Nobody voted: at least one option needs a vote.")
        }
        guard counts.allSatisfy({ $0 <= 10_000 }) else { throw Problem(message: "That is more votes than a room holds.") }
        return counts
    }

    func teamPicks(_ words: [Substring]) throws(Problem) -> [Int] {
        // Picks in team order: one letter per team, apart (`A C A`) or together (`ACA`).
        // A single word cannot be a name and its pick, so one of letters only is the picks together,
        // unless it is a team's name (`Red`, its pick forgotten).
        var inOrder = words
        if words.count == 1, words[0].count > 1, words[0].allSatisfy(\.isLetter),
            words[0].count == teams.count || words[0].allSatisfy({ optionIndex(Substring(String($0))) != nil }),
            (try? team(at: 0, in: words)) == nil
        {
            inOrder = words[0].map { Substring(String($0)) }
        }
        if inOrder.count == teams.count, inOrder.allSatisfy({ optionIndex($0) != nil }) {
            return inOrder.map { optionIndex($0)! }
        }
        if inOrder.allSatisfy({ $0.count == 1 }) {
            if let bad = inOrder.first(where: { optionIndex($0) == nil }) {
                throw Problem(message: "'\(bad)' is not an option here; the options are \(letters).")
            }
            throw Problem(
                message: "There are \(teams.count) teams (\(teams.joined(separator: ", "))) but \(inOrder.count) \(inOrder.count == 1 ? "pick" : "picks"); give one pick per team.")
        }
        var picks = [Int?](repeating: nil, count: teams.count)
        var index = 0
        while index < words.count {
            let (team, length) = try self.team(at: index, in: words)
            guard index + length < words.count, let option = optionIndex(words[index + length]) else {
                throw Problem(message: "\(teams[team]) needs a pick after its name: one of \(self.letters).")
            }
            guard picks[team] == nil else { throw Problem(message: "\(teams[team]) is given twice.") }
            picks[team] = option
            index += length + 1
        }
        let missing = teams.indices.filter { picks[$0] == nil }.map { teams[$0] }
        guard missing.isEmpty else {
            throw Problem(message: "No pick for \(missing.joined(separator: ", ")); every team needs one.")
        }
        return picks.map { $0! }
    }

    /// The team named by the words from `index` on, and how many words its name takes. A whole name
    /// is preferred to a shortened one, and a longer one to a shorter; either counts only when a pick
    /// follows it, so `Red A` is the team Red even beside a team called Red Alert. Without a pick
    /// after it, a name is still recognised, to say that its pick is missing.
    func team(at index: Int, in words: [Substring]) throws(Problem) -> (team: Int, length: Int) {
        let names = teams.map { $0.lowercased() }
        let longest = min(words.count - index, teams.map { $0.split(separator: " ").count }.max() ?? 1)
        func phrase(_ length: Int) -> String { words[index..<(index + length)].joined(separator: " ").lowercased() }
        func picked(_ length: Int) -> Bool { index + length < words.count && optionIndex(words[index + length]) != nil }
        var ambiguous: [Int] = []
        for requirePick in [true, false] {
            for length in stride(from: longest, through: 1, by: -1) where !requirePick || picked(length) {
                if let team = names.firstIndex(of: phrase(length)) { return (team, length) }
            }
            for length in stride(from: longest, through: 1, by: -1) where !requirePick || picked(length) {
                let matches = names.indices.filter { names[$0].hasPrefix(phrase(length)) }
                if matches.count == 1 { return (matches[0], length) }
                if matches.count > 1, ambiguous.isEmpty { ambiguous = matches }
            }
        }
        let name = words[index]
        if !ambiguous.isEmpty {
            let which = ambiguous.map { teams[$0] }
            throw Problem(
                message: "'\(name)' could be \(which.dropLast().joined(separator: ", ")) or \(which.last!); type more of the name.")
        }
        var message = "'\(name)' is not a team"
        if let near = Suggestions.closest(to: String(name), among: teams) {
            message += "; did you mean \(near)?"
        } else {
            message += "."
        }
        throw Problem(message: message + " The teams are \(teams.joined(separator: ", ")).")
    }
}

extension Vote {
    /// Votes per option, whichever way they were given.
    public func counts(optionCount: Int) -> [Int] {
        switch self {
        case .tally(let counts): return counts
        case .teams(let picks):
            var counts = [Int](repeating: 0, count: optionCount)
            for pick in picks where pick < optionCount { counts[pick] += 1 }
            return counts
        }
    }

    /// The options with the most votes: one means a clear majority, more than one a tie.
    public func leaders(optionCount: Int) -> [Int] {
        let counts = counts(optionCount: optionCount)
        guard let top = counts.max(), top > 0 else { return [] }
        return counts.indices.filter { counts[$0] == top }
    }
}
