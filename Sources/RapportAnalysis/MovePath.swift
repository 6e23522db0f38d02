import RapportEngine
import RapportLanguage

extension Analysis {
    /// A path of moves, kept as the node and the action of each (8 bytes a move) and made into
    /// `Move`s only when read. As lists of `Move`s (three strings, 48 bytes each) the examples and
    /// the best and worst paths of a 100,000-decision chain took 24 MB, a quarter of its analysis.
    public struct MovePath: RandomAccessCollection, Sendable, Hashable, Encodable {
        /// The scenario's nodes (shared, not copied), to make each move from.
        private let nodes: [Node]
        /// For each move: the node's index in the high 32 bits; in the low, the choice's index plus
        /// one, or 0 for a silence.
        private let moves: [UInt64]

        init(nodes: [Node], moves: [UInt64]) {
            self.nodes = nodes
            self.moves = moves
        }

        /// One move, packed as `moves` keeps it.
        static func packed(node: Int, action: Rules.Action) -> UInt64 {
            let low: UInt64 =
                switch action {
                case .choose(let index): UInt64(index + 1)
                case .silence: 0
                }
            return UInt64(node) << 32 | low
        }

        public var startIndex: Int { 0 }
        public var endIndex: Int { moves.count }

        public subscript(position: Int) -> Move {
            let node = nodes[Int(moves[position] >> 32)]
            let choice = Int(moves[position] & 0xFFFF_FFFF)
            guard choice > 0 else { return Move(node: node.id, choiceID: nil, text: "(silence)") }
            return Move(node: node.id, choiceID: node.choices[choice - 1].id, text: node.choices[choice - 1].text.string)
        }

        /// The moves to write on one line: all of them when there are at most `limit`, otherwise
        /// the first and the last `limit / 2`, with how many were left out between them. On a
        /// generated scenario of thousands of decisions a whole path made lines hundreds of
        /// kilobytes long.
        public func excerpt(atMost limit: Int = 12) -> (first: [Move], omitted: Int, last: [Move]) {
            guard count > limit else { return (Array(self), 0, []) }
            let side = Swift.max(1, limit / 2)
            return (Array(self[..<side]), count - 2 * side, Array(self[(count - side)...]))
        }

        /// Two paths are equal when their moves are, whatever scenario value they were read from.
        public static func == (lhs: MovePath, rhs: MovePath) -> Bool { lhs.elementsEqual(rhs) }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(count)
            for move in self { hasher.combine(move) }
        }

        /// Encoded as the list of moves it stands for.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            for move in self { try container.encode(move) }
        }
    }
}
