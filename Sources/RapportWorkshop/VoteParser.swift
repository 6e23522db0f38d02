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
/// With teams: `Red A, Blue C, Green A` (`Red:A` and `Red=A` too), or picks in team order, `A C A`.
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

    var letters: String { (0..<optionCount).map { String(Self.letter($0)) }.joined(separator: ", ") }

    public static func letter(_ index: Int) -> Character { Character(UnicodeScalar(UInt8(65 + index % 26))) }

    func optionIndex(_ text: Substring) -> Int? {
        guard text.count == 1, let scalar = text.uppercased().unicodeScalars.first, scalar.value >= 65 else { return nil }
        let index = Int(scalar.value) - 65
        return index < optionCount ? index : nil
    }

    public func parse(_ input: String) throws(Problem) -> Vote {
        let words = Self.words(input)
        guard !words.isEmpty else { throw Problem(message: "Type the votes, for example \(example).") }
        return teams.isEmpty ? .tally(try tally(words)) : .teams(try teamPicks(words))
    }

    public var example: String {
        if !teams.isEmpty {
            return teams.prefix(3).enumerated().map { "\($0.element) \(Self.letter($0.offset % optionCount))" }.joined(separator: ", ")
        }
        return (0..<min(optionCount, 3)).map { "\(Self.letter($0))\([5, 3, 1][$0])" }.joined(separator: " ")
    }

    /// Splits on blanks and commas, and separates a letter from a count written together (`A5`).
    static func words(_ input: String) -> [Substring] {
        var result: [Substring] = []
        for piece in input.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == ";" }) {
            if piece.count > 1, let first = piece.first, first.isLetter, Int(piece.dropFirst()) != nil {
                result.append(piece.prefix(1))
                result.append(piece.dropFirst())
            } else if let separator = piece.firstIndex(where: { $0 == ":" || $0 == "=" }) {
                result.append(piece[..<separator])
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
        // Picks in team order: one letter per team.
        if words.count == teams.count, words.allSatisfy({ optionIndex($0) != nil }) {
            return words.map { optionIndex($0)! }
        }
        if words.allSatisfy({ $0.count == 1 }) {
            if let bad = words.first(where: { optionIndex($0) == nil }) {
                throw Problem(message: "'\(bad)' is not an option here; the options are \(letters).")
            }
            throw Problem(
                message: "There are \(teams.count) teams (\(teams.joined(separator: ", "))) but \(words.count) \(words.count == 1 ? "pick" : "picks"); give one pick per team.")
        }
        var picks = [Int?](repeating: nil, count: teams.count)
        var index = 0
        while index < words.count {
            let name = words[index]
            guard let team = teams.firstIndex(where: { $0.lowercased() == name.lowercased() }) else {
                var message = "'\(name)' is not a team"
                if let near = Suggestions.closest(to: String(name), among: teams) {
                    message += "; did you mean \(near)?"
                } else {
                    message += "."
                }
                throw Problem(message: message + " The teams are \(teams.joined(separator: ", ")).")
            }
            guard index + 1 < words.count, let option = optionIndex(words[index + 1]) else {
                throw Problem(message: "\(teams[team]) needs a pick after its name: one of \(letters).")
            }
            guard picks[team] == nil else { throw Problem(message: "\(teams[team]) is given twice.") }
            picks[team] = option
            index += 2
        }
        let missing = teams.indices.filter { picks[$0] == nil }.map { teams[$0] }
        guard missing.isEmpty else {
            throw Problem(message: "No pick for \(missing.joined(separator: ", ")); every team needs one.")
        }
        return picks.map { $0! }
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
